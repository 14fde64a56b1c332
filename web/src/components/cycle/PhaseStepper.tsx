import { useTranslation } from "react-i18next";
import { type MoveTarget, phases } from "../../api/cycle.ts";
import { phaseIndex } from "./phaseOrder.ts";

const steps: readonly MoveTarget[] = [...phases, "closed"];

/** The year's phases in order, the current one marked (aria-current="step"), those before it done. */
export function PhaseStepper({ phase, compact = false }: { phase: MoveTarget; compact?: boolean }) {
  const { t } = useTranslation();
  const current = phaseIndex(phase);
  return (
    <ol className={compact ? "stepper compact" : "stepper"} aria-label={t("cycle.stepsLabel")}>
      {steps.map((step, index) => {
        const state = index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li key={step} className={`step step-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="step-mark" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span className="step-label">{t(`cycle.phase.${step}`)}</span>
            {state === "done" && <span className="visually-hidden"> ({t("cycle.stepDone")})</span>}
          </li>
        );
      })}
    </ol>
  );
}
