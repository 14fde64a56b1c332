import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DecideInput } from "@thidua/core/proposal/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { decideProposal, type Proposal, showProposal } from "../../api/proposals.ts";
import { checkBody } from "../../forms/editForm.ts";
import { fieldsOf, useErrorMessage } from "../../i18n/errors.ts";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { Dialog } from "../Dialog.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { FormActions } from "../FormActions.tsx";

const REASON_MAX = 1000;

/**
 * Returns a proposal to its bloc (it keeps its slot; the bloc revises and resubmits) or rejects it (the
 * slot is freed), with the reason the bloc will read.
 */
export function ReasonDecisionDialog({
  proposal,
  outcome,
  label,
  onDone,
  onConflict,
  onClose,
}: {
  proposal: Proposal;
  outcome: "return" | "reject";
  label: string;
  onDone: (proposal: Proposal) => void;
  /** Someone decided first, or the version moved: the page refetches. */
  onConflict: (error: unknown) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const texts = outcome === "return" ? "returnDialog" : "rejectDialog";
  const decide = useMutation({
    mutationFn: (text: string) => decideProposal(proposal, { outcome, reason: text, version: proposal.version }),
    onSuccess: (saved) => {
      showProposal(queryClient, saved);
      onDone(saved);
    },
    onError: onConflict,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = checkBody(DecideInput, { outcome, reason, version: proposal.version }).ok;
    setInvalid(!ok);
    if (ok) decide.mutate(reason);
    else document.getElementById("decision-reason")?.focus();
  };
  const reasonError = invalid || !!fieldsOf(decide.error).reason;
  return (
    <Dialog title={t(`proposals.${texts}.title`)} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p>
          <strong>{label}</strong>
        </p>
        <p className="hint">{t(`proposals.${texts}.hint`)}</p>
        {decide.isError && !reasonError && <ErrorAlert message={describe(decide.error)} />}
        <div className="field">
          <label htmlFor="decision-reason">{t("proposals.reason")}</label>
          <CountedTextarea
            id="decision-reason"
            value={reason}
            max={REASON_MAX}
            rows={3}
            aria-invalid={reasonError ? true : undefined}
            describedBy={reasonError ? "decision-reason-error" : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError && (
            <p id="decision-reason-error" className="field-error">
              {t("proposals.reasonRule")}
            </p>
          )}
        </div>
        <FormActions
          pending={decide.isPending}
          submitLabel={t(`proposals.${texts}.submit`)}
          onCancel={onClose}
          danger={outcome === "reject"}
        />
      </form>
    </Dialog>
  );
}
