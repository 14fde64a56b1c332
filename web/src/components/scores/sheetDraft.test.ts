import { describe, expect, it } from "vitest";
import type { TableLine } from "../../api/scores.ts";
import { changedLines, draftOf, lineProblems, linesBody, typedCount } from "./sheetDraft.ts";

const line = (id: string, kind: TableLine["kind"], maxPoints = 10): TableLine => ({
  id,
  kind,
  maxPoints,
  weight: 1,
  evidenceRequired: false,
});
const lines = [line("1.1", "criterion", 60), line("1.2", "criterion", 40), line("b1", "bonus", 5)];

describe("the self-scoring form", () => {
  it("opens from the saved sheet with the decimal comma, and sends only what changed", () => {
    const saved = { "1.1": { points: 55.5, note: "95%", links: [{ url: "https://a.vn/x.pdf" }], files: [] } };
    const opened = draftOf(saved, lines, "vi");
    expect(opened["1.1"]).toEqual({ points: "55,5", note: "95%", links: [{ url: "https://a.vn/x.pdf", title: "" }] });
    const draft = {
      ...opened,
      "1.1": { ...opened["1.1"], points: "55.5" },
      "1.2": { points: "38,5", note: "", links: [] },
    };
    // 55,5 and 55.5 are the same points.
    expect(changedLines(draft as typeof opened, opened)).toEqual(["1.2"]);
    expect(linesBody(draft as typeof opened, ["1.2"])).toEqual({ "1.2": { points: 38.5, note: "", links: [] } });
  });

  it("finds before sending what the API would refuse", () => {
    const check = (l: TableLine, points: string, note = "", url = "") =>
      lineProblems(l, { points, note, links: url ? [{ url, title: "" }] : [] }).map((i) => i.check);
    expect(check(lines[0] as TableLine, "61")).toEqual(["over_max"]);
    expect(check(lines[0] as TableLine, "5,5,5")).toEqual(["points_invalid"]);
    expect(check(lines[0] as TableLine, "", "Giải trình")).toEqual(["points_needed"]);
    expect(check(lines[2] as TableLine, "2")).toEqual(["reason_needed"]);
    expect(check(lines[1] as TableLine, "30", "", "bao-cao.pdf")).toEqual(["url_invalid"]);
    expect(check(lines[1] as TableLine, "30", "", "https://so.gov.vn/bao-cao.pdf")).toEqual([]);
  });

  it("counts the criteria with points typed", () => {
    const draft = draftOf({}, lines, "vi");
    expect(typedCount({ ...draft, "1.1": { points: "12,5", note: "", links: [] } }, lines)).toEqual({
      done: 1,
      total: 2,
    });
  });
});
