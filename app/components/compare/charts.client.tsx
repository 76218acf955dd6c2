/**
 * The commissioner view's charts, drawn in the browser only (inside ClientOnly): the figures
 * are in tables rendered on the server beside each chart. Each chart is one keyboard stop:
 * focus it, then move between cells with the arrow keys (Home / End for the ends); the figures
 * of the cell under the pointer or the keyboard show beside it and are announced.
 *
 * The heatmap and the dot-and-whisker chart are plain SVG (thousands of cells for 400 areas
 * draw in milliseconds); the trend lines use Recharts.
 */
import {
  useEffect,
  useMemo,
  useState,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
} from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { BandKey } from "../../domain/framework";
import type { CompareFigure } from "../../domain/comparison";

export const BAND_FILL: Record<BandKey, string> = { strength: "#00703c", borderline: "#8a6a00", concern: "#c0311a" };
const BAND_NAME: Record<BandKey, string> = { strength: "Strength", borderline: "Borderline", concern: "Concern" };

export function figureText(f: CompareFigure): string {
  if (f.status === "ok")
    return `${f.score.toFixed(1)} (${BAND_NAME[f.band]}), n = ${f.n}, 95% CI ${f.ci95.low.toFixed(1)} to ${f.ci95.high.toFixed(1)}`;
  return f.status === "suppressed" ? `c: ${f.reason}` : `x: ${f.reason}`;
}

/** Arrow-key movement over a grid of `rows` x `cols`, with the active cell's text announced. */
export function useGridFocus(rows: number, cols: number) {
  const [active, setActive] = useState<{ r: number; c: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const onKeyDown = (e: KeyboardEvent) => {
    const cur = active ?? { r: 0, c: 0 };
    const moves: Record<string, { r: number; c: number }> = {
      ArrowUp: { r: Math.max(0, cur.r - 1), c: cur.c },
      ArrowDown: { r: Math.min(rows - 1, cur.r + 1), c: cur.c },
      ArrowLeft: { r: cur.r, c: Math.max(0, cur.c - 1) },
      ArrowRight: { r: cur.r, c: Math.min(cols - 1, cur.c + 1) },
      Home: { r: cur.r, c: 0 },
      End: { r: cur.r, c: cols - 1 },
      PageUp: { r: Math.max(0, cur.r - 10), c: cur.c },
      PageDown: { r: Math.min(rows - 1, cur.r + 10), c: cur.c },
    };
    const next = moves[e.key];
    if (next) {
      e.preventDefault();
      setActive(next);
    }
  };
  return {
    active,
    setActive,
    focused,
    bind: {
      tabIndex: 0,
      onKeyDown,
      onFocus: () => {
        setFocused(true);
        setActive((a) => a ?? { r: 0, c: 0 });
      },
      onBlur: () => setFocused(false),
      onMouseLeave: () => !focused && setActive(null),
    },
  };
}

/**
 * Draws `children` one frame after hydration, so that the first chart on the page (the
 * heatmap) is painted before the ones below it are built.
 */
export function Later({ children }: { children: () => ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setTimeout(() => setReady(true), 0));
    return () => cancelAnimationFrame(id);
  }, []);
  return <>{ready ? children() : <p className="hint">Drawing the chart…</p>}</>;
}

export function Announce({ children }: { children: ReactNode }) {
  return (
    <p className="visually-hidden" aria-live="polite">
      {children}
    </p>
  );
}

/** The ring round the cell or row that the pointer or the keyboard is on. */
export function ActiveRing(props: { x: number; y: number; width: number; height: number }) {
  return <rect {...props} fill="none" stroke="#ffdd00" strokeWidth={3} pointerEvents="none" />;
}

/**
 * What the part of a chart being pointed at says: shown under the chart (`hint` until something
 * is pointed at) and announced to a screen reader.
 */
export function ChartReadout({ text, hint }: { text: string; hint: string }) {
  return (
    <>
      <p className="chart-readout" aria-hidden="true">
        {text || hint}
      </p>
      <Announce>{text}</Announce>
    </>
  );
}

export interface HeatmapProps {
  rows: { id: string; name: string }[];
  columns: { key: string; name: string }[];
  /** cells[row][column] */
  cells: CompareFigure[][];
  label: string;
  /** Extra words for a column in the hover box, e.g. the benchmark. */
  columnNote?: (column: number) => string | null;
  testId?: string;
}

const LABEL_WIDTH = 200;
const CELL_W = 58;
const CELL_H = 24;
const HEAD_H = 118;

