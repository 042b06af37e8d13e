import { createHash } from "node:crypto";
import { beforeClose, type Db, statement, transaction } from "./db.js";

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
  transaction(db, () => store(db, [{ userId, key, query, now }], limits));
  return key;
}

interface Remembered {
  userId: number;
  key: string;
  query: string;
  now: number;
}

/** Stores searches in the order given (the last the newest), then prunes what is beyond the limits. */
function store(db: Db, searches: readonly Remembered[], limits: SearchPageLimits): void {
  // REPLACE deletes a row with the same (user, key) and inserts a new one: a repeated search becomes newest.
  const insert = statement(
    db,
    "INSERT OR REPLACE INTO search_pages (user_id, key, query, created_at) VALUES (?, ?, ?, ?)",
  );
  for (const s of searches) insert.run(s.userId, s.key, s.query, s.now);
  const latest = searches.reduce((at, s) => Math.max(at, s.now), Number.NEGATIVE_INFINITY);
  statement(db, "DELETE FROM search_pages WHERE created_at < ?").run(latest - limits.maxAgeMs);
  const prune = statement(
    db,
    `DELETE FROM search_pages WHERE user_id = ? AND id <=
       (SELECT id FROM search_pages WHERE user_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
  );
  for (const user of new Set(searches.map((s) => s.userId))) prune.run(user, user, limits.perUser);
}

/**
 * How long {@link rememberSearchSoon} holds a search before writing it with the others. A crash loses at most
 * this much: those searches' paging buttons answer "outdated" after the restart; a clean stop writes them.
 */
export const SEARCH_WRITE_DELAY_MS = 1000;
/** Held searches written at once when this many wait (bounds the memory, and the loss on a full disk). */
const HELD_AT_MOST = 1000;

interface Held {
  /** By `${userId}:${key}`, oldest first: the order they are written in, so the newest gets the highest id. */
  searches: Map<string, Remembered>;
  timer?: NodeJS.Timeout;
  onError: (err: unknown) => void;
}

const held = new WeakMap<Db, Held>();
const heldKey = (userId: number, key: string) => `${userId}:${key}`;

/**
 * {@link rememberSearch} for the bot: the search is held in memory and written with the others within
 * {@link SEARCH_WRITE_DELAY_MS}, in one transaction (a commit per search was a tenth of the bot's CPU time per
 * update). {@link recallSearch}, {@link forgetSearchesOf} and {@link countSearchPages} see it at once, and
 * closing the database writes it. A write that fails (a full disk) is told to `onError`; its searches stay
 * held (the newest {@link HELD_AT_MOST}) and are written with the next ones.
 */
export function rememberSearchSoon(
  db: Db,
  userId: number,
  query: string,
  now: number,
  onError: (err: unknown) => void,
): string {
  const key = searchPageKey(userId, query);
  let h = held.get(db);
  if (!h) {
    h = { searches: new Map(), onError };
    held.set(db, h);
    beforeClose(db, () => writeHeld(db));
  }
  h.onError = onError;
  const id = heldKey(userId, key);
  h.searches.delete(id);
  h.searches.set(id, { userId, key, query, now });
  if (h.searches.size >= HELD_AT_MOST) writeHeld(db);
  else h.timer ??= setTimeout(() => writeHeld(db), SEARCH_WRITE_DELAY_MS).unref();
  return key;
}

/** Writes the held searches in one transaction; on failure keeps the newest {@link HELD_AT_MOST} held. */
function writeHeld(db: Db): void {
  const h = held.get(db);
  if (!h) return;
  clearTimeout(h.timer);
  h.timer = undefined;
  if (!h.searches.size || !db.open) return;
  const searches = [...h.searches.values()];
  try {
    transaction(db, () => store(db, searches, SEARCH_PAGE_LIMITS));
    for (const s of searches) h.searches.delete(heldKey(s.userId, s.key));
  } catch (err) {
    for (const id of [...h.searches.keys()].slice(0, Math.max(0, h.searches.size - HELD_AT_MOST)))
      h.searches.delete(id);
    h.onError(err);
  }
}

/** The query a user stored under a key, if it is still remembered. */
export function recallSearch(db: Db, userId: number, key: string): string | undefined {
  const waiting = held.get(db)?.searches.get(heldKey(userId, key));
  if (waiting) return waiting.query;
  const row = statement(db, "SELECT query FROM search_pages WHERE user_id = ? AND key = ?").get(
    userId,
    key,
  ) as { query: string } | undefined;
  return row?.query;
}

/** How many searches are remembered (all users); the held ones are written first. */
export function countSearchPages(db: Db): number {
  writeHeld(db);
  return (statement(db, "SELECT count(*) AS n FROM search_pages").get() as { n: number }).n;
}

/** Forget-me: deletes every search the user made that paging buttons remember, held ones included. */
export function forgetSearchesOf(db: Db, userId: number): void {
  const h = held.get(db);
  for (const [id, s] of h?.searches ?? []) if (s.userId === userId) h?.searches.delete(id);
  writeHeld(db);
  statement(db, "DELETE FROM search_pages WHERE user_id = ?").run(userId);
}
