import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";

/**
 * A text area that grows with its text and counts it against the limit the API keeps ("120/500 ký tự"),
 * so a long text is seen whole and the limit is known before saving.
 */
export function CountedTextarea({
  id,
  value,
  max,
  describedBy,
  ...props
}: ComponentProps<"textarea"> & { id: string; value: string; max: number; describedBy?: string }) {
  const { t } = useTranslation();
  const count = value.trim().length;
  const over = count > max;
  const counterId = `${id}-count`;
  return (
    <>
      <textarea
        id={id}
        value={value}
        className="grow"
        aria-describedby={[describedBy, counterId].filter(Boolean).join(" ")}
        {...props}
      />
      <p id={counterId} className={over ? "counter field-error" : "counter"} aria-live={over ? "polite" : "off"}>
        {t(over ? "form.charactersOver" : "form.characters", { count, max })}
      </p>
    </>
  );
}
