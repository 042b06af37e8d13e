import { randomBytes } from "node:crypto";
import { type Db, statement } from "./db.js";

/** What a feed URL's token looks like (24 random bytes in base64url). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{32}$/;

const newToken = () => randomBytes(24).toString("base64url");

/** The user's calendar feed token, made on first use. */
export function feedTokenOf(db: Db, userId: number, now: number): string {
  const row = statement(db, "SELECT token FROM calendar_feeds WHERE user_id = ?").get(userId) as
    | { token: string }
    | undefined;
  if (row) return row.token;
  const token = newToken();
  statement(db, "INSERT INTO calendar_feeds (user_id, token, created_at) VALUES (?, ?, ?)").run(
    userId,
    token,
    now,
  );
  return token;
}

/** Gives the user a new feed token; the old one stops working at once. */
export function resetFeedToken(db: Db, userId: number, now: number): string {
  const token = newToken();
  statement(
    db,
    `INSERT INTO calendar_feeds (user_id, token, created_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at`,
  ).run(userId, token, now);
  return token;
}

/** The user a feed token belongs to; undefined for an unknown, reset or malformed token. */
export function feedOwner(db: Db, token: string): number | undefined {
  if (!FEED_TOKEN.test(token)) return undefined;
  const row = statement(db, "SELECT user_id FROM calendar_feeds WHERE token = ?").get(token) as
    | { user_id: number }
    | undefined;
  return row?.user_id;
}

/** Forget-me: deletes the user's calendar feed; its URL answers 404 from now on. */
export function forgetFeedOf(db: Db, userId: number): void {
  statement(db, "DELETE FROM calendar_feeds WHERE user_id = ?").run(userId);
}
