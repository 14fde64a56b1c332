import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { ChartDatum } from "./charts.ts";

export interface Series {
  key: string;
  label: string;
  color: string;
}

const ROW_HEIGHT = 30;

/**
 * Horizontal bars, one per province (long Vietnamese names read best on the side), stacked by series.
 * The table under the chart carries the same figures for screen readers and keyboards, so the chart
 * itself is decorative. With one series, each bar carries its value.
 */
export default function StackedBarChart({
  data,
  series,
  format = String,
  legend = true,
  max,
}: {
  data: readonly ChartDatum[];
  series: readonly Series[];
  format?: (n: number) => string;
  /** Names the series above the bars (even a single one: an award type). */
  legend?: boolean;
  /** The axis' end when it is fixed (100 for a percent). */
  max?: number;
}) {
  const single = series.length === 1;
  return (
    <div className="national-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={data.length * ROW_HEIGHT + (legend ? 80 : 40)}>
        <BarChart data={[...data]} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#dde1e8" />
          <XAxis
            type="number"
            allowDecimals={false}
            domain={[0, max ?? "auto"]}
            tickFormatter={format}
            stroke="#5b6474"
            fontSize={12}
          />
          <YAxis type="category" dataKey="name" width={150} stroke="#5b6474" fontSize={12} interval={0} />
          {legend && (
            <Legend
              verticalAlign="top"
              height={36}
              wrapperStyle={{ fontSize: 12 }}
              // The series' own order (the year's steps, the awards' order), not the alphabet; text in ink:
              // a light series colour would be unreadable as text.
              itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
              formatter={(value) => <span style={{ color: "#1d2330" }}>{value}</span>}
            />
          )}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="all"
              fill={s.color}
              isAnimationActive={false}
              barSize={18}
            >
              {single && (
                <LabelList
                  dataKey={s.key}
                  position="right"
                  formatter={(value) => format(Number(value))}
                  fontSize={12}
                />
              )}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
