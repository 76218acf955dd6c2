/**
 * Issue 19: the answer storage shape, measured (docs/decisions/0006-answer-storage.md). Two
 * shapes of the same answers, written and read through each database's own driver on one
 * connection: rows per answer (the `answers` table's shape: response, item, value, numeric) and
 * one JSON document per response (PostgreSQL JSONB, SQLite JSON text). For each: a lean autosave
 * (two answers changed), a submission (a whole ~120-answer response), the per-item aggregate
 * over a round, and the bytes stored.
 * `npx tsx scripts/bench-storage.ts [respondents=5000]` (PostgreSQL too when DATABASE_URL names one).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { demoAnswers, seededRandom } from "../app/domain/demo-answers";
import { SURVEYS } from "../app/models/questionnaire.server";

const respondents = Number(process.argv[2] ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const random = seededRandom(3);
const sets = Array.from({ length: 32 }, () => demoAnswers(SURVEYS.professional, random));
const scored = Object.keys(sets[0]!).filter((k) => typeof sets[0]![k] === "number");

async function rate(fn: (n: number) => unknown) {
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < SECONDS * 1000) await fn(n++);
  return Math.round(n / ((performance.now() - started) / 1000));
}
async function best(fn: () => unknown) {
  await fn();
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return Math.round(Math.min(...runs));
}
const change = (n: number) => ({
  [scored[(2 * n) % scored.length]!]: 1 + (n % 4),
  [scored[(2 * n + 1) % scored.length]!]: 1 + ((n + 1) % 4),
});

async function sqlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-bench-storage-"));
  const db = new SQLite(path.join(dir, "s.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`create table answers (response_id text not null, item_key text not null, value text not null, numeric real, updated_at text not null, primary key (response_id, item_key));
           create table docs (id text primary key, answers text not null, updated_at text not null);`);
  const insRow = db.prepare("insert into answers values (?, ?, ?, ?, ?)");
  const upRow = db.prepare(
    "insert into answers values (?, ?, ?, ?, ?) on conflict (response_id, item_key) do update set value = excluded.value, numeric = excluded.numeric, updated_at = excluded.updated_at",
  );
  const insDoc = db.prepare("insert into docs values (?, ?, ?)");
  const patchDoc = db.prepare("update docs set answers = json_patch(answers, ?), updated_at = ? where id = ?");
  const submitRows = db.transaction((id: string, a: Record<string, string | number>) => {
    const at = new Date().toISOString();
    for (const [k, v] of Object.entries(a)) insRow.run(id, k, JSON.stringify(v), typeof v === "number" ? v : null, at);
  });
  const submitDoc = (id: string, a: Record<string, string | number>) =>
    insDoc.run(id, JSON.stringify(a), new Date().toISOString());
  const saveRows = db.transaction((id: string, c: Record<string, number>) => {
    const at = new Date().toISOString();
    for (const [k, v] of Object.entries(c)) upRow.run(id, k, String(v), v, at);
  });
  const out = {
    submitRowsPerS: await rate((n) => submitRows(`s${n}`, sets[n % 32]!)),
    submitDocPerS: await rate((n) => submitDoc(`s${n}`, sets[n % 32]!)),
    autosaveRowsPerS: await rate((n) => saveRows(`s${n % 100}`, change(n))),
    autosaveDocPerS: await rate((n) =>
      patchDoc.run(JSON.stringify(change(n)), new Date().toISOString(), `s${n % 100}`),
    ),
  };
  db.exec("delete from answers; delete from docs;");
  const fill = db.transaction((from: number) => {
    for (let i = from; i < Math.min(respondents, from + 1000); i++) {
      submitRows(`r${i}`, sets[i % 32]!);
      submitDoc(`r${i}`, sets[i % 32]!);
    }
  });
  for (let i = 0; i < respondents; i += 1000) fill(i);
  db.exec("vacuum; analyze;");
  const aggRows = db.prepare("select item_key, count(*), avg(numeric) from answers group by item_key");
  const aggDoc = db.prepare(
    "select j.key, count(*), avg(case when j.type in ('integer', 'real') then j.value end) from docs, json_each(docs.answers) j group by j.key",
  );
  const bytes = (name: string) =>
    (db.prepare("select sum(pgsize) as b from dbstat where name like ?").get(`${name}%`) as { b: number | null }).b ??
    null;
  let rowsBytes: number | null = null;
  let docBytes: number | null = null;
  try {
    rowsBytes = bytes("answers") ?? 0;
    rowsBytes += bytes("sqlite_autoindex_answers") ?? 0;
    docBytes = (bytes("docs") ?? 0) + (bytes("sqlite_autoindex_docs") ?? 0);
  } catch {
    /* dbstat not compiled in */
  }
  const result = {
    ...out,
    aggregateRowsMs: await best(() => aggRows.all()),
    aggregateDocMs: await best(() => aggDoc.all()),
    storedRowsMb: rowsBytes === null ? null : Math.round(rowsBytes / 2 ** 20),
    storedDocMb: docBytes === null ? null : Math.round(docBytes / 2 ** 20),
  };
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

