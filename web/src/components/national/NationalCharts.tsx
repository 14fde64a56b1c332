import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../DataTable.tsx";
import { Loading } from "../Loading.tsx";
import { Tabs } from "../Tabs.tsx";
import { awardName } from "./awards.ts";
import { activityChart, awardsChart, type ChartDatum, progressChart } from "./charts.ts";
import { activityColor, awardColor, stageColors } from "./colors.ts";
import type { ProvinceRow } from "./provinces.ts";
import type { Series } from "./StackedBarChart.tsx";
import { useStageLabel } from "./StageBar.tsx";

// The chart library is large: it loads only when the national page shows a chart.
const StackedBarChart = lazy(() => import("./StackedBarChart.tsx"));

const chartKeys = ["awards", "progress", "activity"] as const;
type ChartKey = (typeof chartKeys)[number];

/** A chart and its figures as a table (folded away), or the sentence saying there is nothing to draw. */
function Chart({
  data,
  series,
  caption,
  empty,
  format,
  percent = false,
}: {
  data: ChartDatum[];
  series: Series[];
  caption: string;
  empty: string;
  format?: (n: number) => string;
  /** One series of percents: no legend, the axis to 100. */
  percent?: boolean;
}) {
  const { t } = useTranslation();
  if (data.length === 0) return <p className="empty">{empty}</p>;
  const show = format ?? String;
  return (
    <>
      <Suspense fallback={<Loading label={t("national.charts.loading")} />}>
        <StackedBarChart
          data={data}
          series={series}
          {...(format ? { format } : {})}
          {...(percent ? { legend: false, max: 100 } : {})}
        />
      </Suspense>
      <details className="chart-data">
        <summary>{t("national.charts.asTable")}</summary>
        <DataTable<ChartDatum>
          caption={caption}
          rows={data}
          rowKey={(d) => d.tenantId}
          columns={[
            { key: "name", header: t("national.table.province"), cell: (d) => d.name },
            ...series.map((s) => ({
              key: s.key,
              header: s.label,
              kind: "num" as const,
              cell: (d: ChartDatum) => show(Number(d[s.key] ?? 0)),
            })),
          ]}
        />
      </details>
    </>
  );
}

/** The provinces compared in three charts, one tab each: awards by type, bloc-years by stage, activity. */
export function NationalCharts({ rows, year }: { rows: readonly ProvinceRow[]; year: number }) {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel();
  const [selected, setSelected] = useState<ChartKey>("awards");
  const percent = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
  let chart: ReactNode;
  if (selected === "awards") {
    const { data, types } = awardsChart(rows);
    chart = (
      <Chart
        data={data}
        series={types.map((type, i) => ({ key: type, label: awardName(type), color: awardColor(i) }))}
        caption={t("national.charts.awards.caption", { year })}
        empty={t("national.charts.awards.empty", { year })}
      />
    );
  } else if (selected === "progress") {
    const { data, stages } = progressChart(rows);
    chart = (
      <Chart
        data={data}
        series={stages.map((stage) => ({ key: stage, label: stageLabel(stage), color: stageColors[stage] }))}
        caption={t("national.charts.progress.caption", { year })}
        empty={t("national.charts.progress.empty", { year })}
      />
    );
  } else {
    const data = activityChart(rows).map((bar) => ({ ...bar }));
    chart = (
      <>
        <p className="hint">{t("national.charts.activity.hint")}</p>
        <Chart
          data={data}
          series={[{ key: "percent", label: t("national.charts.activity.series"), color: activityColor }]}
          caption={t("national.charts.activity.caption", { year })}
          empty={t("national.charts.activity.empty", { year })}
          format={(n) => `${percent.format(n)}%`}
          percent
        />
      </>
    );
  }
  return (
    <Tabs
      id="national-charts"
      label={t("national.charts.label")}
      tabs={chartKeys.map((key) => ({ key, label: t(`national.charts.${key}.tab`) }))}
      selected={selected}
      onSelect={setSelected}
    >
      {chart}
    </Tabs>
  );
}
