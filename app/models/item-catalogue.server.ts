import { inTransaction, type Db } from "../db.server";
import { readScoredItems } from "../domain/instrument";
import { SURVEYS } from "./questionnaire.server";

export interface CatalogueRow {
  item_key: string;
  questionnaire: "professional" | "family";
  component: string;
  level: string;
  polarity: "facilitator" | "barrier";
  short_form: number;
}

/** The catalogue as the questionnaire files define it now: every scored item and its tags. */
export function catalogueFromSurveys(): CatalogueRow[] {
  const rows = new Map<string, CatalogueRow>();
  for (const questionnaire of ["professional", "family"] as const) {
    for (const item of readScoredItems(SURVEYS[questionnaire])) {
      if (rows.has(item.key)) throw new Error(`Item ${item.key} is in more than one questionnaire`);
      rows.set(item.key, {
        item_key: item.key,
        questionnaire,
        component: item.component,
        level: item.level,
        polarity: item.polarity,
        short_form: item.shortForm ? 1 : 0,
      });
    }
  }
  return [...rows.values()];
}

const synced = new WeakSet<object>();

/**
 * Brings the item_catalogue table in line with the questionnaire files: inserts new items,
 * updates changed tags, deletes items no longer asked (a stale row would change a component's
 * item count, and so the half rule, in the SQL aggregates). Idempotent; writes nothing when
 * the table already matches. Called from getDb() after the migrations, and by the comparison
 * model before it queries (once per database handle), so tests and scripts cannot forget it.
 *
 * @example
 * await syncItemCatalogue(db); // { inserted: 91+, updated: 0, deleted: 0 } on a new database
 */
export async function syncItemCatalogue(db: Db): Promise<{ inserted: number; updated: number; deleted: number }> {
  const wanted = catalogueFromSurveys();
  const current = new Map((await db.selectFrom("item_catalogue").selectAll().execute()).map((r) => [r.item_key, r]));
  const changed = wanted.filter((w) => {
    const c = current.get(w.item_key);
    return (
      !c ||
      c.questionnaire !== w.questionnaire ||
      c.component !== w.component ||
      c.level !== w.level ||
      c.polarity !== w.polarity ||
      Number(c.short_form) !== w.short_form
    );
  });
  const keep = new Set(wanted.map((w) => w.item_key));
  const stale = [...current.keys()].filter((k) => !keep.has(k));
  if (changed.length || stale.length) {
    const write = async (trx: Db) => {
      if (stale.length) await trx.deleteFrom("item_catalogue").where("item_key", "in", stale).execute();
      if (changed.length) {
        await trx
          .insertInto("item_catalogue")
          .values(changed)
          .onConflict((oc) =>
            oc.column("item_key").doUpdateSet((eb) => ({
              questionnaire: eb.ref("excluded.questionnaire"),
              component: eb.ref("excluded.component"),
              level: eb.ref("excluded.level"),
              polarity: eb.ref("excluded.polarity"),
              short_form: eb.ref("excluded.short_form"),
            })),
          )
          .execute();
      }
    };
    await inTransaction(db, write);
  }
  synced.add(db);
  const inserted = changed.filter((c) => !current.has(c.item_key)).length;
  return { inserted, updated: changed.length - inserted, deleted: stale.length };
}

/** syncItemCatalogue, once per database handle. */
export async function ensureItemCatalogue(db: Db): Promise<void> {
  if (!synced.has(db)) await syncItemCatalogue(db);
}
