import { useEffect, useState } from "react";
import { useT } from "./i18n";
import { frameworkTerm } from "../domain/glossary";
import type { Lang } from "../domain/language";
import { RATING_ANCHORS, type ComponentRatings, type GroupComparison } from "../domain/workshop";

export type Connection = "connecting" | "live" | "reconnecting";

/**
 * Live state pushed by a Server-Sent Events stream, starting from the loader's copy. The newest
 * version wins, whichever way it came (the stream, or the loader after an action). EventSource
 * reconnects by itself after a network error; if the browser gives up (the stream answered with
 * an error), we try again every few seconds, and the first message after any reconnection is
 * the full state.
 */
export function useLiveState<T extends { version: number }>(
  url: string,
  initial: T,
  options: { stopWhen?: (state: T) => boolean } = {},
) {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<Connection>("connecting");
  const stopWhen = options.stopWhen;

  useEffect(() => {
    setState((current) => (initial.version >= current.version ? initial : current));
  }, [initial]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      source = new EventSource(url);
      source.addEventListener("open", () => setConnection("live"));
      source.addEventListener("state", (event) => {
        const next = JSON.parse((event as MessageEvent<string>).data) as T;
        setState((current) => (next.version >= current.version ? next : current));
        setConnection("live");
        if (stopWhen?.(next)) {
          stopped = true;
          source?.close();
        }
      });
      source.addEventListener("error", () => {
        if (stopped) return;
        setConnection("reconnecting");
        if (source?.readyState === EventSource.CLOSED) {
          clearTimeout(retry);
          retry = setTimeout(connect, 3000);
        }
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [url, stopWhen]);

  return { state, connection };
}

export function ConnectionStatus({ connection }: { connection: Connection }) {
  const { t } = useT("workshop");
  return (
    <p className={`live-status ${connection}`} role="status">
      {t(
        connection === "live"
          ? "connection.live"
          : connection === "connecting"
            ? "connection.connecting"
            : "connection.lost",
      )}
    </p>
  );
}

/** Splits a label at the space nearest its middle, so that neighbouring labels never overlap. */
function twoLines(label: string): string[] {
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index!);
  if (!spaces.length) return [label];
  const cut = spaces.reduce((best, i) =>
    Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2) ? i : best,
  );
  return [label.slice(0, cut), label.slice(cut + 1)];
}

