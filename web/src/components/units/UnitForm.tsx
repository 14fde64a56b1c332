import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError, isStale } from "../../api/client.ts";
import { createUnit, type Unit, type UnitKind, unitKeys, unitKinds, updateUnit } from "../../api/units.ts";
import { fieldsOf, useErrorMessage } from "../../i18n/errors.ts";
import { changedOnly } from "../changes.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";

type FieldErrors = Partial<Record<"name" | "shortName" | "kind", "rule">>;
type UnitFields = { name: string; shortName: string; kind: UnitKind };

const fieldsFrom = (unit?: Unit): UnitFields => ({
  name: unit?.name ?? "",
  shortName: unit?.shortName ?? "",
  kind: unit?.kind ?? "state_agency",
});

/** The same limits as the API, checked before sending so the message can name the rule. */
function check(name: string, shortName: string): FieldErrors {
  const errors: FieldErrors = {};
  if (name.trim().length < 2 || name.trim().length > 200) errors.name = "rule";
  if (shortName.trim().length > 60) errors.shortName = "rule";
  return errors;
}

/** Adds a unit, or edits one (`unit`); the version sent is the one of the latest list, so a retry after 409 works. */
export function UnitForm({
  unit,
  onSaved,
  onCancel,
}: {
  unit?: Unit;
  onSaved: (unit: Unit) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [name, setName] = useState(fieldsFrom(unit).name);
  const [shortName, setShortName] = useState(fieldsFrom(unit).shortName);
  const [kind, setKind] = useState<UnitKind>(fieldsFrom(unit).kind);
  const [errors, setErrors] = useState<FieldErrors>({});
  // What the form was opened with (then what was saved): an edit sends only what differs.
  const [opened, setOpened] = useState(() => fieldsFrom(unit));
  const [unchanged, setUnchanged] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const editing = unit !== undefined;
  const prefix = editing ? "unit-edit" : "unit-new";

  // Opening a unit for editing (the page keys this form by unit) takes the keyboard there.
  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  const save = useMutation({
    mutationFn: (draft: UnitFields) => {
      if (!unit)
        return createUnit({
          name: draft.name,
          kind: draft.kind,
          ...(draft.shortName ? { shortName: draft.shortName } : {}),
        });
      const { shortName: short, ...changes } = changedOnly(opened, draft);
      // An emptied short name is cleared (null); an untouched one is not sent.
      const shortChange = short === undefined ? {} : { shortName: short === "" ? null : short };
      return updateUnit(unit.unitId, { ...changes, ...shortChange, version: unit.version });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(
        unitKeys.all,
        (list: Unit[] | undefined) => list && [...list.filter((u) => u.unitId !== saved.unitId), saved],
      );
      void queryClient.invalidateQueries({ queryKey: unitKeys.all });
      if (unit) setOpened(fieldsFrom(saved));
      else {
        setName("");
        setShortName("");
      }
      onSaved(saved);
    },
    onError: (error) => {
      if (isStale(error) || isApiError(error, "unit.not_found"))
        void queryClient.invalidateQueries({ queryKey: unitKeys.all });
      const fields = fieldsOf(error);
      setErrors({
        ...(fields.name ? { name: "rule" } : {}),
        ...(fields.shortName ? { shortName: "rule" } : {}),
        ...(fields.kind ? { kind: "rule" } : {}),
      });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check(name, shortName);
    setErrors(found);
    if (found.name || found.shortName) {
      event.currentTarget.querySelector<HTMLInputElement>(`#${prefix}-${found.name ? "name" : "short"}`)?.focus();
      return;
    }
    const draft: UnitFields = { name: name.trim(), shortName: shortName.trim(), kind };
    const nothing = unit !== undefined && Object.keys(changedOnly(opened, draft)).length === 0;
    setUnchanged(nothing);
    if (!nothing) save.mutate(draft);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={unit ? t("units.editTitle") : t("units.addTitle")}>
      {save.isError && (
        <ErrorAlert message={isApiError(save.error, "request.invalid") ? t("form.fixFields") : describe(save.error)} />
      )}
      {unchanged && (
        <p role="status" className="hint">
          {t("form.noChanges")}
        </p>
      )}
      <Field
        ref={nameRef}
        id={`${prefix}-name`}
        label={t("units.name")}
        placeholder={t("units.namePlaceholder")}
        autoComplete="off"
        value={name}
        error={errors.name && t("units.nameRule")}
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        id={`${prefix}-short`}
        label={t("units.shortName")}
        hint={t("units.shortNameHint")}
        autoComplete="off"
        value={shortName}
        error={errors.shortName && t("units.shortNameRule")}
        onChange={(e) => setShortName(e.target.value)}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t("units.kindLabel")}
        value={kind}
        error={errors.kind && t("errors.fieldInvalid")}
        options={unitKinds.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))}
        onChange={(e) => setKind(e.target.value as UnitKind)}
      />
      <FormActions pending={save.isPending} submitLabel={unit ? t("form.save") : t("units.add")} onCancel={onCancel} />
    </form>
  );
}
