import type { Kysely } from "kysely";

// Issue 19, the results page from its snapshot: a snapshot's `result_json` held, beside the
// result the pages show, every response id it was made from and every id the answers export
// may include (for 10,000 respondents ~760 KB of the ~925 KB), parsed on every page view.
// Those ids move to `ids_json` (read only by the joint plan of a later snapshot, the answers
// export and the lead's comments), and what the snapshot rule reads gets columns of its own:
// `published` (1 when the snapshot published figures, result.status "ok") and
// `by_questionnaire_json`, so that deciding whether a new snapshot may be made reads one small
// row instead of every earlier snapshot in full. Existing snapshots are rewritten one at a time.
// (Rows written without the new columns, as some tests and scripts/bench-national.ts insert
// them, are read as before: app/models/snapshot.server.ts falls back to result_json.)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("result_snapshots").addColumn("ids_json", "text").execute();
  await db.schema.alterTable("result_snapshots").addColumn("published", "integer").execute();
  await db.schema.alterTable("result_snapshots").addColumn("by_questionnaire_json", "text").execute();
  let after = "";
  for (;;) {
    const next = await db
      .selectFrom("result_snapshots")
      .select("id")
      .where("id", ">", after)
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    if (!next) break;
    after = next.id as string;
    const row = await db
      .selectFrom("result_snapshots")
      .select("result_json")
      .where("id", "=", after)
      .executeTakeFirstOrThrow();
    const { responseIds, exportable, ...rest } = JSON.parse(row.result_json as string) as {
      responseIds?: string[];
      exportable: { status: "ok"; ids?: string[] } | { status: "unavailable"; reason: string };
      result: { status: string };
      byQuestionnaire: Record<string, number>;
    };
    const exportableIds = exportable.status === "ok" ? (exportable.ids ?? []) : null;
    await db
      .updateTable("result_snapshots")
      .set({
        result_json: JSON.stringify({
          ...rest,
          exportable: exportable.status === "ok" ? { status: "ok", count: exportableIds!.length } : exportable,
        }),
        ids_json: JSON.stringify({ responseIds: responseIds ?? [], exportable: exportableIds }),
        published: rest.result.status === "ok" ? 1 : 0,
        by_questionnaire_json: JSON.stringify(rest.byQuestionnaire ?? {}),
      })
      .where("id", "=", after)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  let after = "";
  for (;;) {
    const row = await db
      .selectFrom("result_snapshots")
      .select(["id", "result_json", "ids_json"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    if (!row) break;
    after = row.id as string;
    if (!row.ids_json) continue;
    const ids = JSON.parse(row.ids_json as string) as { responseIds: string[]; exportable: string[] | null };
    const content = JSON.parse(row.result_json as string) as { exportable: { status: string } };
    await db
      .updateTable("result_snapshots")
      .set({
        result_json: JSON.stringify({
          ...content,
          responseIds: ids.responseIds,
          exportable:
            content.exportable.status === "ok" ? { status: "ok", ids: ids.exportable ?? [] } : content.exportable,
        }),
      })
      .where("id", "=", after)
      .execute();
  }
  for (const column of ["by_questionnaire_json", "published", "ids_json"])
    await db.schema.alterTable("result_snapshots").dropColumn(column).execute();
}
