import { inTransaction, now, type Db } from "../db.server";
import { newId, randomToken, sha256 } from "../crypto.server";
import { audit } from "./partnership.server";

/** Every account, oldest first (the administrator's page). */
export function listUsers(db: Db) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "is_admin", "created_at"])
    .orderBy("created_at")
    .execute();
}

/** The account with this email (stored lower-case), password hash included, for signing in. */
export function findUserForSignIn(db: Db, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

/**
 * Creates an account, never an administrator: administrators are made explicitly
 * (`npm run admin -- create EMAIL`, `createAdministrator`), so the first visitor to a fresh or
 * public install administers nothing. Returns null when the email address is taken.
 */
export async function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string },
): Promise<{ id: string } | null> {
  const taken = await db.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
  if (taken) return null;
  const id = newId();
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto("users")
      .values({
        id,
        email: input.email,
        name: input.name,
        password_hash: input.passwordHash,
        is_admin: 0,
        created_at: now(),
      })
      .execute();
    await audit(trx, { userId: id, action: "user.signed_up" });
    return { id };
  });
}

/**
 * Makes `email` an administrator, from the command line. An existing account is promoted (its
 * password untouched); otherwise an account is created with no usable password and a one-time
 * link (valid `hours`) to choose one is returned: the only way in is that link.
 */
export async function createAdministrator(
  db: Db,
  input: { email: string; hours: number },
): Promise<{ status: "promoted" } | { status: "created"; resetToken: string }> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) {
    await db.updateTable("users").set({ is_admin: 1 }).where("id", "=", existing.id).execute();
    await audit(db, { userId: existing.id, action: "user.made_admin", detail: email });
    return { status: "promoted" };
  }
  const id = newId();
  await db
    .insertInto("users")
    .values({ id, email, name: email, password_hash: "unset", is_admin: 1, created_at: now() })
    .execute();
  await audit(db, { userId: id, action: "user.created_as_admin", detail: email });
  const issued = await issuePasswordReset(db, { userId: id, issuedBy: id, hours: input.hours });
  return { status: "created", resetToken: issued!.token };
}

/**
 * A one-time password reset for a user, valid `hours`; returns the token (the database keeps
 * its hash) and the user's email, or null when there is no such user.
 */
export async function issuePasswordReset(
  db: Db,
  input: { userId: string; issuedBy: string; hours: number },
): Promise<{ token: string; email: string } | null> {
  const user = await db.selectFrom("users").select(["id", "email"]).where("id", "=", input.userId).executeTakeFirst();
  if (!user) return null;
  const token = randomToken();
  // A new link replaces any earlier one still unused.
  await db
    .updateTable("password_resets")
    .set({ used_at: now() })
    .where("user_id", "=", user.id)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("password_resets")
    .values({
      id: sha256(token),
      user_id: user.id,
      created_at: now(),
      expires_at: new Date(Date.now() + input.hours * 3600_000).toISOString(),
      used_at: null,
    })
    .execute();
  await audit(db, { userId: input.issuedBy, action: "user.reset_link_issued", detail: user.email });
  return { token, email: user.email };
}

/** A reset token that is known, unused and unexpired, or undefined. */
export async function findUsablePasswordReset(db: Db, token: string) {
  const reset = await db.selectFrom("password_resets").selectAll().where("id", "=", sha256(token)).executeTakeFirst();
  return reset && !reset.used_at && reset.expires_at >= now() ? reset : undefined;
}

/**
 * Uses a reset token and sets the new password, atomically: the one UPDATE that marks the
 * token used succeeds only while it is unused and unexpired, so two requests racing with the
 * same token cannot both succeed. Every other unused link of the user dies with it, and every
 * session of the user is signed out. Returns the user's id, or null when the token was not
 * usable (unknown, used, replaced or expired): nothing is changed then.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; passwordHash: string },
): Promise<{ userId: string } | null> {
  return inTransaction(db, async (trx) => {
    const id = sha256(input.token);
    const at = now();
    const taken = await trx
      .updateTable("password_resets")
      .set({ used_at: at })
      .where("id", "=", id)
      .where("used_at", "is", null)
      .where("expires_at", ">=", at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return null;
    const { user_id: userId } = await trx
      .selectFrom("password_resets")
      .select("user_id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("password_resets")
      .set({ used_at: at })
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .execute();
    await trx.updateTable("users").set({ password_hash: input.passwordHash }).where("id", "=", userId).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await audit(trx, { userId, action: "user.password_reset" });
    return { userId };
  });
}
