import { useQueryClient } from "@tanstack/react-query";
import { InvitePlatformAccountInput, UpdatePlatformAccountInput } from "@thidua/core/account/rules";
import { useTranslation } from "react-i18next";
import { accountKeys, invitePlatformAccount, type PlatformAccount, updatePlatformAccount } from "../../api/accounts.ts";
import { FormFeedback } from "../../forms/FormFeedback.tsx";
import { useEditForm } from "../../forms/useEditForm.ts";
import { useActor } from "../../session/session.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";
import { type InvitationOutcome, outcomeOf } from "./InvitationSent.tsx";
import { PersonFields } from "./PersonFields.tsx";

export const platformRoles = ["operator", "national"] as const;
type PlatformRole = (typeof platformRoles)[number];
type Fields = { email: string; name: string; role: PlatformRole };

const fieldsFrom = (account?: PlatformAccount): Fields => ({
  email: account?.email ?? "",
  name: account?.name ?? "",
  role: account?.role ?? "national",
});

/** Invites an operator or a national viewer, or renames one or changes their role. */
export function PlatformAccountForm({
  account,
  onInvited,
  onSaved,
  onCancel,
}: {
  account?: PlatformAccount;
  onInvited?: (outcome: InvitationOutcome) => void;
  onSaved?: (account: PlatformAccount) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefix = account ? "platform-edit" : "platform-new";
  // Nobody changes their own role (the API refuses it too).
  const isSelf = account?.userId === useActor().userId;
  const form = useEditForm({
    initial: fieldsFrom(account),
    editing: account !== undefined,
    idPrefix: prefix,
    refresh: [accountKeys.platform],
    schema: account ? UpdatePlatformAccountInput : InvitePlatformAccountInput,
    codeFields: { "account.email_taken": "email" },
    body: (draft, changed) =>
      account
        ? {
            ...(changed.name === undefined ? {} : { name: draft.name.trim() }),
            ...(changed.role === undefined ? {} : { role: draft.role }),
            version: account.version,
          }
        : { email: draft.email.trim(), name: draft.name.trim(), role: draft.role },
    save: (body) =>
      account
        ? updatePlatformAccount(account.userId, body as UpdatePlatformAccountInput)
        : invitePlatformAccount(body as InvitePlatformAccountInput).then((invited) => {
            onInvited?.(outcomeOf(invited));
            return invited.account;
          }),
    after: (saved) => (account ? fieldsFrom(saved) : fieldsFrom()),
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.platform });
      onSaved?.(saved);
    },
  });
  const { draft, errors } = form;
  return (
    <form className="form" onSubmit={form.submit} noValidate>
      <FormFeedback failure={form.failure} unchanged={form.unchanged} />
      <PersonFields idPrefix={prefix} editingEmail={account?.email} draft={draft} errors={errors} set={form.set} />
      <SelectField
        id={`${prefix}-role`}
        label={t("people.role")}
        disabled={isSelf}
        hint={isSelf ? t("people.selfRole") : undefined}
        value={draft.role}
        options={platformRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        onChange={(e) => form.set({ role: e.target.value as PlatformRole })}
      />
      <FormActions
        pending={form.saving}
        submitLabel={account ? t("people.save") : t("people.submit")}
        onCancel={onCancel}
      />
    </form>
  );
}
