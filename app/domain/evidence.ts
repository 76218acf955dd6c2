/**
 * The evidence register (`surveys/evidence.json`): every facilitator and barrier named in the
 * evidence, with its component, levels and sources. Items cite entries by key.
 */
import type { ComponentKey, LevelKey, Polarity } from "./framework";

export interface EvidenceDocument {
  key: string;
  title: string;
}
export interface EvidenceSource {
  document: string;
  section: string;
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
}
export interface EvidenceRegister {
  documents: EvidenceDocument[];
  entries: EvidenceEntry[];
}

/** "CELCIS Rapid Evidence Review 2023, 'What facilitates integrated working?'" */
export function citation(register: EvidenceRegister, source: EvidenceSource): string {
  const title = register.documents.find((d) => d.key === source.document)?.title ?? source.document;
  return `${title}, '${source.section}'`;
}

export function entriesByKey(register: EvidenceRegister): Map<string, EvidenceEntry> {
  return new Map(register.entries.map((e) => [e.key, e]));
}
