import type { Migration } from "../migrate.js";

/**
 * The durable outbox every outgoing reminder, change notice and broadcast goes through (see src/reminders).
 * `dedupe_key` makes enqueueing idempotent; a row is `sent` only once Telegram accepted the message.
 */
export const outbox: Migration = {
  version: 2,
  name: "outbox",
  up: (db) =>
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('reminder', 'notice', 'broadcast')),
        dedupe_key TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        -- The session a reminder or notice is about, so a programme change can find its pending rows.
        session_id TEXT,
        -- JSON: a render spec ({"type":"reminder",...}) rendered at send time in the user's language,
        -- or a ready message ({"type":"message","text":...}).
        payload TEXT NOT NULL,
        not_before INTEGER NOT NULL,
        -- Past this instant the row is dropped instead of sent (a reminder expires when its session starts).
        expires_at INTEGER,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        broadcast_id INTEGER
      );
      -- The dispatcher's query: pending rows in the order they fall due.
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_pending_by_session ON outbox (session_id) WHERE status = 'pending';
      CREATE INDEX outbox_pending_by_user ON outbox (user_id) WHERE status = 'pending';
      CREATE INDEX outbox_by_broadcast ON outbox (broadcast_id, status) WHERE broadcast_id IS NOT NULL;
      -- The planner's query walks upcoming sessions by start, then their subscribers; this covers the second
      -- step without a lookup into the table (subscriptions_by_session from version 1 stays for other readers).
      CREATE INDEX subscriptions_by_session_user ON subscriptions (session_id, user_id);
      -- Upcoming, live sessions by start: the planner's range scan.
      CREATE INDEX sessions_live_by_start ON sessions (start_at) WHERE removed = 0 AND cancelled = 0;
    `),
};
