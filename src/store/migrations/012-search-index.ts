import type { Migration } from "../migrate.js";

/**
 * The search index of the stored programme, kept as a snapshot so that a restart restores it instead of
 * building it again (a second of CPU at FOSDEM size). One row: the key names the programme and the search
 * code it was built from, and a snapshot under any other key is simply built anew and replaced.
 */
export const searchIndex: Migration = {
  version: 12,
  name: "search-index",
  up: (db) =>
    db.exec(`
      CREATE TABLE search_index (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key TEXT NOT NULL,
        snapshot BLOB NOT NULL
      );
    `),
};
