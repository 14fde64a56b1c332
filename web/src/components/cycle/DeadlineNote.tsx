import { useTranslation } from "react-i18next";
import { dateFormat } from "../../i18n/dates.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** "Hạn: 15/03/2026", flagged once it has passed. */
export function DeadlineNote({ deadline }: { deadline: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (!deadline) return <span className="muted">{t("cycle.noDeadline")}</span>;
  const day = dateFormat(i18n.language).format(new Date(`${deadline}T00:00:00`));
  return (
    <span>
      {t("cycle.deadline", { date: day })}
      {deadline < today() && <span className="badge badge-late">{t("cycle.pastDeadline")}</span>}
    </span>
  );
}

export function LateBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-late">{t("cycle.late")}</span>;
}
