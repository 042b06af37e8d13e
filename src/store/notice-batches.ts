import { type Db, statement } from "./db.js";

/**
 * Stores the changes of one programme change under `id` (once; storing the same id again is a no-op).
 * `changes` is JSON-serialisable; notices refer to it by id.
 */
export function saveNoticeBatch(db: Db, id: string, changes: readonly unknown[], now: number): void {
  statement(
    db,
    "INSERT INTO notice_batches (id, created_at, changes) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
  ).run(id, now, JSON.stringify(changes));
}

/** The changes stored under `id`, or undefined when there is no such batch. */
export function readNoticeBatch<T>(db: Db, id: string): T[] | undefined {
  const r = statement(db, "SELECT changes FROM notice_batches WHERE id = ?").get(id) as
    | { changes: string }
    | undefined;
  return r ? (JSON.parse(r.changes) as T[]) : undefined;
}

/**
 * Deletes at most `limit` batches stored before `before`, oldest first, that no pending notice names (a
 * notice is rendered from its batch when it is sent; sent, dropped and failed ones are not rendered again).
 * Returns how many went. The reminder tick calls it with the outbox retention, in small batches.
 */
export function pruneNoticeBatches(db: Db, { before, limit }: { before: number; limit: number }): number {
  return statement(
    db,
    `DELETE FROM notice_batches WHERE id IN (
       SELECT b.id FROM notice_batches b
       WHERE b.created_at < @before AND NOT EXISTS (
         SELECT 1 FROM outbox o WHERE o.kind = 'notice' AND o.status = 'pending'
           AND json_extract(o.payload, '$.params.batch') = b.id)
       ORDER BY b.created_at LIMIT @limit)`,
  ).run({ before, limit }).changes;
}
