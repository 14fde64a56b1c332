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
      // A wait the API asked for is said in minutes ("thử lại sau 5 phút").
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      // A bound the API named (a quota's most) completes sentences that speak of it.
      const limit = error.fields.find((f) => f.limit !== undefined)?.limit;
      const text = known ? t(key as "errors.internal", { minutes, limit }) : t("errors.fallback", { code: error.code });
      const showRequestId = error.requestId && (!known || error.status >= 500);
      return showRequestId ? `${text} ${t("errors.requestId", { requestId: error.requestId })}` : text;
    },
    [t, i18n],
  );
}

/** Values a code's sentence may speak of: the bound the API named (`limit`). */
type CodeValues = { limit?: number };

const isCode = (message: string) => /^[a-z_]+\.[a-z_]+$/.test(message);

/** The sentence of a code the dashboard knows (`bloc.seat_not_member`), or undefined. */
function useKnownCode(): (message: string, values?: CodeValues) => string | undefined {
  const { t, i18n } = useTranslation();
  return useCallback(
    (message: string, values?: CodeValues) => {
      const key = `errors.${message}`;
      const known =
        isCode(message) && typeof i18n.getResource(i18n.resolvedLanguage ?? "vi", "translation", key) === "string";
      return known ? t(key as "errors.internal", values) : undefined;
    },
    [t, i18n],
  );
}

/**
 * Translates a field message or a warning from the API. Messages shaped like codes (`bloc.seat_not_member`)
 * have sentences under `errors.`; anything else is a developer's message (zod's), shown as "not valid".
 */
export function useCodeMessage(): (message: string, values?: CodeValues) => string {
  const { t } = useTranslation();
  const known = useKnownCode();
  return useCallback(
    (message: string, values?: CodeValues) =>
      known(message, values) ?? (isCode(message) ? t("errors.fallback", { code: message }) : t("errors.fieldInvalid")),
    [t, known],
  );
}

/**
 * A form field's error: the API's sentence when its message is a known code (`text.hidden_characters`,
 * `tenant.exists`), else the field's own rule ("2 to 200 characters"), which covers zod's limits.
 */
export function useFieldError(): (message: string | undefined, rule: string) => string | undefined {
  const known = useKnownCode();
  return useCallback((message, rule) => (message === undefined ? undefined : (known(message) ?? rule)), [known]);
}

/** The API's field issues by path (`unitIds.2` → `bloc.unit_in_other_bloc`); the first message of a path wins. */
export function fieldsOf(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) for (const { path, message } of error.fields) fields[path] ??= message;
  return fields;
}

/** The bound the API named for a field (a quota's most), if any. */
export const limitOf = (error: unknown, path: string): number | undefined =>
  error instanceof ApiError ? error.fields.find((f) => f.path === path)?.limit : undefined;
