import type { IndexSnapshots } from "../search/index-cache.js";
import { type Db, statement } from "./db.js";

/** The stored search index snapshot when it was stored under `key`, else undefined. */
export function readIndexSnapshot(db: Db, key: string): Buffer | undefined {
  const row = statement<[string], { snapshot: Buffer }>(
    db,
    "SELECT snapshot FROM search_index WHERE id = 1 AND key = ?",
  ).get(key);
  return row?.snapshot;
}

/** Stores a search index snapshot under `key`, replacing the one before (only the current one is worth keeping). */
export function writeIndexSnapshot(db: Db, key: string, snapshot: Uint8Array): void {
  statement<[string, Uint8Array]>(
    db,
    `INSERT INTO search_index (id, key, snapshot) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET key = excluded.key, snapshot = excluded.snapshot`,
  ).run(key, snapshot);
}

/** The database's snapshot row as the index cache reads and writes it. */
export function databaseSnapshots(db: Db): IndexSnapshots {
  return {
    read: (key) => readIndexSnapshot(db, key),
    write: (key, snapshot) => writeIndexSnapshot(db, key, snapshot),
  };
}
