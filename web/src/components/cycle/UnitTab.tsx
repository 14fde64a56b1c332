import { useTranslation } from "react-i18next";
import { ScoreSheet } from "../scores/ScoreSheet.tsx";
import { CovenantCard } from "./CovenantCard.tsx";
import { NextStepCard } from "./NextStepCard.tsx";
import { reached } from "./phaseOrder.ts";
import { RegistrationForm, RegistrationView } from "./RegistrationForm.tsx";
import { ReportForm } from "./ReportForm.tsx";
import { useYearScope } from "./YearContext.tsx";

/** A member unit's own part of the year, the current step first and the finished ones below it. */
export function UnitTab({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { view, name } = useYearScope();
  const { phase } = view;
  const part = view.participations.find((p) => p.unitId === unitId);
  const registration =
    phase === "registration" ? (
      <RegistrationForm key="registration" unitId={unitId} part={part} />
    ) : (
      <RegistrationView key="registration" part={part} />
    );
  const covenant = <CovenantCard key="covenant" unitId={unitId} part={part} />;
  const report = reached(phase, "mid_year_review") && (
    <ReportForm key="report" unitId={unitId} part={part} editable={phase === "mid_year_review"} />
  );
  const scores = reached(phase, "scoring") && <ScoreSheet key="scores" unitId={unitId} />;
  // The step at hand comes first; what is done stays readable below.
  const order = reached(phase, "scoring")
    ? [scores, report, registration, covenant]
    : phase === "mid_year_review"
      ? [report, registration, covenant]
      : [registration, covenant];
  return (
    <div className="stack">
      <p className="lead">{t("cycle.unitFor", { name: name(unitId) })}</p>
      <NextStepCard unitId={unitId} />
      {order}
    </div>
  );
}
