import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { nationalProvinceQuery } from "../api/national.ts";
import { tenantsQuery } from "../api/tenants.ts";
import { AwardLinesTable } from "../components/national/AwardLinesTable.tsx";
import { BlocRowsTable } from "../components/national/BlocRowsTable.tsx";
import { NationalTotals } from "../components/national/NationalTotals.tsx";
import { provinceRows, totalsOf } from "../components/national/provinces.ts";
import { UpdatedAt } from "../components/national/UpdatedAt.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { currentYear, useYear, YearSelect } from "../components/YearSelect.tsx";
import { usePageTitle } from "../hooks/usePageTitle.ts";
import { pages } from "../navigation.ts";
import "../national.css";

/** One province's figures for a year, as the national board sees them: totals, each bloc, proposals by award. */
export function NationalProvincePage() {
  const { t } = useTranslation();
  const tenantId = useParams().tenantId ?? "";
  const [year, setYear] = useYear();
  const summary = useQuery(nationalProvinceQuery(tenantId, year));
  const tenants = useQuery(tenantsQuery());
  const tenant = tenants.data?.find((item) => item.tenantId === tenantId);
  const name = tenant?.name ?? tenantId;
  usePageTitle(`${name} · ${t("nav.national")}`);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Arriving from the provinces table puts the keyboard (and screen readers) on the province's name.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  // No figures for that year is a state of the province, not a missing page: said as such.
  const noFigures = isApiError(summary.error, "national.not_found");
  const back = year === currentYear() ? pages.national.path : `${pages.national.path}?year=${year}`;
  return (
    <section className="page national-page">
      <p className="breadcrumb">
        <Link to={back}>← {t("national.province.back")}</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t("national.province.title", { name, year })}
          </h1>
          {tenant && tenant.status !== "active" && (
            <p className="lead">
              <span className={`badge badge-${tenant.status}`}>{t(`tenants.status.${tenant.status}`)}</span>
            </p>
          )}
        </div>
        <YearSelect id="national-province-year" year={year} onChange={setYear} />
      </div>
      {noFigures ? (
        <p className="empty">{t("national.empty", { year })}</p>
      ) : (
        <QueryState query={summary} loading={t("national.province.loading")}>
          {(data) => {
            const rows = provinceRows([data], tenant ? [tenant] : []);
            return (
              <>
                <UpdatedAt items={[data]} refreshing={summary.isFetching} onRefresh={() => void summary.refetch()} />
                <NationalTotals
                  totals={totalsOf(rows)}
                  label={t("national.province.totalsLabel", { name, year })}
                  provinces={false}
                />
                <section className="card national-card" aria-labelledby="national-blocs-title">
                  <h2 id="national-blocs-title">{t("national.province.blocsTitle")}</h2>
                  <BlocRowsTable rows={data.figures.blocRows} year={year} />
                </section>
                <section className="card national-card" aria-labelledby="national-awards-title">
                  <h2 id="national-awards-title">{t("national.province.awardsTitle")}</h2>
                  <AwardLinesTable proposals={data.figures.proposals} year={year} />
                </section>
              </>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}
