import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { awardTypesQuery } from "../api/awardTypes.ts";
import { provinceQuotasQuery } from "../api/quotas.ts";
import { DataTable } from "../components/DataTable.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useYear, YearSelect } from "../components/YearSelect.tsx";
import { useCodeMessage } from "../i18n/errors.ts";
import { blocPath } from "../navigation.ts";

/** Hạn mức toàn tỉnh: every bloc's quotas for the year side by side, the totals and the government-flag cap. */
export function ProvinceQuotasPage() {
  const { t } = useTranslation();
  const describeCode = useCodeMessage();
  const [year, setYear] = useYear();
  const summary = useQuery(provinceQuotasQuery(year));
  const awardTypes = useQuery(awardTypesQuery());

  const body = (
    <QueryState query={summary} loading={t("quotas.loading")}>
      {({ blocs, totals, caps, warnings }) => {
        // Columns in the award types' order; any id the list does not know goes last.
        const used = new Set([...Object.keys(totals), ...blocs.flatMap((bloc) => Object.keys(bloc.quotas))]);
        const known = (awardTypes.data ?? []).filter((type) => used.has(type.awardTypeId));
        const awards = [
          ...known.map((type) => ({ id: type.awardTypeId, name: type.name })),
          ...[...used].filter((id) => !known.some((type) => type.awardTypeId === id)).map((id) => ({ id, name: id })),
        ];
        return (
          <>
            {warnings.length > 0 && (
              <div role="alert" className="alert alert-warning">
                <ul>
                  {[...new Set(warnings.map((warning) => warning.code))].map((code) => (
                    <li key={code}>{describeCode(code, { limit: caps.governmentFlag.max })}</li>
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
              <DataTable
                className="province-quotas"
                caption={t("quotas.provinceTable", { year })}
                rows={blocs}
                rowKey={(bloc) => bloc.blocId}
                columns={[
                  {
                    key: "bloc",
                    header: t("quotas.bloc"),
                    cell: (bloc) => <Link to={`${blocPath(bloc.blocId)}?tab=quotas&year=${year}`}>{bloc.name}</Link>,
                  },
                  { key: "members", kind: "num", header: t("quotas.members"), cell: (bloc) => bloc.memberCount },
                  ...awards.map((award) => ({
                    key: award.id,
                    kind: "num" as const,
                    header: award.name,
                    cell: (bloc: (typeof blocs)[number]) => bloc.quotas[award.id] ?? <span className="muted">—</span>,
                  })),
                ]}
                footer={
                  <tr className="total-row">
                    <th scope="row">{t("quotas.total")}</th>
                    <td className="num">{blocs.reduce((sum, bloc) => sum + bloc.memberCount, 0)}</td>
                    {awards.map((award) => (
                      <td key={award.id} className="num">
                        {totals[award.id] ?? 0}
                      </td>
                    ))}
                  </tr>
                }
              />
            )}
          </>
        );
      }}
    </QueryState>
  );

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
