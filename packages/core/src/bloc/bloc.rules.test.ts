import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memberChanges, seatProblems } from "./bloc.rules.ts";

const ids = fc.uniqueArray(fc.constantFrom<string>("a", "b", "c", "d", "e", "f"), { maxLength: 6 });

describe("bloc rules", () => {
  it("member changes turn the old list into the new one", () => {
    fc.assert(
      fc.property(ids, ids, (before, after) => {
        const { added, removed } = memberChanges(before, after);
        const result = new Set([...before.filter((id) => !removed.includes(id)), ...added]);
        expect(result).toEqual(new Set(after));
        expect(added.filter((id) => before.includes(id))).toEqual([]);
      }),
    );
  });

  it("accepts any member who did not lead last year and is not disciplined", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom("a", "b", "c", "d"), { minLength: 2 }), (members) => {
        const [leader, previous] = members as [string, string];
        const problems = seatProblems({
          members,
          leaderUnitId: leader,
          deputyUnitIds: members.slice(1),
          previousLeaderUnitId: previous,
          disciplined: new Set(),
          noConsecutiveLeader: true,
          disciplineExcludes: true,
        });
        expect(problems).toEqual([]);
      }),
    );
  });

  it("lets a disciplined unit lead only when the province does not exclude it", () => {
    const check = (disciplineExcludes: boolean) =>
      seatProblems({
        members: ["a"],
        leaderUnitId: "a",
        deputyUnitIds: [],
        disciplined: new Set(["a"]),
        noConsecutiveLeader: true,
        disciplineExcludes,
      });
    expect(check(true)).toEqual([{ path: "leaderUnitId", message: "bloc.seat_disciplined" }]);
    expect(check(false)).toEqual([]);
  });
});
