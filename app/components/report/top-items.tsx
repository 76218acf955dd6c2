/** The strongest facilitators and most severe barriers, each with the evidence behind it. */
import { bandFor } from "../../domain/framework";
import { frameworkTerm } from "../../domain/glossary";
import { htmlLang, useT } from "../i18n";
import type { ProfessionalResults, RankedItem } from "../../domain/scoring";

export interface EvidenceNoteView {
  key: string;
  statement: string;
  citations: string[];
}

/** The first two sources, cited by title and section; the framework page lists them all. */
function EvidenceCitations({ notes, itemKey }: { notes: EvidenceNoteView[]; itemKey: string }) {
  const { t } = useT("report");
  const all = [...new Set(notes.flatMap((n) => n.citations))];
  if (!all.length) return null;
  const shown = all.slice(0, 2);
  return (
    <p className="evidence-note">
      {t("top.evidence")} <span lang={htmlLang("en")}>{shown.join("; ")}</span>
      {all.length > shown.length ? (
        <>
          {" "}
          {t("top.and")}{" "}
          <a href={`/framework#${itemKey}`}>
            {t("top.moreSources", { count: all.length - shown.length })}
            <span className="visually-hidden"> {t("top.forThisQuestion")}</span>
          </a>
        </>
      ) : null}
    </p>
  );
}

function RankedList({
  items,
  evidence,
  testid,
  titles,
}: {
  items: RankedItem[];
  evidence: Record<string, EvidenceNoteView[]>;
  testid: string;
  titles: Record<string, string>;
}) {
  const { t, lang } = useT("report");
  if (!items.length) return <p className="hint">{t("top.none")}</p>;
  return (
    <ol className="ranked" data-testid={testid}>
      {items.map((item) => (
        <li key={item.key}>
          <span className={`ranked-score band-${bandFor(item.score)}`}>{item.score.toFixed(1)}</span>
          <div>
            <a href={`/framework#${item.key}`}>{titles[item.key] ?? item.title}</a>
            <span className="hint">
              {" "}
              {frameworkTerm("component", item.component, lang)} ·{" "}
              {t("top.level", { level: frameworkTerm("level", item.level, lang) })} · n = {item.n}
            </span>
            <EvidenceCitations notes={evidence[item.key] ?? []} itemKey={item.key} />
          </div>
        </li>
      ))}
    </ol>
  );
}

export function TopItems({
  professional,
  evidence,
  titles = {},
}: {
  professional: ProfessionalResults;
  evidence: Record<string, EvidenceNoteView[]>;
  /** The questions' wording in the page's language, by key. */
  titles?: Record<string, string>;
}) {
  const { t } = useT("report");
  return (
    <div className="two-columns">
      <div>
        <h3>{t("top.facilitators")}</h3>
        <p className="hint">{t("top.facilitatorsHint")}</p>
        <RankedList
          items={professional.strongestFacilitators}
          evidence={evidence}
          testid="facilitators"
          titles={titles}
        />
      </div>
      <div>
        <h3>{t("top.barriers")}</h3>
        <p className="hint">{t("top.barriersHint")}</p>
        <RankedList items={professional.severestBarriers} evidence={evidence} testid="barriers" titles={titles} />
      </div>
    </div>
  );
}
