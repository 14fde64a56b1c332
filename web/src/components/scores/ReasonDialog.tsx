import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldsOf, useErrorMessage } from "../../i18n/errors.ts";
import { Dialog } from "../Dialog.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";

/** Asks why (3 to 500 characters, kept in the audit trail) before an action that needs one: unlock, recuse. */
export function ReasonDialog({
  title,
  hint,
  submitLabel,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  hint: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [reason, setReason] = useState("");
  const [short, setShort] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    setShort(text.length < 3);
    if (text.length >= 3) onSubmit(text);
  };
  const invalidReason = short || !!fieldsOf(error).reason;
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="hint">{hint}</p>
        {!!error && !invalidReason && <ErrorAlert message={describe(error)} />}
        <Field
          id="reason-text"
          label={t("scores.reason")}
          value={reason}
          maxLength={500}
          error={invalidReason ? t("cycle.reasonRule") : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <FormActions pending={pending} submitLabel={submitLabel} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
