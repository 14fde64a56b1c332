import { GUIDANCE_MAX, TITLE_MAX } from "@thidua/core/criteria/rules";
import { useTranslation } from "react-i18next";
import type { Criterion } from "../../api/criteria.ts";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { numberValue, parseNumber } from "./focus.ts";
import { RowActions } from "./RowActions.tsx";

interface ItemEditorProps {
  item: Criterion;
  /** "1.2": the criterion's place in the table, as people number them. */
  number: string;
  index: number;
  count: number;
  /** Translated messages by field (title, maxPoints, weight). */
  errors: Partial<Record<"title" | "maxPoints" | "weight" | "guidance", string>>;
  onChange: (item: Criterion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One criterion: what is scored, its max points and weight, whether evidence is required, how to score it. */
export function ItemEditor({ item, number, index, count, errors, onChange, onMove, onRemove }: ItemEditorProps) {
  const { t } = useTranslation();
  const base = `crit-item-${item.id}`;
  const what = t("criteria.criterionN", { number });
  const hidden = <span className="visually-hidden"> {what}</span>;
  const invalid = (key: keyof ItemEditorProps["errors"]) =>
    errors[key] ? { "aria-invalid": true, "aria-describedby": `${base}-${key}-error` } : {};
  const error = (key: keyof ItemEditorProps["errors"]) =>
    errors[key] && (
      <p id={`${base}-${key}-error`} className="field-error">
        {errors[key]}
      </p>
    );

  return (
    <li className="criterion">
      <span className="criterion-number" aria-hidden="true">
        {number}
      </span>
      <div className="field criterion-title">
        <label htmlFor={`${base}-title`}>
          {t("criteria.itemTitle")}
          {hidden}
        </label>
        <CountedTextarea
          id={`${base}-title`}
          value={item.title}
          max={TITLE_MAX}
          rows={1}
          aria-invalid={errors.title ? true : undefined}
          describedBy={errors.title ? `${base}-title-error` : undefined}
          onChange={(e) => onChange({ ...item, title: e.target.value })}
        />
        {error("title")}
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
          {...invalid("maxPoints")}
          onChange={(e) => onChange({ ...item, maxPoints: parseNumber(e.target.value) })}
        />
        {error("maxPoints")}
      </div>
      <div className="field points">
        <label htmlFor={`${base}-weight`}>
          {t("criteria.weight")}
          {hidden}
        </label>
        <input
          id={`${base}-weight`}
          type="number"
          min="0"
          step="0.01"
          inputMode="decimal"
          placeholder="1"
          value={numberValue(item.weight)}
          {...invalid("weight")}
          onChange={(e) => {
            const weight = parseNumber(e.target.value);
            const { weight: _, ...rest } = item;
            onChange(Number.isNaN(weight) ? rest : { ...rest, weight });
          }}
        />
        {error("weight")}
      </div>
      <label className="check criterion-evidence">
        <input
          type="checkbox"
          checked={item.evidenceRequired}
          onChange={(e) => onChange({ ...item, evidenceRequired: e.target.checked })}
        />
        {t("criteria.evidenceRequired")}
        {hidden}
      </label>
      <RowActions idBase={base} what={what} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      <div className="field criterion-guidance">
        <label htmlFor={`${base}-guidance`}>
          {t("criteria.guidance")}
          {hidden}
        </label>
        <CountedTextarea
          id={`${base}-guidance`}
          rows={1}
          max={GUIDANCE_MAX}
          value={item.guidance ?? ""}
          aria-invalid={errors.guidance ? true : undefined}
          describedBy={errors.guidance ? `${base}-guidance-error` : undefined}
          onChange={(e) => onChange({ ...item, guidance: e.target.value })}
        />
        {error("guidance")}
      </div>
    </li>
  );
}
