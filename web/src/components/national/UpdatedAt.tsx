import { useTranslation } from "react-i18next";
import { dateTimeFormat } from "../../i18n/dates.ts";

/**
 * When the newest figures were computed, with a way to read them again: they follow each province's
 * changes by a few seconds, so what was just done elsewhere may not show yet.
 */
export function UpdatedAt({
  items,
  refreshing,
  onRefresh,
}: {
  items: readonly { updatedAt: string }[];
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { t, i18n } = useTranslation();
  const latest = items.reduce<string | undefined>(
    (max, item) => (max && max > item.updatedAt ? max : item.updatedAt),
    undefined,
  );
  return (
    <div className="updated-at">
      {latest && (
        <p className="hint">
          {t("national.updatedAt", { time: dateTimeFormat(i18n.language).format(new Date(latest)) })}
        </p>
      )}
      <button type="button" className="button-secondary button-small" disabled={refreshing} onClick={onRefresh}>
        {refreshing ? t("national.refreshing") : t("national.refresh")}
      </button>
    </div>
  );
}
