import { useTranslation } from "react-i18next";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { afterMove, RowActions } from "../criteria/RowActions.tsx";
import { move } from "../criteria/table.ts";

/** The API's bounds on one list of a year: 30 items of at most 1000 characters. */
export const ITEM_MAX = 1000;
export const ITEMS_MAX = 30;

interface ItemListEditorProps {
  id: string;
  legend: string;
  /** What one item is called, numbered: "chỉ tiêu 2". */
  itemName: (number: number) => string;
  addLabel: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** Errors by item index (the API's `targets.2`), already in words. */
  errors?: Record<number, string>;
  /** The list's own error ("at least one"). */
  error?: string;
}

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** A list of text items the user adds, edits, moves up or down and removes, all from the keyboard. */
export function ItemListEditor({
  id,
  legend,
  itemName,
  addLabel,
  items,
  onChange,
  errors,
  error,
}: ItemListEditorProps) {
  const { t } = useTranslation();
  const itemId = (index: number) => `${id}-${index}`;
  const errorId = `${id}-error`;
  return (
    <fieldset className="item-list" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <ol>
        {items.map((item, index) => {
          const label = itemName(index + 1);
          const itemError = errors?.[index];
          return (
            // Items have no identity but their place: the list is re-keyed by position on purpose.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="item-row">
              <div className="field grow-field">
                <label htmlFor={itemId(index)} className="item-label">
                  {label}
                </label>
                <CountedTextarea
                  id={itemId(index)}
                  rows={2}
                  value={item}
                  max={ITEM_MAX}
                  aria-invalid={itemError ? true : undefined}
                  describedBy={itemError ? `${itemId(index)}-error` : undefined}
                  onChange={(e) => onChange(items.map((x, i) => (i === index ? e.target.value : x)))}
                />
                {itemError && (
                  <p id={`${itemId(index)}-error`} className="field-error">
                    {itemError}
                  </p>
                )}
              </div>
              <RowActions
                idBase={itemId(index)}
                what={label}
                index={index}
                count={items.length}
                onMove={(delta) => {
                  onChange(move(items, index, delta));
                  focusLater(afterMove(itemId(index + delta), index + delta, items.length, delta));
                }}
                onRemove={() => {
                  onChange(items.filter((_, i) => i !== index));
                  focusLater(items.length > 1 ? itemId(Math.max(0, index - 1)) : `${id}-add`);
                }}
              />
            </li>
          );
        })}
      </ol>
      <button
        id={`${id}-add`}
        type="button"
        className="button-secondary button-small"
        disabled={items.length >= ITEMS_MAX}
        onClick={() => {
          onChange([...items, ""]);
          focusLater(itemId(items.length));
        }}
      >
        {addLabel}
      </button>
      {items.length >= ITEMS_MAX && <p className="hint">{t("cycle.items.max", { max: ITEMS_MAX })}</p>}
    </fieldset>
  );
}

/** The items worth sending: trimmed, empty ones left out. */
export const filled = (items: readonly string[]): string[] => items.map((x) => x.trim()).filter(Boolean);
