import { canonicalProgramme } from "../programme/canonical.js";
import { diffProgrammes, type ProgrammeDiff } from "../programme/diff.js";
import type { Conference, Programme, Session, Speaker } from "../programme/model.js";
import type { Db } from "./db.js";
import { writeTransaction } from "./db.js";

/** Reads the programme currently stored, in file order; undefined when none was ever loaded. */
export function readProgramme(db: Db): Programme | undefined {
  const conf = db.prepare("SELECT data FROM conference WHERE id = 1").get() as { data: string } | undefined;
  if (!conf) return undefined;
  const sessions = db.prepare("SELECT data FROM sessions WHERE removed = 0 ORDER BY position").all() as {
    data: string;
  }[];
  const speakers = db.prepare("SELECT data FROM speakers WHERE removed = 0 ORDER BY position").all() as {
    data: string;
  }[];
  return {
    conference: JSON.parse(conf.data) as Conference,
    sessions: sessions.map((r) => JSON.parse(r.data) as Session),
    speakers: speakers.map((r) => JSON.parse(r.data) as Speaker),
  };
}

/** The short integer keys of sessions and speakers that buttons carry instead of ids (removed rows included). */
export interface ProgrammeKeys {
  sessions: Map<string, number>;
  speakers: Map<string, number>;
}

/** Reads the short keys of every session and speaker ever stored. */
export function readKeys(db: Db): ProgrammeKeys {
  const rows = (table: "sessions" | "speakers") =>
    new Map(
      (db.prepare(`SELECT id, key FROM ${table}`).all() as { id: string; key: number }[]).map((r) => [
        r.id,
        r.key,
      ]),
    );
  return { sessions: rows("sessions"), speakers: rows("speakers") };
}

/**
 * Replaces the stored programme with `programme` in one transaction and returns what changed.
 * Rows of sessions and speakers that disappear are kept, marked removed, so references to them survive.
 * Called inside a caller's transaction it joins it (a savepoint), so notices can be queued atomically. It takes
 * the write lock first (BEGIN IMMEDIATE): a second loader (the CLI beside the bot) waits instead of failing.
 */
export function loadProgramme(db: Db, programme: Programme, now: number = Date.now()): ProgrammeDiff {
  const next = canonicalProgramme(programme);
  return writeTransaction(db, () => {
    const diff = diffProgrammes(readProgramme(db), next);
    db.prepare(
      "INSERT INTO conference (id, data, loaded_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, loaded_at = excluded.loaded_at",
    ).run(JSON.stringify(next.conference), now);
    db.prepare("UPDATE sessions SET removed = 1").run();
    db.prepare("UPDATE speakers SET removed = 1").run();
    const upsertSession = db.prepare(`
      INSERT INTO sessions (id, key, position, kind, start_at, end_at, room, cancelled, removed, data)
      VALUES (@id, (SELECT coalesce(max(key), 0) + 1 FROM sessions), @position, @kind, @start, @end, @room, @cancelled, 0, @data)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, kind = excluded.kind, start_at = excluded.start_at,
        end_at = excluded.end_at, room = excluded.room, cancelled = excluded.cancelled, removed = 0, data = excluded.data`);
    for (const [position, s] of next.sessions.entries()) {
      upsertSession.run({
        id: s.id,
        position,
        kind: s.kind,
        start: Date.parse(s.start),
        end: Date.parse(s.end),
        room: s.room ?? null,
        cancelled: s.cancelled ? 1 : 0,
        data: JSON.stringify(s),
      });
    }
    const upsertSpeaker = db.prepare(`
      INSERT INTO speakers (id, key, position, data, removed)
      VALUES (?, (SELECT coalesce(max(key), 0) + 1 FROM speakers), ?, ?, 0)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = excluded.data, removed = 0`);
    for (const [position, s] of next.speakers.entries()) upsertSpeaker.run(s.id, position, JSON.stringify(s));
    return diff;
  });
}
