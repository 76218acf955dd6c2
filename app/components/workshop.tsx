import { useEffect, useState } from "react";
import { useT } from "./i18n";
import { AGENCY_TYPES, LEVELS } from "../domain/framework";
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
  const description = RATING_ANCHORS.map((a) => `${a.value} ${a.label}: ${distribution[a.value] ?? 0}`).join("; ");
  return (
    <svg className="rating-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{`${title}. ${total} ratings. ${description}.`}</title>
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
              {twoLines(anchor.label).map((line, i) => (
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
  return (
    <table className="rating-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rating</th>
          <th scope="col" className="num">
            People
          </th>
        </tr>
      </thead>
      <tbody>
        {RATING_ANCHORS.map((a) => (
          <tr key={a.value}>
            <th scope="row">
              {a.value} – {a.label}
            </th>
            <td className="num">{distribution[a.value] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const groupName = (dimension: "level" | "agency", key: string) =>
  (dimension === "level" ? LEVELS.find((l) => l.key === key)?.name : AGENCY_TYPES.find((a) => a.key === key)?.name) ??
  key;

function GroupBreakdown({
  comparison,
  dimension,
  threshold,
}: {
  comparison: GroupComparison | null;
  dimension: "level" | "agency";
  threshold: number;
}) {
  const heading = dimension === "level" ? "By level" : "By kind of agency";
  if (!comparison || comparison.shown.length === 0) {
    return (
      <div>
        <h4>{heading}</h4>
        <p className="hint">
          No group can be shown: a group is shown only when it and the rest of the room each have {threshold} or more
          people.
        </p>
      </div>
    );
  }
  return (
    <div>
      <h4>{heading}</h4>
      <p>
        {comparison.differs === null
          ? "Only one group is large enough to show, so groups cannot be compared."
          : comparison.differs
            ? "Views differ between these groups (medians a point or more apart)."
            : "Views are similar across these groups."}
      </p>
      <table>
        <caption className="visually-hidden">{heading}: median and middle half of ratings</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              People
            </th>
            <th scope="col" className="num">
              Median
            </th>
            <th scope="col" className="num">
              Middle half
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.shown.map((g) => (
            <tr key={g.group}>
              <th scope="row">{groupName(dimension, g.group)}</th>
              <td className="num">{g.n}</td>
              <td className="num">{g.median}</td>
              <td className="num">
                {g.lowerQuartile} to {g.upperQuartile}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        A group is shown only when it and the rest of the room each have {threshold} or more people.
      </p>
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
  if (ratings.spread === null) return <p>No one has rated this component.</p>;
  if (ratings.spread === "voting_open") {
    return <p className="notice">Voting on this component is open: the ratings are shown once it closes.</p>;
  }
  if (ratings.spread === "suppressed") {
    return (
      <p className="notice">
        Fewer than {threshold} people rated this component, so the spread is not shown: no one&apos;s rating can be
        picked out.
      </p>
    );
  }
  const s = ratings.spread;
  return (
    <div className="rating-spread">
      <RatingChart distribution={s.distribution} title={title} />
      <dl className="summary-list">
        <dt>Ratings</dt>
        <dd>{s.n}</dd>
        <dt>Median</dt>
        <dd>{s.median}</dd>
        <dt>Middle half (IQR)</dt>
        <dd>
          {s.lowerQuartile} to {s.upperQuartile} (range {s.iqr})
        </dd>
        <dt>Agreement</dt>
        <dd>
          {s.split ? (
            <span className="tag yellow">Views split</span>
          ) : (
            <span className="tag green">Broad agreement</span>
          )}
          {s.split ? " A third or more rated more than a point from the median." : null}
        </dd>
      </dl>
      <RatingTable distribution={s.distribution} caption={`${title}: number of people at each rating`} />
      <div className="workshop-breakdowns">
        <GroupBreakdown comparison={ratings.byLevel} dimension="level" threshold={threshold} />
        <GroupBreakdown comparison={ratings.byAgencyType} dimension="agency" threshold={threshold} />
      </div>
    </div>
  );
}
