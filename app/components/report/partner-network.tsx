/**
 * The partner network: member agencies on a circle, a line for each pair that rated each
 * other, coloured and weighted by the stage they work at now (the median rating; the mean of
 * the two directions when both can be shown), dashed where the two see their relationship
 * differently (more than one stage apart). Plain SVG, rendered on the server; every line and
 * agency is focusable and shows its figures on hover and on focus. The partner matrix table
 * beside it holds the same figures.
 */
import { useState } from "react";
import { STAGES } from "../../domain/framework";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";

/** Sequential blues for stages 0-5, light to dark; text on 4 and 5 is white. */
export const STAGE_COLOURS = ["#f3f2f1", "#d2e2f1", "#a9c6e4", "#6f9fd1", "#2f6eb5", "#12336b"] as const;
export const stageTextColour = (stage: number) => (stage >= 4 ? "#fff" : "#0b0c0c");

export interface NetworkAgency {
  id: string;
  name: string;
}
export interface NetworkPair {
  a: string;
  b: string;
  /** Median "now" rating of b by a, and of a by b, when they can be shown. */
  aRatesB: number | null;
  bRatesA: number | null;
  seeDifferently: boolean | null;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function PartnerNetwork({
  agencies,
  pairs,
  title,
}: {
  agencies: NetworkAgency[];
  pairs: NetworkPair[];
  title: string;
}) {
  const { t, lang } = useT("report");
  const stageName = (x: number) => {
    const stage = STAGES[Math.round(x)];
    return stage ? frameworkTerm("stage", stage.key, lang) : String(x);
  };
  const [active, setActive] = useState<string | null>(null);
  const size = 520;
  const centre = size / 2;
  const radius = size / 2 - 70;
  const position = new Map(
    agencies.map((a, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / agencies.length;
      return [
        a.id,
        { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), number: i + 1, name: a.name },
      ];
    }),
  );
  const lines = pairs
    .map((p) => {
      const shown = [p.aRatesB, p.bRatesA].filter((x): x is number => x !== null);
      if (!shown.length) return null;
      const stage = shown.reduce((s, x) => s + x, 0) / shown.length;
      const from = position.get(p.a)!;
      const to = position.get(p.b)!;
      const rating = (x: number | null, by: string, of: string) =>
        x === null
          ? t("network.notShown", { by, of })
          : t("network.rates", { by, of, stage: fmt(x), name: stageName(x) });
      const text = `${t("network.pair", { a: from.name, b: to.name })}: ${rating(p.aRatesB, from.name, to.name)}; ${rating(p.bRatesA, to.name, from.name)}.${p.seeDifferently ? ` ${t("network.differently")}` : ""}`;
      return { key: `${p.a}-${p.b}`, from, to, stage, dashed: p.seeDifferently === true, text };
    })
    .filter((l): l is NonNullable<typeof l> => l !== null);
  const activeText =
    lines.find((l) => l.key === active)?.text ??
    [...position.values()].find((n) => `node-${n.number}` === active)?.name;

  return (
    <div className="network">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width={size}
        height={size}
        role="group"
        aria-labelledby="network-title"
        data-chart="network"
        className="network-svg"
      >
        <title id="network-title">{title}</title>
        {lines.map((l) => (
          <g
            key={l.key}
            tabIndex={0}
            role="img"
            aria-label={l.text}
            className="network-line"
            onMouseEnter={() => setActive(l.key)}
            onFocus={() => setActive(l.key)}
            onMouseLeave={() => setActive(null)}
            onBlur={() => setActive(null)}
          >
            <title>{l.text}</title>
            {/* A wide transparent line makes thin lines easy to point at. */}
            <line x1={l.from.x} y1={l.from.y} x2={l.to.x} y2={l.to.y} stroke="transparent" strokeWidth={14} />
            <line
              x1={l.from.x}
              y1={l.from.y}
              x2={l.to.x}
              y2={l.to.y}
              stroke={STAGE_COLOURS[Math.max(1, Math.round(l.stage))]}
              strokeWidth={1.5 + l.stage * 1.6}
              strokeDasharray={l.dashed ? "10 6" : undefined}
              strokeLinecap="round"
              opacity={active && active !== l.key ? 0.35 : 1}
            />
          </g>
        ))}
        {[...position.values()].map((n) => (
          <g
            key={n.number}
            tabIndex={0}
            role="img"
            aria-label={`${n.number}: ${n.name}`}
            onMouseEnter={() => setActive(`node-${n.number}`)}
            onFocus={() => setActive(`node-${n.number}`)}
            onMouseLeave={() => setActive(null)}
            onBlur={() => setActive(null)}
          >
            <title>{n.name}</title>
            <circle cx={n.x} cy={n.y} r={22} fill="#fff" stroke="#0b0c0c" strokeWidth={2} />
            <text
              x={n.x}
              y={n.y}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={18}
              fontWeight={700}
              fill="#0b0c0c"
            >
              {n.number}
            </text>
          </g>
        ))}
      </svg>
      <p className="network-readout" aria-live="polite">
        {activeText ?? t("network.point")}
      </p>
      <div className="network-key">
        <ol>
          {agencies.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ol>
        <svg width="250" height="92" aria-hidden="true" className="network-legend">
          {[1, 3, 5].map((stage, i) => (
            <g key={stage} transform={`translate(0 ${12 + i * 22})`}>
              <line
                x1={0}
                x2={44}
                y1={0}
                y2={0}
                stroke={STAGE_COLOURS[stage]}
                strokeWidth={1.5 + stage * 1.6}
                strokeLinecap="round"
              />
              <text x={56} y={0} dominantBaseline="central" fontSize={13} fill="#0b0c0c">
                {stage} {frameworkTerm("stage", STAGES[stage]!.key, lang)}
              </text>
            </g>
          ))}
          <g transform="translate(0 78)">
            <line x1={0} x2={44} y1={0} y2={0} stroke="#6f9fd1" strokeWidth={5} strokeDasharray="10 6" />
            <text x={56} y={0} dominantBaseline="central" fontSize={13} fill="#0b0c0c">
              {t("network.legendDifferently")}
            </text>
          </g>
        </svg>
      </div>
    </div>
  );
}
