import type { Migration } from "../migrate.js";

/** What organizers do: broadcasts (resumable after a restart) and the audit log of every organizer action. */
export const organizers: Migration = {
  version: 3,
  name: "organizers",
  up: (db) =>
    db.exec(`
      -- One row per broadcast; its messages are outbox rows with broadcast_id = id and dedupe keys
      -- 'broadcast:<id>:<user>', so a restart resumes without sending anything twice.
      CREATE TABLE broadcasts (
        id INTEGER PRIMARY KEY,
        admin_id INTEGER NOT NULL,
        -- JSON: {"kind":"all"} | {"kind":"session","sessionId":...} | {"kind":"lang","lang":"ru"}
        audience TEXT NOT NULL,
        -- JSON: {"text":..., "entities":[...]} exactly as the organizer wrote it
        message TEXT NOT NULL,
        total INTEGER NOT NULL,
        -- The organizer's progress message, edited in place until the broadcast finishes.
        progress_chat_id INTEGER,
        progress_message_id INTEGER,
        -- The last progress text shown, so an unchanged one is not sent again.
        progress_text TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER
      );
      CREATE INDEX broadcasts_unfinished ON broadcasts (id) WHERE finished_at IS NULL;
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        admin_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        -- JSON object describing the action (session ids, the diff summary, the broadcast id, ...)
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_by_at ON audit_log (at);
    `),
};
