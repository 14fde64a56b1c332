import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { type RankingEntry, rankingQuery } from "../../api/scores.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { DataTable } from "../DataTable.tsx";
import { DownloadDocument } from "../documents/DownloadDocument.tsx";
import { Loading } from "../Loading.tsx";
import { QueryState } from "../QueryState.tsx";
import { formatPoints } from "./points.ts";

// The chart library is large: it loads only when a ranking is shown.
const RankingChart = lazy(() => import("./RankingChart.tsx"));

/** Xếp hạng: computed by the API from verified points, as a bar chart and a table; a disciplined unit takes no rank. */
export function RankingTab() {
  const { t, i18n } = useTranslation();
  const { blocId, year, name, viewer, view } = useYearScope();
  // The score table is drawn once the year is ranked (before, the API answers 409).
  const ranked = view.year.status === "closed" || view.year.phase === "ranked";
  const ranking = useQuery(rankingQuery(blocId, year));
  const number = (x: number) => formatPoints(x, i18n.language);
  return (
    <section className="card" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t("scores.ranking.title", { year })}</h2>
      <QueryState
        query={ranking}
        loading={t("scores.ranking.loading")}
        empty={(r) => r.entries.length === 0 && t("scores.ranking.empty")}
      >
        {({ entries, complete }) => (
          <>
            {!complete && <p className="alert alert-warning">{t("scores.ranking.provisional")}</p>}
            {ranked && (
              <div className="button-row">
                <DownloadDocument kind="scores" />
                <DownloadDocument kind="yearEndReport" />
              </div>
            )}
            <Suspense fallback={<Loading label={t("scores.ranking.loading")} />}>
              <RankingChart
                bars={entries.map((e) => ({
                  unitId: e.unitId,
                  name: name(e.unitId),
                  total: e.total,
                  eligible: e.eligible,
                }))}
                format={number}
              />
            </Suspense>
            <DataTable<RankingEntry>
              caption={t("scores.ranking.caption", { year })}
              className="ranking-table"
              rows={entries}
              rowKey={(e) => e.unitId}
              rowProps={(e) => (e.unitId === viewer.unitId ? { "aria-current": "true" } : {})}
              columns={[
                {
                  key: "rank",
                  header: t("scores.ranking.rank"),
                  kind: "num",
                  cell: (e) => (e.rank === null ? "—" : e.rank),
                },
                {
                  key: "unit",
                  header: t("scores.ranking.unit"),
                  cell: (e) => (
                    <>
                      {name(e.unitId)}
                      {!e.eligible && <span className="badge badge-late">{t("scores.ranking.notRanked")}</span>}
                    </>
                  ),
                },
                { key: "total", header: t("scores.ranking.total"), kind: "num", cell: (e) => number(e.total) },
                { key: "criteria", header: t("scores.ranking.criteria"), kind: "num", cell: (e) => number(e.criteria) },
                { key: "bonus", header: t("scores.ranking.bonus"), kind: "num", cell: (e) => number(e.bonus) },
                {
                  key: "penalties",
                  header: t("scores.ranking.penalties"),
                  kind: "num",
                  cell: (e) => number(e.penalties),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
