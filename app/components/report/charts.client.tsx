/**
 * The results report's Recharts charts. Rendered in the browser only (inside ClientOnly): the
 * figures themselves are in tables rendered on the server beside each chart, so the page
 * reads fully without JavaScript and to a screen reader. Every chart has a fixed height and a
 * measured width, no animation (stable screenshots and prints), a title and description for
 * assistive technology, and its figures on hover and on keyboard focus (Recharts' keyboard
 * layer: focus the chart, then use the arrow keys).
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  LabelList,
  Legend,
  ReferenceArea,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { LEVELS, type BandKey, type LevelKey } from "../../domain/framework";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { reasonText } from "../../domain/reasons";

export const BAND_COLOURS: Record<BandKey, string> = { strength: "#00703c", borderline: "#8a6a00", concern: "#c0311a" };
const BAND_SHADES: Record<BandKey, string> = { strength: "#e3f1e9", borderline: "#fdf3cf", concern: "#fbe3de" };
/** Colour-blind-safe, each distinct in greyscale too (Okabe-Ito based). */
export const LEVEL_COLOURS: Record<LevelKey, string> = {
  national: "#1d4f91",
  local_authority: "#d55e00",
  organisation: "#6a3d9a",
  team: "#009e73",
};

/** Width of the element, measured, so the chart fills its column at any screen size. */
function useMeasuredWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Below this width, category names go above their bars instead of beside them. */
const NARROW = 560;

function Measured({ height, children }: { height: (width: number) => number; children: (width: number) => ReactNode }) {
  const [ref, width] = useMeasuredWidth();
  return (
    <div ref={ref} className="chart-canvas" style={{ height: width > 0 ? height(width) : 200 }}>
      {width > 0 ? children(width) : null}
    </div>
  );
}

/** A category name drawn above its bar (narrow screens), on up to two lines rather than cut off. */
function NameAbove(props: {
  x?: unknown;
  y?: unknown;
  value?: unknown;
  left: number;
  width: number;
  maxLines?: number;
}) {
  return (
    <Text
      x={props.left}
      y={Number(props.y) - 6}
      width={props.width}
      maxLines={props.maxLines ?? 1}
      lineHeight="1.2em"
      fontSize={12.5}
      fontWeight={600}
      fill="#0b0c0c"
    >
      {String(props.value ?? "")}
    </Text>
  );
}

/** Y-axis label that wraps long component names onto two or three lines. */
function WrappedTick(props: { x?: number; y?: number; payload?: { value: string }; width: number }) {
  return (
    <Text
      x={props.x}
      y={props.y}
      width={props.width}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={13}
      fill="#0b0c0c"
      maxLines={3}
    >
      {props.payload?.value ?? ""}
    </Text>
  );
}

function TooltipBox({ children }: { children: ReactNode }) {
  return <div className="chart-tooltip">{children}</div>;
}

/** Width kept right of the plot for the score column. */
const SCORE_COLUMN = 92;

export interface ScoreBarRow {
  key: string;
  name: string;
  /** Null when the figure is hidden or there is none. */
  score: number | null;
  band: BandKey | null;
  low: number | null;
  high: number | null;
  n: number | null;
  split: boolean;
  /** Why there is no figure ("Fewer than 5 respondents"), when score is null. */
  hidden: string | null;
  /** "c" for suppressed, "x" for no data. */
  mark: string | null;
}

/**
 * Component scores as horizontal bars on 0-100, coloured by band, over the three bands shaded
 * (concern < 50, borderline 50-74.9, strength >= 75), with 95% confidence-interval whiskers.
 */
