import type { OutboxPayload } from "../delivery/messages.js";
import { type Db, statement } from "./db.js";

/**
 * The `outbox` table and its history (`outbox_history`): every SQL statement that touches them lives here,
 * prepared once per database and typed. Rows are jobs keyed by `dedupe_key` (queueing a key twice is a
 * no-op), finished rows are pruned after the retention period, their counts folded into the history first.
 */

/**
 * What an outbox row carries: a reminder, a change notice (organizer), a broadcast (organizer) or a rating
 * prompt after a session (sent after everything else: a prompt late by minutes is fine, a reminder is not).
 */
export type OutboxKind = "reminder" | "notice" | "broadcast" | "prompt";

/** `pending` until Telegram accepted it (`sent`), it failed for good (`failed`), or it lost its point (`dropped`). */
export type OutboxStatus = "pending" | "sent" | "failed" | "dropped";

/** A row to enqueue. `dedupeKey` is unique over the whole outbox: enqueueing a key twice is a no-op. */
export interface NewOutboxRow {
  kind: OutboxKind;
  dedupeKey: string;
  userId: number;
  chatId: number;
  sessionId?: string | null;
  payload: OutboxPayload;
  /** Not sent before this instant (ms); pass `now` to send as soon as the rate allows. */
  notBefore: number;
  /** Dropped instead of sent once this instant (ms) has passed; null or absent for never. */
  expiresAt?: number | null;
  /** Groups the rows of one organizer broadcast, for progress counts. */
  broadcastId?: number | null;
}

/** A stored outbox row. */
export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  dedupeKey: string;
  userId: number;
  chatId: number;
  sessionId: string | null;
  payload: OutboxPayload;
  notBefore: number;
  expiresAt: number | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  finishedAt: number | null;
  broadcastId: number | null;
}

/** Rows by status. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
  dropped: number;
  total: number;
}

/** What became of a broadcast's rows: `blocked` counts users who had blocked the bot, apart from `failed`. */
export interface OutcomeCounts {
  pending: number;
  sent: number;
  blocked: number;
  failed: number;
  dropped: number;
}

/** Where an already queued reminder stands, by its dedupe key. */
export interface QueuedReminder {
  status: OutboxStatus;
  lastError: string | null;
  notBefore: number;
}

interface Row {
  id: number;
  kind: OutboxKind;
  dedupe_key: string;
  user_id: number;
  chat_id: number;
  session_id: string | null;
  payload: string;
  not_before: number;
  expires_at: number | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  finished_at: number | null;
  broadcast_id: number | null;
}

interface InsertParams {
  kind: OutboxKind;
  dedupeKey: string;
  userId: number;
  chatId: number;
  sessionId: string | null;
  payload: string;
  notBefore: number;
  expiresAt: number | null;
  now: number;
  broadcastId: number | null;
}

/** Length of one history bucket: 15 minutes, so the midnight of every timezone starts one. */
export const HISTORY_BUCKET_MS = 15 * 60_000;

const INSERT = `
  INSERT INTO outbox (kind, dedupe_key, user_id, chat_id, session_id, payload, not_before, expires_at,
    status, attempts, next_attempt_at, created_at, broadcast_id)
  VALUES (@kind, @dedupeKey, @userId, @chatId, @sessionId, @payload, @notBefore, @expiresAt,
    'pending', 0, @notBefore, @now, @broadcastId)`;

// One definition of an outcome, for the live rows and for the history they are folded into.
const OUTCOME = `CASE
  WHEN status = 'sent' THEN 'sent'
  WHEN (status = 'failed' AND last_error = 'blocked') OR (status = 'dropped' AND last_error = 'user-blocked') THEN 'blocked'
  WHEN status = 'failed' THEN 'failed'
  WHEN status = 'dropped' THEN 'dropped'
  ELSE 'pending' END`;

// Finished rows old enough to go; a reminder only once its session has started, a prompt once it expired
// (their keys must stay while the planner could queue them again).
const PRUNABLE = `SELECT id FROM outbox WHERE status <> 'pending' AND finished_at < @before
  AND (kind NOT IN ('reminder', 'prompt') OR expires_at <= @now) ORDER BY finished_at, id LIMIT @limit`;

