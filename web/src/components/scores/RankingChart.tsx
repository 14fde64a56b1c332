import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface RankingBar {
  unitId: string;
  name: string;
  total: number;
  eligible: boolean;
}

const ROW_HEIGHT = 36;

/**
 * The verified totals as horizontal bars, first rank on top; a unit that cannot rank is drawn grey. The
 * table beside it carries the same figures for screen readers, so the chart itself is decorative.
 */
export default function RankingChart({ bars, format }: { bars: readonly RankingBar[]; format: (n: number) => string }) {
  return (
    <div className="ranking-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={bars.length * ROW_HEIGHT + 40}>
        <BarChart data={[...bars]} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#dde1e8" />
          <XAxis type="number" tickFormatter={format} stroke="#5b6474" fontSize={12} />
          <YAxis type="category" dataKey="name" width={220} stroke="#5b6474" fontSize={12} interval={0} />
          <Bar dataKey="total" isAnimationActive={false} barSize={20}>
            {bars.map((bar) => (
              <Cell key={bar.unitId} fill={bar.eligible ? "#a3191f" : "#9aa1ad"} />
            ))}
            <LabelList dataKey="total" position="right" formatter={(value) => format(Number(value))} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
