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
