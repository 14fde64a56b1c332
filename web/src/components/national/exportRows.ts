import type { Tenant } from "../../api/tenants.ts";
import { dutyKeys, type ProvinceRow, stages } from "./provinces.ts";

/** The sheet's columns, each a header of `national.export` in the reader's language. */
export const exportColumns = [
  "name",
  "tenantId",
  "status",
  "units",
  "memberUnits",
  "blocs",
  "clusters",
  ...stages,
  ...dutyKeys,
  "ballots",
  "proposals",
  "awards",
  "lastActivity",
] as const;
export type ExportColumn = (typeof exportColumns)[number];

export type ExportCell = string | number | Date | null;
export interface ExportTable {
  columns: ExportColumn[];
  headers: string[];
  rows: ExportCell[][];
}

interface ExportOptions {
  header: (column: ExportColumn) => string;
  /** A province's status in words; only the operator's sheet has the column. */
  status?: (status: Tenant["status"]) => string;
}

function cellOf(row: ProvinceRow, column: ExportColumn, status: ExportOptions["status"]): ExportCell {
  switch (column) {
    case "name":
    case "tenantId":
      return row[column];
    case "status":
      return row.status && status ? status(row.status) : null;
    case "units":
    case "memberUnits":
    case "blocs":
    case "clusters":
    case "ballots":
    case "proposals":
    case "awards":
      return row[column];
    case "lastActivity":
      return row.lastActivity ? new Date(row.lastActivity) : null;
    default:
      return (stages as readonly string[]).includes(column)
        ? row.stages[column as (typeof stages)[number]]
        : row.duties[column as (typeof dutyKeys)[number]];
  }
}

/** The provinces table as a sheet: one row per province in the order shown, figures as numbers, dates as dates. */
export function exportTable(rows: readonly ProvinceRow[], { header, status }: ExportOptions): ExportTable {
  const columns = exportColumns.filter((column) => column !== "status" || status !== undefined);
  return {
    columns,
    headers: columns.map(header),
    rows: rows.map((row) => columns.map((column) => cellOf(row, column, status))),
  };
}
