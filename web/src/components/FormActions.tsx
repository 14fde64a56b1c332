import { useTranslation } from "react-i18next";

/** The submit (and optional cancel) buttons of an add-or-edit form. */
export function FormActions({
  pending,
  submitLabel,
  onCancel,
  danger,
}: {
  pending: boolean;
  submitLabel: string;
  onCancel?: (() => void) | undefined;
  /** A red button, for what takes something away or goes back. */
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button
        type="submit"
        className={danger ? "button-danger" : "button-primary"}
        disabled={pending}
        aria-busy={pending}
      >
        {pending ? t("form.saving") : submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      )}
    </div>
  );
}
