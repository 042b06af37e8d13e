import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { planReminders } from "../delivery/planner.js";
import type { Programme } from "../programme/model.js";
import { openDatabase } from "./db.js";
import { migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";
import { loadProgramme, readKeys, readProgramme } from "./programme-store.js";
import { subscribe } from "./subscriptions.js";
import { touchUser } from "./users.js";

/** Stores a programme the way version 1's code did: only the columns that version had. */
function storeAsVersion1(db: Database.Database, p: Programme): void {
  db.prepare("INSERT INTO conference (id, data, loaded_at) VALUES (1, ?, 1)").run(
    JSON.stringify(p.conference),
  );
  const session = db.prepare(
    "INSERT INTO sessions (id, position, kind, start_at, end_at, room, cancelled, data) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
  );
  for (const [i, s] of p.sessions.entries())
    session.run(s.id, i, s.kind, Date.parse(s.start), Date.parse(s.end), s.room ?? null, JSON.stringify(s));
  const speaker = db.prepare("INSERT INTO speakers (id, position, data) VALUES (?, ?, ?)");
  for (const [i, s] of p.speakers.entries()) speaker.run(s.id, i, JSON.stringify(s));
}

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
      expect.arrayContaining([
        "sessions",
        "speakers",
        "users",
        "subscriptions",
        "outbox",
        "broadcasts",
        "audit_log",
        "conversations",
        "search_pages",
      ]),
    );
    db.close();
  });

  it("upgrades every previous version in place, keeping the data", () => {
    for (let version = 1; version < MIGRATIONS.length; version++) {
      const file = join(tempDir(), `v${version}.sqlite`);
      const old = new Database(file);
      old.pragma("foreign_keys = ON");
      // The data as version 1 stored it, then brought up to `version`: a file that lived through them.
      migrate(old, MIGRATIONS.slice(0, 1));
      storeAsVersion1(old, smallProgramme());
      touchUser(old, { id: 7, chatId: 7, firstName: "Ann" }, 1);
      subscribe(old, 7, "caching", 1);
      migrate(old, MIGRATIONS.slice(0, version));
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
      // Every session and speaker has a short key, distinct, and a new load keeps them (rows written the
      // version-1 way into a schema that already has keys get none: only files from before it are real).
      if (version < 6) {
        const keys = readKeys(db);
        expect(new Set(keys.sessions.values()).size).toBe(3);
        expect(new Set(keys.speakers.values()).size).toBe(2);
        loadProgramme(db, smallProgramme(), 2);
        expect(readKeys(db)).toEqual(keys);
      }
      // Subscriptions from before the Mini App keep their reminders on.
      expect(db.prepare("SELECT remind FROM subscriptions WHERE user_id = 7").get()).toEqual({ remind: 1 });
      // The newest tables are there, empty, whichever version the file came from.
      for (const table of ["conversations", "search_pages", "calendar_feeds"])
        expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
      db.close();
    }
  });

  it("adds the outbox (version 2) to a version 1 file with users and subscriptions, ready for reminders", () => {
    const file = join(tempDir(), "v1-outbox.sqlite");
    const old = new Database(file);
    old.pragma("foreign_keys = ON");
    migrate(old, MIGRATIONS.slice(0, 1));
    storeAsVersion1(old, smallProgramme());
    touchUser(old, { id: 7, chatId: 70, firstName: "Ann" }, 1);
    touchUser(old, { id: 8, chatId: 80, firstName: "Bob" }, 1);
    subscribe(old, 7, "caching", 1);
    subscribe(old, 8, "caching", 1);
    old.close();

    const db = openDatabase(file);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(["outbox_due", "subscriptions_by_session_user", "sessions_live_by_start"]),
    );
    const start = Date.parse("2030-03-01T10:00:00+05:00");
    expect(planReminders(db, { now: start - 10 * 60_000, defaultMinutes: 10 }).enqueued).toBe(2);
    expect(db.prepare("SELECT user_id, chat_id, status FROM outbox ORDER BY user_id").all()).toEqual([
      { user_id: 7, chat_id: 70, status: "pending" },
      { user_id: 8, chat_id: 80, status: "pending" },
    ]);
    db.close();
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
