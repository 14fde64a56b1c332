import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../i18n/errors.ts";

/** Kept as a key or an error, not as text, so switching language re-translates a notice already shown. */
export type NoticeMessage =
  | { kind: "success" | "error" | "info"; key: ParseKeys; values?: Record<string, string | number> }
  | { kind: "error"; error: unknown };

/** Feedback after an action: errors interrupt (alert), successes wait their turn (status). */
export function Notice({ notice, onDismiss }: { notice: NoticeMessage; onDismiss: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const text = "error" in notice ? describe(notice.error) : t(notice.key, notice.values ?? {});
  return (
    <div role={notice.kind === "error" ? "alert" : "status"} className={`alert alert-${notice.kind}`}>
      <span>{text}</span>
      <button type="button" className="button-link" onClick={onDismiss} aria-label={t("app.dismiss")}>
        ×
      </button>
    </div>
  );
}
