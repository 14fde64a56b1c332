import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { awardTypesQuery } from "../../api/awardTypes.ts";
import type { Bloc } from "../../api/blocs.ts";
import { blocQuotasQuery } from "../../api/quotas.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Loading } from "../Loading.tsx";
import { QuotaEditor } from "../quotas/QuotaEditor.tsx";
import { QuotaRule } from "../quotas/QuotaRule.tsx";
import { useYear, YearSelect } from "../YearSelect.tsx";

/** Hạn mức: how many of each award the bloc may propose in the year, as a number or a share of its members. */
export function QuotasTab({ bloc, canWrite }: { bloc: Bloc; canWrite: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [year, setYear] = useYear();
  const quotas = useQuery(blocQuotasQuery(bloc.blocId, year));
  // For the names; until they arrive (or if they fail) the ids are shown.
  const awardTypes = useQuery(awardTypesQuery());
  const nameOf = (id: string) => awardTypes.data?.find((type) => type.awardTypeId === id)?.name ?? id;

  let body: ReactNode;
  if (quotas.isPending) body = <Loading label={t("quotas.loading")} />;
  else if (quotas.isError) body = <ErrorAlert message={describe(quotas.error)} onRetry={() => void quotas.refetch()} />;
  else if (canWrite)
    body = (
      <QuotaEditor
        key={`${bloc.blocId}-${year}`}
        blocId={bloc.blocId}
        year={year}
        saved={quotas.data}
        nameOf={nameOf}
      />
    );
  else if (quotas.data.items.length === 0) body = <p className="empty">{t("quotas.noAwardTypes")}</p>;
  else
    body = (
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t("quotas.tableLabel", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("quotas.awardType")}</th>
              <th scope="col">{t("quotas.rule")}</th>
              <th scope="col" className="num">
                {t("quotas.resulting")}
              </th>
            </tr>
          </thead>
          <tbody>
            {quotas.data.items.map((quota) => (
              <tr key={quota.awardTypeId}>
                <th scope="row">{nameOf(quota.awardTypeId)}</th>
                <td>
                  <QuotaRule quota={quota} />
                </td>
                <td className="num">{quota.resulting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <>
      <div className="toolbar">
        <YearSelect id="quotas-year" year={year} onChange={setYear} />
        {quotas.data && <p className="count">{t("quotas.memberCount", { count: quotas.data.memberCount, year })}</p>}
      </div>
      {body}
    </>
  );
}
