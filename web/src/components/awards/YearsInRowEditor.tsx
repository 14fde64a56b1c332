import { useTranslation } from "react-i18next";
import type { AwardType } from "../../api/awardTypes.ts";
import { ChecklistFieldset } from "../ChecklistFieldset.tsx";

export type YearsInRow = AwardType["yearsInRow"];

/**
 * "N years in a row": awards the unit must have received in each of the years just before, one row per
 * award (itself included: "five years in a row of the same title"); `error` is the API's, translated.
 */
export function YearsInRowEditor({
  id,
  options,
  value,
  error,
  onChange,
}: {
  id: string;
  /** The award types a row may name, this one included. */
  options: { awardTypeId: string; name: string }[];
  value: YearsInRow;
  error?: string;
  onChange: (rows: YearsInRow) => void;
}) {
  const { t } = useTranslation();
  const unused = options.filter((o) => !value.some((row) => row.awardTypeId === o.awardTypeId));
  const update = (i: number, change: Partial<YearsInRow[number]>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <ChecklistFieldset id={id} legend={t("awards.yearsInRow")} hint={t("awards.yearsInRowHint")} error={error}>
      {value.map((row, i) => (
        <div key={row.awardTypeId} className="inline-fields">
          <select
            aria-label={t("awards.yearsInRowAward", { n: i + 1 })}
            value={row.awardTypeId}
            onChange={(e) => update(i, { awardTypeId: e.target.value })}
          >
            {options
              .filter((o) => o.awardTypeId === row.awardTypeId || unused.includes(o))
              .map((o) => (
                <option key={o.awardTypeId} value={o.awardTypeId}>
                  {o.name}
                </option>
              ))}
          </select>
          <label className="inline-number">
            <input
              type="number"
              min={1}
              max={10}
              inputMode="numeric"
              value={row.years}
              aria-label={t("awards.yearsInRowYears", { n: i + 1 })}
              onChange={(e) => update(i, { years: Number(e.target.value) })}
            />
            {t("awards.yearsInRowUnit")}
          </label>
          <button type="button" className="button-text" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t("awards.yearsInRowRemove")}
          </button>
        </div>
      ))}
      {unused[0] && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange([...value, { awardTypeId: unused[0]?.awardTypeId ?? "", years: 2 }])}
        >
          {t("awards.yearsInRowAdd")}
        </button>
      )}
    </ChecklistFieldset>
  );
}