function prepare(db: Db) {
  return {
    insert: db.prepare<InsertParams>(`${INSERT} ON CONFLICT (dedupe_key) DO NOTHING`),
    insertReviving: db.prepare<InsertParams & { revivable: string }>(`${INSERT}
      ON CONFLICT (dedupe_key) DO UPDATE SET status = 'pending', chat_id = excluded.chat_id, attempts = 0,
        not_before = excluded.not_before, next_attempt_at = excluded.next_attempt_at, last_error = NULL,
        finished_at = NULL
      WHERE outbox.status = 'dropped' AND outbox.last_error IN (SELECT value FROM json_each(@revivable))`),
    insertDropped: db.prepare<InsertParams & { reason: string }>(`
      INSERT INTO outbox (kind, dedupe_key, user_id, chat_id, session_id, payload, not_before, expires_at,
        status, attempts, next_attempt_at, last_error, created_at, finished_at, broadcast_id)
      VALUES (@kind, @dedupeKey, @userId, @chatId, @sessionId, @payload, @notBefore, @expiresAt,
        'dropped', 0, @notBefore, @reason, @now, @now, @broadcastId)
      ON CONFLICT (dedupe_key) DO NOTHING`),
    dueUrgent: db.prepare<[number, number], Row>(
      `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
         AND kind NOT IN ('broadcast', 'prompt')
       ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    dueBroadcast: db.prepare<[number, number], Row>(
      `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND kind = 'broadcast'
       ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    duePrompt: db.prepare<[number, number], Row>(
      `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND kind = 'prompt'
       ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    nextDue: db.prepare<[number], { at: number | null }>(
      "SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending' AND next_attempt_at > ?",
    ),
    pendingBefore: db.prepare<[number], { one: number }>(
      "SELECT 1 AS one FROM outbox WHERE status = 'pending' AND not_before <= ? LIMIT 1",
    ),
    byId: db.prepare<[number], Row>("SELECT * FROM outbox WHERE id = ?"),
    byKey: db.prepare<[string], Row>("SELECT * FROM outbox WHERE dedupe_key = ?"),
    markSent: db.prepare<{ now: number; id: number }>(
      `UPDATE outbox SET status = 'sent', sent_at = @now, finished_at = @now, last_error = NULL
       WHERE id = @id AND status IN ('pending', 'dropped')`,
    ),
    markRetry: db.prepare<[number, string, number, number]>(
      `UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ?
       WHERE id = ? AND status = 'pending'`,
    ),
    retryWaiting: db.prepare<{ now: number }>(
      `UPDATE outbox SET next_attempt_at = @now
       WHERE status = 'pending' AND attempts > 0 AND next_attempt_at > @now`,
    ),
    retryFirst: db.prepare<{ now: number }>(
      `UPDATE outbox SET next_attempt_at = @now WHERE id = (SELECT id FROM outbox
         WHERE status = 'pending' AND attempts > 0 AND next_attempt_at > @now ORDER BY next_attempt_at LIMIT 1)`,
    ),
    markFailed: db.prepare<[string, number, number]>(
      `UPDATE outbox SET status = 'failed', last_error = ?, finished_at = ?
       WHERE id = ? AND status = 'pending'`,
    ),
    advance: db.prepare<{ at: number; key: string }>(
      `UPDATE outbox SET not_before = @at, next_attempt_at = @at
       WHERE dedupe_key = @key AND status = 'pending' AND next_attempt_at = not_before AND not_before > @at`,
    ),
    markDropped: db.prepare<[string, number, number]>(
      `UPDATE outbox SET status = 'dropped', last_error = ?, finished_at = ?
       WHERE id = ? AND status = 'pending'`,
    ),
    dropForUser: db.prepare<[string, number, number]>(
      `UPDATE outbox SET status = 'dropped', last_error = ?, finished_at = ?
       WHERE user_id = ? AND status = 'pending'`,
    ),
    remindersFrom: db.prepare<
      [number],
      { dedupe_key: string; status: OutboxStatus; last_error: string | null; not_before: number }
    >(
      `SELECT dedupe_key, status, last_error, not_before FROM outbox
       WHERE kind = 'reminder' AND expires_at > ?`,
    ),
    pendingNotices: db.prepare<[], { id: number; user_id: number; chat_id: number; payload: string }>(
      "SELECT id, user_id, chat_id, payload FROM outbox WHERE kind = 'notice' AND status = 'pending' ORDER BY id",
    ),
    countByStatus: db.prepare<[], { status: OutboxStatus; n: number }>(
      "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status",
    ),
    countPending: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'"),
    broadcastLive: db.prepare<[number], { outcome: keyof OutcomeCounts; n: number }>(
      `SELECT ${OUTCOME} AS outcome, COUNT(*) AS n FROM outbox WHERE broadcast_id = ? GROUP BY outcome`,
    ),
    broadcastHistory: db.prepare<[number], { outcome: keyof OutcomeCounts; n: number }>(
      "SELECT outcome, SUM(n) AS n FROM outbox_history WHERE broadcast_id = ? GROUP BY outcome",
    ),
    sentLive: db.prepare<[number], { n: number }>(
      "SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent' AND sent_at >= ?",
    ),
    sentHistory: db.prepare<[number], { n: number | null }>(
      "SELECT SUM(n) AS n FROM outbox_history WHERE outcome = 'sent' AND bucket >= ?",
    ),
    foldIntoHistory: db.prepare<{ before: number; now: number; limit: number; bucket: number }>(`
      INSERT INTO outbox_history (bucket, kind, broadcast_id, outcome, n)
      SELECT (finished_at / @bucket) * @bucket, kind, COALESCE(broadcast_id, 0), ${OUTCOME}, COUNT(*)
      FROM outbox WHERE id IN (${PRUNABLE})
      GROUP BY 1, 2, 3, 4
      ON CONFLICT (bucket, kind, broadcast_id, outcome) DO UPDATE SET n = n + excluded.n`),
    deletePrunable: db.prepare<{ before: number; now: number; limit: number }>(
      `DELETE FROM outbox WHERE id IN (${PRUNABLE})`,
    ),
  };
}

type Statements = ReturnType<typeof prepare>;
const prepared = new WeakMap<Db, Statements>();

/** The outbox statements of `db`, prepared on first use. */
function sql(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = prepare(db);
    prepared.set(db, s);
  }
  return s;
}

const fromRow = (r: Row): OutboxRow => ({
  id: r.id,
  kind: r.kind,
  dedupeKey: r.dedupe_key,
  userId: r.user_id,
  chatId: r.chat_id,
  sessionId: r.session_id,
  payload: JSON.parse(r.payload) as OutboxPayload,
  notBefore: r.not_before,
  expiresAt: r.expires_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  finishedAt: r.finished_at,
  broadcastId: r.broadcast_id,
});

const toParams = (r: NewOutboxRow, now: number): InsertParams => ({
  kind: r.kind,
  dedupeKey: r.dedupeKey,
  userId: r.userId,
  chatId: r.chatId,
  sessionId: r.sessionId ?? null,
  payload: JSON.stringify(r.payload),
  notBefore: r.notBefore,
  expiresAt: r.expiresAt ?? null,
  now,
  broadcastId: r.broadcastId ?? null,
});

/** Options of {@link enqueue}. */
export interface EnqueueOptions {
  /**
   * A row already `dropped` for one of these reasons is put back to pending (with the new row's times and
   * chat) instead of skipped: the reason went away (the user subscribed again, the session came back).
   */
  revivable?: readonly string[];
}

/**
 * Queues messages for the dispatcher, in one transaction, and returns how many rows were new (or revived).
 * A row whose `dedupeKey` is already in the outbox (in any status) is skipped, so callers may enqueue the
 * same thing as often as they like. This is the entry point for the organizer's change notices
 * (kind `notice`, key e.g. `notice:<user>:<session>:<version>`) and broadcasts (kind `broadcast`, key
 * `broadcast:<id>:<user>`, `broadcastId` set); call `dispatcher.nudge()` afterwards to send without waiting.
 */
export function enqueue(
  db: Db,
  rows: readonly NewOutboxRow[],
  now: number,
  options: EnqueueOptions = {},
): number {
  const s = sql(db);
  const revivable = options.revivable?.length ? JSON.stringify(options.revivable) : undefined;
  return db.transaction(() => {
    let added = 0;
    for (const r of rows) {
      const params = toParams(r, now);
      added += (revivable ? s.insertReviving.run({ ...params, revivable }) : s.insert.run(params)).changes;
    }
    return added;
  })();
}

/** Records rows that were never to be sent (e.g. reminders missed while the bot was down) as `dropped`. */
export function recordDropped(db: Db, rows: readonly NewOutboxRow[], reason: string, now: number): number {
  const s = sql(db);
  return db.transaction(() => {
    let added = 0;
    for (const r of rows) added += s.insertDropped.run({ ...toParams(r, now), reason }).changes;
    return added;
  })();
}

/**
 * Pending rows whose next attempt is due at `now`, at most `limit`: reminders and change notices first (they
 * lose their point when the session starts), then broadcasts, then rating prompts; each oldest due first
 * (the `outbox_due` index).
 */
export function dueRows(db: Db, now: number, limit: number): OutboxRow[] {
  const s = sql(db);
  const rows = s.dueUrgent.all(now, limit).map(fromRow);
  if (rows.length < limit) rows.push(...s.dueBroadcast.all(now, limit - rows.length).map(fromRow));
  if (rows.length < limit) rows.push(...s.duePrompt.all(now, limit - rows.length).map(fromRow));
  return rows;
}

/**
 * When the earliest pending row falls due (ms), or undefined when nothing is pending; with `after`, the
 * earliest falling due after that instant (the dispatcher's next row while those due now are in flight).
 */
export function nextDueAt(db: Db, after = Number.MIN_SAFE_INTEGER): number | undefined {
  return sql(db).nextDue.get(after)?.at ?? undefined;
}

/** Whether any pending row may already be sent (its `not_before` has passed), retries waiting included. */
export function hasPendingBefore(db: Db, now: number): boolean {
  return sql(db).pendingBefore.get(now) !== undefined;
}

/** Reads one row by id. */
export function getOutboxRow(db: Db, id: number): OutboxRow | undefined {
  const r = sql(db).byId.get(id);
  return r && fromRow(r);
}

/** Reads one row by its dedupe key. */
export function findByKey(db: Db, dedupeKey: string): OutboxRow | undefined {
  const r = sql(db).byKey.get(dedupeKey);
  return r && fromRow(r);
}

/**
 * Records that Telegram accepted the message; returns whether the row changed. A row dropped while its send
 * was in flight (the user unsubscribed, the session moved) is marked sent too: it was delivered, and a
 * reminder left `dropped` could be planned again and sent a second time.
 */
export function markSent(db: Db, id: number, now: number): boolean {
  return sql(db).markSent.run({ now, id }).changes > 0;
}

/**
 * Puts a pending row back for another try at `nextAttemptAt`. `countAttempt` is false for flood waits
 * (429), which say nothing about the message itself and so do not bring it closer to giving up.
 */
export function markRetry(
  db: Db,
  id: number,
  nextAttemptAt: number,
  error: string,
  countAttempt: boolean,
): void {
  sql(db).markRetry.run(nextAttemptAt, error, countAttempt ? 1 : 0, id);
}

/** Every pending row waiting out a backoff after failed tries is due now (the API answers again); returns how many. */
export function retryWaitingNow(db: Db, now: number): number {
  return sql(db).retryWaiting.run({ now }).changes;
}

/** The pending row whose backoff ends first is due now (a probe during an outage); returns whether there was one. */
export function retryFirstWaiting(db: Db, now: number): boolean {
  return sql(db).retryFirst.run({ now }).changes > 0;
}

/** Gives up on a pending row for good (e.g. Telegram refused it, or the user blocked the bot). */
export function markFailed(db: Db, id: number, error: string, now: number): void {
  sql(db).markFailed.run(error, now, id);
}

/**
 * Moves pending rows, by key, to go as early as `at` (a planned burst that fell behind now goes at full pace).
 * Only rows not tried yet move, and only earlier: a retry keeps its backoff. Returns how many moved.
 */
export function advancePending(db: Db, rows: readonly { dedupeKey: string; at: number }[]): number {
  const s = sql(db);
  return db.transaction(() => {
    let moved = 0;
    for (const r of rows) moved += s.advance.run({ at: r.at, key: r.dedupeKey }).changes;
    return moved;
  })();
}

/** Drops a pending row that lost its point (session started, cancelled, moved; user unsubscribed…). */
export function markDropped(db: Db, id: number, reason: string, now: number): boolean {
  return sql(db).markDropped.run(reason, now, id).changes > 0;
}

/** Drops everything still pending for a user (they blocked the bot); returns how many rows. */
export function dropPendingForUser(db: Db, userId: number, reason: string, now: number): number {
  return sql(db).dropForUser.run(reason, now, userId).changes;
}

/** Reminders already in the outbox (any status) for sessions starting after `startAfter`, by dedupe key. */
export function queuedReminders(db: Db, startAfter: number): Map<string, QueuedReminder> {
  const out = new Map<string, QueuedReminder>();
  for (const r of sql(db).remindersFrom.all(startAfter))
    out.set(r.dedupe_key, { status: r.status, lastError: r.last_error, notBefore: r.not_before });
  return out;
}

/** Every pending change notice, oldest first (a newer change merges into and supersedes them). */
export function pendingNotices(
  db: Db,
): { id: number; userId: number; chatId: number; payload: OutboxPayload }[] {
  return sql(db)
    .pendingNotices.all()
    .map((r) => ({
      id: r.id,
      userId: r.user_id,
      chatId: r.chat_id,
      payload: JSON.parse(r.payload) as OutboxPayload,
    }));
}

/** Counts every row of the outbox by status (for logs and tests). */
export function outboxCounts(db: Db): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, sent: 0, failed: 0, dropped: 0, total: 0 };
  for (const r of sql(db).countByStatus.all()) {
    counts[r.status] = r.n;
    counts.total += r.n;
  }
  return counts;
}

/** Rows waiting to be sent. */
export function pendingCount(db: Db): number {
  return sql(db).countPending.get()?.n ?? 0;
}

/** What became of one broadcast's messages, pruned rows included (uses the `outbox_by_broadcast` index). */
export function broadcastOutcomes(db: Db, broadcastId: number): OutcomeCounts {
  const s = sql(db);
  const counts: OutcomeCounts = { pending: 0, sent: 0, blocked: 0, failed: 0, dropped: 0 };
  for (const r of [...s.broadcastLive.all(broadcastId), ...s.broadcastHistory.all(broadcastId)])
    counts[r.outcome] += r.n;
  return counts;
}

/**
 * Messages Telegram accepted since `since` (ms), pruned rows included. Pruned rows count by the 15-minute
 * bucket they finished in, so `since` should fall on a quarter hour (a local midnight does).
 */
export function sentSince(db: Db, since: number): number {
  const s = sql(db);
  return (s.sentLive.get(since)?.n ?? 0) + (s.sentHistory.get(since)?.n ?? 0);
}

/**
 * Deletes at most `limit` rows that finished before `before`, oldest first, after adding their counts to the
 * history (one transaction). Reminders stay until their session has started, so their keys keep them from
 * being queued again. Returns how many rows went.
 */
export function pruneFinished(
  db: Db,
  { before, now, limit }: { before: number; now: number; limit: number },
) {
  const s = sql(db);
  return db.transaction(() => {
    s.foldIntoHistory.run({ before, now, limit, bucket: HISTORY_BUCKET_MS });
    return s.deletePrunable.run({ before, now, limit }).changes;
  })();
}

/**
 * Forget-me: deletes every outbox row addressed to the user (pending ones are not sent). Finished rows are
 * first counted into the history, as pruning would, so the day's statistics and a broadcast's totals stay.
 */
export function forgetOutboxOf(db: Db, userId: number): void {
  statement(
    db,
    `INSERT INTO outbox_history (bucket, kind, broadcast_id, outcome, n)
     SELECT (finished_at / ${HISTORY_BUCKET_MS}) * ${HISTORY_BUCKET_MS}, kind, COALESCE(broadcast_id, 0), ${OUTCOME}, COUNT(*)
     FROM outbox WHERE (user_id = ? OR chat_id = ?) AND status <> 'pending' AND finished_at IS NOT NULL
     GROUP BY 1, 2, 3, 4
     ON CONFLICT (bucket, kind, broadcast_id, outcome) DO UPDATE SET n = n + excluded.n`,
  ).run(userId, userId);
  statement(db, "DELETE FROM outbox WHERE user_id = ? OR chat_id = ?").run(userId, userId);
}
