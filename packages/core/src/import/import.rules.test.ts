import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chunkRows,
  type ImportContext,
  isStale,
  itemsOfRow,
  kindFromText,
  MAX_IMPORT_ROWS,
  MAX_TRANSACTION_ITEMS,
  matchHeaders,
  membersAfter,
  type SheetRow,
  validateRows,
} from "./import.rules.ts";

const empty: ImportContext = { units: [], blocs: [], blocYears: new Map(), memberships: new Map() };
const row = (r: number, name: string, kind = "Xã", bloc = "", shortName = ""): SheetRow => ({
  row: r,
  name,
  shortName,
  kind,
  bloc,
});

describe("import headers", () => {
  it("finds the columns whatever their case, diacritics, notes or order", () => {
    const { columns, missing } = matchHeaders([
      { col: 1, text: "STT" },
      { col: 2, text: "TÊN ĐƠN VỊ (*)" },
      { col: 3, text: "loai" },
      { col: 4, text: "Khối / Cụm" },
      { col: 5, text: "Tên viết tắt" },
    ]);
    expect(columns).toEqual({ name: 2, kind: 3, bloc: 4, shortName: 5 });
    expect(missing).toEqual([]);
  });

  it("names the required columns that are missing", () => {
    expect(matchHeaders([{ col: 1, text: "Tên viết tắt" }]).missing).toEqual(["name", "kind"]);
  });
});

describe("kind labels", () => {
  it.each([
    ["party_agency", "party_agency"],
    ["Cơ quan Đảng", "party_agency"],
    ["co quan dang", "party_agency"],
    ["Sở, ban, ngành", "state_agency"],
    ["Cơ quan nhà nước", "state_agency"],
    ["MẶT TRẬN, ĐOÀN THỂ", "mass_organization"],
    ["Hội", "association"],
    ["Xã, phường, thị trấn", "commune"],
    ["Phường", "commune"],
    ["xa", "commune"],
    ["Doanh nghiệp", "enterprise"],
    ["Khác", "other"],
  ])("reads %s as %s", (text, kind) => {
    expect(kindFromText(text)).toBe(kind);
  });

  it("knows no other kind", () => {
    expect(kindFromText("Trường học")).toBeUndefined();
  });
});

