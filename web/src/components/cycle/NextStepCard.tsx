import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { yearPath } from "../../navigation.ts";
import { DeadlineNote, LateBadge } from "./DeadlineNote.tsx";
import { currentDeadline, hasDuties, sheetsToVerify, stepTarget, type UnitStep, unitStep } from "./tasks.ts";
import { useYearScope } from "./YearContext.tsx";

/** The address of a step on the year page: its tab, and the section the keyboard lands on. */
export function stepHref(blocId: string, year: number, step: UnitStep): string {
  const { tab, section } = stepTarget[step];
  return `${yearPath(blocId, year)}?tab=${tab}${section ? `#${section}` : ""}`;
}

/** "Việc cần làm": the unit's one next step, its deadline, late or not, and one button to it. */
export function NextStepCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { blocId, year, view } = useYearScope();
  const own = view.participations.find((p) => p.unitId === unitId);
  const toVerify = sheetsToVerify(view, unitId).length;
  const step = unitStep(view.phase, own, toVerify);
  const late = view.progress.find((p) => p.unitId === unitId)?.late ?? false;
  return (
    <section className={late ? "card next-step is-late" : "card next-step"} aria-labelledby="next-step-title">
      <h2 id="next-step-title">
        {t("cycle.step.heading")}: {t(`cycle.step.${step}.title`)} {late && <LateBadge />}
      </h2>
      <p>{t(`cycle.step.${step}.text`, { count: toVerify })}</p>
      {hasDuties(view.phase) && (
        <p className="hint">
          <DeadlineNote deadline={currentDeadline(view.phase, view.year.deadlines)} />
        </p>
      )}
      {step !== "wait" && (
        <Link className="button-primary" to={stepHref(blocId, year, step)}>
          {t(`cycle.step.${step}.action`)}
        </Link>
      )}
    </section>
  );
}
