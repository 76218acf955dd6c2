/** The strongest facilitators and most severe barriers, each with the evidence behind it. */
import { bandFor, component as componentInfo } from "../../domain/framework";
import type { ProfessionalResults, RankedItem } from "../../domain/scoring";
import { Term } from "./figures";

export interface EvidenceNoteView {
  key: string;
  statement: string;
  citations: string[];
}

/** The first two sources, cited by title and section; the framework page lists them all. */
function EvidenceCitations({ notes, itemKey }: { notes: EvidenceNoteView[]; itemKey: string }) {
  const all = [...new Set(notes.flatMap((n) => n.citations))];
  if (!all.length) return null;
  const shown = all.slice(0, 2);
  return (
    <p className="evidence-note">
      Evidence: {shown.join("; ")}
      {all.length > shown.length ? (
        <>
          {" "}
          and{" "}
          <a href={`/framework#${itemKey}`}>
            {all.length - shown.length} more source{all.length - shown.length === 1 ? "" : "s"}
            <span className="visually-hidden"> for this question</span>
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
}: {
  items: RankedItem[];
  evidence: Record<string, EvidenceNoteView[]>;
  testid: string;
}) {
  if (!items.length) return <p className="hint">None can be shown.</p>;
  return (
    <ol className="ranked" data-testid={testid}>
      {items.map((item) => (
        <li key={item.key}>
          <span className={`ranked-score band-${bandFor(item.score)}`}>{item.score.toFixed(1)}</span>
          <div>
            <a href={`/framework#${item.key}`}>{item.title}</a>
            <span className="hint">
              {" "}
              {componentInfo(item.component).name} · <Term kind="level" k={item.level} /> level · n = {item.n}
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
}: {
  professional: ProfessionalResults;
  evidence: Record<string, EvidenceNoteView[]>;
}) {
  return (
    <div className="two-columns">
      <div>
        <h3>Strongest facilitators</h3>
        <p className="hint">Things that help, rated highest (100 = everyone strongly agrees).</p>
        <RankedList items={professional.strongestFacilitators} evidence={evidence} testid="facilitators" />
      </div>
      <div>
        <h3>Most severe barriers</h3>
        <p className="hint">Things that get in the way, rated most severe (0 = a major barrier for everyone).</p>
        <RankedList items={professional.severestBarriers} evidence={evidence} testid="barriers" />
      </div>
    </div>
  );
}
