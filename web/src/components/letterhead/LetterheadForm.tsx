import {
  defaultNumbers,
  type Letterhead,
  type LetterheadDocument,
  letterheadDocuments,
  SaveLetterheadInput,
} from "@thidua/core/document/letterhead";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { letterheadKeys, saveLetterhead } from "../../api/letterhead.ts";
import { FormFeedback } from "../../forms/FormFeedback.tsx";
import { useEditForm } from "../../forms/useEditForm.ts";
import { useFieldError } from "../../i18n/errors.ts";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { LetterheadPreview } from "./LetterheadPreview.tsx";

type NumberField = `numbers.${LetterheadDocument}`;
type Draft = Record<"parent" | "body" | "place" | "authority" | "title" | "name" | NumberField, string>;

const numberField = (kind: LetterheadDocument): NumberField => `numbers.${kind}`;

function draftOf(letterhead: Letterhead): Draft {
  const numbers = Object.fromEntries(letterheadDocuments.map((k) => [numberField(k), letterhead.numbers[k] ?? ""]));
  return {
    parent: letterhead.issuer.parent ?? "",
    body: letterhead.issuer.body,
    place: letterhead.place,
    authority: letterhead.signer.authority ?? "",
    title: letterhead.signer.title,
    name: letterhead.signer.name ?? "",
    ...(numbers as Record<NumberField, string>),
  };
}

const optional = (text: string) => (text.trim() === "" ? undefined : text);

function letterheadOf(draft: Draft): Letterhead {
  return {
    issuer: { parent: optional(draft.parent), body: draft.body },
    place: draft.place,
    signer: { authority: optional(draft.authority), title: draft.title, name: optional(draft.name) },
    numbers: Object.fromEntries(
      letterheadDocuments.flatMap((k) => (draft[numberField(k)].trim() ? [[k, draft[numberField(k)]]] : [])),
    ),
  };
}

/** `letterhead.signer.authority` → `authority`, `letterhead.numbers.minutes` → `numbers.minutes`. */
const fieldOf = (path: string) => path.replace(/^letterhead\./, "").replace(/^(issuer|signer)\./, "");

/**
 * The province's letterhead: the issuing body, the place of the date line, the signer and the number
 * patterns, with a preview of the header as the documents print it. Until the board first saves, the
 * form starts from the suggestion derived from the province's name.
 */
export function LetterheadForm({
  view,
}: {
  view: { letterhead: Letterhead | null; version: number; suggested: Letterhead };
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [saved, setSaved] = useState(false);
  const form = useEditForm({
    initial: draftOf(view.letterhead ?? view.suggested),
    editing: view.letterhead !== null,
    schema: SaveLetterheadInput,
    body: (draft) => ({ letterhead: letterheadOf(draft), version: view.version }),
    save: saveLetterhead,
    after: (view) => draftOf(view.letterhead ?? view.suggested),
    onSaved: () => setSaved(true),
    refresh: [letterheadKeys.all],
    idPrefix: "letterhead",
    fieldOf,
  });
  const field = (name: keyof Draft, label: string, options: { optional?: boolean; hint?: string } = {}) => (
    <Field
      id={`letterhead-${name}`}
      label={label}
      value={form.draft[name]}
      onChange={(event) => form.set({ [name]: event.target.value } as Partial<Draft>)}
      error={fieldError(
        form.errors[name],
        t(options.optional ? "letterhead.rules.optional" : "letterhead.rules.required"),
      )}
      hint={options.hint}
      required={!options.optional}
    />
  );
  return (
    <div className="letterhead">
      <form onSubmit={form.submit} noValidate className="stack">
        <FormFeedback failure={form.failure} unchanged={form.unchanged} />
        {saved && !form.failure && !form.saving && (
          <p role="status" className="alert alert-success">
            {t("letterhead.saved")}
          </p>
        )}
        <fieldset>
          <legend>{t("letterhead.issuer")}</legend>
          {field("parent", t("letterhead.fields.parent"), { optional: true, hint: t("letterhead.hints.parent") })}
          {field("body", t("letterhead.fields.body"), { hint: t("letterhead.hints.body") })}
          {field("place", t("letterhead.fields.place"), { hint: t("letterhead.hints.place") })}
        </fieldset>
        <fieldset>
          <legend>{t("letterhead.signer")}</legend>
          {field("authority", t("letterhead.fields.authority"), {
            optional: true,
            hint: t("letterhead.hints.authority"),
          })}
          {field("title", t("letterhead.fields.title"))}
          {field("name", t("letterhead.fields.name"), { optional: true, hint: t("letterhead.hints.name") })}
        </fieldset>
        <fieldset>
          <legend>{t("letterhead.numbers")}</legend>
          <p className="hint">{t("letterhead.hints.numbers")}</p>
          {letterheadDocuments.map((kind) => (
            <div key={kind}>
              {field(
                numberField(kind),
                t("letterhead.fields.number", { document: t(`letterhead.documents.${kind}`) }),
                {
                  optional: true,
                  hint: t("letterhead.hints.defaultNumber", { pattern: defaultNumbers[kind] }),
                },
              )}
            </div>
          ))}
        </fieldset>
        <FormActions pending={form.saving} submitLabel={t("letterhead.save")} />
      </form>
      <LetterheadPreview letterhead={letterheadOf(form.draft)} />
    </div>
  );
}
