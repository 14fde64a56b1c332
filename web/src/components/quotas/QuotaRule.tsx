import { useTranslation } from "react-i18next";
import type { QuotaInput } from "../../api/quotas.ts";

/** "2 đơn vị" or "20 % số thành viên, làm tròn xuống". */
export function QuotaRule({ quota }: { quota: QuotaInput }) {
  const { t } = useTranslation();
  return quota.mode === "count"
    ? t("quotas.countRule", { value: quota.value })
    : t("quotas.percentRule", { value: quota.value, rounding: t(`quotas.rounding.${quota.rounding}`) });
}
