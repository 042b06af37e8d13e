import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../../test/support/programme-fixture.js";
import { tempDir } from "../../../test/support/tmp.js";
import { qualifyProgramme } from "../../programme/qualify.js";
import { ProgrammeService } from "../../programme/service.js";
import { feedOwner } from "../calendar-feeds.js";
import { storedConferences } from "../conferences.js";
import { openDatabase } from "../db.js";
import { readSourceState } from "../programme-source.js";
import { loadProgramme, readKeys, readProgramme } from "../programme-store.js";
import { currentVersion, latestVersion } from "../programme-versions.js";
import { readIndexSnapshot } from "../search-index.js";
import { followState, subscriptionsOf } from "../subscriptions.js";
import { MIGRATIONS } from "./index.js";

/**
 * test/fixtures/main-747202f.sqlite was made by main's own code at commit 747202f (schema version 12): PyCon
 * Russia 2013 committed through the programme service from data/pycon-ru-2013.yaml, five users (one with
 * Russian chosen, one with a 30-minute lead), five follows (one with its reminder muted), two reminders
 * queued by the planner, one change notice (a session moved ten minutes), a broadcast to everyone, two
 * calendar feeds and a search index snapshot.
 */
const FIXTURE = join(import.meta.dirname, "../../../test/fixtures/main-747202f.sqlite");

function migratedCopy() {
  const file = join(tempDir(), "old.sqlite");
  copyFileSync(FIXTURE, file);
  return openDatabase(file);
}

describe("migration 14: conferences", () => {
  it("keeps everything of a database made by the single-conference main: its programme becomes conference main", () => {
    const db = migratedCopy();
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(storedConferences(db)).toEqual([expect.objectContaining({ id: "main", prefix: "" })]);
    const programme = readProgramme(db, "main");
    expect(programme?.conference.name).toEqual({ en: "PyCon Russia 2013", ru: "PyCon Russia 2013" });
    expect(programme?.sessions).toHaveLength(
      (db.prepare("SELECT count(*) AS n FROM sessions WHERE removed = 0").get() as { n: number }).n,
    );
    // Every session and speaker is the conference's, with its key.
    expect(db.prepare("SELECT DISTINCT conference_id FROM sessions").all()).toEqual([
      { conference_id: "main" },
    ]);
    expect(db.prepare("SELECT DISTINCT conference_id FROM speakers").all()).toEqual([
      { conference_id: "main" },
    ]);
    expect(readKeys(db, "main").sessions.size).toBe(programme?.sessions.length);
    // Follows, muted ones included; users untouched, on the default conference, hearing series news.
    expect(subscriptionsOf(db, 1001).sort()).toEqual(["advanced-flask-patterns", "django-roadmap"]);
    expect(followState(db, 1004, "reinventing-python-packaging-testing")).toBe("muted");
    expect(
      db
        .prepare("SELECT id, language, reminder_minutes, conference, series_news FROM users ORDER BY id")
        .all(),
    ).toEqual([
      { id: 1001, language: null, reminder_minutes: null, conference: null, series_news: 1 },
      { id: 1002, language: "ru", reminder_minutes: null, conference: null, series_news: 1 },
      { id: 1003, language: null, reminder_minutes: 30, conference: null, series_news: 1 },
      { id: 1004, language: null, reminder_minutes: null, conference: null, series_news: 1 },
      { id: 1005, language: null, reminder_minutes: null, conference: null, series_news: 1 },
    ]);
    // The outbox as it was: reminders, the notice and the broadcast still pending.
    expect(
      db
        .prepare(
          "SELECT kind, count(*) AS n FROM outbox WHERE status = 'pending' GROUP BY kind ORDER BY kind",
        )
        .all(),
    ).toEqual([
      { kind: "broadcast", n: 5 },
      { kind: "notice", n: 1 },
      { kind: "reminder", n: 2 },
    ]);
    const token = (
      db.prepare("SELECT token FROM calendar_feeds WHERE user_id = 1001").get() as { token: string }
    ).token;
    expect(feedOwner(db, token)).toBe(1001);
    // Versions, the file they came from, and the snapshot are the conference's.
    expect(currentVersion(db, "main")).toBe(2);
    expect(latestVersion(db, "main")?.origin).toBe("move");
    expect(readIndexSnapshot(db, "old-key", "main")).toEqual(Buffer.from([1, 2, 3]));
    expect(readSourceState(db, "https://example.org/x", "main").lastFetchAt).toBeNull();
    db.close();
  });

  it("serves the migrated conference on restart without reloading it, and adds a second beside it with its ids qualified", () => {
    const db = migratedCopy();
    const service = new ProgrammeService({
      db,
      clock: () => Date.parse("2013-02-20T10:00:00Z"),
      defaultMinutes: 10,
    });
    expect(service.conference).toBe("main");
    expect(service.version).toBe(2);
    expect(service.storedFrom("data/pycon-ru-2013.yaml", latestVersion(db, "main")?.contentHash ?? "")).toBe(
      undefined,
    );
    const first = db
      .prepare("SELECT source, content_hash FROM programme_versions WHERE version = 1")
      .get() as {
      source: string;
      content_hash: string;
    };
    expect(first.source).toBe("data/pycon-ru-2013.yaml");

    // A second conference whose source reuses the same ids: its rows are its own, nothing of main changes.
    const before = readProgramme(db, "main");
    const other = new ProgrammeService({
      db,
      clock: () => 1,
      defaultMinutes: 10,
      conference: "pycon-ru-2014",
    });
    const p = smallProgramme();
    const sameIds = {
      ...p,
      sessions: p.sessions.map((s, i) => ({ ...s, id: before?.sessions[i]?.id ?? s.id })),
    };
    const outcome = other.commit(other.prepare(sameIds), { origin: "startup" });
    expect(outcome.ok).toBe(true);
    expect(other.prefix).toBe("pycon-ru-2014:");
    expect(readProgramme(db, "pycon-ru-2014")?.sessions.map((s) => s.id)).toEqual(
      sameIds.sessions.map((s) => `pycon-ru-2014:${s.id}`),
    );
    expect(readProgramme(db, "main")).toEqual(before);
    expect(currentVersion(db, "main")).toBe(2);
    expect(currentVersion(db, "pycon-ru-2014")).toBe(3);
    // Keys stay unique across conferences.
    const keys = [
      ...readKeys(db, "main").sessions.values(),
      ...readKeys(db, "pycon-ru-2014").sessions.values(),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    db.close();
  });

  it("never lets one conference's load take over another's rows", () => {
    const db = openDatabase(join(tempDir(), "clash.sqlite"));
    loadProgramme(db, smallProgramme(), 1, "a");
    // b's programme with its ids qualified as b's prefix makes them, then the same stored as a's.
    const b = qualifyProgramme(smallProgramme(), "b:");
    loadProgramme(db, b, 2, "b");
    expect(() => loadProgramme(db, b, 3, "a")).toThrow(/belongs to another conference/);
    expect(readProgramme(db, "b")?.sessions.map((s) => s.id)).toEqual(b.sessions.map((s) => s.id));
    expect(readProgramme(db, "a")?.sessions.map((s) => s.id)).toEqual(
      smallProgramme().sessions.map((s) => s.id),
    );
    db.close();
  });
});
