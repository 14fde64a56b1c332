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
