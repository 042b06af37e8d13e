import type { Migration } from "../migrate.js";

/**
 * Several conferences in one database. Sessions and speakers keep their single-column keys: a conference's
 * rows carry ids qualified by the conference's `prefix` (`pycon-ru-2014:42`), so every table that names a
 * session — subscriptions, the outbox, notice batches, and whatever keys by session later — stays as it is,
 * and the planner, dispatcher and feeds work across conferences unchanged. The first conference a database
 * holds has the empty prefix: a single-conference database keeps every id, row and reference it had; its
 * programme becomes conference `main` (renamed to the configured default conference at start-up when the
 * configuration names no `main`: src/conferences/adopt.ts). Programme versions, the followed source's state
 * and the search index snapshot become per conference; users get a current conference and a switch for
 * news about other conferences.
 */
export const conferences: Migration = {
  version: 14,
  name: "conferences",
  up: (db) =>
    db.exec(`
      CREATE TABLE conferences (
        id TEXT PRIMARY KEY,
        -- Prepended to the source's session and speaker ids ('' for the first conference of a database).
        prefix TEXT NOT NULL UNIQUE,
        -- The conference's own record (JSON), NULL until its programme was first stored.
        data TEXT,
        loaded_at INTEGER,
        -- Registration order: the first registered conference gets the empty prefix.
        registered_at INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO conferences (id, prefix, data, loaded_at, registered_at)
        SELECT 'main', '', data, loaded_at, loaded_at FROM conference;
      DROP TABLE conference;

      ALTER TABLE sessions ADD COLUMN conference_id TEXT NOT NULL DEFAULT 'main';
      ALTER TABLE speakers ADD COLUMN conference_id TEXT NOT NULL DEFAULT 'main';
      CREATE INDEX sessions_by_conference ON sessions (conference_id, position);
      CREATE INDEX speakers_by_conference ON speakers (conference_id, position);

      ALTER TABLE programme_versions ADD COLUMN conference_id TEXT NOT NULL DEFAULT 'main';
      CREATE INDEX programme_versions_by_conference ON programme_versions (conference_id, version);

      CREATE TABLE programme_sources (
        conference_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        last_fetch_at INTEGER,
        last_success_at INTEGER,
        last_error TEXT,
        last_error_at INTEGER,
        broken_since INTEGER,
        held_hash TEXT,
        held_text BLOB,
        held_etag TEXT,
        held_last_modified TEXT,
        held_at INTEGER
      );
      INSERT INTO programme_sources SELECT 'main', source, etag, last_modified, content_hash, last_fetch_at,
        last_success_at, last_error, last_error_at, broken_since, held_hash, held_text, held_etag,
        held_last_modified, held_at FROM programme_source;
      DROP TABLE programme_source;

      CREATE TABLE search_indexes (
        conference_id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        snapshot BLOB NOT NULL
      );
      INSERT INTO search_indexes SELECT 'main', key, snapshot FROM search_index;
      DROP TABLE search_index;

      -- The conference the user is looking at (NULL: the deployment's default), and whether they hear of
      -- other conferences and future editions (organizers' series-wide broadcasts).
      ALTER TABLE users ADD COLUMN conference TEXT;
      ALTER TABLE users ADD COLUMN series_news INTEGER NOT NULL DEFAULT 1;
    `),
};
