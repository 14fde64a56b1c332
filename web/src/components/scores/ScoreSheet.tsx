import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { scoreGridQuery } from "../../api/scores.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { QueryState } from "../QueryState.tsx";
import { EVIDENCE_HINT_ID } from "./EvidenceFiles.tsx";
import { MAX_MEGABYTES } from "./evidenceCheck.ts";
import { ScoreSheetForm } from "./ScoreSheetForm.tsx";
import { SheetResult } from "./SheetResult.tsx";

/** The unit's own score sheet: a form while it scores, then its points beside the verifier's. */
export function ScoreSheet({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { blocId, year, view } = useYearScope();
  const grid = useQuery(scoreGridQuery(blocId, year));
  const part = view.participations.find((p) => p.unitId === unitId);
  const editable = view.phase === "scoring" && !part?.scores?.submitted;
  return (
    <section className="card" aria-labelledby="score-sheet">
      <h2 id="score-sheet" tabIndex={-1}>
        {t("scores.sheet.title", { year })}
      </h2>
      {editable && (
        <>
          <p className="hint">{t("scores.sheet.hint")}</p>
          <p id={EVIDENCE_HINT_ID} className="hint">
            {t("scores.evidence.hint", { max: MAX_MEGABYTES })}
          </p>
        </>
      )}
      <QueryState query={grid} loading={t("scores.loading")}>
        {(data) =>
          editable ? (
            <ScoreSheetForm grid={data} unitId={unitId} part={part} />
          ) : part?.scores ? (
            <SheetResult grid={data} part={part} />
          ) : (
            <p className="muted">{t("scores.sheet.none")}</p>
          )
        }
      </QueryState>
    </section>
  );
}
