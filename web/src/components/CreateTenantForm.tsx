import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateTenantInput, type Tenant } from "@thidua/core/tenant/rules";
import { slugify } from "@thidua/core/text";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FieldIssue, isApiError } from "../api/client.ts";
import { createTenant, tenantKeys } from "../api/tenants.ts";
import { useErrorMessage } from "../i18n/errors.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { Field } from "./Field.tsx";

/** Which rule each field broke; translated when rendered, so a language switch re-translates them. */
type FieldErrors = Partial<Record<"name" | "tenantId", "rule" | "taken">>;

/** Onboards a province. The id is suggested from the name until the operator types one. */
export function CreateTenantForm({ onCreated }: { onCreated: (tenant: Tenant) => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [typedId, setTypedId] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const tenantId = typedId ?? slugify(name);

  // The same rules as the API (CreateTenantInput), worded for people rather than by zod.
  const ruleFor = (issues: Pick<FieldIssue, "path">[]): FieldErrors => {
    const errors: FieldErrors = {};
    for (const { path } of issues) if (path === "name" || path === "tenantId") errors[path] = "rule";
    return errors;
  };

  const create = useMutation({
    mutationFn: createTenant,
    onSuccess: (tenant) => {
      // Show it at once; the refetch then brings anything else that changed.
      queryClient.setQueryData(tenantKeys.all, (list: Tenant[] | undefined) => list && [...list, tenant]);
      void queryClient.invalidateQueries({ queryKey: tenantKeys.all });
      setName("");
      setTypedId(null);
      setFieldErrors({});
      onCreated(tenant);
    },
    onError: (error) => {
      if (isApiError(error, "tenant.exists")) setFieldErrors({ tenantId: "taken" });
      else if (isApiError(error, "request.invalid")) setFieldErrors(ruleFor(error.fields));
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = CreateTenantInput.safeParse({ name, tenantId });
    if (!parsed.success) {
      const errors = ruleFor(parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") })));
      setFieldErrors(errors);
      const first = errors.name ? "tenant-name" : "tenant-id";
      event.currentTarget.querySelector<HTMLInputElement>(`#${first}`)?.focus();
      return;
    }
    create.mutate(parsed.data);
  };

  const formError = create.isError && !isApiError(create.error, "tenant.exists") && (
    <ErrorAlert
      message={isApiError(create.error, "request.invalid") ? t("createTenant.fixFields") : describe(create.error)}
    />
  );

  return (
    <section className="card" aria-labelledby="create-tenant-title">
      <h2 id="create-tenant-title">{t("createTenant.title")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {formError}
        <Field
          id="tenant-name"
          label={t("createTenant.name")}
          placeholder={t("createTenant.namePlaceholder")}
          autoComplete="off"
          value={name}
          error={fieldErrors.name && t("createTenant.nameRule")}
          onChange={(e) => {
            setName(e.target.value);
            setFieldErrors(({ name: _, ...rest }) => rest);
          }}
        />
        <Field
          id="tenant-id"
          label={t("createTenant.id")}
          hint={t("createTenant.idHint")}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={tenantId}
          error={
            fieldErrors.tenantId && t(fieldErrors.tenantId === "taken" ? "errors.tenant.exists" : "createTenant.idRule")
          }
          onChange={(e) => {
            // Emptying the field brings the suggestion back.
            setTypedId(e.target.value === "" ? null : e.target.value);
            setFieldErrors(({ tenantId: _, ...rest }) => rest);
          }}
        />
        <button type="submit" className="button-primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? t("createTenant.submitting") : t("createTenant.submit")}
        </button>
      </form>
    </section>
  );
}
