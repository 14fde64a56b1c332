import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Participation } from "../../api/cycle.ts";
import { acceptRemaining, lockSheet, recuse, type TableLine, unlockSheet } from "../../api/scores.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { usePartMutation } from "../cycle/usePartMutation.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { ReasonDialog } from "./ReasonDialog.tsx";
import { canRecuse, canVerify, unverified } from "./sheet.ts";

/** A sheet's state in the grid and what the viewer may do with it: lock once verified, unlock (board), step back. */
export function SheetActions({ part, lines }: { part: Participation; lines: readonly TableLine[] }) {
  const { t } = useTranslation();
  const { blocId, year, view, viewer, name } = useYearScope();
  const describe = useErrorMessage();
  const [asking, setAsking] = useState<"unlock" | "recuse" | null>(null);
  const close = () => setAsking(null);
  const lock = usePartMutation(() => lockSheet(blocId, year, part.unitId, part.version));
  const accept = usePartMutation(() => acceptRemaining(blocId, year, part.unitId, part.version));
  const unlock = usePartMutation(
    (reason: string) => unlockSheet(blocId, year, part.unitId, { reason, version: part.version }),
    close,
  );
  const stepBack = usePartMutation(
    (reason: string) => recuse(blocId, year, part.unitId, { reason, version: part.version }),
    close,
  );
  const unit = name(part.unitId);
  const left = unverified(lines, part).length;
  const locked = part.verification?.locked;

  return (
    <div className="sheet-actions">
      {locked ? (
        <span className="badge badge-active">{t("scores.grid.locked")}</span>
      ) : !part.scores?.submitted ? (
        <span className="muted">{t("scores.grid.notSubmitted")}</span>
      ) : left > 0 ? (
        <span className="muted">{t("scores.grid.left", { count: left })}</span>
      ) : null}
      {canVerify(viewer, view.phase, part) && part.scores?.submitted && left > 0 && (
        <button
          type="button"
          className="button-secondary button-small"
          disabled={accept.isPending}
          aria-busy={accept.isPending}
          onClick={() => accept.mutate(undefined)}
        >
          {t("scores.grid.acceptRest")}
          <span className="visually-hidden"> {unit}</span>
        </button>
      )}
      {canVerify(viewer, view.phase, part) && left === 0 && (
        <button
          type="button"
          className="button-primary button-small"
          disabled={lock.isPending}
          aria-busy={lock.isPending}
          onClick={() => lock.mutate(undefined)}
        >
          {t("scores.grid.lock")}
          <span className="visually-hidden"> {unit}</span>
        </button>
      )}
      {locked && viewer.role === "board" && view.phase === "verification" && (
        <button type="button" className="button-secondary button-small" onClick={() => setAsking("unlock")}>
          {t("scores.grid.unlock")}
          <span className="visually-hidden"> {unit}</span>
        </button>
      )}
      {canRecuse(viewer, view.phase, part) && (
        <button type="button" className="button-secondary button-small" onClick={() => setAsking("recuse")}>
          {t("scores.grid.recuse")}
          <span className="visually-hidden"> {unit}</span>
        </button>
      )}
      {!!(lock.error ?? accept.error) && <p className="field-error">{describe(lock.error ?? accept.error)}</p>}
      {asking === "unlock" && (
        <ReasonDialog
          title={t("scores.grid.unlockTitle", { unit })}
          hint={t("scores.grid.unlockHint")}
          submitLabel={t("scores.grid.unlock")}
          pending={unlock.isPending}
          error={unlock.error}
          onSubmit={(reason) => unlock.mutate(reason)}
          onClose={close}
        />
      )}
      {asking === "recuse" && (
        <ReasonDialog
          title={t("scores.grid.recuseTitle", { unit })}
          hint={t("scores.grid.recuseHint")}
          submitLabel={t("scores.grid.recuse")}
          pending={stepBack.isPending}
          error={stepBack.error}
          onSubmit={(reason) => stepBack.mutate(reason)}
          onClose={close}
        />
      )}
    </div>
  );
}
