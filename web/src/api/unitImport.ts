import { queryOptions } from "@tanstack/react-query";
import { ImportJobView, ImportPreview, ImportResult, MAX_FILE_BASE64 } from "@thidua/core/import/rules";
import { ApiError, isApiError, request, requestFile, seg } from "./client.ts";

export type { ImportJobView, ImportPreview, ImportResult };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const TEMPLATE_FILE_NAME = "mau-nhap-don-vi.xlsx";

/** The .xlsx the board fills in: columns, examples, accepted kinds and the province's blocs. */
export const downloadImportTemplate = () => requestFile("/api/units/import/template", XLSX);

/** The file as the API takes it: base64 in a `data:` URL; refused here already when it is too large to send. */
export function readSheetFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const data = String(reader.result);
      if (data.length > MAX_FILE_BASE64) reject(new ApiError(400, "import.too_large", "The file is too large"));
      else resolve(data);
    };
    reader.onerror = () => reject(new ApiError(0, "import.unreadable", reader.error?.message ?? "Unreadable file"));
    reader.readAsDataURL(file);
  });
}

export interface ImportRequest {
  /** From readSheetFile. */
  file: string;
  year: number;
}

/** Checks every row and answers the units it would create; nothing is written. */
export const previewImport = ({ file, year }: ImportRequest) =>
  request("/api/units/import", ImportPreview, { method: "POST", body: { file, year, dryRun: true } });

/**
 * Imports for real under `importId` (chosen here, so the job can be followed while this call runs);
 * all rows or none: a failure midway is rolled back and answers 409.
 */
export const runImport = ({ file, year }: ImportRequest, importId: string) =>
  request("/api/units/import", ImportResult, { method: "POST", body: { file, year, importId } });

/** The job's progress, polled every 500 ms while `polling`; null until the job has started (404). */
export const importJobQuery = (importId: string, polling: boolean) =>
  queryOptions({
    queryKey: ["unit-import", importId] as const,
    queryFn: async () => {
      try {
        return await request(`/api/units/import/${seg(importId)}`, ImportJobView);
      } catch (error) {
        if (isApiError(error, "import.not_found")) return null;
        throw error;
      }
    },
    enabled: polling,
    refetchInterval: polling ? 500 : false,
    retry: false,
    gcTime: 0,
  });
