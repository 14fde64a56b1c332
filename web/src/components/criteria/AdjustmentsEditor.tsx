import { useTranslation } from "react-i18next";
import type { AdjustmentItem } from "../../api/criteria.ts";
import { numberValue, parseNumber } from "./focus.ts";
import { afterMove, RowActions } from "./RowActions.tsx";
import { move, removeAt, replaceAt } from "./table.ts";

interface AdjustmentsEditorProps {
  kind: "bonus" | "penalties";
  items: AdjustmentItem[];
  /** Translated messages by path inside the list (`0.title`, `0.maxPoints`) and `list` for the whole list. */
  errors: Record<string, string>;
  summary: string;
  onChange: (items: AdjustmentItem[]) => void;
  onAdd: () => void;
  focusLater: (id: string) => void;
}

/** Bonus items (điểm thưởng) or penalty items (điểm trừ): a title and the most points each can add or take. */
export function AdjustmentsEditor({
  kind,
  items,
  errors,
  summary,
  onChange,
  onAdd,
  focusLater,
}: AdjustmentsEditorProps) {
  const { t } = useTranslation();
  const addId = `crit-${kind}-add`;
  return (
    <fieldset className="criteria-group adjustments" aria-describedby={errors.list ? `crit-${kind}-error` : undefined}>
      <legend>
        {t(`criteria.${kind}Title`)}
        <span className="group-total">{summary}</span>
      </legend>
      {items.length === 0 && <p className="muted">{t(`criteria.${kind}Empty`)}</p>}
      {items.length > 0 && (
        <ol className="criteria-items">
          {items.map((item, i) => {
            const base = `crit-${kind}-${item.id}`;
            const what = t(`criteria.${kind}N`, { number: i + 1 });
            const hidden = <span className="visually-hidden"> {what}</span>;
            const update = (changed: AdjustmentItem) => onChange(replaceAt(items, i, changed));
            return (
              <li key={item.id} className="criterion adjustment">
                <span className="criterion-number" aria-hidden="true">
                  {i + 1}
                </span>
                <div className="field criterion-title">
                  <label htmlFor={`${base}-title`}>
                    {t("criteria.itemTitle")}
                    {hidden}
                  </label>
                  <input
                    id={`${base}-title`}
                    value={item.title}
                    aria-invalid={errors[`${i}.title`] ? true : undefined}
                    onChange={(e) => update({ ...item, title: e.target.value })}
                  />
                  {errors[`${i}.title`] && <p className="field-error">{errors[`${i}.title`]}</p>}
                </div>
                <div className="field points">
                  <label htmlFor={`${base}-max`}>
                    {t("criteria.maxPoints")}
                    {hidden}
                  </label>
                  <input
                    id={`${base}-max`}
                    type="number"
                    min="0"
                    step="0.01"
                    inputMode="decimal"
                    value={numberValue(item.maxPoints)}
                    aria-invalid={errors[`${i}.maxPoints`] ? true : undefined}
                    onChange={(e) => update({ ...item, maxPoints: parseNumber(e.target.value) })}
                  />
                  {errors[`${i}.maxPoints`] && <p className="field-error">{errors[`${i}.maxPoints`]}</p>}
                </div>
                <RowActions
                  idBase={base}
                  what={what}
                  index={i}
                  count={items.length}
                  onMove={(delta) => {
                    onChange(move(items, i, delta));
                    focusLater(afterMove(base, i + delta, items.length, delta));
                  }}
                  onRemove={() => {
                    onChange(removeAt(items, i));
                    focusLater(addId);
                  }}
                />
              </li>
            );
          })}
        </ol>
      )}
      {errors.list && (
        <p id={`crit-${kind}-error`} className="field-error">
          {errors.list}
        </p>
      )}
      <button id={addId} type="button" className="button-secondary button-small" onClick={onAdd}>
        {t(`criteria.${kind}Add`)}
      </button>
    </fieldset>
  );
}
