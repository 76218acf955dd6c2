/**
 * The national view's charts, drawn in the browser only (inside ClientOnly); every figure is
 * also in the table rendered on the server beside each chart.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";

/** Charts fit the window (they render only in the browser, so the width is known). */
function chartWidth(max = 760): number {
  return typeof window === "undefined" ? max : Math.max(300, Math.min(max, window.innerWidth - 48));
}

const INK = "#0b0c0c";

/** Areas at each stage now and at the stage they want, side by side. */
export function StageChart({
  rows,
  label,
}: {
  rows: { name: string; current: number | null; target: number | null }[];
  label: string;
}) {
  return (
    <div className="national-chart" data-testid="stage-chart">
      <BarChart
        width={chartWidth()}
        height={300}
        data={rows}
        margin={{ top: 10, right: 20, bottom: 10, left: 0 }}
        title={label}
        desc={label}
        accessibilityLayer
      >
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 11, fill: INK }} interval={0} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: INK }} />
        <Tooltip isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="current" name="Areas at this stage" fill="#1d70b8" isAnimationActive={false} />
        <Bar dataKey="target" name="Areas wanting this stage" fill="#f47738" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

/** Above this many areas x components, nearby areas share a dot. */
const STRIP_MAX_DOTS = 400;

/**
 * A strip plot: each area's score as a dot on its component's row, with the median (a bar)
 * and the interquartile range (its whiskers) over them. Rows without a shown spread are empty.
 */
export function StripPlot({
  rows,
  label,
}: {
  rows: { name: string; scores: number[]; median: number | null; q1: number | null; q3: number | null }[];
  label: string;
}) {
  // Each dot is an element Recharts draws; with hundreds of areas, areas within 2 points of each
  // other share one dot sized by how many they are (the table has the exact figures).
  const total = rows.reduce((n, r) => n + r.scores.length, 0);
  const step = total > STRIP_MAX_DOTS ? 2 : 0;
  const points = rows.flatMap((r, i) => {
    if (!step) return r.scores.map((score) => ({ score, row: i, areas: 1 }));
    const bins = new Map<number, number>();
    for (const score of r.scores) {
      const bin = Math.round(score / step) * step;
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
    return [...bins].map(([score, areas]) => ({ score, row: i, areas }));
  });
  const medians = rows.flatMap((r, i) =>
    r.median === null ? [] : [{ score: r.median, row: i, iqr: [r.median - r.q1!, r.q3! - r.median] }],
  );
  const names = rows.map((r) => r.name);
  const width = chartWidth(820);
  const narrow = width < 560;
  return (
    <div className="national-chart" data-testid="strip-plot">
      <ScatterChart
        width={width}
        height={rows.length * 34 + 60}
        margin={{ top: 10, right: 20, bottom: 20, left: narrow ? 0 : 10 }}
        title={label}
        desc={label}
        accessibilityLayer
      >
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" />
        <XAxis
          type="number"
          dataKey="score"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={{ fontSize: 12, fill: INK }}
          name="Score"
        />
        <YAxis
          type="number"
          dataKey="row"
          domain={[-0.5, rows.length - 0.5]}
          ticks={rows.map((_, i) => i)}
          reversed
          width={narrow ? 110 : 200}
          tickFormatter={(i: number) => {
            const name = names[i] ?? "";
            const max = narrow ? 16 : 30;
            return name.length > max ? `${name.slice(0, max - 1)}…` : name;
          }}
          tick={{ fontSize: 11, fill: INK }}
          name="Component"
        />
        <ZAxis type="number" dataKey="areas" range={step ? [16, 160] : [28, 28]} name="Areas" />
        <Tooltip
          isAnimationActive={false}
          formatter={(v, name) => (name === "Component" ? names[Number(v)] : typeof v === "number" ? v.toFixed(1) : v)}
        />
        <Scatter name="An area" data={points} fill="#1d70b8" fillOpacity={0.45} isAnimationActive={false} />
        <Scatter name="Median (IQR)" data={medians} fill={INK} shape="diamond" isAnimationActive={false}>
          <ErrorBar dataKey="iqr" direction="x" width={8} stroke={INK} strokeWidth={2} />
        </Scatter>
        <Legend wrapperStyle={{ fontSize: 13 }} />
      </ScatterChart>
    </div>
  );
}

/** The median by year, over every area and over the same areas each year. */
export function NationalTrendChart({
  points,
  label,
}: {
  points: { year: string; all: number | null; same: number | null }[];
  label: string;
}) {
  return (
    <div className="national-chart" data-testid="national-trend-chart">
      <LineChart
        width={chartWidth()}
        height={300}
        data={points}
        margin={{ top: 10, right: 30, bottom: 10, left: 0 }}
        title={label}
        desc={label}
        accessibilityLayer
      >
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" />
        <XAxis dataKey="year" tick={{ fontSize: 12, fill: INK }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: INK }} />
        <Tooltip isAnimationActive={false} formatter={(v) => (typeof v === "number" ? v.toFixed(1) : "not shown")} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Line
          type="linear"
          dataKey="all"
          name="Median, all areas"
          stroke="#1d70b8"
          strokeWidth={2}
          dot={{ r: 4 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="same"
          name="Median, the same areas every year"
          stroke="#f47738"
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={{ r: 4 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
