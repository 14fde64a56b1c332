import { useQueryClient } from "@tanstack/react-query";
import { CreateBlocInput, UpdateBlocInput } from "@thidua/core/bloc/rules";
import { useTranslation } from "react-i18next";
import { type Bloc, type BlocKind, blocKeys, blocKinds, createBloc, updateBloc } from "../../api/blocs.ts";
import { FormFeedback } from "../../forms/FormFeedback.tsx";
import { useEditForm } from "../../forms/useEditForm.ts";
import { useFieldError } from "../../i18n/errors.ts";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";

type BlocFields = { name: string; kind: BlocKind; councilEmails: string };

const splitEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
const fieldsFrom = (bloc?: Bloc): BlocFields => ({
  name: bloc?.name ?? "",
  kind: bloc?.kind ?? "bloc",
  councilEmails: bloc?.councilEmails.join(", ") ?? "",
});

/** Creates a bloc or cluster, or edits one (`bloc`): name, kind and the council members who follow it. */
export function BlocForm({
  bloc,
  onSaved,
  onCancel,
}: {
  bloc?: Bloc;
  onSaved: (bloc: Bloc) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const queryClient = useQueryClient();
  const prefix = bloc ? "bloc-edit" : "bloc-new";
  const form = useEditForm({
    initial: fieldsFrom(bloc),
    editing: bloc !== undefined,
    idPrefix: prefix,
    refresh: [blocKeys.one(bloc?.blocId ?? "")],
    schema: bloc ? UpdateBlocInput : CreateBlocInput,
    body: (draft, changed) => {
      const fields = { name: draft.name.trim(), kind: draft.kind, councilEmails: splitEmails(draft.councilEmails) };
      if (!bloc) return fields;
      const sent = Object.entries(fields).filter(([key]) => key in changed);
      return { ...Object.fromEntries(sent), version: bloc.version };
    },
    save: (body) => (bloc ? updateBloc(bloc.blocId, body as UpdateBlocInput) : createBloc(body as CreateBlocInput)),
    after: (saved) => (bloc ? fieldsFrom(saved) : fieldsFrom()),
    onSaved: (saved) => {
      queryClient.setQueryData(blocKeys.one(saved.blocId), saved);
      void queryClient.invalidateQueries({ queryKey: blocKeys.all, exact: true });
      onSaved(saved);
    },
  });

  const { draft, errors } = form;
  return (
    <form className="form" onSubmit={form.submit} noValidate>
      <FormFeedback failure={form.failure} unchanged={form.unchanged} />
      <Field
        id={`${prefix}-name`}
        label={t("blocs.name")}
        placeholder={t("blocs.namePlaceholder")}
        autoComplete="off"
        value={draft.name}
        error={fieldError(errors.name, t("blocs.nameRule"))}
        onChange={(e) => form.set({ name: e.target.value })}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t("blocs.kindLabel")}
        value={draft.kind}
        options={blocKinds.map((k) => ({ value: k, label: t(`blocs.kind.${k}`) }))}
        onChange={(e) => form.set({ kind: e.target.value as BlocKind })}
      />
      <Field
        id={`${prefix}-councilEmails`}
        label={t("blocs.councilEmails")}
        hint={t("blocs.councilEmailsHint")}
        autoComplete="off"
        spellCheck={false}
        value={draft.councilEmails}
        error={fieldError(errors.councilEmails, t("blocs.councilEmailsRule"))}
        onChange={(e) => form.set({ councilEmails: e.target.value })}
      />
      <FormActions pending={form.saving} submitLabel={bloc ? t("form.save") : t("blocs.add")} onCancel={onCancel} />
    </form>
  );
}
