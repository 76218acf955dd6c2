/** The frame every report section and chart sits in: a titled section, and a figure with its table. */
import type { ReactNode } from "react";
import { ClientOnly } from "../client-only";
import { useT } from "../i18n";
import { ChartDownloads } from "./chart-downloads";

/** A section with its heading; `id` is the anchor the contents list links to. */
export function ReportSection({
  id,
  title,
  children,
  intro,
  keepTogether = false,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** A short section printed whole on one page, its heading never alone at a page foot. */
  keepTogether?: boolean;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={`report-section${keepTogether ? " keep-together" : ""}`}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <div className="section-intro">{intro}</div> : null}
      {children}
    </section>
  );
}

/** A chart with its caption, download buttons and, below, the table holding its figures. */
export function ChartFigure({
  id,
  caption,
  chart,
  table,
  filename,
}: {
  id: string;
  caption: string;
  chart: () => ReactNode;
  table: ReactNode;
  filename: string;
}) {
  const { t } = useT("report");
  return (
    <figure className="chart-block" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div className="chart" data-testid={`${id}-chart`}>
        <ClientOnly fallback={<p className="hint">{t("chart.loading")}</p>}>{chart}</ClientOnly>
      </div>
      <ClientOnly>{() => <ChartDownloads figureId={id} filename={filename} label={caption} />}</ClientOnly>
      <div
        tabIndex={0}
        role="region"
        aria-label={t("chart.tableLabel", { caption })}
        className="table-scroll chart-table"
        data-testid={`${id}-table`}
      >
        {table}
      </div>
    </figure>
  );
}
