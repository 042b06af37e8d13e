import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { loadProgramme, readProgramme } from "../../src/store/programme-store.js";
import { subscribe } from "../../src/store/subscriptions.js";
import { touchUser } from "../../src/store/users.js";
import { smallProgramme } from "../support/programme-fixture.js";
import { tempDir } from "../support/tmp.js";

describe("migrations", () => {
  it("builds the latest schema from an empty file, with WAL and foreign keys on", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["sessions", "speakers", "users", "subscriptions"]),
    );
    db.close();
  });

  it("upgrades every previous version in place, keeping the data", () => {
    for (let version = 1; version < MIGRATIONS.length; version++) {
      const file = join(tempDir(), `v${version}.sqlite`);
      const old = new Database(file);
      old.pragma("foreign_keys = ON");
      migrate(old, MIGRATIONS.slice(0, version));
      loadProgramme(old, smallProgramme(), 1);
      touchUser(old, { id: 7, chatId: 7, firstName: "Ann" }, 1);
      subscribe(old, 7, "caching", 1);
      old.close();

      const db = openDatabase(file);
      expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
      expect(readProgramme(db)?.sessions.map((s) => s.id)).toEqual([
        "async-io",
        "caching",
        "testing-workshop",
      ]);
      expect(db.prepare("SELECT session_id FROM subscriptions WHERE user_id = 7").all()).toEqual([
        { session_id: "caching" },
      ]);
      db.close();
    }
  });

  it("is a no-op when the schema is current, and refuses a file from a newer confbot", () => {
    const file = join(tempDir(), "b.sqlite");
    openDatabase(file).close();
    const db = new Database(file);
    expect(migrate(db, MIGRATIONS)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer than this confbot/);
    db.close();
  });
});
