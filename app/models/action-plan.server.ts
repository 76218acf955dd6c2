import type { Db } from "../db.server";
import { now } from "../db.server";
import { newId } from "../crypto.server";
import type { ActionStatus } from "../../db/schema";
import type { ComponentKey } from "../domain/framework";

export interface ActionInput {
  component: ComponentKey;
  description: string;
  evidenceKey: string | null;
  owner: string;
  dueOn: string;
  status: ActionStatus;
}

/** The actions planned from a round, oldest first. */
export function listActionItems(db: Db, input: { partnershipId: string; roundId: string }) {
  return db
    .selectFrom("action_plan_items")
    .selectAll()
    .where("partnership_id", "=", input.partnershipId)
    .where("round_id", "=", input.roundId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function getActionItem(db: Db, input: { partnershipId: string; id: string }) {
  return db
    .selectFrom("action_plan_items")
    .selectAll()
    .where("partnership_id", "=", input.partnershipId)
    .where("id", "=", input.id)
    .executeTakeFirst();
}

export async function createActionItem(
  db: Db,
  input: { partnershipId: string; roundId: string; userId: string; action: ActionInput },
) {
  const id = newId();
  const at = now();
  await db
    .insertInto("action_plan_items")
    .values({
      id,
      partnership_id: input.partnershipId,
      round_id: input.roundId,
      component: input.action.component,
      description: input.action.description,
      evidence_key: input.action.evidenceKey,
      owner: input.action.owner,
      due_on: input.action.dueOn,
      status: input.action.status,
      created_by: input.userId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Updates an action of the partnership's round; returns false when there is no such action. */
export async function updateActionItem(
  db: Db,
  input: { partnershipId: string; roundId: string; id: string; action: ActionInput },
) {
  const result = await db
    .updateTable("action_plan_items")
    .set({
      component: input.action.component,
      description: input.action.description,
      evidence_key: input.action.evidenceKey,
      owner: input.action.owner,
      due_on: input.action.dueOn,
      status: input.action.status,
      updated_at: now(),
    })
    .where("partnership_id", "=", input.partnershipId)
    .where("round_id", "=", input.roundId)
    .where("id", "=", input.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteActionItem(db: Db, input: { partnershipId: string; roundId: string; id: string }) {
  const result = await db
    .deleteFrom("action_plan_items")
    .where("partnership_id", "=", input.partnershipId)
    .where("round_id", "=", input.roundId)
    .where("id", "=", input.id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
