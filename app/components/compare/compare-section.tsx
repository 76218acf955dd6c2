import type { ReactNode } from "react";
import { ClientOnly } from "../client-only";
import { ServerHtml } from "../server-html";

/**
 * A section of the comparison: heading, introduction, chart (browser only) and the table holding
 * its figures. With `version` (what the figures depend on, e.g. the page's query), the table is
 * kept as the server rendered it rather than hydrated (ServerHtml): hundreds of rows for many areas.
 */
export function CompareSection({
  id,
  title,
  intro,
  chart,
  table,
  tableLabel,
  version,
  tableNote,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  chart?: () => ReactNode;
  table: ReactNode;
  tableLabel: string;
  version?: string;
  /** Under the table: e.g. that it shows only some of the areas. */
  tableNote?: ReactNode;
}) {
  const region = {
    tabIndex: 0,
    role: "region",
    "aria-label": `Table: ${tableLabel}`,
    className: "table-scroll",
    "data-testid": `${id}-table`,
  };
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="compare-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {intro}
      {chart ? (
        <div className="chart" data-testid={`${id}-chart-slot`}>
          <ClientOnly
            fallback={
              <p className="hint">The chart appears once the page has loaded. The figures are in the table below.</p>
            }
          >
            {chart}
          </ClientOnly>
        </div>
      ) : null}
      {version === undefined ? (
        <div {...region}>{table}</div>
      ) : (
        <ServerHtml id={`${id}-table`} version={version} {...region}>
          {table}
        </ServerHtml>
      )}
      {tableNote}
    </section>
  );
}
