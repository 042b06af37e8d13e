import type { Migration } from "../migrate.js";

/**
 * What lets several processes share one database: `leases` (exactly one process dispatches the outbox: the
 * holder renews its row; another takes it over once it expired) and `handled_updates` (Telegram update ids
 * already handled, so a webhook re-delivery or a second poller never handles one twice; pruned by age).
 */
export const processCoordination: Migration = {
  version: 5,
  name: "process-coordination",
  up: (db) =>
    db.exec(`
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        -- Who holds it: a random id per process (with its pid, for people reading the table).
        holder TEXT NOT NULL,
        -- Wall-clock ms: the holder renews it well before; after it anyone may take it.
        expires_at INTEGER NOT NULL,
        acquired_at INTEGER NOT NULL
      );
      CREATE TABLE handled_updates (
        update_id INTEGER PRIMARY KEY,
        handled_at INTEGER NOT NULL
      );
      CREATE INDEX handled_updates_by_age ON handled_updates (handled_at);
    `),
};
