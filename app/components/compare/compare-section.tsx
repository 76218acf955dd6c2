import type { ReactNode } from "react";
import { ClientOnly } from "../client-only";

/** A section of the comparison: heading, introduction, chart (browser only) and the table holding its figures. */
export function CompareSection({
  id,
  title,
  intro,
  chart,
  table,
  tableLabel,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  chart?: () => ReactNode;
  table: ReactNode;
  tableLabel: string;
}) {
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
      <div
        tabIndex={0}
        role="region"
        aria-label={`Table: ${tableLabel}`}
        className="table-scroll"
        data-testid={`${id}-table`}
      >
        {table}
      </div>
    </section>
  );
}
