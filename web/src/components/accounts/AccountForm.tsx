import { useQueryClient } from "@tanstack/react-query";
import { InviteAccountInput, UpdateAccountInput } from "@thidua/core/account/rules";
import { compareVietnamese } from "@thidua/core/text";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type AccountView, accountKeys, inviteAccount, updateAccount } from "../../api/accounts.ts";
import type { Bloc } from "../../api/blocs.ts";
import type { Unit } from "../../api/units.ts";
import { FormFeedback } from "../../forms/FormFeedback.tsx";
import { useEditForm } from "../../forms/useEditForm.ts";
import { useFieldError } from "../../i18n/errors.ts";
import { useActor } from "../../session/session.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";
import { type InvitationOutcome, outcomeOf } from "./InvitationSent.tsx";
import { PersonFields } from "./PersonFields.tsx";

export const provinceRoles = ["board", "council", "unit"] as const;
type ProvinceRole = (typeof provinceRoles)[number];
type Fields = { email: string; name: string; role: ProvinceRole; unitId: string; blocIds: string[] };

const fieldsFrom = (account?: AccountView): Fields => ({
  email: account?.email ?? "",
  name: account?.name ?? "",
  role: account?.role ?? "unit",
  unitId: account?.unitId ?? "",
  blocIds: account?.blocIds ?? [],
});

interface AccountFormProps {
  /** The person edited (the latest copy); none to invite someone. */
  account?: AccountView;
  units: readonly Unit[];
  blocs: readonly Bloc[];
  onInvited?: (outcome: InvitationOutcome) => void;
  onSaved?: (account: AccountView) => void;
  onCancel?: () => void;
}

/** Invites a person, or edits one: name, role, the unit an officer acts for, the blocs a council member follows. */
export function AccountForm({ account, units, blocs, onInvited, onSaved, onCancel }: AccountFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const queryClient = useQueryClient();
  const firstRef = useRef<HTMLInputElement>(null);
  const editing = account !== undefined;
  // Nobody changes their own role (the API refuses it too).
  const isSelf = account?.userId === useActor().userId;
  const prefix = editing ? "account-edit" : "account-new";
  const form = useEditForm({
    initial: fieldsFrom(account),
    editing,
    idPrefix: prefix,
    refresh: [accountKeys.all],
    schema: editing ? UpdateAccountInput : InviteAccountInput,
    codeFields: { "account.email_taken": "email", "unit.not_found": "unitId" },
    body: (draft, changed) => {
      const role = draft.role;
      const unit = role === "unit" ? draft.unitId : undefined;
      const blocIds = role === "council" ? draft.blocIds : undefined;
      if (!account)
        return {
          email: draft.email.trim(),
          name: draft.name.trim(),
          role,
          ...(unit ? { unitId: unit } : {}),
          ...(blocIds?.length ? { blocIds } : {}),
        };
      return {
        ...(changed.name === undefined ? {} : { name: draft.name.trim() }),
        ...(changed.role === undefined ? {} : { role }),
        ...(changed.unitId === undefined && changed.role === undefined ? {} : { unitId: unit || null }),
        ...(blocIds && (changed.blocIds !== undefined || changed.role !== undefined) ? { blocIds } : {}),
        version: account.version,
      };
    },
    save: (body) =>
      account
        ? updateAccount(account.userId, body as UpdateAccountInput)
        : inviteAccount(body as InviteAccountInput).then((invited) => {
            onInvited?.(outcomeOf(invited));
            return invited.account;
          }),
    after: (saved) => (account ? fieldsFrom(saved) : fieldsFrom()),
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
      onSaved?.(saved);
    },
  });

  useEffect(() => {
    if (editing) firstRef.current?.focus();
  }, [editing]);

  const { draft, errors } = form;
  const sortedUnits = [...units].sort((a, b) => compareVietnamese(a.name, b.name));
  const toggleBloc = (blocId: string, on: boolean) =>
    form.set({ blocIds: on ? [...draft.blocIds, blocId] : draft.blocIds.filter((id) => id !== blocId) });

  return (
    <form
      className="form"
      onSubmit={form.submit}
      noValidate
      aria-label={editing ? t("people.editTitle", { name: account.name }) : t("people.inviteTitle")}
    >
      <FormFeedback failure={form.failure} unchanged={form.unchanged} />
      <PersonFields
        idPrefix={prefix}
        editingEmail={account?.email}
        draft={draft}
        errors={errors}
        set={form.set}
        nameRef={firstRef}
      />
      <SelectField
        id={`${prefix}-role`}
        label={t("people.role")}
        disabled={isSelf}
        hint={isSelf ? t("people.selfRole") : undefined}
        value={draft.role}
        error={fieldError(errors.role, t("errors.fieldInvalid"))}
        options={provinceRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        onChange={(e) => form.set({ role: e.target.value as ProvinceRole })}
      />
      {draft.role === "unit" && (
        <SelectField
          id={`${prefix}-unitId`}
          label={t("people.unitLabel")}
          value={draft.unitId}
          error={fieldError(errors.unitId, t("people.unitRule"))}
          options={[
            { value: "", label: t("people.unitChoose") },
            ...sortedUnits.map((unit) => ({ value: unit.unitId, label: unit.name })),
          ]}
          hint={units.length === 0 ? t("people.noUnits") : undefined}
          onChange={(e) => form.set({ unitId: e.target.value })}
        />
      )}
      {draft.role === "council" && (
        <fieldset className="checklist">
          <legend>{t("people.blocsLabel")}</legend>
          <p className="hint">{t("people.blocsHint")}</p>
          {blocs.length === 0 && <p className="muted">{t("people.noBlocs")}</p>}
          {blocs.map((bloc) => (
            <label key={bloc.blocId} className="check">
              <input
                type="checkbox"
                checked={draft.blocIds.includes(bloc.blocId)}
                onChange={(e) => toggleBloc(bloc.blocId, e.target.checked)}
              />
              {bloc.name}
            </label>
          ))}
        </fieldset>
      )}
      <FormActions
        pending={form.saving}
        submitLabel={editing ? t("people.save") : t("people.submit")}
        onCancel={onCancel}
      />
    </form>
  );
}