export function ComponentScoresChart({
  rows,
  title,
  description,
}: {
  rows: ScoreBarRow[];
  title: string;
  description: string;
}) {
  const { t, lang } = useT("report");
  const bandName = (band: BandKey) => frameworkTerm("band", band, lang);
  const data = rows.map((r) => ({
    ...r,
    value: r.score ?? 0,
    ci: r.score !== null && r.low !== null && r.high !== null ? [r.score - r.low, r.high - r.score] : [0, 0],
    label: r.score !== null ? r.score.toFixed(1) + (r.split ? ` (${t("chart.split")})` : "") : (r.mark ?? "x"),
  }));
  // On a phone the names go above their bars on up to two lines: room for both.
  const heightFor = (w: number) => (w < NARROW ? 84 : 70) + rows.length * (w < NARROW ? 72 : 44);
  return (
    <Measured height={heightFor}>
      {(width) => {
        const narrow = width < NARROW;
        const axis = narrow ? 0 : 230;
        const height = heightFor(width);
        return (
          <BarChart
            width={width}
            height={height}
            data={data}
            layout="vertical"
            margin={{ top: narrow ? 40 : 26, right: narrow ? 84 : SCORE_COLUMN, bottom: 24, left: 4 }}
            title={title}
            desc={description}
            barCategoryGap={10}
          >
            {(["concern", "borderline", "strength"] as const).map((band) => {
              const [x1, x2] = band === "concern" ? [0, 50] : band === "borderline" ? [50, 75] : [75, 100];
              return (
                <ReferenceArea
                  key={band}
                  x1={x1}
                  x2={x2}
                  fill={BAND_SHADES[band]}
                  fillOpacity={1}
                  ifOverflow="hidden"
                  label={{
                    value: bandName(band),
                    position: "top",
                    // On a phone the borderline band is too narrow for its name beside the others': it goes a line higher.
                    offset: narrow && band === "borderline" ? 18 : 5,
                    fill: "#383f43",
                    fontSize: narrow ? 11 : 12,
                    fontWeight: 600,
                  }}
                />
              );
            })}
            <CartesianGrid horizontal={false} stroke="#b1b4b6" strokeDasharray="2 4" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tick={{ fontSize: 12, fill: "#0b0c0c" }}
              label={{
                value: t("chart.scoreAxis"),
                position: "insideBottom",
                offset: -16,
                fontSize: 12,
                fill: "#0b0c0c",
              }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={axis}
              hide={narrow}
              interval={0}
              tick={(p: object) => <WrappedTick {...p} width={axis - 10} />}
              tickLine={false}
            />
            <Tooltip
              cursor={{ fill: "rgba(29,79,145,0.08)" }}
              isAnimationActive={false}
              content={({ active, payload }) => {
                const row = active && payload?.[0] ? (payload[0].payload as (typeof data)[number]) : null;
                if (!row) return null;
                return (
                  <TooltipBox>
                    <strong>{row.name}</strong>
                    {row.score !== null ? (
                      <>
                        <br />
                        {t("chart.score")} {row.score.toFixed(1)} ({bandName(row.band!)})
                        <br />
                        {t("chart.ciTooltip", { low: row.low?.toFixed(1), high: row.high?.toFixed(1), n: row.n })}
                        {row.split ? (
                          <>
                            <br />
                            {t("chart.viewsSplit")}
                          </>
                        ) : null}
                      </>
                    ) : (
                      <>
                        <br />
                        {t("chart.notShownWhy", { reason: reasonText(row.hidden ?? "", t) })}
                      </>
                    )}
                  </TooltipBox>
                );
              }}
            />
            <Bar dataKey="value" isAnimationActive={false} barSize={20} name={t("chart.score")}>
              {data.map((r) => (
                <Cell
                  key={r.key}
                  fill={r.band ? BAND_COLOURS[r.band] : "transparent"}
                  stroke={r.split ? "#0b0c0c" : undefined}
                  strokeDasharray={r.split ? "4 2" : undefined}
                />
              ))}
              {narrow ? (
                <LabelList
                  dataKey="name"
                  content={(p) => <NameAbove {...p} left={4} width={width - 8} maxLines={2} />}
                />
              ) : null}
              <ErrorBar
                dataKey="ci"
                direction="x"
                width={8}
                strokeWidth={1.5}
                stroke="#0b0c0c"
                isAnimationActive={false}
              />
              {/* The scores in a column right of the plot, clear of the whiskers. */}
              <LabelList
                dataKey="label"
                content={(p) => (
                  <text
                    x={width - (narrow ? 84 : SCORE_COLUMN) + 8}
                    y={Number(p.y) + Number(p.height) / 2}
                    dominantBaseline="central"
                    fontSize={13}
                    fontWeight={700}
                    fill="#0b0c0c"
                  >
                    {String(p.value)}
                  </text>
                )}
              />
            </Bar>
          </BarChart>
        );
      }}
    </Measured>
  );
}

export interface GapRow {
  key: string;
  name: string;
  scores: Record<LevelKey, number | null>;
}

/** The perception gap: each component as scored by respondents at each level, side by side. */
export function PerceptionGapChart({
  rows,
  title,
  description,
}: {
  rows: GapRow[];
  title: string;
  description: string;
}) {
  const { t, lang } = useT("report");
  const data = rows.map((r) => ({ name: r.name, ...r.scores }));
  const heightFor = (w: number) => (w < NARROW ? 110 : 90) + rows.length * (w < NARROW ? 80 : 64);
  return (
    <Measured height={heightFor}>
      {(width) => {
        const narrow = width < NARROW;
        const axis = narrow ? 0 : 230;
        const height = heightFor(width);
        return (
          <BarChart
            width={width}
            height={height}
            data={data}
            layout="vertical"
            margin={{ top: 8, right: 24, bottom: 8, left: 4 }}
            title={title}
            desc={description}
            barCategoryGap={8}
            barGap={1}
          >
            <CartesianGrid horizontal={false} stroke="#b1b4b6" strokeDasharray="2 4" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tick={{ fontSize: 12, fill: "#0b0c0c" }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={axis}
              hide={narrow}
              interval={0}
              tick={(p: object) => <WrappedTick {...p} width={axis - 10} />}
              tickLine={false}
            />
            <Tooltip
              isAnimationActive={false}
              cursor={{ fill: "rgba(29,79,145,0.08)" }}
              content={({ active, payload, label }) => {
                if (!active || !payload?.length) return null;
                const row = payload[0]!.payload as Record<string, number | null>;
                return (
                  <TooltipBox>
                    <strong>{String(label)}</strong>
                    {LEVELS.map((l) => (
                      <span key={l.key}>
                        <br />
                        {frameworkTerm("level", l.key, lang)}:{" "}
                        {typeof row[l.key] === "number" ? (row[l.key] as number).toFixed(1) : t("chart.notShown")}
                      </span>
                    ))}
                  </TooltipBox>
                );
              }}
            />
            <Legend verticalAlign="top" height={narrow ? 52 : 32} itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
            {LEVELS.map((l, i) => (
              <Bar
                key={l.key}
                dataKey={l.key}
                name={t("chart.levelStaff", { level: frameworkTerm("level", l.key, lang) })}
                fill={LEVEL_COLOURS[l.key]}
                isAnimationActive={false}
                barSize={9}
              >
                {narrow && i === 0 ? (
                  <LabelList dataKey="name" content={(p) => <NameAbove {...p} left={4} width={width - 8} />} />
                ) : null}
              </Bar>
            ))}
          </BarChart>
        );
      }}
    </Measured>
  );
}
