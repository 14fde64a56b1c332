import { useTranslation } from "react-i18next";
import { type QuotaUse, shownUsage } from "./quota.ts";

/** "Cờ thi đua của UBND tỉnh: 1/1 đã dùng" per award type, each with a small bar (the text says it all). */
export function QuotaMeters({ usage, name, year }: { usage: QuotaUse[]; name: (id: string) => string; year: number }) {
  const { t } = useTranslation();
  const shown = shownUsage(usage);
  if (shown.length === 0) return <p className="empty">{t("proposals.quota.none", { year })}</p>;
  return (
    <ul className="quota-meters" aria-label={t("proposals.quota.caption")}>
      {shown.map((u) => {
        const over = u.used > u.limit;
        const share = u.limit > 0 ? Math.min(1, u.used / u.limit) : 1;
        const state = over ? "over" : u.left === 0 ? "full" : "open";
        return (
          <li key={u.awardTypeId} className={`quota-meter quota-${state}`}>
            <span className="quota-name">{name(u.awardTypeId)}</span>
            <span className="quota-figure">
              {t("proposals.quota.used", { used: u.used, limit: u.limit })}
              <span className="muted">
                {" · "}
                {over
                  ? t("proposals.quota.over")
                  : u.left === 0
                    ? t("proposals.quota.full")
                    : t("proposals.quota.left", { count: u.left })}
              </span>
            </span>
            <span className="quota-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