export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The heatmap's row names and cells as SVG text (see Heatmap). */
function heatmapBody(rows: HeatmapProps["rows"], cells: CompareFigure[][]): string {
  const out: string[] = [];
  rows.forEach((row, r) => {
    const name = row.name.length > 30 ? `${row.name.slice(0, 29)}…` : row.name;
    out.push(
      `<text x="${LABEL_WIDTH - 8}" y="${HEAD_H + r * CELL_H + CELL_H / 2 + 4}" text-anchor="end" font-size="12.5" fill="#0b0c0c">${escapeXml(name)}</text>`,
    );
  });
  cells.forEach((row, r) =>
    row.forEach((f, c) => {
      const x = LABEL_WIDTH + c * CELL_W;
      const y = HEAD_H + r * CELL_H;
      const fill = f.status === "ok" ? BAND_FILL[f.band] : f.status === "suppressed" ? "#dfe1e3" : "#ffffff";
      const stroke = f.status === "ok" ? "" : ` stroke="#b1b4b6"`;
      const mark = f.status === "ok" ? f.score.toFixed(1) : f.status === "suppressed" ? "c" : "x";
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${fill}"${stroke}/>`,
        `<text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" font-size="12" font-weight="700" fill="${f.status === "ok" ? "#ffffff" : "#0b0c0c"}">${mark}</text>`,
      );
    }),
  );
  return out.join("");
}

/** Areas (rows) by components or levels (columns), each cell coloured by band with its score. */
export function Heatmap({ rows, columns, cells, label, columnNote, testId }: HeatmapProps) {
  const { active, setActive, bind } = useGridFocus(rows.length, columns.length);
  const width = LABEL_WIDTH + columns.length * CELL_W + 8;
  const height = HEAD_H + rows.length * CELL_H + 4;
  // One handler for the whole grid: thousands of cells, no per-cell listeners. The cells and the
  // row names are static SVG written as text and parsed by the browser in one go: for 400 areas
  // that is ten thousand elements React would otherwise create and track one by one.
  const body = useMemo(() => heatmapBody(rows, cells), [rows, cells]);
  const onMouseMove = (e: ReactMouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const c = Math.floor((e.clientX - box.left - LABEL_WIDTH) / CELL_W);
    const r = Math.floor((e.clientY - box.top - HEAD_H) / CELL_H);
    if (r >= 0 && r < rows.length && c >= 0 && c < columns.length) {
      if (active?.r !== r || active?.c !== c) setActive({ r, c });
    }
  };
  const cell = active ? cells[active.r]?.[active.c] : undefined;
  const note = active && columnNote ? columnNote(active.c) : null;
  const text =
    active && cell
      ? `${rows[active.r]!.name}, ${columns[active.c]!.name}: ${figureText(cell)}${note ? `. ${note}` : ""}`
      : "";
  return (
    <div className="compare-chart" data-testid={testId}>
      <div
        className="compare-chart-scroll"
        role="group"
        aria-label={`${label}. Use the arrow keys to move between cells; the figures are also in the table below.`}
        {...bind}
      >
        <svg width={width} height={height} role="img" aria-label={label} onMouseMove={onMouseMove}>
          {columns.map((col, c) => (
            <text
              key={col.key}
              transform={`translate(${LABEL_WIDTH + c * CELL_W + CELL_W / 2 + 4}, ${HEAD_H - 6}) rotate(-60)`}
              fontSize={12}
              fill="#0b0c0c"
            >
              {col.name.length > 22 ? `${col.name.slice(0, 21)}…` : col.name}
            </text>
          ))}
          <g dangerouslySetInnerHTML={{ __html: body }} />
          {active ? (
            <ActiveRing
              x={LABEL_WIDTH + active.c * CELL_W}
              y={HEAD_H + active.r * CELL_H}
              width={CELL_W}
              height={CELL_H}
            />
          ) : null}
        </svg>
      </div>
      <ChartReadout text={text} hint="Point at a cell or focus the chart for its figures." />
    </div>
  );
}

export interface RankedRow {
  id: string;
  name: string;
  score: number;
  low: number;
  high: number;
  n: number;
  group: number;
}

/**
 * Dot-and-whisker: each area's score (dot) and 95% confidence interval (whisker) on one
 * component, ranked, with the groups of areas whose intervals overlap bracketed together and
 * the benchmark's interquartile range shaded behind.
 */
