import type { ReactNode } from "react";

/** A compact group of choices with its legend, a hint and the API's error (already translated) under it. */
export function ChecklistFieldset({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className="checklist compact" aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}
