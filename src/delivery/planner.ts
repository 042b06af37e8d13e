import type { Db } from "../store/db.js";

/** The lead times (minutes before a session) an attendee can choose from in /settings. */
export const REMINDER_CHOICES = [5, 10, 15, 30, 60] as const;

/** Why a pending reminder was dropped rather than sent. */
export type ReminderDropReason =
  | "session-started"
  | "session-cancelled"
  | "session-removed"
  | "session-moved"
  | "unsubscribed"
  | "user-blocked";

/** Reasons whose condition can go away again; a reminder dropped for one of them is re-planned when it does. */
const REVIVABLE: readonly ReminderDropReason[] = [
  "session-cancelled",
  "session-removed",
  "session-moved",
  "unsubscribed",
  "user-blocked",
];

/** Reason recorded for a reminder that fell due while the bot was down and whose session had started by then. */
export const MISSED = "missed: session started while the bot was down";

/** The outbox key of a reminder: one per user, session and start time, so a moved session gets a new one. */
export function reminderKey(userId: number, sessionId: string, startMs: number): string {
  return `reminder:${userId}:${sessionId}:${startMs}`;
}

/** The state a pending reminder is judged against. */
export interface ReminderState {
  /** The start the reminder was planned for. */
  plannedStart: number;
  /** The session as stored now; null when the row is gone altogether. */
  session: { startAt: number; cancelled: boolean; removed: boolean } | null;
  subscribed: boolean;
  blocked: boolean;
}

/** Why a reminder must not be sent at `now`, or undefined when it still should. */
export function reminderDropReason(state: ReminderState, now: number): ReminderDropReason | undefined {
  const s = state.session;
  if (!s || s.removed) return "session-removed";
  if (s.cancelled) return "session-cancelled";
  if (s.startAt !== state.plannedStart) return "session-moved";
  if (now >= s.startAt) return "session-started";
  if (!state.subscribed) return "unsubscribed";
  if (state.blocked) return "user-blocked";
  return undefined;
}

interface StateRow {
  id: number;
  user_id: number;
  session_id: string | null;
  planned: number | null;
  start_at: number | null;
  cancelled: number | null;
  removed: number | null;
  subscribed: number;
  blocked_at: number | null;
}

// For reminders, expires_at holds the start the reminder was planned for (see planReminders).
const STATE_SQL = `
  SELECT o.id, o.user_id, o.session_id, o.expires_at AS planned, s.start_at, s.cancelled, s.removed,
    EXISTS (SELECT 1 FROM subscriptions sub WHERE sub.user_id = o.user_id AND sub.session_id = o.session_id) AS subscribed,
    u.blocked_at
  FROM outbox o
  LEFT JOIN sessions s ON s.id = o.session_id
  LEFT JOIN users u ON u.id = o.user_id`;

const toState = (r: StateRow): ReminderState => ({
  plannedStart: r.planned ?? 0,
  session:
    r.start_at === null
      ? null
      : { startAt: r.start_at, cancelled: r.cancelled === 1, removed: r.removed === 1 },
  subscribed: r.subscribed === 1,
  blocked: r.blocked_at !== null,
});

/** Checks one reminder row of the outbox against the current programme, subscriptions and user. */
export function checkReminder(db: Db, outboxId: number, now: number): ReminderDropReason | undefined {
  const r = db.prepare(`${STATE_SQL} WHERE o.id = ?`).get(outboxId) as StateRow | undefined;
  if (!r) return "session-removed";
  return reminderDropReason(toState(r), now);
}

/** A reminder the planner dropped, for the log. */
export interface DroppedReminder {
  userId: number;
  sessionId: string;
  reason: ReminderDropReason;
}

/** Sessions whose reminders fell due while the bot was down and that had started by the time it came back. */
export interface MissedReminders {
  sessionId: string;
  startMs: number;
  users: number;
}

/** What one planning pass did. */
export interface PlanResult {
  /** Reminders newly queued (or re-queued after a drop whose reason went away). */
  enqueued: number;
  /** Pending reminders dropped because their session or subscription changed. */
  dropped: DroppedReminder[];
  /** Reminders that could not be sent in time at all (recorded in the outbox as dropped). */
  missed: MissedReminders[];
}

/** Inputs of a planning pass. */
export interface PlanOptions {
  now: number;
  /** Lead time for users who never chose one (config DEFAULT_REMINDER_MINUTES). */
  defaultMinutes: number;
  /**
   * When the previous pass ran; sessions that started in (missedSince, now] without their reminder having been
   * queued are recorded as missed. Omit to skip that check.
   */
  missedSince?: number;
}

/**
 * Drops pending reminders that lost their point: the session was cancelled, removed or moved (a moved session's
 * reminder is planned again under its new key), the user unsubscribed or blocked the bot.
 */
export function dropStaleReminders(db: Db, now: number): DroppedReminder[] {
  // SQL picks the candidates (cheap even with 10,000 pending); reminderDropReason names the reason.
  const rows = db
    .prepare(
      `${STATE_SQL} WHERE o.status = 'pending' AND o.kind = 'reminder' AND (s.id IS NULL OR s.removed = 1
        OR s.cancelled = 1 OR s.start_at IS NOT o.expires_at OR u.blocked_at IS NOT NULL
        OR NOT EXISTS (SELECT 1 FROM subscriptions sub WHERE sub.user_id = o.user_id AND sub.session_id = o.session_id))`,
    )
    .all() as StateRow[];
  const drop = db.prepare(
    "UPDATE outbox SET status = 'dropped', last_error = ? WHERE id = ? AND status = 'pending'",
  );
  const dropped: DroppedReminder[] = [];
  for (const r of rows) {
    const reason = reminderDropReason(toState(r), now);
    // Started sessions are left to the dispatcher, which drops and logs them as it meets them.
    if (!reason || reason === "session-started") continue;
    drop.run(reason, r.id);
    dropped.push({ userId: r.user_id, sessionId: r.session_id ?? "", reason });
  }
  return dropped;
}

