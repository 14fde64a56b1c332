import type ExcelJS from "exceljs";

/**
 * exceljs, loaded on first use. Most API requests never touch a workbook, so a
 * cold start does not pay for evaluating it (it is about a third of the bundle).
 */
export const excel = async (): Promise<typeof ExcelJS> => (await import("exceljs")).default;
