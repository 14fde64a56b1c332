import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Bloc,
  type BlocInput,
  type BlocKind,
  blocKeys,
  blocKinds,
  createBloc,
  updateBloc,
} from "../../api/blocs.ts";
import { isApiError, isStale } from "../../api/client.ts";
import { fieldsOf, useErrorMessage } from "../../i18n/errors.ts";
import { changedOnly } from "../changes.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";

type FieldErrors = Partial<Record<"name" | "councilEmails", "rule">>;

const splitEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
const inputFrom = (bloc?: Bloc): BlocInput => ({
  name: bloc?.name ?? "",
  kind: bloc?.kind ?? "bloc",
  councilEmails: bloc?.councilEmails ?? [],
});
const looksLikeEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

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
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [name, setName] = useState(bloc?.name ?? "");
  const [kind, setKind] = useState<BlocKind>(bloc?.kind ?? "bloc");
  const [emails, setEmails] = useState(bloc?.councilEmails.join(", ") ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  // What the form was opened with (then what was saved): an edit sends only what differs.
  const [opened, setOpened] = useState(() => inputFrom(bloc));
  const prefix = bloc ? "bloc-edit" : "bloc-new";

  const save = useMutation({
    mutationFn: (draft: BlocInput) =>
      bloc ? updateBloc(bloc.blocId, { ...changedOnly(opened, draft), version: bloc.version }) : createBloc(draft),
    onSuccess: (saved) => {
      queryClient.setQueryData(blocKeys.one(saved.blocId), saved);
      void queryClient.invalidateQueries({ queryKey: blocKeys.all, exact: true });
      if (bloc) setOpened(inputFrom(saved));
      else {
        setName("");
        setEmails("");
      }
      onSaved(saved);
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: blocKeys.one(bloc?.blocId ?? "") });
      const fields = Object.keys(fieldsOf(error));
      setErrors({
        ...(fields.includes("name") ? { name: "rule" } : {}),
        ...(fields.some((path) => path.startsWith("councilEmails")) ? { councilEmails: "rule" } : {}),
      });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (name.trim().length < 2 || name.trim().length > 200) found.name = "rule";
    const list = splitEmails(emails);
    if (list.length > 10 || !list.every(looksLikeEmail)) found.councilEmails = "rule";
    setErrors(found);
    if (found.name || found.councilEmails) {
      event.currentTarget.querySelector<HTMLInputElement>(`#${prefix}-${found.name ? "name" : "emails"}`)?.focus();
      return;
    }
    const draft: BlocInput = { name: name.trim(), kind, councilEmails: list };
    // Nothing changed: nothing to send (the API refuses an empty change).
    if (bloc && Object.keys(changedOnly(opened, draft)).length === 0) onSaved(bloc);
    else save.mutate(draft);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError && (
        <ErrorAlert message={isApiError(save.error, "request.invalid") ? t("form.fixFields") : describe(save.error)} />
      )}
      <Field
        id={`${prefix}-name`}
        label={t("blocs.name")}
        placeholder={t("blocs.namePlaceholder")}
        autoComplete="off"
        value={name}
        error={errors.name && t("blocs.nameRule")}
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t("blocs.kindLabel")}
        value={kind}
        options={blocKinds.map((k) => ({ value: k, label: t(`blocs.kind.${k}`) }))}
        onChange={(e) => setKind(e.target.value as BlocKind)}
      />
      <Field
        id={`${prefix}-emails`}
        label={t("blocs.councilEmails")}
        hint={t("blocs.councilEmailsHint")}
        autoComplete="off"
        spellCheck={false}
        value={emails}
        error={errors.councilEmails && t("blocs.councilEmailsRule")}
        onChange={(e) => setEmails(e.target.value)}
      />
      <FormActions pending={save.isPending} submitLabel={bloc ? t("form.save") : t("blocs.add")} onCancel={onCancel} />
    </form>
  );
}
