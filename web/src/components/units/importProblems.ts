import { importColumns } from "@thidua/core/import/rules";
import { ApiError } from "../../api/client.ts";

/** An import error's field issues, as a person fixing the sheet reads them. */
export interface SheetProblems {
  /** Problems by Excel row number, in sheet order; a row's codes once each (`import.unknown_kind`…). */
  rows: { row: number; codes: string[] }[];
  /** Headers of the required columns the sheet lacks ("Tên đơn vị", "Loại"). */
  missingColumns: string[];
  /** Any other code the error's own code does not already say (`import.restore_failed`…). */
  other: string[];
}

const headerOf = (key: string): string => importColumns.find((c) => c.key === key)?.header ?? key;

/** Groups `rows.<row>.<column>` issues by row; `columns.<key>` become the missing headers. */
export function sheetProblems(error: unknown): SheetProblems {
  const problems: SheetProblems = { rows: [], missingColumns: [], other: [] };
  if (!(error instanceof ApiError)) return problems;
  const byRow = new Map<number, Set<string>>();
  for (const { path, message } of error.fields) {
    const [head, key] = path.split(".");
    const row = Number(key);
    if (head === "rows" && Number.isInteger(row)) byRow.set(row, (byRow.get(row) ?? new Set()).add(message));
    else if (head === "columns" && key) problems.missingColumns.push(headerOf(key));
    else if (message !== error.code && !problems.other.includes(message)) problems.other.push(message);
  }
  problems.rows = [...byRow].sort(([a], [b]) => a - b).map(([row, codes]) => ({ row, codes: [...codes] }));
  return problems;
}
