import type { Db } from "../store/db.js";

/** What an outbox row carries: a reminder, a change notice (organizer) or a broadcast (organizer). */
export type OutboxKind = "reminder" | "notice" | "broadcast";

/** `pending` until Telegram accepted it (`sent`), it failed for good (`failed`), or it lost its point (`dropped`). */
export type OutboxStatus = "pending" | "sent" | "failed" | "dropped";

/** One inline button of an outgoing message: either a callback button or a URL button. */
export interface OutgoingButton {
  text: string;
  callbackData?: string;
  url?: string;
}

/** A message ready to go to Telegram, described without grammY so src/reminders stays transport-free. */
export interface OutgoingMessage {
  chatId: number;
  text: string;
  parseMode?: "HTML";
  /** Telegram MessageEntity objects (instead of parseMode), e.g. a broadcast exactly as the organizer wrote it. */
  entities?: readonly Record<string, unknown>[];
  buttons?: OutgoingButton[][];
}

/** A reminder, rendered at send time in the user's language from the session as it is then. */
export interface ReminderPayload {
  type: "reminder";
  sessionId: string;
  /** The session start the reminder was planned for (a moved session gets a new row). */
  startMs: number;
}

/** A message composed at enqueue time (e.g. already localized by the organizer's code). */
export interface MessagePayload {
  type: "message";
  text: string;
  parseMode?: "HTML";
  entities?: readonly Record<string, unknown>[];
  buttons?: OutgoingButton[][];
}

/** A named view rendered at send time by the bot's renderer (see src/bot/views/outbox.ts), with its parameters. */
export interface ViewPayload {
  type: "view";
  view: string;
  params: Record<string, unknown>;
}

/** What a row asks to be sent; stored as JSON in `outbox.payload`. */
export type OutboxPayload = ReminderPayload | MessagePayload | ViewPayload;

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
  broadcastId: number | null;
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
  broadcast_id: number | null;
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
  broadcastId: r.broadcast_id,
});

/**
 * Queues messages for the dispatcher, in one transaction, and returns how many rows were new.
 * A row whose `dedupeKey` is already in the outbox (in any status) is skipped, so callers may enqueue the
 * same thing as often as they like. This is the entry point for the organizer's change notices
 * (kind `notice`, key e.g. `notice:<user>:<session>:<version>`) and broadcasts (kind `broadcast`, key
 * `broadcast:<id>:<user>`, `broadcastId` set); call `dispatcher.nudge()` afterwards to send without waiting.
 */
export function enqueue(db: Db, rows: readonly NewOutboxRow[], now: number): number {
  const insert = db.prepare(`
    INSERT INTO outbox (kind, dedupe_key, user_id, chat_id, session_id, payload, not_before, expires_at,
      status, attempts, next_attempt_at, created_at, broadcast_id)
    VALUES (@kind, @dedupeKey, @userId, @chatId, @sessionId, @payload, @notBefore, @expiresAt,
      'pending', 0, @notBefore, @now, @broadcastId)
    ON CONFLICT (dedupe_key) DO NOTHING`);
  return db.transaction(() => {
    let added = 0;
    for (const r of rows) {
      added += insert.run({
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
      }).changes;
    }
    return added;
  })();
}

/**
 * Pending rows whose next attempt is due at `now`, at most `limit`: reminders and change notices first (they
 * lose their point when the session starts), then broadcasts; each oldest due first (the `outbox_due` index).
 */
export function dueRows(db: Db, now: number, limit: number): OutboxRow[] {
  const select = (kinds: string) =>
    (
      db
        .prepare(
          `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND ${kinds}
           ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(now, limit) as Row[]
    ).map(fromRow);
  const urgent = select("kind <> 'broadcast'");
  return urgent.length >= limit
    ? urgent
    : [...urgent, ...select("kind = 'broadcast'").slice(0, limit - urgent.length)];
}

/** When the earliest pending row falls due (ms), or undefined when nothing is pending. */
export function nextDueAt(db: Db): number | undefined {
  const r = db.prepare("SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'").get() as {
    at: number | null;
  };
  return r.at ?? undefined;
}

/** Whether any pending row may already be sent (its `not_before` has passed), retries waiting included. */
export function hasPendingBefore(db: Db, now: number): boolean {
  return (
    db.prepare("SELECT 1 FROM outbox WHERE status = 'pending' AND not_before <= ? LIMIT 1").get(now) !==
    undefined
  );
}

/** Reads one row by id. */
export function getOutboxRow(db: Db, id: number): OutboxRow | undefined {
  const r = db.prepare("SELECT * FROM outbox WHERE id = ?").get(id) as Row | undefined;
  return r && fromRow(r);
}

/** Reads one row by its dedupe key. */
export function findByKey(db: Db, dedupeKey: string): OutboxRow | undefined {
  const r = db.prepare("SELECT * FROM outbox WHERE dedupe_key = ?").get(dedupeKey) as Row | undefined;
  return r && fromRow(r);
}

/**
 * Records that Telegram accepted the message; returns whether the row changed. A row dropped while its send
 * was in flight (the user unsubscribed, the session moved) is marked sent too: it was delivered, and a
 * reminder left `dropped` could be planned again and sent a second time.
 */
export function markSent(db: Db, id: number, now: number): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL
         WHERE id = ? AND status IN ('pending', 'dropped')`,
      )
      .run(now, id).changes > 0
  );
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
  db.prepare(
    `UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ? WHERE id = ? AND status = 'pending'`,
  ).run(nextAttemptAt, error, countAttempt ? 1 : 0, id);
}

/** Gives up on a pending row for good (e.g. Telegram refused it, or the user blocked the bot). */
export function markFailed(db: Db, id: number, error: string): void {
  db.prepare("UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ? AND status = 'pending'").run(
    error,
    id,
  );
}

/** Drops a pending row that lost its point (session started, cancelled, moved; user unsubscribed…). */
export function markDropped(db: Db, id: number, reason: string): boolean {
  return (
    db
      .prepare("UPDATE outbox SET status = 'dropped', last_error = ? WHERE id = ? AND status = 'pending'")
      .run(reason, id).changes > 0
  );
}

/** Drops everything still pending for a user (they blocked the bot); returns how many rows. */
export function dropPendingForUser(db: Db, userId: number, reason: string): number {
  return db
    .prepare("UPDATE outbox SET status = 'dropped', last_error = ? WHERE user_id = ? AND status = 'pending'")
    .run(reason, userId).changes;
}

/** Progress of one broadcast: rows by status. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
  dropped: number;
  total: number;
}

/** Counts a broadcast's rows by status (uses the `outbox_by_broadcast` index). */
export function broadcastProgress(db: Db, broadcastId: number): OutboxCounts {
  const rows = db
    .prepare("SELECT status, COUNT(*) AS n FROM outbox WHERE broadcast_id = ? GROUP BY status")
    .all(broadcastId) as { status: OutboxStatus; n: number }[];
  const counts: OutboxCounts = { pending: 0, sent: 0, failed: 0, dropped: 0, total: 0 };
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.total += r.n;
  }
  return counts;
}

/** Counts every row of the outbox by status (for logs and tests). */
export function outboxCounts(db: Db): OutboxCounts {
  const rows = db.prepare("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status").all() as {
    status: OutboxStatus;
    n: number;
  }[];
  const counts: OutboxCounts = { pending: 0, sent: 0, failed: 0, dropped: 0, total: 0 };
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.total += r.n;
  }
  return counts;
}