export function RankedChart({
  rows,
  label,
  benchmark,
}: {
  rows: RankedRow[];
  label: string;
  benchmark: { median: number; q1: number; q3: number } | null;
}) {
  const { active, setActive, bind } = useGridFocus(rows.length, 1);
  const left = LABEL_WIDTH + 30;
  const plot = 520;
  const rowH = 20;
  const top = 28;
  const x = (v: number) => left + (v / 100) * plot;
  const height = top + rows.length * rowH + 10;
  const row = active ? rows[active.r] : undefined;
  const text = row
    ? `${row.name}: ${row.score.toFixed(1)}, 95% CI ${row.low.toFixed(1)} to ${row.high.toFixed(1)}, n = ${row.n}, group ${row.group}`
    : "";
  return (
    <div className="compare-chart" data-testid="ranked-chart">
      <div
        className="compare-chart-scroll"
        role="group"
        aria-label={`${label}. Use the up and down arrow keys to move between areas; the figures are also in the table below.`}
        {...bind}
      >
        <svg width={left + plot + 30} height={height} role="img" aria-label={label}>
          {[0, 50, 75].map((v, i) => (
            <rect
              key={v}
              x={x(v)}
              y={top - 4}
              width={x([50, 75, 100][i]!) - x(v)}
              height={rows.length * rowH + 4}
              fill={["#fbe3de", "#fdf3cf", "#e3f1e9"][i]}
            />
          ))}
          {benchmark ? (
            <>
              <rect
                x={x(benchmark.q1)}
                y={top - 4}
                width={Math.max(1, x(benchmark.q3) - x(benchmark.q1))}
                height={rows.length * rowH + 4}
                fill="#1d4f91"
                fillOpacity={0.12}
              />
              <line
                x1={x(benchmark.median)}
                x2={x(benchmark.median)}
                y1={top - 4}
                y2={top + rows.length * rowH}
                stroke="#1d4f91"
                strokeDasharray="4 3"
              />
              <text x={x(benchmark.median)} y={12} textAnchor="middle" fontSize={11} fill="#1d4f91">
                benchmark median
              </text>
            </>
          ) : null}
          {[0, 25, 50, 75, 100].map((v) => (
            <text key={v} x={x(v)} y={top - 8} textAnchor="middle" fontSize={11} fill="#0b0c0c">
              {v}
            </text>
          ))}
          {rows.map((r, i) => {
            const y = top + i * rowH + rowH / 2;
            const first = i === 0 || rows[i - 1]!.group !== r.group;
            const last = i === rows.length - 1 || rows[i + 1]!.group !== r.group;
            return (
              <g key={r.id} onMouseEnter={() => setActive({ r: i, c: 0 })}>
                <text
                  x={LABEL_WIDTH - 8}
                  y={y}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize={12.5}
                  fill="#0b0c0c"
                >
                  {r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name}
                </text>
                {/* Group bracket: areas within one bracket cannot be told apart. */}
                <line
                  x1={LABEL_WIDTH + 8}
                  x2={LABEL_WIDTH + 8}
                  y1={first ? y - 6 : y - rowH / 2}
                  y2={last ? y + 6 : y + rowH / 2}
                  stroke="#505a5f"
                  strokeWidth={2}
                />
                {first ? (
                  <text x={LABEL_WIDTH + 14} y={y} dominantBaseline="middle" fontSize={10} fill="#505a5f">
                    {r.group}
                  </text>
                ) : null}
                <line x1={x(r.low)} x2={x(r.high)} y1={y} y2={y} stroke="#0b0c0c" strokeWidth={1.5} />
                <line x1={x(r.low)} x2={x(r.low)} y1={y - 4} y2={y + 4} stroke="#0b0c0c" />
                <line x1={x(r.high)} x2={x(r.high)} y1={y - 4} y2={y + 4} stroke="#0b0c0c" />
                <circle cx={x(r.score)} cy={y} r={4.5} fill="#0b0c0c" />
              </g>
            );
          })}
          {active ? <ActiveRing x={2} y={top + active.r * rowH} width={left + plot + 26} height={rowH} /> : null}
        </svg>
      </div>
      <ChartReadout text={text} hint="Point at an area or focus the chart for its figures." />
    </div>
  );
}

const LINE_COLOURS = [
  "#1d4f91",
  "#d55e00",
  "#009e73",
  "#6a3d9a",
  "#cc79a7",
  "#0072b2",
  "#8a6a00",
  "#505a5f",
  "#c0311a",
  "#00703c",
];
const TREND_CHART_MAX_AREAS = LINE_COLOURS.length;

/** Each area's score on one component across its rounds. */
export function TrendChart({
  series,
  label,
}: {
  series: { id: string; name: string; points: { date: string; round: string; score: number | null }[] }[];
  label: string;
}) {
  const shown = series.slice(0, TREND_CHART_MAX_AREAS);
  // Each round at its own date on a time axis (not evenly spaced categories, not today).
  const dates = [...new Set(shown.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const data = dates.map((date) => {
    const row: Record<string, string | number | null> = { date, t: Date.parse(`${date}T00:00:00Z`) };
    for (const s of shown) row[s.id] = s.points.find((p) => p.date === date)?.score ?? null;
    return row;
  });
  const day = 86400_000;
  const first = Number(data[0]?.t ?? 0);
  const last = Number(data[data.length - 1]?.t ?? 0);
  const pad = Math.max(15 * day, (last - first) * 0.05);
  const dateLabel = (t: number) =>
    new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return (
    <div className="compare-chart" data-testid="trend-chart">
      <LineChart
        width={760}
        height={360}
        data={data}
        margin={{ top: 10, right: 30, bottom: 10, left: 0 }}
        title={label}
        desc={label}
        accessibilityLayer
      >
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[first - pad, last + pad]}
          ticks={data.map((d) => Number(d.t))}
          tickFormatter={dateLabel}
          tick={{ fontSize: 12, fill: "#0b0c0c" }}
        />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: "#0b0c0c" }} />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(t) => (typeof t === "number" ? dateLabel(t) : String(t))}
          formatter={(v) => (typeof v === "number" ? v.toFixed(1) : "not shown")}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {shown.map((s, i) => (
          <Line
            key={s.id}
            type="linear"
            dataKey={s.id}
            name={s.name}
            stroke={LINE_COLOURS[i % LINE_COLOURS.length]}
            strokeWidth={2}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
