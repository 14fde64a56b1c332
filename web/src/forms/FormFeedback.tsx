import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useErrorMessage } from "../i18n/errors.ts";

/** What a form says above its fields: why the save failed, or that nothing changed. */
export function FormFeedback({ failure, unchanged }: { failure: unknown; unchanged: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  if (failure)
    return <ErrorAlert message={isApiError(failure, "request.invalid") ? t("form.fixFields") : describe(failure)} />;
  if (unchanged)
    return (
      <p role="status" className="hint">
        {t("form.noChanges")}
      </p>
    );
  return null;
}