/**
 * The reminder tick: queues every reminder that is due, i.e. for each subscription of a reachable user to a
 * live session, `start − lead ≤ now < start` (lead = the user's choice or `defaultMinutes`), under the key
 * `reminder:<user>:<session>:<startMs>`. Runs in one transaction and is idempotent: however often it runs, a
 * reminder is queued once. A lead longer than the time left queues the reminder at once (it then says how
 * many minutes are actually left). Also drops stale pending reminders (see dropStaleReminders).
 */
export function planReminders(db: Db, { now, defaultMinutes, missedSince }: PlanOptions): PlanResult {
  return db.transaction((): PlanResult => {
    const dropped = dropStaleReminders(db, now);
    const maxLead = (
      db.prepare("SELECT MAX(COALESCE(MAX(reminder_minutes), 0), ?) AS m FROM users").get(defaultMinutes) as {
        m: number;
      }
    ).m;
    const params = { now, def: defaultMinutes, horizon: now + maxLead * 60_000 };
    const enqueued = db
      .prepare(`
        INSERT INTO outbox (kind, dedupe_key, user_id, chat_id, session_id, payload, not_before, expires_at,
          status, attempts, next_attempt_at, created_at)
        SELECT 'reminder', 'reminder:' || sub.user_id || ':' || s.id || ':' || s.start_at, sub.user_id, u.chat_id,
          s.id, json_object('type', 'reminder', 'sessionId', s.id, 'startMs', s.start_at),
          s.start_at - COALESCE(u.reminder_minutes, @def) * 60000, s.start_at, 'pending', 0, @now, @now
        FROM sessions s
        JOIN subscriptions sub ON sub.session_id = s.id
        JOIN users u ON u.id = sub.user_id
        WHERE s.removed = 0 AND s.cancelled = 0 AND s.start_at > @now AND s.start_at <= @horizon
          AND s.start_at - COALESCE(u.reminder_minutes, @def) * 60000 <= @now
          AND u.blocked_at IS NULL
        ON CONFLICT (dedupe_key) DO UPDATE SET status = 'pending', chat_id = excluded.chat_id, attempts = 0,
          next_attempt_at = excluded.next_attempt_at, last_error = NULL
        WHERE outbox.status = 'dropped' AND outbox.last_error IN (${REVIVABLE.map((r) => `'${r}'`).join(", ")})`)
      .run(params).changes;
    const missed = missedSince === undefined ? [] : recordMissed(db, now, missedSince, defaultMinutes);
    return { enqueued, dropped, missed };
  })();
}

/**
 * Re-plans after a programme change (for the organizer's reload): drops pending reminders of cancelled,
 * removed or moved sessions and queues those now due, moved sessions under their new start. Call it in the
 * same transaction as loadProgramme, or right after it, then `dispatcher.nudge()`.
 */
export function replanReminders(db: Db, now: number, defaultMinutes: number): PlanResult {
  return planReminders(db, { now, defaultMinutes });
}

function recordMissed(db: Db, now: number, since: number, defaultMinutes: number): MissedReminders[] {
  const rows = db
    .prepare(`
      SELECT sub.user_id, u.chat_id, s.id AS session_id, s.start_at,
        s.start_at - COALESCE(u.reminder_minutes, @def) * 60000 AS due_at
      FROM sessions s
      JOIN subscriptions sub ON sub.session_id = s.id
      JOIN users u ON u.id = sub.user_id
      WHERE s.removed = 0 AND s.cancelled = 0 AND s.start_at > @since AND s.start_at <= @now
        AND sub.created_at < s.start_at AND u.blocked_at IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM outbox o WHERE o.dedupe_key = 'reminder:' || sub.user_id || ':' || s.id || ':' || s.start_at)`)
    .all({ now, since, def: defaultMinutes }) as {
    user_id: number;
    chat_id: number;
    session_id: string;
    start_at: number;
    due_at: number;
  }[];
  if (!rows.length) return [];
  const insert = db.prepare(`
    INSERT INTO outbox (kind, dedupe_key, user_id, chat_id, session_id, payload, not_before, expires_at, status,
      attempts, next_attempt_at, last_error, created_at)
    VALUES ('reminder', ?, ?, ?, ?, ?, ?, ?, 'dropped', 0, ?, ?, ?)
    ON CONFLICT (dedupe_key) DO NOTHING`);
  const bySession = new Map<string, MissedReminders>();
  for (const r of rows) {
    const payload = JSON.stringify({ type: "reminder", sessionId: r.session_id, startMs: r.start_at });
    const key = reminderKey(r.user_id, r.session_id, r.start_at);
    insert.run(key, r.user_id, r.chat_id, r.session_id, payload, r.due_at, r.start_at, now, MISSED, now);
    const m = bySession.get(r.session_id) ?? { sessionId: r.session_id, startMs: r.start_at, users: 0 };
    m.users++;
    bySession.set(r.session_id, m);
  }
  return [...bySession.values()];
}