async function postgres(url: string) {
  const schema = `storage_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await db.connect();
  try {
    await db.query(`create table answers (response_id text not null, item_key text not null, value text not null, numeric double precision, updated_at text not null, primary key (response_id, item_key));
                    create table docs (id text primary key, answers jsonb not null, updated_at text not null);`);
    const submitRows = async (id: string, a: Record<string, string | number>) => {
      const keys = Object.keys(a);
      const values: unknown[] = [id, new Date().toISOString()];
      for (const k of keys) values.push(k, JSON.stringify(a[k]), typeof a[k] === "number" ? a[k] : null);
      await db.query({
        name: `rows${keys.length}`,
        text: `insert into answers values ${keys.map((_, i) => `($1, $${3 + 3 * i}, $${4 + 3 * i}, $${5 + 3 * i}, $2)`).join(", ")}`,
        values,
      });
    };
    const submitDoc = (id: string, a: Record<string, string | number>) =>
      db.query({
        name: "doc",
        text: "insert into docs values ($1, $2, $3)",
        values: [id, JSON.stringify(a), new Date().toISOString()],
      });
    const saveRows = async (id: string, c: Record<string, number>) => {
      const values: unknown[] = [id, new Date().toISOString()];
      for (const [k, v] of Object.entries(c)) values.push(k, String(v), v);
      // One statement, as the document's update is: atomic without begin/commit.
      await db.query({
        name: "uprows",
        text: "insert into answers values ($1, $3, $4, $5, $2), ($1, $6, $7, $8, $2) on conflict (response_id, item_key) do update set value = excluded.value, numeric = excluded.numeric, updated_at = excluded.updated_at",
        values,
      });
    };
    const out = {
      submitRowsPerS: await rate((n) => submitRows(`s${n}`, sets[n % 32]!)),
      submitDocPerS: await rate((n) => submitDoc(`s${n}`, sets[n % 32]!)),
      autosaveRowsPerS: await rate((n) => saveRows(`s${n % 100}`, change(n))),
      autosaveDocPerS: await rate((n) =>
        db.query({
          name: "patch",
          text: "update docs set answers = answers || $1::jsonb, updated_at = $2 where id = $3",
          values: [JSON.stringify(change(n)), new Date().toISOString(), `s${n % 100}`],
        }),
      ),
    };
    await db.query("truncate answers, docs");
    for (let i = 0; i < respondents; i += 200) {
      await db.query("begin");
      for (let j = i; j < Math.min(respondents, i + 200); j++) {
        await submitRows(`r${j}`, sets[j % 32]!);
        await submitDoc(`r${j}`, sets[j % 32]!);
      }
      await db.query("commit");
    }
    await db.query("vacuum analyze answers");
    await db.query("vacuum analyze docs");
    const size = async (t: string) => Number((await db.query(`select pg_total_relation_size('${t}') as b`)).rows[0].b);
    return {
      ...out,
      aggregateRowsMs: await best(() =>
        db.query("select item_key, count(*), avg(numeric) from answers group by item_key"),
      ),
      aggregateDocMs: await best(() =>
        db.query(
          "select j.key, count(*), avg(case when jsonb_typeof(j.value) = 'number' then (j.value)::text::double precision end) from docs, jsonb_each(docs.answers) j group by j.key",
        ),
      ),
      storedRowsMb: Math.round((await size("answers")) / 2 ** 20),
      storedDocMb: Math.round((await size("docs")) / 2 ** 20),
    };
  } finally {
    await db.end();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

const results: Record<string, unknown> = { respondents, seconds: SECONDS, sqlite: await sqlite() };
const url = process.env.DATABASE_URL;
if (url && /^postgres(ql)?:\/\//.test(url)) results.postgres = await postgres(url);
console.log(JSON.stringify(results, null, 2));
