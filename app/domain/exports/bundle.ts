/**
 * The round's data download: answers.csv, scores.csv, codebook.csv and README.txt in one zip
 * (fflate), so that the codebook never travels apart from the files it describes. The files
 * are the same as the single downloads; nothing is added that those leave out.
 */
import { zipSync, strToU8 } from "fflate";
import { ANSWER_EXPORT_COLUMNS, type AnswerExportRow } from "./answer-export";
import {
  answersCodebook,
  CODEBOOK_COLUMNS,
  codebookRows,
  exportReadme,
  scoresCodebook,
  type QuestionCatalogue,
} from "./codebook";
import type { Lang } from "../language";
import { toCsv, type CsvCell } from "./csv";
import { SCORE_EXPORT_COLUMNS } from "./score-export";

export interface ExportBundleInput {
  partnership: string;
  round: string;
  threshold: number;
  generatedAt: string;
  /** The answers export's rows, or why the download leaves them out. */
  answers: { status: "ok"; rows: readonly AnswerExportRow[] } | { status: "left_out"; reason: string };
  scores: readonly (readonly CsvCell[])[];
  labels: QuestionCatalogue;
  /** The keys of every question answers.csv can hold (answer-export.ts exportedQuestions). */
  questionKeys: readonly string[];
  excel: boolean;
  /** The language of the labels, the codebook and the README (column names and codes never change). */
  lang?: Lang;
}

/**
 * The files of the download by name, as text.
 *
 * @example
 * Object.keys(exportBundleFiles(input)) // ["answers.csv", "scores.csv", "codebook.csv", "README.txt"]
 */
export function exportBundleFiles(input: ExportBundleInput): Record<string, string> {
  const options = { excel: input.excel };
  const files: Record<string, string> = {};
  const answersIncluded = input.answers.status === "ok";
  if (input.answers.status === "ok") files["answers.csv"] = toCsv(ANSWER_EXPORT_COLUMNS, input.answers.rows, options);
  files["scores.csv"] = toCsv(SCORE_EXPORT_COLUMNS, input.scores, options);
  const lang = input.lang ?? "en";
  const codebook = [
    ...(answersIncluded ? answersCodebook(input.labels, input.questionKeys, lang) : []),
    ...scoresCodebook(lang),
  ];
  files["codebook.csv"] = toCsv(CODEBOOK_COLUMNS, codebookRows(codebook), options);
  files["README.txt"] =
    (input.excel ? "\uFEFF" : "") +
    exportReadme({
      partnership: input.partnership,
      round: input.round,
      threshold: input.threshold,
      generatedAt: input.generatedAt,
      answersLeftOut: input.answers.status === "ok" ? null : input.answers.reason,
      excel: input.excel,
      lang,
    });
  return files;
}

/** The download as zip bytes (deflate; dates fixed so that the same files give the same bytes). */
export function exportBundleZip(input: ExportBundleInput): Uint8Array {
  const files = exportBundleFiles(input);
  const mtime = new Date(input.generatedAt);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])), {
    level: 6,
  });
}
