import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AwardLevel,
  type AwardType,
  awardLevels,
  awardTypeKeys,
  createAwardType,
  updateAwardType,
} from "../../api/awardTypes.ts";
import { isStale } from "../../api/client.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { changedOnly } from "../changes.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { SelectField } from "../SelectField.tsx";
import { PrerequisitePicker } from "./PrerequisitePicker.tsx";

interface AwardTypeFormProps {
  /** The type to edit (its latest copy); absent to add one. */
  awardType?: AwardType;
  all: AwardType[];
  onSaved: (awardType: AwardType) => void;
  onCancel?: () => void;
}

type Draft = Pick<AwardType, "name" | "level" | "prerequisites" | "leaderOnly" | "active"> & { order: string };

const draftOf = (type?: AwardType): Draft => ({
  name: type?.name ?? "",
  level: type?.level ?? "collective",
  prerequisites: type?.prerequisites ?? [],
  leaderOnly: type?.leaderOnly ?? false,
  active: type?.active ?? true,
  order: type ? String(type.order) : "",
});

/** A title or form of reward: name, level, prerequisites (other types held first), leader only, in use, order. */
export function AwardTypeForm({ awardType, all, onSaved, onCancel }: AwardTypeFormProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const queryClient = useQueryClient();
  const editing = awardType !== undefined;
  const prefix = editing ? "award-edit" : "award-new";
  const [draft, setDraft] = useState(() => draftOf(awardType));
  // What the form was opened with (then what was saved): an edit sends only what differs.
  const [opened, setOpened] = useState(() => draftOf(awardType));
  const [errors, setErrors] = useState<Partial<Record<"name" | "order", true>>>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  const save = useMutation({
    // The draft sent: the API's `prerequisites.N` paths index its list.
    mutationFn: (sent: Draft) => {
      if (!awardType) {
        const { name, level, prerequisites, leaderOnly } = sent;
        return createAwardType({ name, level, prerequisites, leaderOnly });
      }
      const { order, level: _fixed, ...changes } = changedOnly(opened, sent);
      return updateAwardType(awardType.awardTypeId, {
        ...changes,
        ...(order === undefined ? {} : { order: Number(order) }),
        version: awardType.version,
      });
    },
    onSuccess: (saved) => {
      // At once (a second save must send the new version), then whatever else changed.
      queryClient.setQueryData(
        awardTypeKeys.all,
        (list: AwardType[] | undefined) =>
          list &&
          [...list.filter((type) => type.awardTypeId !== saved.awardTypeId), saved].sort((a, b) => a.order - b.order),
      );
      void queryClient.invalidateQueries({ queryKey: awardTypeKeys.all });
      if (awardType) setOpened(draftOf(saved));
      else setDraft(draftOf());
      onSaved(saved);
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: awardTypeKeys.all });
      const fields = fieldsOf(error);
      setErrors({ ...(fields.name ? { name: true } : {}), ...(fields.order ? { order: true } : {}) });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const sent = { ...draft, name: draft.name.trim(), order: draft.order.trim() };
    const found = {
      ...(sent.name.length < 2 || sent.name.length > 200 ? { name: true as const } : {}),
      ...(editing && !(/^\d{1,6}$/.test(sent.order) && Number(sent.order) <= 100_000) ? { order: true as const } : {}),
    };
    setErrors(found);
    if (found.name || found.order) {
      event.currentTarget.querySelector<HTMLInputElement>(`#${prefix}-${found.name ? "name" : "order"}`)?.focus();
      return;
    }
    // Nothing changed: nothing to send (the API refuses an empty change).
    if (awardType && Object.keys(changedOnly(opened, sent)).length === 0) onSaved(awardType);
    else save.mutate(sent);
  };

  // Only types in use can be required (the API refuses others); a chosen one stays visible to be unticked.
  const options = all.filter(
    (type) =>
      type.awardTypeId !== awardType?.awardTypeId && (type.active || draft.prerequisites.includes(type.awardTypeId)),
  );
  const fields = fieldsOf(save.error);
  const prerequisiteError = Object.entries(fields)
    .filter(([path]) => path.startsWith("prerequisites"))
    .map(([path, message]) => {
      const id = save.variables?.prerequisites[Number(path.split(".")[1])];
      const name = all.find((type) => type.awardTypeId === id)?.name;
      return name ? `${name}: ${describeField(message)}` : describeField(message);
    })
    .join(" ");
  const activeError = fields.active && describeField(fields.active);
  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError && (
        <ErrorAlert message={Object.keys(fields).length > 0 ? t("form.fixFields") : describe(save.error)} />
      )}
      <Field
        ref={nameRef}
        id={`${prefix}-name`}
        label={t("awards.name")}
        placeholder={t("awards.namePlaceholder")}
        autoComplete="off"
        value={draft.name}
        error={errors.name && t("awards.nameRule")}
        onChange={(e) => set({ name: e.target.value })}
      />
      <SelectField
        id={`${prefix}-level`}
        label={t("awards.level")}
        hint={editing ? t("awards.levelFixed") : undefined}
        value={draft.level}
        disabled={editing}
        options={awardLevels.map((l) => ({ value: l, label: t(`awards.levels.${l}`) }))}
        onChange={(e) => set({ level: e.target.value as AwardLevel })}
      />
      <PrerequisitePicker
        id={`${prefix}-pre`}
        options={options}
        value={draft.prerequisites}
        error={prerequisiteError || undefined}
        onChange={(prerequisites) => set({ prerequisites })}
      />
      <label className="check">
        <input type="checkbox" checked={draft.leaderOnly} onChange={(e) => set({ leaderOnly: e.target.checked })} />
        {t("awards.leaderOnly")}
      </label>
      {editing && (
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.active}
              aria-invalid={activeError ? true : undefined}
              aria-describedby={activeError ? `${prefix}-active-error` : undefined}
              onChange={(e) => set({ active: e.target.checked })}
            />
            {t("awards.active")}
          </label>
          {activeError && (
            <p id={`${prefix}-active-error`} className="field-error">
              {activeError}
            </p>
          )}
          <Field
            id={`${prefix}-order`}
            label={t("awards.order")}
            hint={t("awards.orderHint")}
            inputMode="numeric"
            value={draft.order}
            error={errors.order && t("awards.orderRule")}
            onChange={(e) => set({ order: e.target.value })}
          />
        </>
      )}
      <FormActions
        pending={save.isPending}
        submitLabel={editing ? t("form.save") : t("awards.add")}
        onCancel={onCancel}
      />
    </form>
  );
}
