import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { nationalOverviewQuery } from "../api/national.ts";
import { tenantsQuery } from "../api/tenants.ts";
import { Field } from "../components/Field.tsx";
import { ExportButton } from "../components/national/ExportButton.tsx";
import { NationalCharts } from "../components/national/NationalCharts.tsx";
import { NationalTotals } from "../components/national/NationalTotals.tsx";
import { ProvincesTable } from "../components/national/ProvincesTable.tsx";
import { provinceRows, totalsOf } from "../components/national/provinces.ts";
import { defaultSort, filterRows, nextSort, type Sort, sortRows } from "../components/national/table.ts";
import { UpdatedAt } from "../components/national/UpdatedAt.tsx";
import { allOf, QueryState } from "../components/QueryState.tsx";
import { useYear, YearSelect } from "../components/YearSelect.tsx";
import { usePageTitle } from "../hooks/usePageTitle.ts";
import { useActor } from "../session/session.tsx";
import "../national.css";

/**
 * The national board's view of a year: every province's figures (written by the aggregator a few seconds
 * after each change), added up, compared in charts, and listed in a table that sorts, filters, exports and
 * leads to each province's blocs. Only figures: never a province's own records.
 */
export function NationalPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.national"));
  const withStatus = useActor().role === "operator";
  const [year, setYear] = useYear();
  const overview = useQuery(nationalOverviewQuery(year));
  const tenants = useQuery(tenantsQuery());
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<Sort>(defaultSort);
  const deferredQuery = useDeferredValue(query);

  const rows = useMemo(
    () => (overview.data && tenants.data ? provinceRows(overview.data.items, tenants.data) : []),
    [overview.data, tenants.data],
  );
  const visible = useMemo(() => sortRows(filterRows(rows, deferredQuery), sort), [rows, deferredQuery, sort]);

  return (
    <section className="page national-page">
      <div className="page-heading">
        <div>
          <h1>{t("national.title", { year })}</h1>
          <p className="lead">{t("national.intro")}</p>
        </div>
        <YearSelect id="national-year" year={year} onChange={setYear} />
      </div>
      {/* Outside the states: with no figures yet, reading them again is what there is to do. */}
      {overview.data && (
        <UpdatedAt
          items={overview.data.items}
          refreshing={overview.isFetching}
          onRefresh={() => void overview.refetch()}
        />
      )}
      <QueryState
        query={allOf({ overview, tenants })}
        loading={t("national.loading")}
        empty={(data) => data.overview.items.length === 0 && t("national.empty", { year })}
      >
        {() => (
          <>
            <NationalTotals totals={totalsOf(rows)} label={t("national.totals.label", { year })} />
            <div className="card national-card">
              <h2>{t("national.table.title")}</h2>
              <div className="toolbar">
                <Field
                  id="national-search"
                  type="search"
                  label={t("national.table.search")}
                  placeholder={t("national.table.searchPlaceholder")}
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
                <p className="count" aria-live="polite">
                  {t("national.table.count", { count: visible.length })}
                </p>
                <ExportButton rows={visible} year={year} withStatus={withStatus} />
              </div>
              {visible.length === 0 ? (
                <p className="empty">{t("national.table.noMatch", { query: query.trim() })}</p>
              ) : (
                <>
                  {/* Every province on one page, however sorted: 34 rows are the country at a glance. */}
                  <ProvincesTable
                    rows={visible}
                    year={year}
                    sort={sort}
                    onSort={(key) => setSort((current) => nextSort(current, key))}
                    withStatus={withStatus}
                  />
                  <p className="hint">{t("national.table.legend")}</p>
                </>
              )}
            </div>
            <section className="card national-card" aria-labelledby="national-charts-title">
              <h2 id="national-charts-title">{t("national.charts.title", { year })}</h2>
              <NationalCharts rows={rows} year={year} />
            </section>
          </>
        )}
      </QueryState>
    </section>
  );
}
