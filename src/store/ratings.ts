import { type Db, statement, writeTransaction } from "./db.js";

/**
 * The `ratings` table (one rating of 1–5 stars per user and session, changeable, with an optional comment) and
 * `comment_waits` (the user's next message is the comment of the session they just rated). Ratings are
 * anonymous outside this module: summaries and exports carry no user ids, and a forgotten user's ratings stay
 * in the totals with `user_id` NULL.
 */

/** The longest comment kept (characters); longer ones are refused with a clear message, not cut. */
export const MAX_COMMENT_LENGTH = 1000;

/** One user's rating of one session. */
export interface Rating {
  stars: number;
  comment: string | null;
  updatedAt: number;
}

/** What a session's attendees thought, without saying who. */
export interface RatingSummary {
  sessionId: string;
  count: number;
  /** Mean stars, 1–5. */
  mean: number;
  /** How many gave 1, 2, 3, 4 and 5 stars (index 0 is one star). */
  distribution: [number, number, number, number, number];
  /** The comments, oldest first. */
  comments: { text: string; stars: number; at: number }[];
}

/** A rating as exported (`cli feedback export`): no user id. */
export interface ExportedRating {
  sessionId: string;
  stars: number;
  comment: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Whether `stars` is a rating: a whole number from 1 to 5. */
export function isStars(stars: unknown): stars is number {
  return typeof stars === "number" && Number.isInteger(stars) && stars >= 1 && stars <= 5;
}

/**
 * Stores a user's rating of a session, replacing their earlier one (its comment stays); returns the stars it
 * replaced, or undefined for a first rating. One statement: two presses at once, a retry after a crash or a
 * second process leave one row.
 */
export function rateSession(
  db: Db,
  r: { userId: number; sessionId: string; stars: number; now: number },
): number | undefined {
  if (!isStars(r.stars)) throw new RangeError(`a rating is 1 to 5 stars, not ${String(r.stars)}`);
  // The write lock first: another process rating at once waits instead of failing between read and write.
  return writeTransaction(db, () => {
    const before = ratingOf(db, r.userId, r.sessionId);
    statement(
      db,
      `INSERT INTO ratings (user_id, session_id, stars, created_at, updated_at)
       VALUES (@userId, @sessionId, @stars, @now, @now)
       ON CONFLICT (user_id, session_id) DO UPDATE SET stars = excluded.stars, updated_at = excluded.updated_at`,
    ).run(r);
    return before?.stars;
  });
}

/** A user's rating of a session, if they gave one. */
export function ratingOf(db: Db, userId: number, sessionId: string): Rating | undefined {
  return statement<[number, string], Rating>(
    db,
    "SELECT stars, comment, updated_at AS updatedAt FROM ratings WHERE user_id = ? AND session_id = ?",
  ).get(userId, sessionId);
}

/** The stars a user gave, by session id (for /my and cards). */
export function ratingsOf(db: Db, userId: number): Map<string, number> {
  const rows = statement<[number], { session_id: string; stars: number }>(
    db,
    "SELECT session_id, stars FROM ratings WHERE user_id = ?",
  ).all(userId);
  return new Map(rows.map((r) => [r.session_id, r.stars]));
}

/**
 * Sets (or with null clears) the comment of a user's rating; false when they have not rated the session.
 * The caller checks the length against MAX_COMMENT_LENGTH.
 */
export function setComment(
  db: Db,
  userId: number,
  sessionId: string,
  comment: string | null,
  now: number,
): boolean {
  return (
    statement(db, "UPDATE ratings SET comment = ?, updated_at = ? WHERE user_id = ? AND session_id = ?").run(
      comment,
      now,
      userId,
      sessionId,
    ).changes > 0
  );
}

/** Makes the user's next message the comment of their rating of `sessionId`, from `now` until `until` (ms). */
export function awaitComment(db: Db, userId: number, sessionId: string, until: number, now = 0): void {
  statement(
    db,
    `INSERT INTO comment_waits (user_id, session_id, since, until) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET session_id = excluded.session_id, since = excluded.since,
       until = excluded.until`,
  ).run(userId, sessionId, now, until);
}

/** When the user's comment wait began (ms; 0 when there is none). */
export function commentWaitStart(db: Db, userId: number): number {
  return (
    statement<[number], { since: number }>(db, "SELECT since FROM comment_waits WHERE user_id = ?").get(
      userId,
    )?.since ?? 0
  );
}

/** The session whose comment the user's next message is, if a wait is on at `now` (it stays until taken). */
export function commentWait(db: Db, userId: number, now: number): string | undefined {
  return statement<[number, number], { session_id: string }>(
    db,
    "SELECT session_id FROM comment_waits WHERE user_id = ? AND until > ?",
  ).get(userId, now)?.session_id;
}

/** Ends a user's comment wait (the comment came, or they declined); true when there was one. */
export function endCommentWait(db: Db, userId: number): boolean {
  return statement(db, "DELETE FROM comment_waits WHERE user_id = ?").run(userId).changes > 0;
}

interface SummaryRow {
  session_id: string;
  count: number;
  mean: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

const SUMMARY = `SELECT session_id, COUNT(*) AS count, AVG(stars) AS mean,
    SUM(stars = 1) AS s1, SUM(stars = 2) AS s2, SUM(stars = 3) AS s3, SUM(stars = 4) AS s4, SUM(stars = 5) AS s5
  FROM ratings`;

function commentsOf(db: Db, sessionId: string): RatingSummary["comments"] {
  return statement<[string], { text: string; stars: number; at: number }>(
    db,
    `SELECT comment AS text, stars, updated_at AS at FROM ratings
     WHERE session_id = ? AND comment IS NOT NULL AND comment <> '' ORDER BY updated_at, id`,
  ).all(sessionId);
}

const toSummary = (db: Db, r: SummaryRow): RatingSummary => ({
  sessionId: r.session_id,
  count: r.count,
  mean: r.mean,
  distribution: [r.s1, r.s2, r.s3, r.s4, r.s5],
  comments: commentsOf(db, r.session_id),
});

/**
 * Every rated session's summary, most ratings first, then the higher mean, then session id (the organizers'
 * report). Anonymous: no user ids.
 */
export function ratingSummaries(db: Db): RatingSummary[] {
  return statement<[], SummaryRow>(
    db,
    `${SUMMARY} GROUP BY session_id ORDER BY count DESC, mean DESC, session_id`,
  )
    .all()
    .map((r) => toSummary(db, r));
}

/**
 * One session's ratings summary and comments, anonymous (a linked speaker's view after their session);
 * undefined while nobody has rated it.
 */
export function ratingSummary(db: Db, sessionId: string): RatingSummary | undefined {
  const r = statement<[string], SummaryRow>(db, `${SUMMARY} WHERE session_id = ? GROUP BY session_id`).get(
    sessionId,
  );
  return r && toSummary(db, r);
}

/** Every rating for `cli feedback export`, by session then time, without user ids. */
export function exportRatings(db: Db): ExportedRating[] {
  return statement<[], ExportedRating>(
    db,
    `SELECT session_id AS sessionId, stars, comment, created_at AS createdAt, updated_at AS updatedAt
     FROM ratings ORDER BY session_id, created_at, id`,
  ).all();
}

/**
 * Forget-me: the user's ratings stay in the totals (stars and comments) without their id, and any comment
 * wait goes. Returns how many ratings were anonymised. Call it from the store's forget function.
 */
export function forgetRatings(db: Db, userId: number): void {
  anonymiseRatings(db, userId);
}

/** Strips a user's id from their ratings (they stay in the totals); returns how many. */
export function anonymiseRatings(db: Db, userId: number): number {
  return db.transaction(() => {
    endCommentWait(db, userId);
    return statement(db, "UPDATE ratings SET user_id = NULL WHERE user_id = ?").run(userId).changes;
  })();
}
