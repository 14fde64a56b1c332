import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Participation } from "../../api/cycle.ts";
import { type TableLine, verifyLine } from "../../api/scores.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { usePartMutation } from "../cycle/usePartMutation.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { Dialog } from "../Dialog.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { LineEvidence } from "./LineEvidence.tsx";
import { formatPoints, parsePoints, pointsText } from "./points.ts";
import type { LineText } from "./sheet.ts";

/**
 * Verifies one line of one sheet: the unit's points, explanation and evidence beside the points found; a
 * reason is required when they differ from the unit's.
 */
export function VerifyDialog({
  part,
  line,
  text,
  onClose,
}: {
  part: Participation;
  line: TableLine;
  text: LineText | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { blocId, year, name } = useYearScope();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const self = part.scores?.lines[line.id];
  const selfPoints = self?.points ?? 0;
  const done = part.verification?.lines[line.id];
  const [points, setPoints] = useState(pointsText(done?.points ?? selfPoints, i18n.language));
  const [reason, setReason] = useState(done?.reason ?? "");
  const [local, setLocal] = useState<{ points?: string; reason?: string }>({});
  const save = usePartMutation(
    (body: { points: number; reason?: string }) =>
      verifyLine(blocId, year, part.unitId, line.id, { ...body, version: part.version }),
    onClose,
  );
  const value = parsePoints(points);
  const differs = !Number.isNaN(value) && value !== selfPoints;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(Number.isNaN(value)
        ? { points: t("scores.check.points_invalid") }
        : value > line.maxPoints
          ? { points: describeCode("score.over_max") }
          : {}),
      ...(differs && reason.trim().length < 3 ? { reason: t("scores.verify.reasonNeeded") } : {}),
    };
    setLocal(problems);
    const first = Object.keys(problems)[0];
    if (first) document.getElementById(`verify-${first}`)?.focus();
    else save.mutate({ points: value, ...(differs ? { reason: reason.trim() } : {}) });
  };
  const fields = fieldsOf(save.error);
  const serverPoints = fields.points && describeCode(fields.points);
  const serverReason = fields.reason && describeCode(fields.reason);
  return (
    <Dialog title={t("scores.verify.title", { unit: name(part.unitId), line: line.id })} onClose={onClose}>
      <form className="form verify-form" onSubmit={submit} noValidate>
        <p>
          <strong>{text?.title}</strong>
        </p>
        <dl className="details">
          <div className="details-row">
            <dt>{t("scores.result.max")}</dt>
            <dd>{formatPoints(line.maxPoints, i18n.language)}</dd>
          </div>
          <div className="details-row">
            <dt>{t("scores.result.self")}</dt>
            <dd>{self ? formatPoints(self.points, i18n.language) : t("scores.verify.notScored")}</dd>
          </div>
          {self?.note && (
            <div className="details-row">
              <dt>{t(line.kind === "criterion" ? "scores.sheet.note" : "scores.sheet.reason")}</dt>
              <dd className="pre-line">{self.note}</dd>
            </div>
          )}
          {self && self.links.length + self.files.length > 0 && (
            <div className="details-row">
              <dt>{t("scores.verify.evidence")}</dt>
              <dd>
                <LineEvidence unitId={part.unitId} lineId={line.id} line={self} />
              </dd>
            </div>
          )}
        </dl>
        {save.isError && !serverPoints && !serverReason && <ErrorAlert message={describe(save.error)} />}
        <Field
          id="verify-points"
          label={t("scores.verify.points")}
          inputMode="decimal"
          autoComplete="off"
          value={points}
          error={local.points ?? serverPoints}
          onChange={(e) => setPoints(e.target.value)}
        />
        <Field
          id="verify-reason"
          label={differs ? t("scores.verify.reasonRequired") : t("scores.verify.reasonOptional")}
          value={reason}
          maxLength={500}
          disabled={!differs}
          error={local.reason ?? serverReason}
          onChange={(e) => setReason(e.target.value)}
        />
        <FormActions pending={save.isPending} submitLabel={t("scores.verify.save")} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
