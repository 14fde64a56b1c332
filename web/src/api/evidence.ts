import type { EvidenceUploadInput } from "@thidua/core/files/rules";
import { api, call, params } from "./client.ts";

const files = (blocId: string, year: number, unitId: string) => ({
  route: api.evidence.blocs[":blocId"].years[":year"].units[":unitId"].evidence,
  param: params({ blocId, year, unitId }),
});

/** Where to upload one file: a URL signed for its type and size. */
export const requestUpload = (
  blocId: string,
  year: number,
  unitId: string,
  body: EvidenceUploadInput & { lineId: string },
) => {
  const { route, param } = files(blocId, year, unitId);
  return call(route.$post({ param, json: body }));
};

export const attachEvidence = (
  blocId: string,
  year: number,
  unitId: string,
  fileId: string,
  body: { lineId: string; fileName: string; version: number },
) => {
  const { route, param } = files(blocId, year, unitId);
  return call(route[":fileId"].$post({ param: { ...param, ...params({ fileId }) }, json: body }));
};

/** A short-lived download URL. */
export const evidenceUrl = (blocId: string, year: number, unitId: string, fileId: string) => {
  const { route, param } = files(blocId, year, unitId);
  return call(route[":fileId"].$get({ param: { ...param, ...params({ fileId }) } }));
};

export const removeEvidence = (blocId: string, year: number, unitId: string, fileId: string, version: number) => {
  const { route, param } = files(blocId, year, unitId);
  return call(
    route[":fileId"].$delete({ param: { ...param, ...params({ fileId }) }, query: { version: String(version) } }),
  );
};

/**
 * Sends the file straight to storage with exactly the signed headers, reporting progress (0 to 1). An
 * XMLHttpRequest, because fetch cannot report an upload's progress.
 */
export function uploadFile(
  upload: { url: string; method: "PUT"; headers: Record<string, string> },
  file: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status >= 200 && request.status < 300 ? resolve() : reject(new UploadError(request.status));
    request.onerror = () => reject(new UploadError(0));
    request.onabort = () => reject(new UploadError(0));
    signal?.addEventListener("abort", () => request.abort());
    request.send(file);
  });
}

/** Storage refused the file or could not be reached (status 0). */
export class UploadError extends Error {
  constructor(readonly status: number) {
    super(`upload failed (${status})`);
    this.name = "UploadError";
  }
}
