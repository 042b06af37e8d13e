import { createHash } from "node:crypto";
import { type Db, statement, transaction } from "./db.js";

/**
 * Recent search queries under short keys, so that paging buttons carry a key instead of the query (which may
 * not fit in 64 bytes of callback_data). Kept in SQLite, so the buttons of earlier results still work after a
 * restart. Keys are per user: one user cannot page through another's query. Bounded at every write: each
 * user's newest `perUser` searches, none older than `maxAgeMs`; a button of a forgotten one is outdated.
 */

export interface SearchPageLimits {
  /** The searches kept per user (the newest). */
  perUser: number;
  /** Searches older than this are removed. */
  maxAgeMs: number;
}

export const SEARCH_PAGE_LIMITS: SearchPageLimits = { perUser: 50, maxAgeMs: 7 * 24 * 60 * 60 * 1000 };

/** The key of a user's query: 8 characters of [A-Za-z0-9_-], the same for the same query. */
export function searchPageKey(userId: number, query: string): string {
  return createHash("sha256").update(`${userId}\n${query}`).digest("base64url").slice(0, 8);
}

/** Stores a user's query as their newest search and returns its key; prunes what is beyond the limits. */
export function rememberSearch(
  db: Db,
  userId: number,
  query: string,
  now: number,
  limits: SearchPageLimits = SEARCH_PAGE_LIMITS,
): string {
  const key = searchPageKey(userId, query);
  transaction(db, () => {
    // REPLACE deletes a row with the same (user, key) and inserts a new one: a repeated search becomes newest.
    statement(
      db,
      "INSERT OR REPLACE INTO search_pages (user_id, key, query, created_at) VALUES (?, ?, ?, ?)",
    ).run(userId, key, query, now);
    statement(db, "DELETE FROM search_pages WHERE created_at < ?").run(now - limits.maxAgeMs);
    statement(
      db,
      `DELETE FROM search_pages WHERE user_id = ? AND id <=
         (SELECT id FROM search_pages WHERE user_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    ).run(userId, userId, limits.perUser);
  });
  return key;
}

/** The query a user stored under a key, if it is still remembered. */
export function recallSearch(db: Db, userId: number, key: string): string | undefined {
  const row = statement(db, "SELECT query FROM search_pages WHERE user_id = ? AND key = ?").get(
    userId,
    key,
  ) as { query: string } | undefined;
  return row?.query;
}

/** How many searches are remembered (all users). */
export function countSearchPages(db: Db): number {
  return (statement(db, "SELECT count(*) AS n FROM search_pages").get() as { n: number }).n;
}

/** Forget-me: deletes every search the user made that paging buttons remember. */
export function forgetSearchesOf(db: Db, userId: number): void {
  statement(db, "DELETE FROM search_pages WHERE user_id = ?").run(userId);
}
