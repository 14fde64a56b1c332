import { formatPoints } from "../criteria/table.ts";

export { formatPoints };

/**
 * Points as an official types them: "12,5" (the Vietnamese decimal comma) or "12.5"; NaN for anything else
 * (empty, a sign, letters, two separators). The API checks the max and the hundredths.
 */
export function parsePoints(text: string): number {
  const trimmed = text.trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(",", "."));
}

/** What a points input shows for a saved value: no grouping, the language's decimal mark ("12,5" in Vietnamese). */
export const pointsText = (points: number | undefined, language: string): string =>
  points === undefined ? "" : String(points).replace(".", language === "en" ? "." : ",");
