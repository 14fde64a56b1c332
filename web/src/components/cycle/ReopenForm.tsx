import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type MoveTarget, movePhase, phases, showCycle } from "../../api/cycle.ts";
import { fieldsOf, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { SelectField } from "../SelectField.tsx";
import { phaseIndex } from "./phaseOrder.ts";
import { useRefreshOnConflict, useYearScope } from "./YearContext.tsx";

/** The board reopens an earlier phase (a unit must register again, a sheet be rescored), with a reason kept in the trail. */
export function ReopenForm() {
  const { t } = useTranslation();
  const { blocId, year, view } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const earlier = phases.filter((p) => phaseIndex(p) < phaseIndex(view.phase));
  const [to, setTo] = useState<MoveTarget | "">("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<"to" | "reason" | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const reopen = useMutation({
    mutationFn: (body: { to: MoveTarget; reason: string }) =>
      movePhase(blocId, year, { ...body, version: view.year.version }),
    onSuccess: (moved) => {
      showCycle(queryClient, blocId, year, moved);
      setReason("");
      setTo("");
      setNotice({ kind: "success", key: "cycle.reopen.done", values: { phase: t(`cycle.phase.${moved.phase}`) } });
    },
    onError: refresh,
  });
  if (earlier.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const why = !to ? "to" : reason.trim().length < 3 ? "reason" : null;
    setMissing(why);
    if (why) document.getElementById(`reopen-${why}`)?.focus();
    else if (to) reopen.mutate({ to, reason: reason.trim() });
  };
  const fields = fieldsOf(reopen.error);
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t("cycle.reopen.title")}</h2>
      <p className="hint">{t("cycle.reopen.hint")}</p>
      {reopen.isError && !fields.reason && <ErrorAlert message={describe(reopen.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <SelectField
        id="reopen-to"
        label={t("cycle.reopen.to")}
        value={to}
        error={missing === "to" ? t("cycle.reopen.pickPhase") : undefined}
        options={[
          { value: "", label: t("cycle.reopen.choose") },
          ...earlier.map((p) => ({ value: p, label: t(`cycle.phase.${p}`) })),
        ]}
        onChange={(e) => setTo(e.target.value as MoveTarget | "")}
      />
      <Field
        id="reopen-reason"
        label={t("cycle.reopen.reason")}
        value={reason}
        maxLength={500}
        error={missing === "reason" || fields.reason ? t("cycle.reasonRule") : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormActions pending={reopen.isPending} submitLabel={t("cycle.reopen.submit")} danger />
    </form>
  );
}
