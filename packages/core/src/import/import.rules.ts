import { z } from "zod";
import type { CodedIssue, ErrorCode } from "../error.ts";
import { foldVietnamese, normalizeText, readableIds, textProblem } from "../text/index.ts";
import { unitKinds } from "../unit/unit.rules.ts";

type UnitKind = (typeof unitKinds)[number];

/*
 * Pure parts of the unit import: which column is which, what a "Loại" cell
 * means, whether each row can be imported, and how the write is cut into
 * transactions. No I/O here: the sheet arrives as strings.
 */

/** The most data rows one sheet may hold. */
export const MAX_IMPORT_ROWS = 1000;
/** DynamoDB commits at most 100 items in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;
/** The most members a bloc-year may hold (the member list of `PUT …/members` allows 200). */
export const MAX_BLOC_MEMBERS = 200;
/** A running job whose heartbeat is older than this was abandoned by its process. */
export const STALE_AFTER_MS = 60_000;
/** The longest base64 text accepted: about 4 MB of .xlsx, so the request stays under Lambda's 6 MB payload. */
export const MAX_FILE_BASE64 = 5_500_000;

/** The sheet's columns, in template order, with the header each one is known by. */
export const importColumns = [
  { key: "name", header: "Tên đơn vị", required: true, aliases: ["ten don vi", "ten", "don vi", "name"] },
  { key: "shortName", header: "Tên viết tắt", required: false, aliases: ["ten viet tat", "viet tat", "short name"] },
  { key: "kind", header: "Loại", required: true, aliases: ["loai", "loai don vi", "kind"] },
  {
    key: "bloc",
    header: "Khối/Cụm",
    required: false,
    aliases: ["khoi cum", "khoi", "cum", "khoi thi dua", "cum thi dua", "khoi cum thi dua", "bloc"],
  },
] as const;
export type ImportColumn = (typeof importColumns)[number]["key"];

/** A header or label reduced to its letters and digits, without diacritics or notes: "Tên đơn vị (*)" → "tendonvi". */
export function headerKey(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, " ")).replace(/[^a-z0-9]+/g, "");
}

/**
 * Finds each known column in a header row (cells by column number). The first
 * matching cell wins; `missing` lists the required columns not found.
 */
export function matchHeaders(cells: ReadonlyArray<{ col: number; text: string }>): {
  columns: Partial<Record<ImportColumn, number>>;
  missing: ImportColumn[];
} {
  const columns: Partial<Record<ImportColumn, number>> = {};
  for (const { col, text } of cells) {
    const key = headerKey(text);
    if (!key) continue;
    const column = importColumns.find(
      (c) => headerKey(c.header) === key || c.aliases.some((a) => headerKey(a) === key),
    );
    if (column && columns[column.key] === undefined) columns[column.key] = col;
  }
  const missing = importColumns.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  return { columns, missing };
}

/** Each kind's Vietnamese label (first) and the other spellings a sheet may use. */
export const kindLabels: Record<UnitKind, readonly string[]> = {
  party_agency: ["Cơ quan Đảng", "Đảng", "Khối Đảng"],
  state_agency: ["Cơ quan nhà nước", "Sở, ban, ngành", "Sở ngành", "Cơ quan chuyên môn", "Nhà nước"],
  mass_organization: ["Mặt trận, đoàn thể", "Mặt trận", "Đoàn thể", "Mặt trận Tổ quốc", "Tổ chức chính trị - xã hội"],
  association: ["Hội", "Hội đặc thù", "Tổ chức hội"],
  commune: ["Xã, phường, thị trấn", "Xã", "Phường", "Thị trấn", "Đặc khu", "Xã, phường, đặc khu", "Cấp xã"],
  enterprise: ["Doanh nghiệp", "Công ty"],
  other: ["Khác"],
};

const kindByKey = new Map<string, UnitKind>();
for (const kind of unitKinds) {
  kindByKey.set(headerKey(kind), kind);
  for (const label of kindLabels[kind]) kindByKey.set(headerKey(label), kind);
}

