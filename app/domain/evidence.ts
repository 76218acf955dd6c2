/**
 * The evidence register (`surveys/evidence.json`): every facilitator and barrier named in the
 * evidence, with its component, levels and sources. Items cite entries by key.
 */
import type { ComponentKey, LevelKey, Polarity } from "./framework";

export interface EvidenceDocument {
  key: string;
  title: string;
  /** The seed text's file name, for `npm run check:evidence` only (never read by the product). */
  seedFile?: string;
  /** Section headings in the order they appear in the text: a section ends at the next one. */
  outline?: string[];
}
export interface EvidenceSource {
  document: string;
  section: string;
  /** A verbatim quotation (at most 12 words) from the section, checked against the seed text. */
  locator?: string;
}
export interface EvidenceEntry {
  key: string;
  statement: string;
  polarity: Polarity;
  component: ComponentKey;
  levels: LevelKey[];
  sources: EvidenceSource[];
  /** A concrete step a partnership can take, drawn from the evidence. */
  action?: string;
  /** Words (or short phrases) one of which every item citing this entry must use. */
  cues?: string[];
}
/** A stage of the continuum as the evidence defines it; continuum markers cite these keys. */
export interface ContinuumStageEntry {
  key: string;
  stage: number;
  statement: string;
  sources: EvidenceSource[];
}
export interface EvidenceRegister {
  documents: EvidenceDocument[];
  entries: EvidenceEntry[];
  stages?: ContinuumStageEntry[];
}

/** "CELCIS Rapid Evidence Review 2023, 'What facilitates integrated working?'" */
export function citation(register: EvidenceRegister, source: EvidenceSource): string {
  const title = register.documents.find((d) => d.key === source.document)?.title ?? source.document;
  return `${title}, '${source.section}'`;
}

export function entriesByKey(register: EvidenceRegister): Map<string, EvidenceEntry> {
  return new Map(register.entries.map((e) => [e.key, e]));
}
