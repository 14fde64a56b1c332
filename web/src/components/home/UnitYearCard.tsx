import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Bloc, BlocYear } from "../../api/blocs.ts";
import { cycleQuery } from "../../api/cycle.ts";
import { yearPath } from "../../navigation.ts";
import { DeadlineNote, LateBadge } from "../cycle/DeadlineNote.tsx";
import { stepHref } from "../cycle/NextStepCard.tsx";
import { PhaseStepper } from "../cycle/PhaseStepper.tsx";
import { currentDeadline, hasDuties, sheetsToVerify, unitStep } from "../cycle/tasks.ts";
import { QueryState } from "../QueryState.tsx";

/** One of the unit's blocs this year: where it stands, the unit's next step with its button, what is late. */
export function UnitYearCard({ bloc, blocYear, unitId }: { bloc: Bloc; blocYear: BlocYear | null; unitId: string }) {
  const { t } = useTranslation();
  const year = blocYear?.year ?? new Date().getFullYear();
  const launched = !!blocYear && blocYear.status !== "planning";
  return (
    <section className="card home-card" aria-labelledby={`home-${bloc.blocId}`}>
      <h2 id={`home-${bloc.blocId}`}>
        <Link to={yearPath(bloc.blocId, year)}>{bloc.name}</Link>
      </h2>
      {launched ? (
        <LaunchedCard blocId={bloc.blocId} year={year} unitId={unitId} />
      ) : (
        <>
          <p className="empty">{t("cycle.notLaunched", { year })}</p>
          {blocYear?.leaderUnitId === unitId && (
            <Link className="button-primary" to={yearPath(bloc.blocId, year)}>
              {t("home.launch", { year })}
            </Link>
          )}
        </>
      )}
    </section>
  );
}

function LaunchedCard({ blocId, year, unitId }: { blocId: string; year: number; unitId: string }) {
  const { t } = useTranslation();
  const cycle = useQuery(cycleQuery(blocId, year));
  return (
    <QueryState query={cycle} loading={t("cycle.loading")}>
      {(view) => {
        const own = view.participations.find((p) => p.unitId === unitId);
        const toVerify = sheetsToVerify(view, unitId).length;
        const step = unitStep(view.phase, own, toVerify);
        const late = view.progress.find((p) => p.unitId === unitId)?.late ?? false;
        const lateCount = view.progress.filter((p) => p.late).length;
        const missing = view.next?.missing.length ?? 0;
        return (
          <>
            <PhaseStepper phase={view.phase} compact />
            {hasDuties(view.phase) && (
              <p>
                <DeadlineNote deadline={currentDeadline(view.phase, view.year.deadlines)} />
              </p>
            )}
            <div className={late ? "next-step is-late" : "next-step"}>
              <h3>
                {t("cycle.step.heading")}: {t(`cycle.step.${step}.title`)} {late && <LateBadge />}
              </h3>
              <p>{t(`cycle.step.${step}.text`, { count: toVerify })}</p>
              {step !== "wait" && (
                <Link className="button-primary" to={stepHref(blocId, year, step)}>
                  {t(`cycle.step.${step}.action`)}
                </Link>
              )}
            </div>
            {/* Closing the year is the board's. */}
            {view.you.leads && view.next && view.next.to !== "closed" && (
              <p className="hint">
                {missing > 0
                  ? t("home.leaderMissing", { count: missing, late: lateCount })
                  : t("home.leaderReady", { phase: t(`cycle.phase.${view.next.to}`) })}{" "}
                <Link to={`${yearPath(blocId, year)}?tab=progress`}>{t("home.toProgress")}</Link>
              </p>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
