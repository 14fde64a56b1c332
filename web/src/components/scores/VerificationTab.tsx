import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { scoreGridQuery } from "../../api/scores.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { QueryState } from "../QueryState.tsx";
import { ScorerAssignments } from "./ScorerAssignments.tsx";
import { VerificationGrid } from "./VerificationGrid.tsx";

/**
 * Scoring and verification across the bloc: who verifies which sheet, and the grid of every sheet the
 * viewer may read (a cross-scorer: the sheets assigned to it, not its own).
 */
export function VerificationTab() {
  const { t } = useTranslation();
  const { blocId, year, view, viewer } = useYearScope();
  const grid = useQuery(scoreGridQuery(blocId, year));
  const seesAll = viewer.leads || viewer.role === "council";
  return (
    <QueryState query={grid} loading={t("scores.loading")}>
      {(data) => {
        const parts = seesAll ? data.participations : data.participations.filter((p) => p.unitId !== viewer.unitId);
        return (
          <div className="stack">
            <ScorerAssignments parts={parts} />
            <section className="card" aria-labelledby="grid-title">
              <h2 id="grid-title">{t(seesAll ? "scores.grid.title" : "scores.grid.titleAssigned")}</h2>
              <p className="hint">
                {view.phase === "verification" ? t("scores.grid.hintVerification") : t("scores.grid.hintScoring")}
              </p>
              {parts.length === 0 ? (
                <p className="empty">{t("scores.grid.noneAssigned")}</p>
              ) : (
                <VerificationGrid grid={data} parts={parts} />
              )}
            </section>
          </div>
        );
      }}
    </QueryState>
  );
}
