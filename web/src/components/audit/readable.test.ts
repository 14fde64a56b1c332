import { describe, expect, it } from "vitest";
import type { AuditRecord } from "../../api/audit.ts";
import vi from "../../i18n/vi.json";
import { type Names, readRecord } from "./readable.ts";
import type { Translate } from "./types.ts";

/** The Vietnamese sentences as the dashboard has them: nested keys, plural `_other`, `{{value}}`s. */
const t: Translate = (key, values = {}) => {
  const find = (path: string) =>
    path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], vi);
  const found = find(key) ?? (values.count !== undefined ? find(`${key}_other`) : undefined);
  if (typeof found !== "string") return `MISSING(${key})`;
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const names: Names = {
  unit: (id) => ({ "bao-an-giang": "Báo An Giang", "ban-tuyen-giao": "Ban Tuyên giáo Tỉnh ủy" })[id],
  bloc: (id) => ({ "khoi-dang": "Khối các cơ quan Đảng" })[id],
  awardType: (id) => ({ "provincial-flag": "Cờ thi đua của UBND tỉnh" })[id],
};

const record = (fields: Partial<AuditRecord>): AuditRecord => ({
  auditId: "a",
  at: "2026-11-29T10:00:00Z",
  actorId: "b",
  actorName: "Ban",
  actorRole: "board",
  action: "update",
  entity: "unit",
  entityId: "x",
  ...fields,
});

/** Everything a reader sees of a record, as one string. */
const seen = (r: AuditRecord) => {
  const { subject, changes } = readRecord(r, names, t, "vi");
  return [subject, ...changes.flatMap((c) => [c.label, c.before ?? "", c.after ?? ""])].join(" | ");
};

const criterion = (id: string, maxPoints: number) => ({
  id,
  title: `Tiêu chí ${id}`,
  maxPoints,
  evidenceRequired: false,
});
const table = {
  groups: [
    { id: "1", title: "Nhiệm vụ chính trị", items: [criterion("1.1", 40), criterion("1.2", 20)] },
    { id: "2", title: "Xây dựng tổ chức", items: [criterion("2.1", 40)] },
  ],
  bonus: [{ id: "b1", title: "Sáng kiến", maxPoints: 5 }],
  penalties: [],
};

/** What the year's use cases record of a member's part (see core cycle and score). */
const participation = (fields: Partial<AuditRecord>) =>
  record({ entity: "participation", entityId: "khoi-dang/2026/bao-an-giang", ...fields });
const participationRecords = [
  participation({
    action: "create",
    after: { targets: ["Hoàn thành nhiệm vụ"], aims: ["provincial-flag"] },
  }),
  participation({ after: { covenant: "2026-03-02T08:00:00Z" } }),
  participation({ after: { items: ["Sáu tháng đầu năm"] } }),
  participation({
    before: { lines: { "1.1": { points: 30, note: "", links: [], files: [] } } },
    after: { lines: { "1.1": { points: 35, note: "Đủ hồ sơ", links: [], files: [] } } },
  }),
  participation({ before: {}, after: { lines: { "1.1": { files: ["Báo cáo.pdf"] } } } }),
  participation({ before: {}, after: { submitted: "2026-12-01T08:00:00Z" } }),
  participation({ before: { scorerUnitId: null }, after: { scorerUnitId: "ban-tuyen-giao" } }),
  participation({ before: { lines: { "1.1": 35 } }, after: { lines: { "1.1": 32.5 } }, reason: "Thiếu minh chứng" }),
  participation({ before: { locked: "2026-12-05T08:00:00Z" }, after: { locked: null }, reason: "Khiếu nại" }),
];

