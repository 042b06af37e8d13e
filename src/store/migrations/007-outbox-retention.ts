import type { Migration } from "../migrate.js";

/**
 * Outbox retention: finished rows (sent, failed, dropped) are deleted after OUTBOX_RETENTION, and what the
 * statistics need of them is folded into `outbox_history` first — counts by 15-minute bucket (any timezone's
 * midnight falls on one), kind, broadcast and outcome — so "sent today" and a broadcast's progress survive.
 */
export const outboxRetention: Migration = {
  version: 7,
  name: "outbox-retention",
  up: (db) =>
    db.exec(`
      -- When a row reached its final status (sent, failed, dropped); rows finished before this column
      -- existed count from when Telegram accepted them, or from when they were queued.
      ALTER TABLE outbox ADD COLUMN finished_at INTEGER;
      UPDATE outbox SET finished_at = COALESCE(sent_at, created_at) WHERE status <> 'pending';
      CREATE INDEX outbox_finished ON outbox (finished_at) WHERE status <> 'pending';
      -- The planner's look at reminders already queued for upcoming sessions (expires_at = the planned start).
      CREATE INDEX outbox_reminders_by_start ON outbox (expires_at) WHERE kind = 'reminder';
      CREATE TABLE outbox_history (
        -- Start of the 15-minute bucket (ms) the row finished in.
        bucket INTEGER NOT NULL,
        kind TEXT NOT NULL,
        -- 0 for rows of no broadcast.
        broadcast_id INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'blocked', 'failed', 'dropped')),
        n INTEGER NOT NULL,
        PRIMARY KEY (bucket, kind, broadcast_id, outcome)
      ) WITHOUT ROWID;
      CREATE INDEX outbox_history_by_broadcast ON outbox_history (broadcast_id) WHERE broadcast_id <> 0;
    `),
};
