import { describe, expect, it } from "vitest";
import { createHarness, testUser } from "../../../test/support/bot-harness.js";
import { getUser } from "../../store/users.js";

describe("attaching the user to an update", () => {
  it("writes the user's record only when the update says something new about them", async () => {
    const h = createHarness();
    const db = h.deps.db;
    db.exec(`CREATE TEMP TABLE user_writes (n INTEGER);
      CREATE TEMP TRIGGER user_inserted AFTER INSERT ON users BEGIN INSERT INTO user_writes VALUES (1); END;
      CREATE TEMP TRIGGER user_updated AFTER UPDATE ON users BEGIN INSERT INTO user_writes VALUES (1); END;`);
    const writes = () => (db.prepare("SELECT COUNT(*) AS n FROM user_writes").get() as { n: number }).n;
    const ann = testUser("en", "Ann");
    await h.send(ann, "/help");
    expect(writes()).toBe(1);
    await h.send(ann, "/help");
    await h.send(ann, "/help");
    expect(writes()).toBe(1);
    // A new name (or language, or chat) is recorded.
    await h.send({ ...ann, first_name: "Anna" }, "/help");
    expect(writes()).toBe(2);
    expect(getUser(db, ann.id)?.firstName).toBe("Anna");
  });
});
