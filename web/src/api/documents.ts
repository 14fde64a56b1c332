import type { DocumentKind } from "@thidua/core/document/rules";
import { api, call, params } from "./client.ts";

export type { DocumentKind };

/** Draws a bloc-year's document (Word or Excel): a short-lived URL to it. */
export const createDocument = (blocId: string, year: number, kind: DocumentKind) =>
  call(
    api.documents.blocs[":blocId"].years[":year"].documents.$post({ param: params({ blocId, year }), json: { kind } }),
  );

/** The same document as an HTML page (no script), to check before downloading. */
export const previewDocument = (blocId: string, year: number, kind: DocumentKind) =>
  call(
    api.documents.blocs[":blocId"].years[":year"].documents.preview.$post({
      param: params({ blocId, year }),
      json: { kind },
    }),
  );

/** Follows a download URL: storage answers it as an attachment under the document's Vietnamese name. */
export function followDownload(url: string, fileName: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}