/** The distribution of a component's ratings as bars, with the numbers on the bars. */
export function RatingChart({ distribution, title }: { distribution: readonly number[]; title: string }) {
  const max = Math.max(1, ...distribution);
  const width = 640;
  const height = 300;
  const top = 28;
  const bottom = 72;
  const slot = width / 6;
  const barWidth = slot * 0.62;
  const titleId = `chart-${title.replace(/\W+/g, "-").toLowerCase()}`;
  const total = distribution.reduce((a, b) => a + b, 0);
  const { t } = useT("console");
  const tw = useT("workshop").t;
  const label = (value: number) => tw(`rating.${value}.label`);
  const description = RATING_ANCHORS.map((a) => `${a.value} ${label(a.value)}: ${distribution[a.value] ?? 0}`).join(
    "; ",
  );
  return (
    <svg className="rating-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{t("sp.chartTitle", { title, total, description })}</title>
      <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} stroke="#0b0c0c" strokeWidth={2} />
      {RATING_ANCHORS.map((anchor) => {
        const count = distribution[anchor.value] ?? 0;
        const barHeight = ((height - top - bottom) * count) / max;
        const x = anchor.value * slot + (slot - barWidth) / 2;
        const y = height - bottom - barHeight;
        return (
          <g key={anchor.value}>
            <rect x={x} y={y} width={barWidth} height={barHeight} fill="#1d4f91" />
            <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize={22} fontWeight={700} fill="#0b0c0c">
              {count}
            </text>
            <text
              x={x + barWidth / 2}
              y={height - bottom + 24}
              textAnchor="middle"
              fontSize={20}
              fontWeight={700}
              fill="#0b0c0c"
            >
              {anchor.value}
            </text>
            <text x={x + barWidth / 2} y={height - bottom + 44} textAnchor="middle" fontSize={15} fill="#0b0c0c">
              {twoLines(label(anchor.value)).map((line, i) => (
                <tspan key={i} x={x + barWidth / 2} dy={i === 0 ? 0 : 17}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The text alternative to the chart: the same counts in a table. */
export function RatingTable({ distribution, caption }: { distribution: readonly number[]; caption: string }) {
  const { t } = useT("console");
  const tw = useT("workshop").t;
  return (
    <table className="rating-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("sp.rating")}</th>
          <th scope="col" className="num">
            {t("sp.people")}
          </th>
        </tr>
      </thead>
      <tbody>
        {RATING_ANCHORS.map((a) => (
          <tr key={a.value}>
            <th scope="row">
              {a.value} – {tw(`rating.${a.value}.label`)}
            </th>
            <td className="num">{distribution[a.value] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const groupName = (dimension: "level" | "agency", key: string, lang: Lang) => {
  try {
    return frameworkTerm(dimension === "level" ? "level" : "agency_type", key, lang);
  } catch {
    return key;
  }
};

function GroupBreakdown({
  comparison,
  dimension,
  threshold,
}: {
  comparison: GroupComparison | null;
  dimension: "level" | "agency";
  threshold: number;
}) {
  const { t, lang } = useT("console");
  const heading = dimension === "level" ? t("sc.byLevel") : t("sc.byAgency");
  if (!comparison || comparison.shown.length === 0) {
    return (
      <div>
        <h4>{heading}</h4>
        <p className="hint">{t("sp.noGroup", { threshold })}</p>
      </div>
    );
  }
  return (
    <div>
      <h4>{heading}</h4>
      <p>{comparison.differs === null ? t("sp.oneGroup") : comparison.differs ? t("sp.differ") : t("sp.similar")}</p>
      <table>
        <caption className="visually-hidden">{t("sp.caption", { heading })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sp.group")}</th>
            <th scope="col" className="num">
              {t("sp.people")}
            </th>
            <th scope="col" className="num">
              {t("sc.median")}
            </th>
            <th scope="col" className="num">
              {t("sc.middle")}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.shown.map((g) => (
            <tr key={g.group}>
              <th scope="row">{groupName(dimension, g.group, lang)}</th>
              <td className="num">{g.n}</td>
              <td className="num">{g.median}</td>
              <td className="num">{t("sc.range", { low: g.lowerQuartile, high: g.upperQuartile })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t("sp.shownOnly", { threshold })}</p>
    </div>
  );
}

/** The spread of a component's ratings: chart, table, median, IQR and breakdowns, suppressed below the threshold. */
export function RatingSpread({
  ratings,
  threshold,
  title,
}: {
  ratings: ComponentRatings;
  threshold: number;
  title: string;
}) {
  const { t } = useT("console");
  if (ratings.spread === null) return <p>{t("sp.noOne")}</p>;
  if (ratings.spread === "voting_open") {
    return <p className="notice">{t("sp.votingOpen")}</p>;
  }
  if (ratings.spread === "suppressed") {
    return <p className="notice">{t("sc.fewer", { threshold })}</p>;
  }
  const s = ratings.spread;
  return (
    <div className="rating-spread">
      <RatingChart distribution={s.distribution} title={title} />
      <dl className="summary-list">
        <dt>{t("sp.ratings")}</dt>
        <dd>{s.n}</dd>
        <dt>{t("sc.median")}</dt>
        <dd>{s.median}</dd>
        <dt>{t("sp.iqr")}</dt>
        <dd>{t("sp.rangeIqr", { low: s.lowerQuartile, high: s.upperQuartile, iqr: s.iqr })}</dd>
        <dt>{t("sc.agreement")}</dt>
        <dd>
          {s.split ? (
            <span className="tag yellow">{t("sc.split")}</span>
          ) : (
            <span className="tag green">{t("sc.broad")}</span>
          )}
          {s.split ? t("sp.third") : null}
        </dd>
      </dl>
      <RatingTable distribution={s.distribution} caption={t("sp.tableCaption", { title })} />
      <div className="workshop-breakdowns">
        <GroupBreakdown comparison={ratings.byLevel} dimension="level" threshold={threshold} />
        <GroupBreakdown comparison={ratings.byAgencyType} dimension="agency" threshold={threshold} />
      </div>
    </div>
  );
}
