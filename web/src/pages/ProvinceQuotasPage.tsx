import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { awardTypesQuery } from "../api/awardTypes.ts";
import { provinceQuotasQuery } from "../api/quotas.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { useYear, YearSelect } from "../components/YearSelect.tsx";
import { useCodeMessage, useErrorMessage } from "../i18n/errors.ts";
import { blocPath } from "../navigation.ts";

/** Hạn mức toàn tỉnh: every bloc's quotas for the year side by side, the totals and the government-flag cap. */
export function ProvinceQuotasPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const [year, setYear] = useYear();
  const summary = useQuery(provinceQuotasQuery(year));
  const awardTypes = useQuery(awardTypesQuery());

  let body: ReactNode;
  if (summary.isPending) body = <Loading label={t("quotas.loading")} />;
  else if (summary.isError)
    body = <ErrorAlert message={describe(summary.error)} onRetry={() => void summary.refetch()} />;
  else {
    const { blocs, totals, caps, warnings } = summary.data;
    // Columns in the award types' order; any id the list does not know goes last.
    const used = new Set([...Object.keys(totals), ...blocs.flatMap((bloc) => Object.keys(bloc.quotas))]);
    const known = (awardTypes.data ?? []).filter((type) => used.has(type.awardTypeId));
    const columns = [
      ...known.map((type) => ({ id: type.awardTypeId, name: type.name })),
      ...[...used].filter((id) => !known.some((type) => type.awardTypeId === id)).map((id) => ({ id, name: id })),
    ];
    body = (
      <>
        {warnings.length > 0 && (
          <div role="alert" className="alert alert-warning">
            <ul>
              {[...new Set(warnings.map((warning) => warning.code))].map((code) => (
                <li key={code}>{describeCode(code)}</li>
              ))}
            </ul>
          </div>
        )}
        <p className="cap-line">
          {t("quotas.governmentCap", {
            share: Math.round(caps.governmentFlag.share * 10_000) / 100,
            max: caps.governmentFlag.max,
          })}
        </p>
        {blocs.length === 0 ? (
          <p className="empty">{t("quotas.noBlocs")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table province-quotas">
              <caption className="visually-hidden">{t("quotas.provinceTable", { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("quotas.bloc")}</th>
                  <th scope="col" className="num">
                    {t("quotas.members")}
                  </th>
                  {columns.map((column) => (
                    <th key={column.id} scope="col" className="num">
                      {column.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {blocs.map((bloc) => (
                  <tr key={bloc.blocId}>
                    <th scope="row">
                      <Link to={`${blocPath(bloc.blocId)}?tab=quotas&year=${year}`}>{bloc.name}</Link>
                    </th>
                    <td className="num">{bloc.memberCount}</td>
                    {columns.map((column) => (
                      <td key={column.id} className="num">
                        {bloc.quotas[column.id] ?? <span className="muted">—</span>}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr className="total-row">
                  <th scope="row">{t("quotas.total")}</th>
                  <td className="num">{blocs.reduce((sum, bloc) => sum + bloc.memberCount, 0)}</td>
                  {columns.map((column) => (
                    <td key={column.id} className="num">
                      {totals[column.id] ?? 0}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </>
    );
  }

  return (
    <section className="page">
      <h1>{t("quotas.provinceTitle")}</h1>
      <p className="lead">{t("quotas.provinceIntro")}</p>
      <div className="card">
        <div className="toolbar">
          <YearSelect id="province-quotas-year" year={year} onChange={setYear} />
        </div>
        {body}
      </div>
    </section>
  );
}
