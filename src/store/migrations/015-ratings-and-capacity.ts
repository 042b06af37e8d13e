import type { Migration } from "../migrate.js";

/**
 * The way back from attendees, and what organizers learn before the day:
 * - `ratings`: one rating (1–5 stars, an optional comment) per user and session, changeable. `user_id` becomes
 *   NULL when the user asks to be forgotten: the rating stays in the totals without them.
 * - `comment_waits`: after a rating, the user's next message is its comment (at most one wait per user).
 * - `users.rating_prompts`: the "how was it?" prompts after followed sessions, off in /settings.
 * - `room_capacities`: a room's capacity set by an organizer (/room), over the programme file's.
 * - `capacity_alerts`: sessions whose followers passed a share of their room, told to organizers once.
 * - the outbox's kinds gain `prompt` (rating prompts, sent after everything else): SQLite cannot change a
 *   CHECK constraint in place, so the table is rebuilt with the same columns and indexes.
 */
export const ratingsAndCapacity: Migration = {
  version: 15,
  name: "ratings-and-capacity",
  up: (db) =>
    db.exec(`
      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
        session_id TEXT NOT NULL REFERENCES sessions (id),
        stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
        comment TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- NULLs are distinct: forgotten users' ratings never collide.
        UNIQUE (user_id, session_id)
      );
      CREATE INDEX ratings_by_session ON ratings (session_id);
      CREATE TABLE comment_waits (
        user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        session_id TEXT NOT NULL,
        since INTEGER NOT NULL,
        until INTEGER NOT NULL
      );
      ALTER TABLE users ADD COLUMN rating_prompts INTEGER NOT NULL DEFAULT 1;
      -- Rooms are named by the conference's programme: keyed by conference (see migration 14).
      CREATE TABLE room_capacities (
        conference_id TEXT NOT NULL DEFAULT 'main',
        room_id TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity > 0),
        set_by INTEGER,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (conference_id, room_id)
      ) WITHOUT ROWID;
      CREATE TABLE capacity_alerts (
        session_id TEXT NOT NULL,
        room_id TEXT NOT NULL,
        capacity INTEGER NOT NULL,
        followers INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, room_id, capacity)
      ) WITHOUT ROWID;

      CREATE TABLE outbox_new (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('reminder', 'notice', 'broadcast', 'prompt')),
        dedupe_key TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        session_id TEXT,
        payload TEXT NOT NULL,
        not_before INTEGER NOT NULL,
        expires_at INTEGER,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        broadcast_id INTEGER,
        finished_at INTEGER
      );
      INSERT INTO outbox_new (id, kind, dedupe_key, user_id, chat_id, session_id, payload, not_before, expires_at,
        status, attempts, next_attempt_at, last_error, created_at, sent_at, broadcast_id, finished_at)
      SELECT id, kind, dedupe_key, user_id, chat_id, session_id, payload, not_before, expires_at,
        status, attempts, next_attempt_at, last_error, created_at, sent_at, broadcast_id, finished_at FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_new RENAME TO outbox;
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_pending_by_session ON outbox (session_id) WHERE status = 'pending';
      CREATE INDEX outbox_pending_by_user ON outbox (user_id) WHERE status = 'pending';
      CREATE INDEX outbox_by_broadcast ON outbox (broadcast_id, status) WHERE broadcast_id IS NOT NULL;
      CREATE INDEX outbox_finished ON outbox (finished_at) WHERE status <> 'pending';
      CREATE INDEX outbox_reminders_by_start ON outbox (expires_at) WHERE kind = 'reminder';
    `),
};
