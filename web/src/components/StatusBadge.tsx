import type { Tenant } from "@thidua/core/tenant/rules";
import { useTranslation } from "react-i18next";

export function StatusBadge({ status }: { status: Tenant["status"] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`tenants.status.${status}`)}</span>;
}
