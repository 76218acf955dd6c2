import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../app/crypto.server";
import {
  createAdministrator,
  createUser,
  findUsablePasswordReset,
  issuePasswordReset,
  resetPassword,
} from "../../app/models/user.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

describe.each(DIALECTS)("accounts on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });
  const userByEmail = (email: string) =>
    t.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();

  it("never makes the first account an administrator; npm run admin does, explicitly", async () => {
    await createUser(t.db, {
      email: "first@example.org",
      name: "First",
      passwordHash: await hashPassword("copper lantern orbit meadow"),
    });
    expect((await userByEmail("first@example.org")).is_admin).toBe(0);

    // An existing account is promoted, its password untouched.
    const before = (await userByEmail("first@example.org")).password_hash;
    expect(await createAdministrator(t.db, { email: "First@example.org", hours: 24 })).toEqual({ status: "promoted" });
    expect(await userByEmail("first@example.org")).toMatchObject({ is_admin: 1, password_hash: before });

    // A new one gets no usable password, only a one-time link to choose one.
    const created = await createAdministrator(t.db, { email: "admin@example.org", hours: 24 });
    expect(created.status).toBe("created");
    const admin = await userByEmail("admin@example.org");
    expect(admin.is_admin).toBe(1);
    expect(await verifyPassword("unset", admin.password_hash)).toBe(false);
    const token = created.status === "created" ? created.resetToken : "";
    expect((await findUsablePasswordReset(t.db, token))?.user_id).toBe(admin.id);
  });

  it("uses a reset token once when two requests race, and the newer link kills the older", async () => {
    const created = await createUser(t.db, {
      email: "r@example.org",
      name: "R",
      passwordHash: await hashPassword("copper lantern orbit meadow"),
    });
    const older = (await issuePasswordReset(t.db, { userId: created!.id, issuedBy: created!.id, hours: 1 }))!.token;
    const newer = (await issuePasswordReset(t.db, { userId: created!.id, issuedBy: created!.id, hours: 1 }))!.token;
    expect(await findUsablePasswordReset(t.db, older)).toBeUndefined();
    const outcomes = await Promise.all([
      resetPassword(t.db, { token: newer, passwordHash: await hashPassword("violet harbour kettle one") }),
      resetPassword(t.db, { token: newer, passwordHash: await hashPassword("amber tractor puzzle two") }),
    ]);
    expect(outcomes.filter((o) => o !== null)).toEqual([{ userId: created!.id }]);
    expect(
      await resetPassword(t.db, { token: older, passwordHash: await hashPassword("granite whistle comet three") }),
    ).toBeNull();
  });
});
