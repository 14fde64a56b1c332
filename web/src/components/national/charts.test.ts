import { describe, expect, it } from "vitest";
import { activityChart, awardsChart, progressChart } from "./charts.ts";
import { item, tenant } from "./national.fixture.ts";
import { provinceRows } from "./provinces.ts";

const rows = provinceRows(
  [
    item("an-giang", { proposals: { "my-own": { approved: 2 }, "provincial-flag": { approved: 1 } } }),
    item("quang-tri", {
      proposals: { "certificate-of-merit": { proposed: 3 } },
      duties: { registered: 8, signed: 8, reported: 8, submitted: 8, locked: 8 },
    }),
  ],
  [tenant("an-giang", "An Giang"), tenant("quang-tri", "Quảng Trị"), tenant("ha-noi", "Hà Nội")],
);

describe("the national charts' data", () => {
  it("stack each province's awards by type, only provinces with awards, built-in types first", () => {
    expect(awardsChart(rows)).toEqual({
      types: ["provincial-flag", "my-own"],
      data: [{ tenantId: "an-giang", name: "An Giang", "provincial-flag": 1, "my-own": 2 }],
    });
  });

  it("stack bloc-years by the stages some province is at, provinces with blocs only", () => {
    const { data, stages } = progressChart(rows);
    expect(stages).toEqual(["planning", "scoring", "closed"]);
    expect(data.map((d) => d.tenantId)).toEqual(["an-giang", "quang-tri"]);
    expect(data[0]).toMatchObject({ planning: 1, scoring: 1, closed: 1 });
  });

  it("rank the provinces with members by duties done, most active first", () => {
    expect(activityChart(rows)).toEqual([
      { tenantId: "quang-tri", name: "Quảng Trị", percent: 100 },
      { tenantId: "an-giang", name: "An Giang", percent: 60 },
    ]);
  });
});
