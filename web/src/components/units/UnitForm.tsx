import { useQueryClient } from "@tanstack/react-query";
import { CreateUnitInput, UpdateUnitInput } from "@thidua/core/unit/rules";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { showSaved } from "../../api/cache.ts";
import { createUnit, type Unit, type UnitKind, unitKeys, unitKinds, updateUnit } from "../../api/units.ts";
import { FormFeedback } from "../../forms/FormFeedback.tsx";
import { useEditForm } from "../../forms/useEditForm.ts";
import { useFieldError } from "../../i18n/errors.ts";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";

type UnitFields = { name: string; shortName: string; kind: UnitKind };

const fieldsFrom = (unit?: Unit): UnitFields => ({
  name: unit?.name ?? "",
  shortName: unit?.shortName ?? "",
  kind: unit?.kind ?? "state_agency",
});

/** Adds a unit, or edits one (`unit`, the latest copy, so a retry after 409 sends the new version). */
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
  const fieldError = useFieldError();
  const queryClient = useQueryClient();
  const nameRef = useRef<HTMLInputElement>(null);
  const editing = unit !== undefined;
  const prefix = editing ? "unit-edit" : "unit-new";
  const form = useEditForm({
    initial: fieldsFrom(unit),
    editing,
    idPrefix: prefix,
    refresh: [unitKeys.all],
    schema: editing ? UpdateUnitInput : CreateUnitInput,
    body: (draft, changed) => {
      const name = draft.name.trim();
      const shortName = draft.shortName.trim();
      if (!unit) return { name, kind: draft.kind, ...(shortName ? { shortName } : {}) };
      return {
        ...(changed.name === undefined ? {} : { name }),
        ...(changed.kind === undefined ? {} : { kind: draft.kind }),
        // An emptied short name is cleared (null); an untouched one is not sent.
        ...(changed.shortName === undefined ? {} : { shortName: shortName || null }),
        version: unit.version,
      };
    },
    save: (body) => (unit ? updateUnit(unit.unitId, body as UpdateUnitInput) : createUnit(body as CreateUnitInput)),
    after: (saved) => (unit ? fieldsFrom(saved) : fieldsFrom()),
    onSaved: (saved) => {
      showSaved(queryClient, unitKeys.all, saved, (u) => u.unitId === saved.unitId);
      onSaved(saved);
    },
  });

  // Opening a unit for editing (the page keys this form by unit) takes the keyboard there.
  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  const { draft, errors } = form;
  return (
    <form
      className="form"
      onSubmit={form.submit}
      noValidate
      aria-label={editing ? t("units.editTitle") : t("units.addTitle")}
    >
      <FormFeedback failure={form.failure} unchanged={form.unchanged} />
      <Field
        ref={nameRef}
        id={`${prefix}-name`}
        label={t("units.name")}
        placeholder={t("units.namePlaceholder")}
        autoComplete="off"
        value={draft.name}
        error={fieldError(errors.name, t("units.nameRule"))}
        onChange={(e) => form.set({ name: e.target.value })}
      />
      <Field
        id={`${prefix}-shortName`}
        label={t("units.shortName")}
        hint={t("units.shortNameHint")}
        autoComplete="off"
        value={draft.shortName}
        error={fieldError(errors.shortName, t("units.shortNameRule"))}
        onChange={(e) => form.set({ shortName: e.target.value })}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t("units.kindLabel")}
        value={draft.kind}
        error={fieldError(errors.kind, t("errors.fieldInvalid"))}
        options={unitKinds.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))}
        onChange={(e) => form.set({ kind: e.target.value as UnitKind })}
      />
      <FormActions pending={form.saving} submitLabel={editing ? t("form.save") : t("units.add")} onCancel={onCancel} />
    </form>
  );
}
