import type { IndexSnapshots } from "../search/index-cache.js";
import { SOLE_CONFERENCE } from "./conferences.js";
import { type Db, statement } from "./db.js";

/** The stored search index snapshot of `conference` when it was stored under `key`, else undefined. */
export function readIndexSnapshot(
  db: Db,
  key: string,
  conference: string = SOLE_CONFERENCE,
): Buffer | undefined {
  const row = statement<[string, string], { snapshot: Buffer }>(
    db,
    "SELECT snapshot FROM search_indexes WHERE conference_id = ? AND key = ?",
  ).get(conference, key);
  return row?.snapshot;
}

/**
 * Stores `conference`'s search index snapshot under `key`, replacing its one before (only the current one is
 * worth keeping).
 */
export function writeIndexSnapshot(
  db: Db,
  key: string,
  snapshot: Uint8Array,
  conference: string = SOLE_CONFERENCE,
): void {
  statement<[string, string, Uint8Array]>(
    db,
    `INSERT INTO search_indexes (conference_id, key, snapshot) VALUES (?, ?, ?)
     ON CONFLICT (conference_id) DO UPDATE SET key = excluded.key, snapshot = excluded.snapshot`,
  ).run(conference, key, snapshot);
}

/** The database's snapshot row of `conference` as the index cache reads and writes it. */
export function databaseSnapshots(db: Db, conference: string = SOLE_CONFERENCE): IndexSnapshots {
  return {
    read: (key) => readIndexSnapshot(db, key, conference),
    write: (key, snapshot) => writeIndexSnapshot(db, key, snapshot, conference),
  };
}
