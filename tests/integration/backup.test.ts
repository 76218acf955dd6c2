import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupSqlite, restoreSqlite } from "../../app/backup.server";
import { migrateToLatest, openDatabase } from "../../app/db.server";
import { seedDemo } from "../../app/models/demo.server";
import { listInvitations } from "../../app/models/round.server";
import { saveResponse } from "../../app/models/response.server";

describe("backup and restore of the SQLite database", () => {
  it("copies a database while it is being written to, and a restored copy holds every response", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-backup-"));
    const live = path.join(dir, "app.db");
    const db = openDatabase(`file:${live}`);
    await migrateToLatest(db);
    const { partnershipId } = await seedDemo(db);
    const round = await db
      .selectFrom("rounds")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .executeTakeFirstOrThrow();
    const invitation = (await listInvitations(db, round.id))[0]!;
    const submit = (i: number) =>
      saveResponse(db, {
        invitation,
        existing: null,
        answers: { respondent_level: "team", respondent_agency_type: "health", vision__x: (i % 5) + 1 },
        currentPage: 0,
        submit: true,
      });

    for (let i = 0; i < 50; i++) await submit(i);
    // Writers keep going while the backup runs: the copy is one consistent point in time.
    const writing = (async () => {
      for (let i = 50; i < 100; i++) await submit(i);
    })();
    const copy = path.join(dir, "backup.db");
    await backupSqlite(live, copy);
    await writing;

    const copied = openDatabase(`file:${copy}`);
    const inCopy = await copied.selectFrom("responses").select("id").execute();
    expect(inCopy.length).toBeGreaterThanOrEqual(50);
    // Every response in the copy is whole: it has its answers.
    for (const r of inCopy) {
      const answers = await copied.selectFrom("answers").select("item_key").where("response_id", "=", r.id).execute();
      expect(answers.map((a) => a.item_key).sort()).toEqual([
        "respondent_agency_type",
        "respondent_level",
        "vision__x",
      ]);
    }
    await copied.destroy();

    // A full backup after the writes, then restore over a damaged live database.
    const full = path.join(dir, "full.db");
    await backupSqlite(live, full);
    const before = await db.selectFrom("responses").select("id").orderBy("id").execute();
    await db.destroy();
    fs.writeFileSync(live, "not a database");
    await restoreSqlite(full, live);
    const restored = openDatabase(`file:${live}`);
    const after = await restored.selectFrom("responses").select("id").orderBy("id").execute();
    expect(after).toEqual(before);
    expect(after).toHaveLength(100);
    await restored.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
