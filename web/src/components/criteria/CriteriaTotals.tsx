import { useTranslation } from "react-i18next";
import type { CriteriaTable } from "../../api/criteria.ts";
import { adjustmentTotal, formatPoints, tableTotal, totalMatches } from "./table.ts";

/** "Tổng: 95/100", red until the criteria add up to the scale; bonus against its cap. Read out politely as it changes. */
export function CriteriaTotals({
  table,
  scale,
  language,
  error,
}: {
  table: CriteriaTable;
  scale: { total: number; bonusMax: number };
  language: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const matches = totalMatches(table, scale.total);
  const bonus = adjustmentTotal(table.bonus);
  const bonusOk = bonus <= scale.bonusMax;
  const points = (x: number) => formatPoints(x, language);
  return (
    <div className="criteria-totals">
      <p aria-live="polite" aria-atomic="true" className="totals-line">
        <span className={matches ? "total total-ok" : "total total-bad"} data-testid="criteria-total">
          {t("criteria.total", { points: points(tableTotal(table)), total: points(scale.total) })}
          <span className="visually-hidden">{matches ? t("criteria.totalOk") : t("criteria.totalBad")}</span>
        </span>
        <span className={bonusOk ? "total" : "total total-bad"}>
          {t("criteria.bonusSummary", { points: points(bonus), max: points(scale.bonusMax) })}
        </span>
      </p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
