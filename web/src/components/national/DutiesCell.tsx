import { useTranslation } from "react-i18next";
import type { Duties } from "../../api/national.ts";

/**
 * How far the members are with their duties, compact: registered · signed · submitted · locked of the
 * member units (the column's header says which is which); spelled out for screen readers.
 */
export function DutiesCell({ duties, members }: { duties: Duties; members: number }) {
  const { t } = useTranslation();
  if (members === 0) return <span className="muted">—</span>;
  const { registered, signed, submitted, locked } = duties;
  return (
    <span className="duties-cell">
      <span aria-hidden="true">
        {[registered, signed, submitted, locked].join(" · ")} <span className="muted">/ {members}</span>
      </span>
      <span className="visually-hidden">
        {t("national.duties.spoken", { registered, signed, submitted, locked, members })}
      </span>
    </span>
  );
}
