import { useQueryClient } from "@tanstack/react-query";
import { CreateAwardTypeInput, UpdateAwardTypeInput } from "@thidua/core/award/rules";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  type AwardLevel,
  type AwardType,
  awardLevels,
  awardTypeKeys,
  createAwardType,
  updateAwardType,
} from "../../api/awardTypes.ts";
import { showSaved } from "../../api/cache.ts";
import { FormFeedback } from "../../forms/FormFeedback.tsx";
import { useEditForm } from "../../forms/useEditForm.ts";
import { useCodeMessage, useFieldError } from "../../i18n/errors.ts";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";
import { PrerequisitePicker } from "./PrerequisitePicker.tsx";
import { YearsInRowEditor } from "./YearsInRowEditor.tsx";

interface AwardTypeFormProps {
  /** The type to edit (its latest copy); absent to add one. */
  awardType?: AwardType;
  all: AwardType[];
  onSaved: (awardType: AwardType) => void;
  onCancel?: () => void;
}

type Draft = Pick<AwardType, "name" | "level" | "prerequisites" | "yearsInRow" | "leaderOnly" | "active"> & {
  order: string;
};

const draftOf = (type?: AwardType): Draft => ({
  name: type?.name ?? "",
  level: type?.level ?? "collective",
  prerequisites: type?.prerequisites ?? [],
  yearsInRow: type?.yearsInRow ?? [],
  leaderOnly: type?.leaderOnly ?? false,
  active: type?.active ?? true,
  order: type ? String(type.order) : "",
});

/** The order as typed: a whole number, or NaN (refused by the schema) for anything else, blank included. */
const orderOf = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/**
 * A title or form of reward: name, level, prerequisites (other types held first that year), awards held
 * N years in a row before, leader only, in use, order.
 */
export function AwardTypeForm({ awardType, all, onSaved, onCancel }: AwardTypeFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const describeField = useCodeMessage();
  const queryClient = useQueryClient();
  const editing = awardType !== undefined;
  const prefix = editing ? "award-edit" : "award-new";
  const nameRef = useRef<HTMLInputElement>(null);
  const form = useEditForm({
    initial: draftOf(awardType),
    editing,
    idPrefix: prefix,
    refresh: [awardTypeKeys.all],
    schema: editing ? UpdateAwardTypeInput : CreateAwardTypeInput,
    body: (draft, changed) => {
      const name = draft.name.trim();
      if (!awardType)
        return {
          name,
          level: draft.level,
          prerequisites: draft.prerequisites,
          yearsInRow: draft.yearsInRow,
          leaderOnly: draft.leaderOnly,
        };
      const { order, level: _fixed, name: renamed, ...rest } = changed;
      return {
        ...rest,
        ...(renamed === undefined ? {} : { name }),
        ...(order === undefined ? {} : { order: orderOf(order) }),
        version: awardType.version,
      };
    },
    save: (body) =>
      awardType
        ? updateAwardType(awardType.awardTypeId, body as UpdateAwardTypeInput)
        : createAwardType(body as CreateAwardTypeInput),
    after: (saved) => (awardType ? draftOf(saved) : draftOf()),
    onSaved: (saved) => {
      const same = (type: AwardType) => type.awardTypeId === saved.awardTypeId;
      showSaved(queryClient, awardTypeKeys.all, saved, same, (a, b) => a.order - b.order);
      onSaved(saved);
    },
  });

  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  const { draft, errors } = form;
  // Only types in use can be required (the API refuses others); a chosen one stays visible to be unticked.
  const options = all.filter(
    (type) =>
      type.awardTypeId !== awardType?.awardTypeId && (type.active || draft.prerequisites.includes(type.awardTypeId)),
  );
  // The API names a prerequisite by its place in the list sent: say which one.
  const sentPrerequisites = (form.sent as { prerequisites?: string[] } | undefined)?.prerequisites ?? [];
  const prerequisiteError = Object.entries(form.issues)
    .filter(([path]) => path.startsWith("prerequisites."))
    .map(([path, message]) => {
      const id = sentPrerequisites[Number(path.split(".")[1])];
      const name = all.find((type) => type.awardTypeId === id)?.name;
      return name ? `${name}: ${describeField(message)}` : describeField(message);
    })
    .join(" ");
  const yearsError = Object.entries(form.issues)
    .filter(([path]) => path.startsWith("yearsInRow."))
    .map(([, message]) => describeField(message))
    .join(" ");
  return (
    <form className="form" onSubmit={form.submit} noValidate>
      <FormFeedback failure={form.failure} unchanged={form.unchanged} />
      <Field
        ref={nameRef}
        id={`${prefix}-name`}
        label={t("awards.name")}
        placeholder={t("awards.namePlaceholder")}
        autoComplete="off"
        value={draft.name}
        error={fieldError(errors.name, t("awards.nameRule"))}
        onChange={(e) => form.set({ name: e.target.value })}
      />
      <SelectField
        id={`${prefix}-level`}
        label={t("awards.level")}
        hint={editing ? t("awards.levelFixed") : undefined}
        value={draft.level}
        disabled={editing}
        options={awardLevels.map((l) => ({ value: l, label: t(`awards.levels.${l}`) }))}
        onChange={(e) => form.set({ level: e.target.value as AwardLevel })}
      />
      <PrerequisitePicker
        id={`${prefix}-prerequisites`}
        options={options}
        value={draft.prerequisites}
        error={errors.prerequisites ? prerequisiteError || describeField(errors.prerequisites) : undefined}
        onChange={(prerequisites) => form.set({ prerequisites })}
      />
      <YearsInRowEditor
        id={`${prefix}-years-in-row`}
        // Any type in use, this one included once it exists ("the same title N years in a row").
        options={all.filter(
          (type) => type.active || draft.yearsInRow.some((row) => row.awardTypeId === type.awardTypeId),
        )}
        value={draft.yearsInRow}
        error={yearsError || (errors.yearsInRow ? describeField(errors.yearsInRow) : undefined)}
        onChange={(yearsInRow) => form.set({ yearsInRow })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={draft.leaderOnly}
          onChange={(e) => form.set({ leaderOnly: e.target.checked })}
        />
        {t("awards.leaderOnly")}
      </label>
      {editing && (
        <>
          <label className="check">
            <input
              id={`${prefix}-active`}
              type="checkbox"
              checked={draft.active}
              aria-invalid={errors.active ? true : undefined}
              aria-describedby={errors.active ? `${prefix}-active-error` : undefined}
              onChange={(e) => form.set({ active: e.target.checked })}
            />
            {t("awards.active")}
          </label>
          {errors.active && (
            <p id={`${prefix}-active-error`} className="field-error">
              {describeField(errors.active)}
            </p>
          )}
          <Field
            id={`${prefix}-order`}
            label={t("awards.order")}
            hint={t("awards.orderHint")}
            inputMode="numeric"
            value={draft.order}
            error={fieldError(errors.order, t("awards.orderRule"))}
            onChange={(e) => form.set({ order: e.target.value })}
          />
        </>
      )}
      <FormActions pending={form.saving} submitLabel={editing ? t("form.save") : t("awards.add")} onCancel={onCancel} />
    </form>
  );
}
