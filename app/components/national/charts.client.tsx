/**
 * The national view's charts, drawn in the browser only (inside ClientOnly); every figure is
 * also in the table rendered on the server beside each chart.
 */
import { useMemo } from "react";
import { ActiveRing, ChartReadout, escapeXml, useGridFocus } from "../compare/charts.client";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

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
 * A strip plot: each area's score as a dot on its component's row, with the median (a diamond)
 * and the interquartile range (its whiskers) over them. Rows without a shown spread are empty.
 * Plain SVG written as text (as the comparison's heatmap): hundreds of areas draw in
 * milliseconds, where Recharts took seconds on a slow machine. One keyboard stop: the up and
 * down arrows move between components, whose figures show beside the chart and are announced.
 */
export function StripPlot({
  rows,
  label,
}: {
  rows: { name: string; scores: number[]; median: number | null; q1: number | null; q3: number | null }[];
  label: string;
}) {
  const { active, setActive, bind } = useGridFocus(rows.length, 1);
  const width = chartWidth(820);
  const narrow = width < 560;
  const left = narrow ? 120 : 210;
  const plot = width - left - 24;
  const rowH = 34;
  const top = 24;
  const height = top + rows.length * rowH + 8;
  const body = useMemo(() => {
    // With hundreds of areas, areas within 2 points of each other share one dot sized by how
    // many they are (the table has the exact figures).
    const total = rows.reduce((n, r) => n + r.scores.length, 0);
    const step = total > STRIP_MAX_DOTS ? 2 : 0;
    const x = (v: number) => (left + (v / 100) * plot).toFixed(1);
    const out: string[] = [];
    for (const v of [0, 25, 50, 75, 100])
      out.push(
        `<line x1="${x(v)}" x2="${x(v)}" y1="${top - 4}" y2="${height - 8}" stroke="#b1b4b6" stroke-dasharray="2 4"/>`,
        `<text x="${x(v)}" y="${top - 10}" text-anchor="middle" font-size="12" fill="${INK}">${v}</text>`,
      );
    rows.forEach((r, i) => {
      const y = top + i * rowH + rowH / 2;
      const max = narrow ? 16 : 30;
      const name = r.name.length > max ? `${r.name.slice(0, max - 1)}…` : r.name;
      out.push(
        `<text x="${left - 8}" y="${y + 4}" text-anchor="end" font-size="11" fill="${INK}">${escapeXml(name)}</text>`,
      );
      const bins = new Map<number, number>();
      for (const score of r.scores) {
        const at = step ? Math.round(score / step) * step : score;
        bins.set(at, (bins.get(at) ?? 0) + 1);
      }
      for (const [score, areas] of bins) {
        const radius = step ? Math.min(9, 2.5 + Math.sqrt(areas) * 1.2) : 3;
        out.push(`<circle cx="${x(score)}" cy="${y}" r="${radius.toFixed(1)}" fill="#1d70b8" fill-opacity="0.45"/>`);
      }
      if (r.median !== null && r.q1 !== null && r.q3 !== null) {
        const m = Number(x(r.median));
        out.push(
          `<line x1="${x(r.q1)}" x2="${x(r.q3)}" y1="${y}" y2="${y}" stroke="${INK}" stroke-width="2"/>`,
          `<line x1="${x(r.q1)}" x2="${x(r.q1)}" y1="${y - 4}" y2="${y + 4}" stroke="${INK}" stroke-width="2"/>`,
          `<line x1="${x(r.q3)}" x2="${x(r.q3)}" y1="${y - 4}" y2="${y + 4}" stroke="${INK}" stroke-width="2"/>`,
          `<path d="M${m} ${y - 6}L${m + 6} ${y}L${m} ${y + 6}L${m - 6} ${y}Z" fill="${INK}"/>`,
        );
      }
    });
    return out.join("");
  }, [rows, left, plot, height, narrow]);
  const row = active ? rows[active.r] : undefined;
  const text = row
    ? row.median !== null
      ? `${row.name}: median ${row.median.toFixed(1)}, interquartile range ${row.q1!.toFixed(1)} to ${row.q3!.toFixed(1)}, ${row.scores.length} areas`
      : `${row.name}: no spread shown (too few areas with a score)`
    : "";
  return (
    <div className="national-chart compare-chart" data-testid="strip-plot">
      <div
        className="compare-chart-scroll"
        role="group"
        aria-label={`${label}. Use the up and down arrow keys to move between components; the figures are also in the table below.`}
        {...bind}
      >
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={label}
          onMouseMove={(e) => {
            const r = Math.floor((e.clientY - e.currentTarget.getBoundingClientRect().top - top) / rowH);
            if (r >= 0 && r < rows.length && active?.r !== r) setActive({ r, c: 0 });
          }}
        >
          <g dangerouslySetInnerHTML={{ __html: body }} />
          {active ? <ActiveRing x={2} y={top + active.r * rowH} width={width - 4} height={rowH} /> : null}
        </svg>
      </div>
      <ChartReadout
        text={text}
        hint="Dots: areas (a bigger dot is several areas); diamond: the median; whiskers: the interquartile range."
      />
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
