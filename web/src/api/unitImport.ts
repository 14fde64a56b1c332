import { queryOptions } from "@tanstack/react-query";
import { type ImportJobView, type ImportPreview, type ImportResult, MAX_FILE_BASE64 } from "@thidua/core/import/rules";
import { ApiError, api, call, callForFile, isApiError, params } from "./client.ts";

export type { ImportJobView, ImportPreview, ImportResult };

const { import: imports } = api.imports.units;
export const TEMPLATE_FILE_NAME = "mau-nhap-don-vi.xlsx";

/** The .xlsx the board fills in: columns, examples, accepted kinds and the province's blocs. */
export const downloadImportTemplate = () => callForFile(imports.template.$get());

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
export const previewImport = async ({ file, year }: ImportRequest) =>
  (await call(imports.$post({ json: { file, year, dryRun: true } }))) as ImportPreview;

/**
 * Imports for real under `importId` (chosen here, so the job can be followed while this call runs);
 * all rows or none: a failure midway is rolled back and answers 409.
 */
export const runImport = async ({ file, year }: ImportRequest, importId: string) =>
  (await call(imports.$post({ json: { file, year, importId } }))) as ImportResult;

/** The job's progress, polled every 500 ms while `polling`; null until the job has started (404). */
export const importJobQuery = (importId: string, polling: boolean) =>
  queryOptions({
    queryKey: ["unit-import", importId] as const,
    queryFn: async () => {
      try {
        return await call(imports[":importId"].$get({ param: params({ importId }) }));
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
