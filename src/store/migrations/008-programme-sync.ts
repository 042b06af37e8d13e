import type { Migration } from "../migrate.js";

/**
 * Programme versions and the state of following a published schedule. Every committed programme change is
 * a version (so a running bot sees a change made by another process, the CLI, and swaps its catalogue); the
 * sync state sits beside the programme it produced, committed in the same transaction, so a restart between
 * two versions neither loses one nor applies one twice.
 */
export const programmeSync: Migration = {
  version: 8,
  name: "programme-sync",
  up: (db) =>
    db.exec(`
      CREATE TABLE programme_versions (
        version INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        -- What made the change: startup, reload, sighup, move, cancel, restore, cli, sync, held.
        origin TEXT NOT NULL,
        -- The file or URL the version came from, and a hash of its text.
        source TEXT,
        content_hash TEXT,
        -- JSON: {"changed": n, "added": n, "removed": n, "notices": n}
        summary TEXT NOT NULL DEFAULT '{}'
      );
      -- One row: the published schedule followed (PROGRAMME_URL).
      CREATE TABLE programme_source (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        source TEXT NOT NULL,
        -- Validators and hash of the version in the database, for conditional requests.
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        last_fetch_at INTEGER,
        last_success_at INTEGER,
        last_error TEXT,
        last_error_at INTEGER,
        -- Set while the source is broken, so organizers are told once when it breaks and once when it recovers.
        broken_since INTEGER,
        -- A version held back because it removes or cancels too much, until an organizer applies it.
        held_hash TEXT,
        -- The held version as fetched (a BLOB: parsed from bytes, like any fetch).
        held_text BLOB,
        held_etag TEXT,
        held_last_modified TEXT,
        held_at INTEGER
      );
    `),
};
