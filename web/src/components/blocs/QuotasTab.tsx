import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { awardTypesQuery } from "../../api/awardTypes.ts";
import type { Bloc } from "../../api/blocs.ts";
import { blocQuotasQuery } from "../../api/quotas.ts";
import { DataTable } from "../DataTable.tsx";
import { QueryState } from "../QueryState.tsx";
import { QuotaEditor } from "../quotas/QuotaEditor.tsx";
import { QuotaRule } from "../quotas/QuotaRule.tsx";
import { useYear, YearSelect } from "../YearSelect.tsx";

/** Hạn mức: how many of each award the bloc may propose in the year, as a number or a share of its members. */
export function QuotasTab({ bloc, canWrite }: { bloc: Bloc; canWrite: boolean }) {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const quotas = useQuery(blocQuotasQuery(bloc.blocId, year));
  // For the names; until they arrive (or if they fail) the ids are shown.
  const awardTypes = useQuery(awardTypesQuery());
  const nameOf = (id: string) => awardTypes.data?.find((type) => type.awardTypeId === id)?.name ?? id;

  const body = (
    <QueryState
      query={quotas}
      loading={t("quotas.loading")}
      empty={(saved) => !canWrite && saved.items.length === 0 && t("quotas.noAwardTypes")}
    >
      {(saved) =>
        canWrite ? (
          <QuotaEditor key={`${bloc.blocId}-${year}`} blocId={bloc.blocId} year={year} saved={saved} nameOf={nameOf} />
        ) : (
          <DataTable
            caption={t("quotas.tableLabel", { year })}
            rows={saved.items}
            rowKey={(quota) => quota.awardTypeId}
            columns={[
              { key: "awardType", header: t("quotas.awardType"), cell: (quota) => nameOf(quota.awardTypeId) },
              { key: "rule", header: t("quotas.rule"), cell: (quota) => <QuotaRule quota={quota} /> },
              { key: "resulting", kind: "num", header: t("quotas.resulting"), cell: (quota) => quota.resulting },
            ]}
          />
        )
      }
    </QueryState>
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
