import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

/** A function turning any error into a sentence in the current language; unknown codes show the code itself. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t("errors.unexpected");
      const key = `errors.${error.code}`;
      const known = typeof i18n.getResource(i18n.resolvedLanguage ?? "vi", "translation", key) === "string";
      // The key is checked just above; i18next's typed keys cannot follow a runtime code.
      const text = known ? t(key as "errors.internal") : t("errors.fallback", { code: error.code });
      const showRequestId = error.requestId && (!known || error.status >= 500);
      return showRequestId ? `${text} ${t("errors.requestId", { requestId: error.requestId })}` : text;
    },
    [t, i18n],
  );
}
