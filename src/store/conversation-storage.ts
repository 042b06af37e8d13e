import { type Db, statement, transaction } from "./db.js";

/**
 * Dialogue state (the conversations plugin's, per chat) kept in SQLite so a dialogue survives a restart. The
 * value is stored as JSON: whatever is written must survive `JSON.parse(JSON.stringify(…))`, which the
 * plugin asks of everything it records (updates, Bot API results, values returned from `external`).
 */

/** State not written for this long (an abandoned dialogue) is removed at the next write. */
export const CONVERSATION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The state stored under `key`, if any. */
export function readConversation(db: Db, key: string): unknown {
  const row = statement(db, "SELECT data FROM conversations WHERE key = ?").get(key) as
    | { data: string }
    | undefined;
  return row ? JSON.parse(row.data) : undefined;
}

/** Stores `data` under `key`, and removes every other state older than `maxAgeMs`. */
export function writeConversation(
  db: Db,
  key: string,
  data: unknown,
  now: number,
  maxAgeMs = CONVERSATION_MAX_AGE_MS,
): void {
  const json = JSON.stringify(data);
  if (json === undefined) throw new Error(`conversation state of ${key} is not JSON`);
  transaction(db, () => {
    statement(
      db,
      `INSERT INTO conversations (key, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ).run(key, json, now);
    statement(db, "DELETE FROM conversations WHERE updated_at < ?").run(now - maxAgeMs);
  });
}

/** Removes the state stored under `key` (nothing when there is none). */
export function deleteConversation(db: Db, key: string): void {
  statement(db, "DELETE FROM conversations WHERE key = ?").run(key);
}

/** How many states are stored. */
export function countConversations(db: Db): number {
  return (statement(db, "SELECT count(*) AS n FROM conversations").get() as { n: number }).n;
}

/** Forget-me: deletes the dialogue state of the user's private chat (its key is the chat id, = the user id). */
export function forgetConversationOf(db: Db, userId: number): void {
  deleteConversation(db, String(userId));
}
