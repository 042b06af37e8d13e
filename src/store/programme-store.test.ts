import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import type { Programme } from "../programme/model.js";
import { openDatabase } from "./db.js";
import { loadProgramme, readKeys, readProgramme } from "./programme-store.js";
import { subscribe, subscriptionsOf } from "./subscriptions.js";
import { touchUser } from "./users.js";

function edited(edit: (p: Programme) => void): Programme {
  const p = smallProgramme();
  edit(p);
  return p;
}

describe("loadProgramme", () => {
  it("stores a programme and reads it back in canonical form; the first load adds everything", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const diff = loadProgramme(db, smallProgramme());
    expect(diff.added.map((s) => s.id)).toEqual(["async-io", "caching", "testing-workshop"]);
    expect(diff.removed).toEqual([]);
    expect(readProgramme(db)).toEqual(smallProgramme());
    expect(loadProgramme(db, smallProgramme())).toEqual({ added: [], removed: [], changed: [] });
  });

  it("reports moved, renamed, cancelled, added and removed sessions by their stable ids", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    const next = edited((p) => {
      const [a, b, c] = p.sessions;
      if (!a || !b || !c) throw new Error("fixture");
      a.start = "2030-03-01T14:00:00+05:00";
      a.end = "2030-03-01T15:00:00+05:00";
      a.room = "hall-b";
      b.cancelled = true;
      p.sessions = [a, b, { ...c, id: "new-workshop", title: { en: "New", ru: "Новый" } }];
    });
    const diff = loadProgramme(db, next);
    expect(diff.added.map((s) => s.id)).toEqual(["new-workshop"]);
    expect(diff.removed.map((s) => s.id)).toEqual(["testing-workshop"]);
    expect(diff.changed.map((c) => [c.id, c.fields])).toEqual([
      ["async-io", ["start", "end", "room"]],
      ["caching", ["cancelled"]],
    ]);
    expect(diff.changed[0]?.before.start).toBe("2030-03-01T10:00:00+05:00");
    expect(diff.changed[0]?.after.room).toBe("hall-b");
    expect(readProgramme(db)?.sessions.map((s) => s.id)).toEqual(["async-io", "caching", "new-workshop"]);
  });

  it("keeps subscriptions across reloads, even to a session that disappears and comes back", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    touchUser(db, { id: 1, chatId: 1 }, 0);
    subscribe(db, 1, "testing-workshop", 0);
    subscribe(db, 1, "async-io", 0);
    loadProgramme(
      db,
      edited((p) => p.sessions.pop()),
    );
    expect(subscriptionsOf(db, 1).sort()).toEqual(["async-io", "testing-workshop"]);
    const back = loadProgramme(db, smallProgramme());
    expect(back.added.map((s) => s.id)).toEqual(["testing-workshop"]);
    expect(subscriptionsOf(db, 1).sort()).toEqual(["async-io", "testing-workshop"]);
  });

  it("writes times in the conference's timezone whatever offset the file used", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(
      db,
      edited((p) => {
        const s = p.sessions[0];
        if (s) s.start = "2030-03-01T05:00:00Z";
      }),
    );
    expect(readProgramme(db)?.sessions[0]?.start).toBe("2030-03-01T10:00:00+05:00");
  });

  it("changes nothing when the load fails half-way", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    const before = readProgramme(db);
    // An unparseable time (that validation would have caught) fails the third insert, after the conference
    // row and two sessions were written: the transaction must take all of it back.
    const broken = edited((p) => {
      p.conference.name = { en: "Renamed", ru: "Переименована" };
      const s = p.sessions[2];
      if (s) s.start = "next tuesday";
    });
    expect(() => loadProgramme(db, broken)).toThrow();
    expect(readProgramme(db)).toEqual(before);
  });

  it("gives each session and speaker a short key that stays theirs through removal and return", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    const first = readKeys(db);
    expect([...first.sessions.values()].sort()).toEqual([1, 2, 3]);
    const without = edited((p) => {
      p.sessions = p.sessions.filter((s) => s.id !== "caching");
      p.sessions.push({
        ...(p.sessions[0] as Programme["sessions"][0]),
        id: "guid:6f1c2f8e-5b7a-4d7e",
        room: "hall-b",
      });
    });
    loadProgramme(db, without);
    const second = readKeys(db);
    expect(second.sessions.get("caching")).toBe(first.sessions.get("caching"));
    expect(second.sessions.get("guid:6f1c2f8e-5b7a-4d7e")).toBe(4);
    loadProgramme(db, smallProgramme());
    expect(readKeys(db).sessions.get("caching")).toBe(first.sessions.get("caching"));
    expect(readKeys(db).speakers).toEqual(first.speakers);
  });
});