describe("the audit trail as people read it", () => {
  it("reads a member's part in the year: registration, covenant, scores and their verification", () => {
    const [registered, signed, , scored, attached, , assigned, verified] = participationRecords.map(seen);
    expect(registered).toContain("Báo An Giang · Khối các cơ quan Đảng · năm 2026");
    expect(registered).toContain("Danh hiệu phấn đấu |  | Cờ thi đua của UBND tỉnh");
    expect(signed).toContain("Ký giao ước |  | 02/03/2026");
    expect(scored).toContain("Tiêu chí 1.1 | 30 điểm | 35 điểm");
    expect(attached).toContain("Thêm minh chứng cho tiêu chí 1.1 |  | Báo cáo.pdf");
    expect(assigned).toContain("Đơn vị chấm chéo | Khối trưởng thẩm định | Ban Tuyên giáo Tỉnh ủy");
    expect(verified).toContain("Tiêu chí 1.1 | 35 điểm | 32,5 điểm");
    expect(verified).toContain("Thiếu minh chứng");
  });

  it("names a unit's fields and kinds in Vietnamese, with archiving dated day first", () => {
    const before = { unitId: "bao-an-giang", name: "Báo An Giang", kind: "party_agency", discipline: {}, version: 1 };
    const after = {
      ...before,
      kind: "state_agency",
      discipline: { "2024": "Khiển trách" },
      archivedAt: "2026-11-29T10:00:00Z",
    };
    const text = seen(record({ entity: "unit", entityId: "bao-an-giang", before, after }));
    expect(text).toBe(
      "Báo An Giang | Loại | Cơ quan Đảng | Cơ quan nhà nước | Kỷ luật năm 2024 |  | Khiển trách | Lưu trữ từ ngày |  | 29/11/2026",
    );
  });

  it("shows a year's members as who joined and who left, the leader and status by name", () => {
    const before = {
      blocId: "khoi-dang",
      year: 2024,
      memberUnitIds: ["bao-an-giang"],
      deputyUnitIds: [],
      status: "planning",
      version: 1,
    };
    const after = {
      ...before,
      memberUnitIds: ["ban-tuyen-giao"],
      leaderUnitId: "ban-tuyen-giao",
      status: "open",
      theme: "Đoàn kết",
    };
    const text = seen(record({ entity: "blocYear", entityId: "khoi-dang/2024", before, after, reason: "Sáp nhập" }));
    expect(text).toContain("Khối các cơ quan Đảng · năm 2024");
    expect(text).toContain("Thêm 1 thành viên |  | Ban Tuyên giáo Tỉnh ủy");
    expect(text).toContain("Bớt 1 thành viên | Báo An Giang");
    expect(text).toContain("Khối trưởng |  | Ban Tuyên giáo Tỉnh ủy");
    expect(text).toContain("Trạng thái | Đang chuẩn bị | Đã phát động");
    expect(text).toContain("Lý do |  | Sáp nhập");
    expect(text).not.toMatch(/bao-an-giang|memberUnitIds|planning/);
  });

  it("summarises a criteria table: its size when first saved, then lines added and points changed", () => {
    const first = seen(record({ entity: "criteria", entityId: "khoi-dang", action: "create", after: table }));
    expect(first).toBe(
      "Bảng tiêu chí của Khối các cơ quan Đảng | Bảng tiêu chí |  | 2 nhóm, 3 tiêu chí, tổng 100 điểm",
    );
    const edited = {
      ...table,
      groups: [
        {
          ...table.groups[0],
          items: [criterion("1.1", 42), { ...criterion("1.2", 20), title: "Nội dung mới" }, criterion("1.3", 1)],
        },
        table.groups[1],
      ],
      bonus: [],
    };
    // Guidance, evidence and order are changes too.
    const reordered = {
      ...table,
      groups: [
        table.groups[1],
        { ...table.groups[0], items: [{ ...criterion("1.1", 40), guidance: "Đối chiếu" }, criterion("1.2", 20)] },
      ],
    };
    expect(seen(record({ entity: "criteria", entityId: "khoi-dang", before: table, after: reordered }))).toBe(
      "Bảng tiêu chí của Khối các cơ quan Đảng | Hướng dẫn chấm tiêu chí 1.1 |  | Đối chiếu | Đổi thứ tự các mục |  | ",
    );
    const text = seen(record({ entity: "criteria", entityId: "khoi-dang", before: table, after: edited }));
    expect(text).toBe(
      [
        "Bảng tiêu chí của Khối các cơ quan Đảng",
        "Thêm 1 mục |  | tiêu chí 1.3: Tiêu chí 1.3",
        "Bỏ 1 mục | điểm thưởng b1: Sáng kiến | ",
        "Tiêu chí 1.1 | 40 điểm | 42 điểm",
        "Nội dung tiêu chí 1.2 | Tiêu chí 1.2 | Nội dung mới",
      ].join(" | "),
    );
  });

  it("shows quotas per award type by name, and rule overrides by their labels as percentages", () => {
    const quota = seen(
      record({
        entity: "quota",
        entityId: "khoi-dang/2025",
        before: [],
        after: [{ awardTypeId: "provincial-flag", mode: "percent", value: 30, rounding: "up" }],
      }),
    );
    expect(quota).toBe(
      "Hạn mức của Khối các cơ quan Đảng · năm 2025 | Cờ thi đua của UBND tỉnh | mặc định | 30 % số thành viên, làm tròn lên",
    );
    const rules = seen(
      record({
        entity: "rules",
        entityId: "province",
        before: {},
        after: { ballot: { quorum: 2 / 3, secret: false } },
      }),
    );
    expect(rules).toContain("Tỷ lệ thành viên có mặt tối thiểu (%) | theo quy chế chung | 66,67 %");
    expect(rules).toContain("Bỏ phiếu kín | theo quy chế chung | Không");
  });

  it("reads a letterhead's change by the labels of its form, a number pattern by its document", () => {
    const text = seen(
      record({
        entity: "letterhead",
        entityId: "letterhead",
        before: { place: "An Giang", signer: { title: "CHỦ TỊCH" }, numbers: {} },
        after: { place: "Long Xuyên", signer: { title: "PHÓ CHỦ TỊCH" }, numbers: { minutes: "{n}/BB-HĐTĐKT" } },
      }),
    );
    expect(text).toContain("Tiêu đề văn bản của tỉnh/thành");
    expect(text).toContain("Địa danh | An Giang | Long Xuyên");
    expect(text).toContain("Chức vụ người ký | CHỦ TỊCH | PHÓ CHỦ TỊCH");
    expect(text).toContain("Biên bản kiểm phiếu (không bắt buộc) |  | {n}/BB-HĐTĐKT");
  });

  it("leaves no raw field name, code or id in any entity's record", () => {
    const records = [
      record({
        entity: "unit",
        entityId: "so-cu",
        action: "delete",
        before: { unitId: "so-cu", name: "Sở cũ", kind: "commune", discipline: {} },
      }),
      record({
        entity: "blocYear",
        entityId: "khoi-dang/2026",
        action: "create",
        after: {
          blocId: "khoi-dang",
          year: 2026,
          memberUnitIds: ["bao-an-giang"],
          deputyUnitIds: [],
          status: "planning",
          version: 1,
        },
      }),
      record({
        entity: "quota",
        entityId: "khoi-dang/2026",
        before: [
          { awardTypeId: "da-xoa-1", mode: "count", value: 1 },
          { awardTypeId: "da-xoa-2", mode: "count", value: 2 },
        ],
        after: [],
      }),
      record({
        entity: "bloc",
        entityId: "khoi-dang",
        before: { name: "Khối", kind: "bloc", councilEmails: ["a@b.vn"] },
        after: { name: "Khối", kind: "bloc", councilEmails: [] },
      }),
      record({
        entity: "bloc",
        entityId: "khoi-dang",
        action: "create",
        after: {
          blocId: "khoi-dang",
          name: "Khối các cơ quan Đảng",
          kind: "bloc",
          councilEmails: [],
          criteriaVersion: 0,
        },
      }),
      record({
        entity: "awardType",
        entityId: "giay-khen",
        action: "create",
        after: {
          awardTypeId: "giay-khen",
          name: "Giấy khen",
          level: "collective",
          prerequisites: ["provincial-flag"],
          yearsInRow: [{ awardTypeId: "provincial-flag", years: 2 }],
          leaderOnly: false,
          active: true,
          order: 50,
          builtIn: false,
        },
      }),
      record({
        entity: "account",
        entityId: "u1",
        action: "create",
        after: {
          userId: "u1",
          email: "a@b.vn",
          name: "Nguyễn Văn An",
          role: "unit",
          unitId: "bao-an-giang",
          status: "active",
          invitedAt: "2026-11-29T10:00:00Z",
        },
      }),
      record({
        entity: "tenant",
        entityId: "an-giang",
        before: { tenantId: "an-giang", name: "An Giang", status: "active" },
        after: { tenantId: "an-giang", name: "An Giang", status: "suspended" },
      }),
      record({
        entity: "blocYear",
        entityId: "khoi-dang/2026",
        before: { blocId: "khoi-dang", year: 2026, status: "open", phase: "registration", version: 3 },
        after: {
          blocId: "khoi-dang",
          year: 2026,
          status: "open",
          phase: "in_progress",
          deadlines: { scoring: "2026-12-10" },
          version: 4,
        },
      }),
      ...participationRecords,
      record({
        entity: "letterhead",
        entityId: "letterhead",
        before: {
          issuer: { parent: "UBND TỈNH AN GIANG", body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" },
          place: "An Giang",
          signer: { authority: "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", title: "CHỦ TỊCH" },
          numbers: {},
        },
        after: {
          issuer: { parent: "UBND TỈNH AN GIANG", body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH" },
          place: "Long Xuyên",
          signer: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn An" },
          numbers: { minutes: "{n}/BB-HĐTĐKT" },
        },
      }),
      record({
        entity: "proposal",
        entityId: "2026/khoi-dang/provincial-flag/bao-an-giang",
        action: "create",
        after: { status: "proposed", note: "Dẫn đầu khối" },
      }),
      record({
        entity: "proposal",
        entityId: "2026/khoi-dang/provincial-flag/bao-an-giang",
        before: { status: "proposed" },
        after: { status: "approved", decisionNumber: "125/QĐ-UBND", decisionDate: "2027-01-20", signer: "Chủ tịch" },
      }),
      record({
        entity: "unitAward",
        entityId: "bao-an-giang/2026/provincial-flag",
        action: "create",
        after: {
          unitId: "bao-an-giang",
          year: 2026,
          awardTypeId: "provincial-flag",
          source: "proposal",
          blocId: "khoi-dang",
          decisionNumber: "125/QĐ-UBND",
        },
      }),
      record({
        entity: "ballot",
        entityId: "khoi-dang/2026/leading_unit-r1",
        action: "create",
        after: {
          kind: "leading_unit",
          round: 1,
          candidates: ["bao-an-giang", "ban-tuyen-giao"],
          present: [],
          voted: [],
        },
      }),
      record({
        entity: "ballot",
        entityId: "khoi-dang/2026/leading_unit-r1",
        action: "create",
        after: { voted: "bao-an-giang" },
      }),
      record({
        entity: "ballot",
        entityId: "khoi-dang/2026/leading_unit-r1",
        after: {
          status: "closed",
          count: { returned: 2, blank: 0, votes: {}, result: { elected: ["ban-tuyen-giao"] } },
        },
      }),
    ];
    for (const r of records) {
      const text = seen(r);
      expect(text, r.entity).not.toMatch(
        /MISSING|khoi-dang|giay-khen|provincial-flag|bao-an-giang|an-giang|collective|\bunit\b|active|suspended/,
      );
    }
  });
});
