import { BoardAccountInput } from "@thidua/core/account/rules";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { addBoardAccount } from "../api/tenants.ts";
import { FormFeedback } from "../forms/FormFeedback.tsx";
import { useEditForm } from "../forms/useEditForm.ts";
import { useFieldError } from "../i18n/errors.ts";
import { type InvitationOutcome, outcomeOf } from "./accounts/InvitationSent.tsx";
import { Field } from "./Field.tsx";
import { FormActions } from "./FormActions.tsx";

/** The operator adds a board member to a province (its board invites everyone else). */
export function AddBoardAccountForm({
  tenantId,
  onInvited,
  onCancel,
}: {
  tenantId: string;
  onInvited: (outcome: InvitationOutcome) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const nameRef = useRef<HTMLInputElement>(null);
  const prefix = `board-${tenantId}`;
  const form = useEditForm({
    initial: { name: "", email: "" },
    editing: false,
    idPrefix: prefix,
    refresh: [],
    schema: BoardAccountInput,
    codeFields: { "account.email_taken": "email" },
    body: (draft) => ({ name: draft.name.trim(), email: draft.email.trim() }),
    save: (body) => addBoardAccount(tenantId, body),
    onSaved: (invited) => onInvited(outcomeOf(invited)),
  });

  useEffect(() => nameRef.current?.focus(), []);

  return (
    <form className="form" onSubmit={form.submit} noValidate aria-label={t("tenants.addBoardTitle")}>
      <FormFeedback failure={form.failure} unchanged={form.unchanged} />
      <Field
        ref={nameRef}
        id={`${prefix}-name`}
        label={t("createTenant.boardName")}
        autoComplete="off"
        value={form.draft.name}
        error={fieldError(form.errors.name, t("people.nameRule"))}
        onChange={(e) => form.set({ name: e.target.value })}
      />
      <Field
        id={`${prefix}-email`}
        label={t("createTenant.boardEmail")}
        type="email"
        autoComplete="off"
        value={form.draft.email}
        error={fieldError(form.errors.email, t("people.emailRule"))}
        onChange={(e) => form.set({ email: e.target.value })}
      />
      <FormActions pending={form.saving} submitLabel={t("people.submit")} onCancel={onCancel} />
    </form>
  );
}
