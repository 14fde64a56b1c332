import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

export const currentYear = (): number => new Date().getFullYear();

/** The year a page shows, kept in the address (`?year=2024`) so a link or a reload keeps it; this year by default. */
export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const parsed = Number(params.get("year"));
  const year = Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : currentYear();
  const setYear = useCallback(
    (next: number) =>
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next === currentYear()) updated.delete("year");
          else updated.set("year", String(next));
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [year, setYear];
}

interface YearSelectProps {
  id: string;
  year: number;
  onChange: (year: number) => void;
  /** "Năm" unless the year means something more specific here. */
  label?: string;
}

/** Five years back, one ahead (next year's blocs are set up at the end of this one), and the shown year. */
export function YearSelect({ id, year, onChange, label }: YearSelectProps) {
  const { t } = useTranslation();
  const now = currentYear();
  const years = Array.from({ length: 7 }, (_, i) => now + 1 - i);
  if (!years.includes(year)) years.push(year);
  return (
    <div className="year-select">
      <label htmlFor={id}>{label ?? t("year.label")}</label>
      <select id={id} value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {years
          .sort((a, b) => b - a)
          .map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
      </select>
    </div>
  );
}
