/**
 * Dates as officials write them: day, month, four-digit year (29/11/2026), in Vietnamese and in English
 * alike (en-GB), never the US order.
 */
const locale = (language: string | undefined) => (language === "en" ? "en-GB" : "vi-VN");

export const dateFormat = (language: string | undefined) =>
  new Intl.DateTimeFormat(locale(language), { day: "2-digit", month: "2-digit", year: "numeric" });

export const dateTimeFormat = (language: string | undefined) =>
  new Intl.DateTimeFormat(locale(language), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });

/**
 * A date as officials type it, day first: 29/11/2026, 1/2/2026, 29-11-2026 or 29.11.2026. Answers the ISO
 * date (2026-11-29), or undefined when it is not a real day.
 */
export function parseDayMonthYear(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