describe("row validation", () => {
  const ctx: ImportContext = {
    units: [{ unitId: "xa-an-phu", name: "Xã An Phú" }],
    blocs: [
      { blocId: "cum-1", name: "Cụm thi đua số 1" },
      { blocId: "cum-2", name: "Cụm thi đua số 2" },
      { blocId: "khoi-dong", name: "Khối Đông" },
      { blocId: "khoi-dong-2", name: "Khoi Dong" },
    ],
    blocYears: new Map([["cum-2", { status: "closed", members: 3 }]]),
    memberships: new Map([["xa-an-phu", "cum-1"]]),
  };

  it("plans units with readable ids and resolves blocs by name or id without diacritics", () => {
    const { problems, plan } = validateRows(
      [row(2, "Xã Tân Hội", "Xã", "cum thi dua so 1"), row(3, "Phường Mỹ Bình", "Phường", "CUM-1", "P. Mỹ Bình")],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(plan).toEqual([
      { row: 2, unitId: "xa-tan-hoi", name: "Xã Tân Hội", kind: "commune", blocId: "cum-1" },
      {
        row: 3,
        unitId: "p-my-binh",
        name: "Phường Mỹ Bình",
        shortName: "P. Mỹ Bình",
        kind: "commune",
        blocId: "cum-1",
      },
    ]);
  });

  it("names each problem by Excel row and column, and plans nothing", () => {
    const { problems, plan } = validateRows(
      [
        row(2, "", "Xã"),
        row(3, "Xã Mới", "Trường học", "Cụm không có"),
        row(4, "Xa moi", "Xã"),
        row(5, "XÃ AN PHÚ", "Xã", "Cụm thi đua số 2"),
        row(6, "Xã Khác", "", "Khối Đông"),
        row(7, "Xã Đóng", "Xã", "cum-2"),
      ],
      ctx,
    );
    expect(plan).toEqual([]);
    expect(problems).toEqual([
      { path: "rows.2.name", message: "import.name_required" },
      { path: "rows.3.kind", message: "import.unknown_kind" },
      { path: "rows.3.bloc", message: "import.unknown_bloc" },
      { path: "rows.4.name", message: "import.duplicate_in_file" },
      { path: "rows.5.name", message: "import.unit_exists" },
      { path: "rows.5.bloc", message: "import.unit_in_other_bloc" },
      { path: "rows.6.kind", message: "import.kind_required" },
      { path: "rows.6.bloc", message: "import.ambiguous_bloc" },
      { path: "rows.7.bloc", message: "import.bloc_year_closed" },
    ]);
  });

  it("suffixes an id already taken by a unit, a membership or an earlier row", () => {
    const { plan } = validateRows(
      [row(2, "Xã An Phú Mới", "Xã", "", "Xã An Phú"), row(3, "Xã An Phú Hai", "Xã", "", "Xã An Phú")],
      ctx,
    );
    expect(plan.map((p) => p.unitId)).toEqual(["xa-an-phu-2", "xa-an-phu-3"]);
  });

  it("refuses an empty sheet and one with too many rows", () => {
    expect(validateRows([], empty).problems).toEqual([{ path: "rows", message: "import.empty" }]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row(i + 2, `Xã ${i}`));
    expect(validateRows(many, empty).problems).toEqual([{ path: "rows", message: "import.too_many_rows" }]);
  });

  it("stops a bloc at 200 members", () => {
    const full: ImportContext = { ...ctx, blocYears: new Map([["cum-1", { status: "planning", members: 199 }]]) };
    const { problems } = validateRows([row(2, "Xã A1", "Xã", "cum-1"), row(3, "Xã A2", "Xã", "cum-1")], full);
    expect(problems).toEqual([{ path: "rows.3.bloc", message: "import.bloc_full" }]);
  });
});

describe("chunking", () => {
  const rows = fc.array(fc.record({ blocId: fc.option(fc.constant("cum-1"), { nil: undefined }) }), {
    maxLength: MAX_IMPORT_ROWS,
  });

  it("covers every row once, in order, and keeps each chunk within a transaction", () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 5 }), (all, reserved) => {
        const chunks = chunkRows(all, itemsOfRow, reserved);
        expect(chunks.flat()).toEqual(all);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          const items = chunk.reduce((n, r) => n + itemsOfRow(r), reserved);
          expect(items).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
        }
      }),
    );
  });

  it("fills chunks greedily: only the last may have room for another row", () => {
    fc.assert(
      fc.property(rows, (all) => {
        const chunks = chunkRows(all, itemsOfRow, 1);
        chunks.slice(0, -1).forEach((chunk, i) => {
          const used = chunk.reduce((n, r) => n + itemsOfRow(r), 1);
          const next = chunks[i + 1]?.[0];
          expect(used + (next ? itemsOfRow(next) : 0)).toBeGreaterThan(MAX_TRANSACTION_ITEMS);
        });
      }),
    );
  });

  it("refuses a row larger than a transaction", () => {
    expect(() => chunkRows([1], () => 100, 1)).toThrow();
  });
});

describe("jobs", () => {
  it("calls a heartbeat stale after a minute", () => {
    const now = new Date("2025-03-01T10:01:01Z");
    expect(isStale("2025-03-01T10:00:00Z", now)).toBe(true);
    expect(isStale("2025-03-01T10:00:30Z", now)).toBe(false);
  });

  it("adds a bloc's new members after its current ones", () => {
    const plan = [
      { row: 2, unitId: "a", name: "A", kind: "commune" as const, blocId: "cum-1" },
      { row: 3, unitId: "b", name: "B", kind: "commune" as const, blocId: "cum-2" },
      { row: 4, unitId: "c", name: "C", kind: "commune" as const, blocId: "cum-1" },
    ];
    expect(membersAfter(["x"], plan, "cum-1")).toEqual(["x", "a", "c"]);
  });
});