/** The kind a "Loại" cell names, by code or Vietnamese label, diacritics and punctuation ignored. */
export function kindFromText(text: string): UnitKind | undefined {
  return kindByKey.get(headerKey(text));
}

/** One data row as read from the sheet; `row` is the row number Excel shows. */
export interface SheetRow {
  row: number;
  name: string;
  shortName: string;
  kind: string;
  bloc: string;
}

/** What the province holds, as far as the import's checks need it. */
export interface ImportContext {
  units: ReadonlyArray<{ unitId: string; name: string }>;
  blocs: ReadonlyArray<{ blocId: string; name: string }>;
  /** The year's bloc-years that exist: status and member count. */
  blocYears: ReadonlyMap<string, { status: string; members: number }>;
  /** Unit id → bloc id, for units that are members of a bloc that year. */
  memberships: ReadonlyMap<string, string>;
}

/** A row that will become a unit, with the id it will get. */
export interface PlannedRow {
  row: number;
  unitId: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  blocId?: string;
}

function resolveBloc(
  text: string,
  blocs: ImportContext["blocs"],
): { blocId: string } | { problem: "import.unknown_bloc" | "import.ambiguous_bloc" } {
  const byId = blocs.find((b) => b.blocId === text.toLowerCase());
  if (byId) return { blocId: byId.blocId };
  const folded = foldVietnamese(text);
  const byName = blocs.filter((b) => foldVietnamese(b.name) === folded);
  if (byName.length === 1) return { blocId: (byName[0] as { blocId: string }).blocId };
  return { problem: byName.length > 1 ? "import.ambiguous_bloc" : "import.unknown_bloc" };
}

/** A readable id from the unit's short name or name, suffixed (`-2`, `-3`…) when taken, as `createUnit` does. */
export function planUnitId(row: { name: string; shortName?: string }, taken: Set<string>): string {
  const ids = readableIds(row.shortName ?? row.name, "don-vi");
  let id = ids.next().value as string;
  while (taken.has(id)) id = ids.next().value as string;
  taken.add(id);
  return id;
}

/**
 * Checks every row against the file and the province, and plans the units to
 * create. Problems name the row as Excel numbers it and the column
 * (`rows.7.kind`); the plan is usable only when there are none.
 */
export function validateRows(
  rows: readonly SheetRow[],
  ctx: ImportContext,
): { problems: CodedIssue[]; plan: PlannedRow[] } {
  if (rows.length === 0) return { problems: [{ path: "rows", message: "import.empty" }], plan: [] };
  if (rows.length > MAX_IMPORT_ROWS) return { problems: [{ path: "rows", message: "import.too_many_rows" }], plan: [] };

  const problems: CodedIssue[] = [];
  const plan: PlannedRow[] = [];
  const existing = new Map(ctx.units.map((u) => [foldVietnamese(u.name), u.unitId]));
  const seen = new Set<string>();
  const taken = new Set([...ctx.units.map((u) => u.unitId), ...ctx.memberships.keys()]);
  const joining = new Map<string, number>();

  for (const r of rows) {
    const at = (column: ImportColumn, message: ErrorCode) =>
      problems.push({ path: `rows.${r.row}.${column}`, message });
    const before = problems.length;
    const name = normalizeText(r.name);
    const shortName = normalizeText(r.shortName);
    const folded = foldVietnamese(name);
    const nameProblem = textProblem(name);
    if (!name) at("name", "import.name_required");
    else if (nameProblem) at("name", nameProblem);
    else if (name.length < 2 || name.length > 200) at("name", "import.name_length");
    else if (seen.has(folded)) at("name", "import.duplicate_in_file");
    const existingId = name ? existing.get(folded) : undefined;
    if (existingId !== undefined) at("name", "import.unit_exists");
    if (name) seen.add(folded);
    const shortNameProblem = textProblem(shortName);
    if (shortNameProblem) at("shortName", shortNameProblem);
    else if (shortName.length > 60) at("shortName", "import.short_name_length");

    const kindText = normalizeText(r.kind);
    const kind = kindText ? kindFromText(kindText) : undefined;
    if (!kindText) at("kind", "import.kind_required");
    else if (!kind) at("kind", "import.unknown_kind");

    let blocId: string | undefined;
    const blocText = normalizeText(r.bloc);
    if (blocText) {
      const bloc = resolveBloc(blocText, ctx.blocs);
      if ("problem" in bloc) at("bloc", bloc.problem);
      else {
        blocId = bloc.blocId;
        const year = ctx.blocYears.get(blocId);
        const current = existingId === undefined ? undefined : ctx.memberships.get(existingId);
        if (current !== undefined && current !== blocId) at("bloc", "import.unit_in_other_bloc");
        else if (year?.status === "closed") at("bloc", "import.bloc_year_closed");
        else {
          const count = (joining.get(blocId) ?? year?.members ?? 0) + 1;
          joining.set(blocId, count);
          if (count > MAX_BLOC_MEMBERS) at("bloc", "import.bloc_full");
        }
      }
    }

    if (problems.length === before && kind) {
      const unit = { name, ...(shortName ? { shortName } : {}) };
      plan.push({ row: r.row, unitId: planUnitId(unit, taken), ...unit, kind, ...(blocId ? { blocId } : {}) });
    }
  }
  return { problems, plan: problems.length ? [] : plan };
}

