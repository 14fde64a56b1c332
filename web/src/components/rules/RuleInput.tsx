import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RuleSet } from "../../api/rules.ts";
import { display, keyOf, orderParts, type RuleField, tieBreakOrders, tieBreaks } from "./ruleFields.ts";

interface RuleInputProps {
  field: RuleField;
  value: string | boolean;
  parent: RuleSet;
  /** "Mặc định" or "Theo quy chế tỉnh": what the level above says. */
  parentLabel: string;
  overridden: boolean;
  error?: string;
  disabled: boolean;
  onChange: (value: string | boolean) => void;
  onReset: () => void;
}

/** One setting of the rules form, with the value of the level above and a way back to it. */
export function RuleInput({
  field,
  value,
  parent,
  parentLabel,
  overridden,
  error,
  disabled,
  onChange,
  onReset,
}: RuleInputProps) {
  const { t } = useTranslation();
  const key = keyOf(field);
  const id = `rule-${key.replace(".", "-")}`;
  const label = t(`rulesForm.fields.${key}` as "rulesForm.fields.scale.total");
  const above = display(parent, field);
  const order = (v: string) =>
    orderParts(v)
      .map((part) => t(`rulesForm.tieBreak.${part}` as "rulesForm.tieBreak.none"))
      .join(" → ") || t("rulesForm.tieBreak.none");
  const shown = (v: string | boolean) =>
    typeof v === "boolean"
      ? t(v ? "criteria.yes" : "criteria.no")
      : field.kind === "tie"
        ? t(`rulesForm.tie.${v as (typeof tieBreaks)[number]}`)
        : field.kind === "order"
          ? order(v)
          : // One number format in inputs and hints alike: the decimal comma (66,67 %).
            `${v}${field.kind === "percent" ? " %" : ""}`;
  // The offered orders, and the stored one when it is another.
  const orders: string[] = [
    ...tieBreakOrders,
    ...(tieBreakOrders.includes(String(value) as never) ? [] : [String(value)]),
  ];
  const note = `${parentLabel}: ${shown(above)}`;
  const describedBy = [error ? `${id}-error` : "", `${id}-note`].filter(Boolean).join(" ");

  let control: ReactNode;
  if (field.kind === "boolean")
    control = (
      <label className="check">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
    );
  else
    control = (
      <>
        <label htmlFor={id}>{label}</label>
        {field.kind === "order" || field.kind === "tie" ? (
          <select
            id={id}
            value={String(value)}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          >
            {(field.kind === "order" ? orders : tieBreaks).map((choice) => (
              <option key={choice} value={choice}>
                {shown(choice)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            inputMode="decimal"
            value={String(value)}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </>
    );

  return (
    <div className={overridden ? "field rule-field overridden" : "field rule-field"}>
      {control}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <p id={`${id}-note`} className="hint">
        {overridden ? <strong>{t("rulesForm.changed")} · </strong> : null}
        {note}
        {overridden && !disabled && (
          <>
            {" "}
            <button
              type="button"
              className="button-text"
              aria-label={t("rulesForm.resetNamed", { name: label })}
              onClick={onReset}
            >
              {t("rulesForm.reset")}
            </button>
          </>
        )}
      </p>
    </div>
  );
}
