import { useQueryClient } from "@tanstack/react-query";
import { OnboardProvinceInput } from "@thidua/core/account/rules";
import { slugify } from "@thidua/core/text";
import { useTranslation } from "react-i18next";
import { showSaved } from "../api/cache.ts";
import { createTenant, type Onboarded, tenantKeys } from "../api/tenants.ts";
import { FormFeedback } from "../forms/FormFeedback.tsx";
import { useEditForm } from "../forms/useEditForm.ts";
import { useFieldError } from "../i18n/errors.ts";
import { Field } from "./Field.tsx";

/** The id a name suggests, within the API's 40 characters. */
const suggestedId = (name: string) => slugify(name).slice(0, 40).replace(/-+$/, "");

/**
 * Onboards a province with its first board member, who is invited at once. The id is suggested from the
 * name until the operator types one (`tenantId` null).
 */
export function CreateTenantForm({ onCreated }: { onCreated: (onboarded: Onboarded) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const queryClient = useQueryClient();
  const form = useEditForm({
    initial: { name: "", tenantId: null as string | null, boardName: "", boardEmail: "" },
    editing: false,
    idPrefix: "tenant",
    codeFields: { "tenant.exists": "tenantId" },
    refresh: [tenantKeys.all],
    schema: OnboardProvinceInput,
    body: ({ tenantId, ...fields }) => ({ ...fields, tenantId: tenantId ?? suggestedId(fields.name) }),
    save: createTenant,
    onSaved: (onboarded) => {
      const { tenant } = onboarded;
      showSaved(queryClient, tenantKeys.all, tenant, (t) => t.tenantId === tenant.tenantId);
      onCreated(onboarded);
    },
  });
  const { draft, errors } = form;

  return (
    <section className="card" aria-labelledby="create-tenant-title">
      <h2 id="create-tenant-title">{t("createTenant.title")}</h2>
      <form className="form" onSubmit={form.submit} noValidate>
        <FormFeedback failure={form.failure} unchanged={false} />
        <Field
          id="tenant-name"
          label={t("createTenant.name")}
          placeholder={t("createTenant.namePlaceholder")}
          autoComplete="off"
          value={draft.name}
          error={fieldError(errors.name, t("createTenant.nameRule"))}
          // While the id follows the name, a new name is a new id too.
          onChange={(e) => form.set({ name: e.target.value, ...(draft.tenantId === null ? { tenantId: null } : {}) })}
        />
        <Field
          id="tenant-tenantId"
          label={t("createTenant.id")}
          hint={t("createTenant.idHint")}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={draft.tenantId ?? suggestedId(draft.name)}
          error={fieldError(errors.tenantId, t("createTenant.idRule"))}
          // Emptying the field brings the suggestion back.
          onChange={(e) => form.set({ tenantId: e.target.value === "" ? null : e.target.value })}
        />
        <fieldset className="fieldset">
          <legend>{t("createTenant.board")}</legend>
          <p className="hint">{t("createTenant.boardHint")}</p>
          <Field
            id="tenant-boardName"
            label={t("createTenant.boardName")}
            autoComplete="off"
            value={draft.boardName}
            error={fieldError(errors.boardName, t("people.nameRule"))}
            onChange={(e) => form.set({ boardName: e.target.value })}
          />
          <Field
            id="tenant-boardEmail"
            type="email"
            label={t("createTenant.boardEmail")}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            value={draft.boardEmail}
            error={fieldError(errors.boardEmail, t("people.emailRule"))}
            onChange={(e) => form.set({ boardEmail: e.target.value })}
          />
        </fieldset>
        <button type="submit" className="button-primary" disabled={form.saving} aria-busy={form.saving}>
          {form.saving ? t("createTenant.submitting") : t("createTenant.submit")}
        </button>
      </form>
    </section>
  );
}
