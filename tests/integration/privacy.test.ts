import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

/**
 * The statement in docs/data-protection.md, checked: nothing that identifies a respondent is
 * stored. Respondents' rows have no name, email, IP address or device column, on any dialect.
 */
describe.each(DIALECTS)("what is stored about respondents, on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("has no identifying column in the respondents' tables", async () => {
    const tables = await t.db.introspection.getTables();
    const respondentTables = tables.filter((table) =>
      ["responses", "answers", "workshop_participants", "workshop_votes"].includes(table.name),
    );
    expect(respondentTables.map((table) => table.name)).toEqual(expect.arrayContaining(["responses", "answers"]));
    for (const table of respondentTables) {
      for (const column of table.columns) {
        expect(column.name, `${table.name}.${column.name}`).not.toMatch(
          /(^|_)(name|first_name|last_name|email|e_mail|ip|ip_address|address|user_agent|device|phone|postcode)(_|$)/i,
        );
      }
    }
  });

  it("keeps respondents' resume keys only as hashes", async () => {
    const responses = (await t.db.introspection.getTables()).find((table) => table.name === "responses")!;
    expect(responses.columns.map((c) => c.name)).toContain("resume_hash");
    expect(responses.columns.map((c) => c.name)).not.toContain("resume_token");
  });
});
