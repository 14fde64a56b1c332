import {
  EVIDENCE_MAX_BYTES,
  type EvidenceContentType,
  evidenceContentTypes,
  kindOfContentType,
} from "@thidua/core/files/rules";

const byExtension: Record<string, EvidenceContentType> = {
  pdf: evidenceContentTypes.pdf,
  png: evidenceContentTypes.png,
  jpg: evidenceContentTypes.jpeg,
  jpeg: evidenceContentTypes.jpeg,
  webp: evidenceContentTypes.webp,
  gif: evidenceContentTypes.gif,
  docx: evidenceContentTypes.docx,
  xlsx: evidenceContentTypes.xlsx,
  doc: evidenceContentTypes.doc,
  xls: evidenceContentTypes.xls,
};

interface Picked {
  name: string;
  type: string;
  size: number;
}

/**
 * The type to declare for a picked file: the browser's when it is an allowed one, else the one its extension
 * names (browsers leave the type empty for some Office files). The server checks the bytes anyway.
 */
export function contentTypeOf(file: Picked): EvidenceContentType | undefined {
  if (kindOfContentType(file.type)) return file.type as EvidenceContentType;
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  return file.name.includes(".") ? byExtension[extension] : undefined;
}

/** Why a file cannot be evidence, said before any upload: empty, too large, or not an allowed kind. */
export function evidenceProblem(file: Picked): "empty" | "too_large" | "wrong_type" | undefined {
  if (file.size === 0) return "empty";
  if (file.size > EVIDENCE_MAX_BYTES) return "too_large";
  if (!contentTypeOf(file)) return "wrong_type";
  return undefined;
}

/** A size as people read it: "2,4 MB", "320 KB". */
export function fileSize(bytes: number, language: string): string {
  const locale = language === "en" ? "en" : "vi";
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

export const MAX_MEGABYTES = EVIDENCE_MAX_BYTES / 1024 / 1024;
