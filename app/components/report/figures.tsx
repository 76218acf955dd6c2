/**
 * Small pieces the results report and the action plan share: how a figure, a hidden figure
 * and a band are written. Hidden figures follow the statistics convention of DfE children's
 * social care statistics: `c` (confidential) with a footnote, `x` where there is no data.
 */
import type { ReactNode } from "react";
import type { BandKey } from "../../domain/framework";
import { frameworkTerm } from "../../domain/glossary";
import { reasonText as translateReason } from "../../domain/reasons";
import type { CountFigure, Figure, NoData, ScoreFigure, Suppressed } from "../../domain/scoring";
import { useT } from "../i18n";

export const BAND_LABELS: Record<BandKey, string> = {
  strength: "Strength",
  borderline: "Borderline",
  concern: "Concern",
};

/** A stored reason (English in the snapshot) in the reader's language: `t` of the report namespace. */
export const reasonText = (reason: string, t: (key: string, values?: Record<string, string>) => string) =>
  translateReason(reason, t);

/** `c` or `x`, with the reason for screen readers and on hover, in the page's language. */
export function HiddenMark({ figure }: { figure: Suppressed | NoData }) {
  const { t } = useT("report");
  const reason = reasonText(figure.reason, t);
  if (figure.status === "suppressed") {
    return (
      <span className="mark" title={reason}>
        c<span className="visually-hidden"> ({t("mark.hidden", { reason })})</span>
      </span>
    );
  }
  return (
    <span className="mark" title={reason}>
      x<span className="visually-hidden"> ({t("mark.noData", { reason })})</span>
    </span>
  );
}

/** The key to the heat maps' colours, in the page's language. */
export function HeatLegend({ hidden = false }: { hidden?: boolean }) {
  const { t } = useT("report");
  return (
    <p className="legend" aria-hidden={hidden ? "true" : undefined}>
      <span className="heat-key heat-strength">{t("legend.strength")}</span>
      <span className="heat-key heat-borderline">{t("legend.borderline")}</span>
      <span className="heat-key heat-concern">{t("legend.concern")}</span>
    </p>
  );
}

/** A figure's value, or its `c` / `x` mark. */
export function FigureValue<T extends object>({
  figure,
  children,
}: {
  figure: Figure<T>;
  children: (ok: { status: "ok" } & T) => ReactNode;
}) {
  return <>{figure.status === "ok" ? children(figure) : <HiddenMark figure={figure} />}</>;
}

export const scoreText = (figure: ScoreFigure) => (figure.status === "ok" ? figure.score.toFixed(1) : null);

export function ScoreValue({ figure }: { figure: ScoreFigure }) {
  return <FigureValue figure={figure}>{(f) => f.score.toFixed(1)}</FigureValue>;
}

export function CountValue({ figure }: { figure: CountFigure }) {
  return figure.status === "ok" ? <>{figure.n}</> : <HiddenMark figure={figure} />;
}

/**
 * The agreement index in words: the share of answers within one scale point of their question's
 * median ("the middle view"). Not agreement with the statement, which a low score would then
 * seem to contradict: "91% agree" beside "Concern" read as one.
 *
 * @example
 * consensusText(0.91) // "91% within one point of the middle view"
 */
export const consensusText = (agreement: number) =>
  `${Math.round(agreement * 100)}% within one point of the middle view`;

/** A band's name in the page's language (the glossary's term). */
export function BandName({ band, lower = false }: { band: BandKey; lower?: boolean }) {
  const { lang } = useT("report");
  const name = frameworkTerm("band", band, lang);
  return <>{lower ? name.toLowerCase() : name}</>;
}

export function BandTag({ band }: { band: BandKey }) {
  return (
    <span className={`band band-${band}`}>
      <BandName band={band} />
    </span>
  );
}

/** The key to `c` and `x`; `noData` is already in the page's language (default: "no answers"). */
export function HiddenFootnote({ threshold, noData }: { threshold: number; noData?: string }) {
  const { t } = useT("report");
  return (
    <p className="footnote">
      <strong>c</strong> {t("footnote.hidden", { threshold })} <strong>x</strong> = {noData ?? t("footnote.noAnswers")}.
    </p>
  );
}

/** A message of the report's namespace, for places outside a component's own `useT`. */
export function ReportText({ k }: { k: string }) {
  const { t } = useT("report");
  return <>{t(k)}</>;
}

/** One of the framework's terms (a level's, a stage's name...) in the page's language. */
export function Term({ kind, k }: { kind: Parameters<typeof frameworkTerm>[0]; k: string }) {
  const { lang } = useT("report");
  return <>{frameworkTerm(kind, k, lang)}</>;
}
