import { useTranslation } from "react-i18next";
import { stageColors } from "./colors.ts";
import { type Stage, stages } from "./provinces.ts";

/** A stage's name: "planning" is the national view's own, the phases are the year page's. */
export function useStageLabel() {
  const { t } = useTranslation();
  return (stage: Stage) => (stage === "planning" ? t("national.stage.planning") : t(`cycle.phase.${stage}`));
}

/**
 * A province's bloc-years by stage in one line: a thin stacked bar for the eye, how many are closed in
 * words, and the full count per stage for screen readers (and as the bar's tooltip).
 */
export function StageBar({ counts }: { counts: Record<Stage, number> }) {
  const { t } = useTranslation();
  const label = useStageLabel();
  const total = stages.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return <span className="muted">—</span>;
  const present = stages.filter((s) => counts[s] > 0);
  const words = present.map((s) => `${label(s)}: ${counts[s]}`).join(", ");
  return (
    <span className="stage-cell">
      <span className="stage-bar" aria-hidden="true" title={words}>
        {present.map((s) => (
          <span key={s} style={{ flexGrow: counts[s], background: stageColors[s] }} />
        ))}
      </span>
      <span className="stage-text" aria-hidden="true">
        {t("national.table.launched", { launched: total - counts.planning, total })}
      </span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
