import { type Db, statement } from "./db.js";

/** The `broadcasts` table: one row per organizer broadcast (its messages are outbox rows with its id). */

/** A stored broadcast; `audience` and `message` are JSON as the organizer's code wrote them. */
export interface BroadcastRecord {
  id: number;
  adminId: number;
  audience: string;
  message: string;
  total: number;
  progressChatId: number | null;
  progressMessageId: number | null;
  progressText: string | null;
  createdAt: number;
  finishedAt: number | null;
}

/** A broadcast to record. */
export type NewBroadcast = Omit<BroadcastRecord, "id" | "progressText" | "finishedAt">;

const COLUMNS = `id, admin_id AS adminId, audience, message, total, progress_chat_id AS progressChatId,
  progress_message_id AS progressMessageId, progress_text AS progressText, created_at AS createdAt,
  finished_at AS finishedAt`;

/** Records a broadcast and returns its id. */
export function insertBroadcast(db: Db, b: NewBroadcast): number {
  return Number(
    statement<NewBroadcast>(
      db,
      `INSERT INTO broadcasts (admin_id, audience, message, total, progress_chat_id, progress_message_id, created_at)
       VALUES (@adminId, @audience, @message, @total, @progressChatId, @progressMessageId, @createdAt)`,
    ).run(b).lastInsertRowid,
  );
}

/** One broadcast, or undefined. */
export function readBroadcast(db: Db, id: number): BroadcastRecord | undefined {
  return statement<[number], BroadcastRecord>(db, `SELECT ${COLUMNS} FROM broadcasts WHERE id = ?`).get(id);
}

/** Broadcasts not finished yet, oldest first (index `broadcasts_unfinished`). */
export function unfinishedBroadcastRecords(db: Db): BroadcastRecord[] {
  return statement<[], BroadcastRecord>(
    db,
    `SELECT ${COLUMNS} FROM broadcasts WHERE finished_at IS NULL ORDER BY id`,
  ).all();
}

/** Remembers the progress text last shown. */
export function setBroadcastProgressText(db: Db, id: number, text: string): void {
  statement<[string, number]>(db, "UPDATE broadcasts SET progress_text = ? WHERE id = ?").run(text, id);
}

/** Marks a broadcast finished; false when it already was. */
export function markBroadcastFinished(db: Db, id: number, now: number): boolean {
  return (
    statement<[number, number]>(
      db,
      "UPDATE broadcasts SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
    ).run(now, id).changes > 0
  );
}

/**
 * Forget-me for an organizer: their broadcasts stay (their messages' totals are the conference's record) but no
 * longer name them (author 0) nor their chat's progress message.
 */
export function forgetBroadcastAuthor(db: Db, userId: number): void {
  statement(db, "UPDATE broadcasts SET admin_id = 0 WHERE admin_id = ?").run(userId);
  statement(
    db,
    "UPDATE broadcasts SET progress_chat_id = NULL, progress_message_id = NULL WHERE progress_chat_id = ?",
  ).run(userId);
}
