import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { stages, type NationalTotals as Totals } from "./provinces.ts";
import { useStageLabel } from "./StageBar.tsx";

function Figure({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="figure-card">
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {detail && <div className="figure-detail">{detail}</div>}
      </dd>
    </div>
  );
}

/**
 * The year's figures added up, as cards: provinces with figures (`provinces` false for one province's
 * page), units, blocs and clusters, bloc-years by stage, proposals, and awards (approved proposals).
 */
export function NationalTotals({
  totals,
  label,
  provinces = true,
}: {
  totals: Totals;
  label: string;
  provinces?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel();
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "vi-VN");
  const n = (value: number) => number.format(value);
  const byStage = stages.filter((stage) => totals.stages[stage] > 0);
  return (
    <dl className="national-totals" aria-label={label}>
      {provinces && (
        <Figure
          label={t("national.totals.provinces")}
          value={n(totals.withData)}
          detail={t("national.totals.provincesOf", { count: totals.provinces })}
        />
      )}
      <Figure label={t("national.totals.units")} value={n(totals.units)} />
      <Figure
        label={t("national.totals.blocs")}
        value={n(totals.blocs + totals.clusters)}
        detail={t("national.totals.blocsDetail", { blocs: totals.blocs, clusters: totals.clusters })}
      />
      <Figure
        label={t("national.totals.blocYears")}
        value={n(byStage.reduce((sum, stage) => sum + totals.stages[stage], 0))}
        detail={
          byStage.length > 0 && (
            <ul className="figure-stages">
              {byStage.map((stage) => (
                <li key={stage}>
                  {stageLabel(stage)}: <strong>{n(totals.stages[stage])}</strong>
                </li>
              ))}
            </ul>
          )
        }
      />
      <Figure label={t("national.totals.proposals")} value={n(totals.proposals)} />
      <Figure label={t("national.totals.awards")} value={n(totals.awards)} />
    </dl>
  );
}
