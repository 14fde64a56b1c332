import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isStale } from "../../api/client.ts";
import { type RuleSet, type RulesScope, type RulesView, rulesKeys, updateRules } from "../../api/rules.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { RuleInput } from "./RuleInput.tsx";
import {
  differs,
  display,
  invalidReason,
  keyOf,
  type RuleField,
  type RuleForm,
  toForm,
  toOverride,
} from "./ruleFields.ts";

interface RulesFormProps {
  scope: RulesScope;
  view: RulesView;
  /** The level above: the shipped defaults for the province, the province's rules for a bloc. */
  parent: RuleSet;
  parentLabel: string;
  fields: readonly RuleField[];
  canWrite: boolean;
}

const sections = ["scale", "ballot", "rotation", "eligibility", "caps", "leadership", "ranking"] as const;

/** The rules of one level; saving stores only what differs from the level above. */
export function RulesForm({ scope, view, parent, parentLabel, fields, canWrite }: RulesFormProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<RuleForm>(() => toForm(view.rules));
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const save = useMutation({
    mutationFn: () => updateRules(scope, { rules: toOverride(form, parent, fields), version: view.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(rulesKeys.scope(scope), saved);
      // A bloc's scale comes from these rules, and so do the criteria it must add up to.
      void queryClient.invalidateQueries({ queryKey: ["blocs"] });
      setForm(toForm(saved.rules));
      setChecked(false);
      setNotice({ kind: "success", key: "rulesForm.saved" });
    },
    onError: (error) => {
      setNotice(null);
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: rulesKeys.scope(scope) });
      alertRef.current?.focus();
    },
  });

  const serverFields = fieldsOf(save.error);
  const errorOf = (field: RuleField) => {
    const local = checked ? invalidReason(form, field) : undefined;
    const server = serverFields[`rules.${keyOf(field)}`];
    if (local === "rules.out_of_range") {
      // Say the range: "từ 10 đến 1000", "lớn hơn 0 và nhỏ hơn 100".
      const kind = field.exclusiveMax ? "between" : field.exclusiveMin ? "aboveMin" : "inclusive";
      return t(`rulesForm.range.${kind}`, { min: field.min, max: field.max });
    }
    return local ? describeField(local) : server ? describeField(server) : undefined;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const first = fields.find((field) => invalidReason(form, field));
    if (first) {
      event.currentTarget.querySelector<HTMLElement>(`#rule-${keyOf(first).replace(".", "-")}`)?.focus();
      return;
    }
    save.mutate();
  };

  return (
    <form className="rules-form" onSubmit={submit} noValidate>
      <div ref={alertRef} tabIndex={-1}>
        {save.isError && <ErrorAlert message={describe(save.error)} />}
        {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      </div>
      {view.version > 0 && <p className="hint">{t("rulesForm.version", { version: view.version })}</p>}
      <div className="rules-sections">
        {sections.map((section) => {
          const inSection = fields.filter((field) => field.section === section);
          if (inSection.length === 0) return null;
          return (
            <fieldset key={section} className="card rules-section">
              <legend>{t(`rulesForm.sections.${section}`)}</legend>
              {inSection.map((field) => (
                <RuleInput
                  key={keyOf(field)}
                  field={field}
                  value={form[keyOf(field)] ?? ""}
                  parent={parent}
                  parentLabel={parentLabel}
                  overridden={differs(form, parent, field)}
                  error={errorOf(field)}
                  disabled={!canWrite}
                  onChange={(value) => setForm((current) => ({ ...current, [keyOf(field)]: value }))}
                  onReset={() => setForm((current) => ({ ...current, [keyOf(field)]: display(parent, field) }))}
                />
              ))}
            </fieldset>
          );
        })}
      </div>
      {canWrite && (
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={save.isPending} aria-busy={save.isPending}>
            {save.isPending ? t("form.saving") : t("rulesForm.save")}
          </button>
          <button type="button" className="button-secondary" onClick={() => setForm(toForm(view.rules))}>
            {t("form.undo")}
          </button>
        </div>
      )}
    </form>
  );
}
