/**
 * npm run bench:sqlite-sync: what SQLITE_SYNCHRONOUS=FULL costs on this machine's disk. Opens a
 * fresh database the way the app does (WAL, openDatabase) in db/data/ (the app's own disk),
 * with synchronous NORMAL and then FULL, and measures commits per second of:
 *  - one-row commits (an audit entry, a session);
 *  - answer-set commits in the app's autosave shape: one transaction that upserts the response
 *    row, deletes its answers and inserts 80 (a respondent a few sections in).
 * Writes to SQLite are serialised, so one writer measures the database's limit; each figure
 * is the median of three runs of BENCH_SECONDS (default 3) seconds.
 *
 * @example
 * npm run bench:sqlite-sync
 * BENCH_SECONDS=5 npm run bench:sqlite-sync
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { ROOT } from "../tests/support/test-environment";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ANSWERS = 80;
fs.mkdirSync(path.join(ROOT, "db", "data"), { recursive: true });
const dir = fs.mkdtempSync(path.join(ROOT, "db", "data", "bench-sync-"));

function open(mode: "NORMAL" | "FULL") {
  const file = path.join(dir, `${mode}.db`);
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${mode}`);
  db.exec(`
    create table audit (id integer primary key, at text not null, action text not null);
    create table responses (id text primary key, updated_at text not null);
    create table answers (response_id text not null, item text not null, value text not null,
      primary key (response_id, item));
  `);
  return db;
}

/** Commits per second of `commit` over `SECONDS`, and the mean milliseconds per commit. */
function rate(commit: (i: number) => void): { perSecond: number; msEach: number } {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(SECONDS * 1e9);
  while (process.hrtime.bigint() < end) commit(n++);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: n / seconds, msEach: (seconds * 1000) / n };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(mode: "NORMAL" | "FULL") {
  const db = open(mode);
  const insertAudit = db.prepare("insert into audit (at, action) values (?, ?)");
  const upsertResponse = db.prepare(
    "insert into responses (id, updated_at) values (?, ?) on conflict (id) do update set updated_at = excluded.updated_at",
  );
  const deleteAnswers = db.prepare("delete from answers where response_id = ?");
  const insertAnswer = db.prepare("insert into answers (response_id, item, value) values (?, ?, ?)");
  const saveAnswers = db.transaction((id: string) => {
    upsertResponse.run(id, new Date().toISOString());
    deleteAnswers.run(id);
    for (let q = 0; q < ANSWERS; q++) insertAnswer.run(id, `q${q}`, String(q % 5));
  });
  const oneRow: number[] = [];
  const answerSets: number[] = [];
  for (let run = 0; run < 3; run++) {
    oneRow.push(rate(() => insertAudit.run(new Date().toISOString(), "bench")).perSecond);
    // 200 respondents saving in turn, as autosaves arrive.
    answerSets.push(rate((i) => saveAnswers(`r${i % 200}`)).perSecond);
  }
  db.close();
  return { oneRow: median(oneRow), answerSets: median(answerSets) };
}

function disk(): string {
  try {
    return execFileSync("findmnt", ["-n", "-o", "FSTYPE,SOURCE", "-T", dir], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

try {
  const normal = measure("NORMAL");
  const full = measure("FULL");
  const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");
  const ms = (perSecond: number) => (1000 / perSecond).toFixed(2);
  console.log(`SQLite synchronous, WAL mode: ${os.cpus()[0]?.model ?? "cpu"}, ${os.cpus().length} cores, ${disk()}`);
  console.log(`medians of 3 runs of ${SECONDS} s, one writer\n`);
  console.log("| commit                        | NORMAL /s (ms each) | FULL /s (ms each) | FULL / NORMAL |");
  console.log("| ----------------------------- | ------------------- | ----------------- | ------------- |");
  for (const [label, key] of [
    ["one row", "oneRow"],
    [`answer set (${ANSWERS} rows)`, "answerSets"],
  ] as const) {
    console.log(
      `| ${label.padEnd(29)} | ${`${fmt(normal[key])} (${ms(normal[key])})`.padEnd(19)} | ${`${fmt(full[key])} (${ms(full[key])})`.padEnd(17)} | ${(full[key] / normal[key]).toFixed(3).padEnd(13)} |`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