/** How many items a planned row writes: the unit, its name, its audit record, and its membership marker. */
export const itemsOfRow = (row: Pick<PlannedRow, "blocId">): number => (row.blocId ? 4 : 3);

/**
 * Cuts rows into consecutive chunks whose items, plus `reserved` items each
 * chunk also writes (the job's progress), fit in one transaction.
 */
export function chunkRows<T>(
  rows: readonly T[],
  itemsOf: (row: T) => number,
  reserved = 1,
  limit = MAX_TRANSACTION_ITEMS,
): T[][] {
  const room = limit - reserved;
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const row of rows) {
    const items = itemsOf(row);
    if (items > room) throw new Error(`A row writes ${items} items; a transaction holds ${room}`);
    if (used + items > room) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(row);
    used += items;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Whether a running job's process has stopped beating. */
export const isStale = (heartbeatAt: string, now: Date): boolean =>
  now.getTime() - Date.parse(heartbeatAt) > STALE_AFTER_MS;

/** The bloc-year's member list after the import adds its rows, in sheet order after the current members. */
export function membersAfter(before: readonly string[], plan: readonly PlannedRow[], blocId: string): string[] {
  const adding = plan.filter((r) => r.blocId === blocId).map((r) => r.unitId);
  return [...before, ...adding.filter((id) => !before.includes(id))];
}

export const importStatuses = ["running", "done", "rolled_back", "failed"] as const;
export const importPhases = ["units", "members", "rollback", "finished"] as const;

export const ImportInput = z
  .object({
    /** The .xlsx file, base64 (a `data:…;base64,` prefix is accepted). */
    file: z.string().min(1).max(MAX_FILE_BASE64, "import.too_large"),
    /** The year the memberships are for. */
    year: z.number().int().min(2000).max(2100),
    /** Validate and preview only; nothing is written. */
    dryRun: z.boolean().default(false),
    /** Optional id chosen by the client (a UUID), so it can poll the job while the upload is still running. */
    importId: z.uuid().optional(),
  })
  .meta({ id: "ImportInput" });
export type ImportInput = z.input<typeof ImportInput>;

export const ImportPreview = z
  .object({
    rows: z.array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        shortName: z.string().optional(),
        kind: z.enum(unitKinds),
        blocId: z.string().optional(),
        /** The bloc's name, as the province calls it. */
        blocName: z.string().optional(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: "ImportPreview" });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z
  .object({ importId: z.string(), status: z.literal("done"), created: z.number().int() })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportJobView = z
  .object({
    importId: z.string(),
    status: z.enum(importStatuses),
    /** What a running job is doing: creating units, setting bloc members, or undoing. */
    phase: z.enum(importPhases),
    year: z.number().int(),
    total: z.number().int(),
    done: z.number().int(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: "ImportJob" });
export type ImportJobView = z.infer<typeof ImportJobView>;
