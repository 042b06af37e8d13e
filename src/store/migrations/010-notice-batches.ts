import type { Migration } from "../migrate.js";

/**
 * The changes of one programme change, stored once: every subscriber's notice names the batch and the
 * sessions it lists instead of carrying its own copy (5,000 people following 30 moved sessions would
 * otherwise be 5,000 copies of 30 snapshots).
 */
export const noticeBatches: Migration = {
  version: 10,
  name: "notice-batches",
  up: (db) =>
    db.exec(`
      CREATE TABLE notice_batches (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        -- JSON: [{"sessionId": ..., "before": {...}, "after": {...} | null}, ...]
        changes TEXT NOT NULL
      );
      CREATE INDEX notice_batches_by_created ON notice_batches (created_at);
    `),
};
