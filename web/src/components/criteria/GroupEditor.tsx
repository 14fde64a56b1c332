import { useTranslation } from "react-i18next";
import type { CriteriaGroup, Criterion } from "../../api/criteria.ts";
import { ItemEditor } from "./ItemEditor.tsx";
import { afterMove, RowActions } from "./RowActions.tsx";
import { formatPoints, groupTotal, move, removeAt, replaceAt } from "./table.ts";

interface GroupEditorProps {
  group: CriteriaGroup;
  index: number;
  count: number;
  /** Translated messages by path inside the group (`title`, `items`, `items.0.maxPoints`). */
  errors: Record<string, string>;
  onChange: (group: CriteriaGroup) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onAddItem: () => void;
  focusLater: (id: string) => void;
}

/** A group of criteria (nhóm tiêu chí) with its subtotal; its criteria are added, moved and removed with buttons. */
export function GroupEditor({
  group,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
  onAddItem,
  focusLater,
}: GroupEditorProps) {
  const { t, i18n } = useTranslation();
  const base = `crit-group-${group.id}`;
  const number = String(index + 1);
  const what = t("criteria.groupN", { number });
  const setItems = (items: Criterion[]) => onChange({ ...group, items });
  const itemErrors = (ci: number) => ({
    title: errors[`items.${ci}.title`],
    maxPoints: errors[`items.${ci}.maxPoints`],
    weight: errors[`items.${ci}.weight`],
    guidance: errors[`items.${ci}.guidance`],
  });

  return (
    <fieldset className="criteria-group" aria-describedby={errors.items ? `${base}-items-error` : undefined}>
      <legend>
        {t("criteria.groupLegend", { number })}
        <span className="group-total">
          {t("criteria.groupTotal", { points: formatPoints(groupTotal(group), i18n.language) })}
        </span>
      </legend>
      <div className="group-head">
        <div className="field grow">
          <label htmlFor={`${base}-title`}>
            {t("criteria.groupTitle")}
            <span className="visually-hidden"> {what}</span>
          </label>
          <input
            id={`${base}-title`}
            value={group.title}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${base}-title-error` : undefined}
            onChange={(e) => onChange({ ...group, title: e.target.value })}
          />
          {errors.title && (
            <p id={`${base}-title-error`} className="field-error">
              {errors.title}
            </p>
          )}
        </div>
        <RowActions idBase={base} what={what} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      {group.items.length > 0 && (
        <ol className="criteria-items">
          {group.items.map((item, ci) => (
            <ItemEditor
              key={item.id}
              item={item}
              number={`${number}.${ci + 1}`}
              index={ci}
              count={group.items.length}
              errors={itemErrors(ci)}
              onChange={(changed) => setItems(replaceAt(group.items, ci, changed))}
              onMove={(delta) => {
                setItems(move(group.items, ci, delta));
                focusLater(afterMove(`crit-item-${item.id}`, ci + delta, group.items.length, delta));
              }}
              onRemove={() => {
                setItems(removeAt(group.items, ci));
                focusLater(`${base}-add`);
              }}
            />
          ))}
        </ol>
      )}
      {errors.items && (
        <p id={`${base}-items-error`} className="field-error">
          {errors.items}
        </p>
      )}
      <button id={`${base}-add`} type="button" className="button-secondary button-small" onClick={onAddItem}>
        {t("criteria.addItem", { what })}
      </button>
    </fieldset>
  );
}
