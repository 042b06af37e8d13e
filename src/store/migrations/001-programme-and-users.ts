import type { Migration } from "../migrate.js";

/** The programme (kept as JSON plus indexed columns), attendees and their subscriptions. */
export const programmeAndUsers: Migration = {
  version: 1,
  name: "programme-and-users",
  up: (db) =>
    db.exec(`
      CREATE TABLE conference (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL,
        loaded_at INTEGER NOT NULL
      );
      CREATE TABLE speakers (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        data TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0
      );
      -- Sessions removed from the file stay as rows (removed = 1) so subscriptions and outbox rows that
      -- name them keep their references, and a session put back later finds its subscribers again.
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        start_at INTEGER NOT NULL,
        end_at INTEGER NOT NULL,
        room TEXT,
        cancelled INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL
      );
      CREATE INDEX sessions_by_start ON sessions (start_at) WHERE removed = 0;
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        first_name TEXT,
        language_code TEXT,
        language TEXT,
        reminder_minutes INTEGER,
        blocked_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE subscriptions (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        session_id TEXT NOT NULL REFERENCES sessions (id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, session_id)
      );
      CREATE INDEX subscriptions_by_session ON subscriptions (session_id);
    `),
};
