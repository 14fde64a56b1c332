import { useTranslation } from "react-i18next";

/** An error announced to screen readers as soon as it appears, with an optional retry. */
export function ErrorAlert({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert-error">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t("errors.retry")}
        </button>
      )}
    </div>
  );
}
