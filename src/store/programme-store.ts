import { canonicalProgramme } from "../programme/canonical.js";
import { diffProgrammes, type ProgrammeDiff } from "../programme/diff.js";
import type { Conference, Programme, Session, Speaker } from "../programme/model.js";
import { registerConference, SOLE_CONFERENCE } from "./conferences.js";
import type { Db } from "./db.js";
import { writeTransaction } from "./db.js";

/**
 * Reads the programme of `conference` currently stored, in file order (ids qualified by the conference's
 * prefix, as stored); undefined when none was ever loaded.
 */
export function readProgramme(db: Db, conference: string = SOLE_CONFERENCE): Programme | undefined {
  const conf = db.prepare("SELECT data FROM conferences WHERE id = ?").get(conference) as
    | { data: string | null }
    | undefined;
  if (!conf?.data) return undefined;
  const sessions = db
    .prepare("SELECT data FROM sessions WHERE conference_id = ? AND removed = 0 ORDER BY position")
    .all(conference) as { data: string }[];
  const speakers = db
    .prepare("SELECT data FROM speakers WHERE conference_id = ? AND removed = 0 ORDER BY position")
    .all(conference) as { data: string }[];
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

/** Reads the short keys of every session and speaker of `conference` ever stored (keys are unique across conferences). */
export function readKeys(db: Db, conference: string = SOLE_CONFERENCE): ProgrammeKeys {
  const rows = (table: "sessions" | "speakers") =>
    new Map(
      (
        db.prepare(`SELECT id, key FROM ${table} WHERE conference_id = ?`).all(conference) as {
          id: string;
          key: number;
        }[]
      ).map((r) => [r.id, r.key]),
    );
  return { sessions: rows("sessions"), speakers: rows("speakers") };
}

/** A row of one conference whose id another conference's row already has (a qualified id can only clash so). */
export class ConferenceIdClash extends Error {
  override name = "ConferenceIdClash";
}

/**
 * Replaces the stored programme of `conference` with `programme` (ids already qualified by the conference's
 * prefix: src/programme/qualify.ts) in one transaction and returns what changed.
 * Rows of sessions and speakers that disappear are kept, marked removed, so references to them survive.
 * Called inside a caller's transaction it joins it (a savepoint), so notices can be queued atomically. It takes
 * the write lock first (BEGIN IMMEDIATE): a second loader (the CLI beside the bot) waits instead of failing.
 */
export function loadProgramme(
  db: Db,
  programme: Programme,
  now: number = Date.now(),
  conference: string = SOLE_CONFERENCE,
): ProgrammeDiff {
  const next = canonicalProgramme(programme);
  return writeTransaction(db, () => {
    registerConference(db, conference, now);
    const diff = diffProgrammes(readProgramme(db, conference), next);
    db.prepare("UPDATE conferences SET data = ?, loaded_at = ? WHERE id = ?").run(
      JSON.stringify(next.conference),
      now,
      conference,
    );
    db.prepare("UPDATE sessions SET removed = 1 WHERE conference_id = ?").run(conference);
    db.prepare("UPDATE speakers SET removed = 1 WHERE conference_id = ?").run(conference);
    // An id stored for another conference is never taken over: the upsert changes nothing and the load fails.
    const upsertSession = db.prepare(`
      INSERT INTO sessions (id, conference_id, key, position, kind, start_at, end_at, room, cancelled, removed, data)
      VALUES (@id, @conference, (SELECT coalesce(max(key), 0) + 1 FROM sessions), @position, @kind, @start, @end, @room, @cancelled, 0, @data)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, kind = excluded.kind, start_at = excluded.start_at,
        end_at = excluded.end_at, room = excluded.room, cancelled = excluded.cancelled, removed = 0, data = excluded.data
      WHERE sessions.conference_id = excluded.conference_id`);
    const clash = (what: string, id: string) =>
      new ConferenceIdClash(`conference ${conference}: ${what} id ${id} belongs to another conference`);
    for (const [position, s] of next.sessions.entries()) {
      const { changes } = upsertSession.run({
        conference,
        id: s.id,
        position,
        kind: s.kind,
        start: Date.parse(s.start),
        end: Date.parse(s.end),
        room: s.room ?? null,
        cancelled: s.cancelled ? 1 : 0,
        data: JSON.stringify(s),
      });
      if (changes === 0) throw clash("session", s.id);
    }
    const upsertSpeaker = db.prepare(`
      INSERT INTO speakers (id, conference_id, key, position, data, removed)
      VALUES (?, ?, (SELECT coalesce(max(key), 0) + 1 FROM speakers), ?, ?, 0)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = excluded.data, removed = 0
      WHERE speakers.conference_id = excluded.conference_id`);
    for (const [position, s] of next.speakers.entries())
      if (upsertSpeaker.run(s.id, conference, position, JSON.stringify(s)).changes === 0)
        throw clash("speaker", s.id);
    return diff;
  });
}
