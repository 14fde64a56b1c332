import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { useFieldError } from "../../i18n/errors.ts";
import { Field } from "../Field.tsx";

interface PersonFieldsProps {
  idPrefix: string;
  /** Editing someone: their address is shown, not changed (it is how they sign in). */
  editingEmail?: string;
  draft: { email: string; name: string };
  errors: Record<string, string | undefined>;
  set: (change: { email?: string; name?: string }) => void;
  nameRef?: Ref<HTMLInputElement>;
}

/** Who a person is, in every invite-or-edit form: the address invited, and the name. */
export function PersonFields({ idPrefix, editingEmail, draft, errors, set, nameRef }: PersonFieldsProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  return (
    <>
      {editingEmail ? (
        <p className="hint">{editingEmail}</p>
      ) : (
        <Field
          id={`${idPrefix}-email`}
          label={t("people.email")}
          type="email"
          autoComplete="off"
          value={draft.email}
          error={fieldError(errors.email, t("people.emailRule"))}
          onChange={(e) => set({ email: e.target.value })}
        />
      )}
      <Field
        ref={nameRef}
        id={`${idPrefix}-name`}
        label={t("people.name")}
        autoComplete="off"
        value={draft.name}
        error={fieldError(errors.name, t("people.nameRule"))}
        onChange={(e) => set({ name: e.target.value })}
      />
    </>
  );
}
