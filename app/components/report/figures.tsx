/**
 * Small pieces the results report and the action plan share: how a figure, a hidden figure
 * and a band are written. Hidden figures follow the statistics convention of DfE children's
 * social care statistics: `c` (confidential) with a footnote, `x` where there is no data.
 */
import type { ReactNode } from "react";
import type { BandKey } from "../../domain/framework";
import { frameworkTerm } from "../../domain/glossary";
import type { CountFigure, Figure, NoData, ScoreFigure, Suppressed } from "../../domain/scoring";
import { useT } from "../i18n";

export const BAND_LABELS: Record<BandKey, string> = {
  strength: "Strength",
  borderline: "Borderline",
  concern: "Concern",
};

/** `c` or `x`, with the reason for screen readers and on hover. */
export function HiddenMark({ figure }: { figure: Suppressed | NoData }) {
  if (figure.status === "suppressed") {
    return (
      <span className="mark" title={figure.reason}>
        c<span className="visually-hidden"> (hidden: {figure.reason})</span>
      </span>
    );
  }
  return (
    <span className="mark" title={figure.reason}>
      x<span className="visually-hidden"> (no data: {figure.reason})</span>
    </span>
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
