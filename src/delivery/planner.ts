import type { Db } from "../store/db.js";
import {
  advancePending,
  enqueue,
  markDropped,
  type NewOutboxRow,
  type OutboxRow,
  queuedReminders,
  recordDropped,
} from "../store/outbox.js";
import {
  longestLeadMinutes,
  pendingReminderStates,
  type ReminderCandidate,
  type ReminderState,
  reminderCandidates,
  reminderState,
} from "../store/subscriptions.js";
import { type BurstForecast, forecastOf, interleaveTies, planSends } from "./burst.js";

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

/** The state a pending reminder is judged against: the store's state plus the start it was planned for. */
export interface ReminderCheckState extends ReminderState {
  plannedStart: number;
}

/** Why a reminder must not be sent at `now`, or undefined when it still should. */
export function reminderDropReason(state: ReminderCheckState, now: number): ReminderDropReason | undefined {
  const s = state.session;
  if (!s || s.removed) return "session-removed";
  if (s.cancelled) return "session-cancelled";
  if (s.startAt !== state.plannedStart) return "session-moved";
  if (now >= s.startAt) return "session-started";
  if (!state.subscribed) return "unsubscribed";
  if (state.blocked) return "user-blocked";
  return undefined;
}

/** Checks one reminder row of the outbox against the current programme, subscriptions and user. */
export function checkReminder(
  db: Db,
  row: Pick<OutboxRow, "userId" | "sessionId" | "expiresAt">,
  now: number,
): ReminderDropReason | undefined {
  if (!row.sessionId) return "session-removed";
  // For reminders, expires_at holds the start the reminder was planned for.
  const state = reminderState(db, row.userId, row.sessionId);
  return reminderDropReason({ ...state, plannedStart: row.expiresAt ?? 0 }, now);
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
  /** The reminders still to be sent in the planner's window, and how many of them will be late. */
  forecast: BurstForecast;
}

/** How far ahead of due times the planner looks: a burst this long at the send rate is planned in time. */
export const LOOKAHEAD_MS = 2 * 60 * 60 * 1000;
/** How early a planned reminder is put in the outbox (longer than a tick, so a slow tick loses nothing). */
export const QUEUE_AHEAD_MS = 2 * 60_000;
/** The promise: every reminder arrives at the latest this long after `start − lead`. */
export const LATE_TOLERANCE_MS = 60_000;
/**
 * A run of sends the plan makes later than this goes at the dispatcher's full pace instead of the planned
 * one: half the promise, so the dispatcher's own lag behind the plan still fits in the other half.
 */
export const HURRY_AFTER_MS = LATE_TOLERANCE_MS / 2;
/** The share of the send rate reminders are planned at: the rest keeps replies and notices flowing. */
export const PLAN_SHARE = 0.9;
/** The planning rate when the caller gives none: SEND_RATE's default. */
export const DEFAULT_SEND_RATE = 25;

/** Inputs of a planning pass. */
export interface PlanOptions {
  now: number;
  /** Lead time for users who never chose one (config DEFAULT_REMINDER_MINUTES). */
  defaultMinutes: number;
  /** Messages per second the dispatcher sends reminders at (SEND_RATE, or the paid rate); planned at PLAN_SHARE. */
  rate?: number;
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
  const dropped: DroppedReminder[] = [];
  for (const r of pendingReminderStates(db)) {
    const reason = reminderDropReason(r, now);
    // Started sessions are left to the dispatcher, which drops and logs them as it meets them.
    if (!reason || reason === "session-started") continue;
    if (markDropped(db, r.id, reason, now))
      dropped.push({ userId: r.userId, sessionId: r.sessionId, reason });
  }
  return dropped;
}

/**
 * A reminder the planner schedules: due at `start − lead` (or when the user subscribed, if that was later),
 * and not sent more than another lead earlier — "in 5 minutes" may come as "in 10", not as "in 20".
 */
interface Due extends ReminderCandidate {
  key: string;
  dueAt: number;
  earliestAt: number;
  queued: boolean;
  /** The `not_before` it was queued with, when it is pending. */
  queuedAt?: number;
}

/**
 * The reminders still to be sent in the planner's window, with their due times, in due order; those due at
 * the same instant take turns by conference (one send budget shared fairly: see interleaveTies).
 */
function remindersAhead(db: Db, now: number, defaultMinutes: number): Due[] {
  const maxLeadMs = longestLeadMinutes(db, defaultMinutes) * 60_000;
  const queued = queuedReminders(db, now);
  const out: Due[] = [];
  const candidates = reminderCandidates(db, {
    startAfter: now,
    startUntil: now + maxLeadMs + LOOKAHEAD_MS,
    dueUntil: now + LOOKAHEAD_MS,
    defaultMinutes,
  });
  for (const c of candidates) {
    const key = reminderKey(c.userId, c.sessionId, c.startAt);
    const q = queued.get(key);
    // Sent, failed or dropped for good: nothing left to plan. Dropped for a reason that went away: again.
    const revivable = q?.status === "dropped" && REVIVABLE.some((r) => r === q.lastError);
    if (q && q.status !== "pending" && !revivable) continue;
    const dueAt = Math.max(c.startAt - c.leadMs, Math.min(c.subscribedAt, c.startAt));
    const pending = q?.status === "pending";
    out.push({
      ...c,
      key,
      dueAt,
      earliestAt: c.startAt - 2 * c.leadMs,
      queued: pending,
      ...(pending ? { queuedAt: q.notBefore } : {}),
    });
  }
  return interleaveTies(out, (d) => d.conference);
}

/** The planning rate for a dispatcher rate: PLAN_SHARE of it. */
function planRate(rate: number | undefined): number {
  return (rate ?? DEFAULT_SEND_RATE) * PLAN_SHARE;
}

/**
 * Forecasts delivery without queueing anything: the reminders still to be sent in the planner's window, and
 * how many of them will arrive later than LATE_TOLERANCE_MS after `start − lead` at `rate` (for /stats).
 */
export function forecastReminders(
  db: Db,
  { now, defaultMinutes, rate }: Omit<PlanOptions, "missedSince">,
): BurstForecast {
  return forecastOf(
    planSends(remindersAhead(db, now, defaultMinutes), { now, rate: planRate(rate) }),
    LATE_TOLERANCE_MS,
  );
}

/**
 * The reminder tick. Knowing every reminder due in the next LOOKAHEAD_MS (for each subscription of a reachable
 * user to a live session, due at `start − lead`, lead = the user's choice or `defaultMinutes`) and the send
 * rate, it plans each send as late as possible but by its due time, so a burst of 10,000 starts as many
 * seconds early as it needs (see planSends); it queues the sends planned within QUEUE_AHEAD_MS under the key
 * `reminder:<user>:<session>:<startMs>` with that time as `not_before`; a run of sends the plan makes later
 * than HURRY_AFTER_MS at once, most urgent first, at the soonest each may go. Runs in one transaction and is
 * idempotent: however often it runs, a reminder is queued once. Also drops stale pending reminders (see
 * dropStaleReminders) and reports the forecast.
 */
export function planReminders(db: Db, { now, defaultMinutes, rate, missedSince }: PlanOptions): PlanResult {
  return db.transaction((): PlanResult => {
    const dropped = dropStaleReminders(db, now);
    const plan = planSends(remindersAhead(db, now, defaultMinutes), {
      now,
      rate: planRate(rate),
      hurryAfterMs: HURRY_AFTER_MS,
    });
    const rows: NewOutboxRow[] = [];
    const advanced: { dedupeKey: string; at: number }[] = [];
    for (const { item, sendAt, hurry } of plan) {
      // Rows of a run that fell into a hurry since they were queued move up too, or the rest would pass them.
      if (item.queued) {
        if (hurry && sendAt < (item.queuedAt ?? sendAt)) advanced.push({ dedupeKey: item.key, at: sendAt });
        continue;
      }
      if (sendAt > now + QUEUE_AHEAD_MS && !hurry) continue;
      rows.push({
        kind: "reminder",
        dedupeKey: item.key,
        userId: item.userId,
        chatId: item.chatId,
        sessionId: item.sessionId,
        payload: { type: "reminder", sessionId: item.sessionId, startMs: item.startAt },
        // A hurried run is queued whole, each row at the soonest it may go, in the plan's order (earliest due
        // first; equal times go by id), so the dispatcher sends it at its full pace.
        notBefore: sendAt,
        // A reminder expires when its session starts; the planned start also tells a moved session apart.
        expiresAt: item.startAt,
      });
    }
    advancePending(db, advanced);
    const enqueued = enqueue(db, rows, now, { revivable: REVIVABLE });
    const missed = missedSince === undefined ? [] : recordMissed(db, now, missedSince, defaultMinutes);
    return { enqueued, dropped, missed, forecast: forecastOf(plan, LATE_TOLERANCE_MS) };
  })();
}

/**
 * Re-plans after a programme change (for the organizer's reload): drops pending reminders of cancelled,
 * removed or moved sessions and queues those now due, moved sessions under their new start. Call it in the
 * same transaction as loadProgramme, or right after it, then `dispatcher.nudge()`.
 */
export function replanReminders(db: Db, now: number, defaultMinutes: number, rate?: number): PlanResult {
  return planReminders(db, { now, defaultMinutes, ...(rate ? { rate } : {}) });
}

/** Records reminders of sessions that started in (since, now] and were never queued: the bot was down. */
function recordMissed(db: Db, now: number, since: number, defaultMinutes: number): MissedReminders[] {
  const queued = queuedReminders(db, since);
  const rows = reminderCandidates(db, {
    startAfter: since,
    startUntil: now,
    dueUntil: now,
    defaultMinutes,
  }).filter((c) => c.subscribedAt < c.startAt && !queued.has(reminderKey(c.userId, c.sessionId, c.startAt)));
  if (!rows.length) return [];
  const bySession = new Map<string, MissedReminders>();
  const missed: NewOutboxRow[] = rows.map((r) => {
    const m = bySession.get(r.sessionId) ?? { sessionId: r.sessionId, startMs: r.startAt, users: 0 };
    m.users++;
    bySession.set(r.sessionId, m);
    return {
      kind: "reminder",
      dedupeKey: reminderKey(r.userId, r.sessionId, r.startAt),
      userId: r.userId,
      chatId: r.chatId,
      sessionId: r.sessionId,
      payload: { type: "reminder", sessionId: r.sessionId, startMs: r.startAt },
      notBefore: r.startAt - r.leadMs,
      expiresAt: r.startAt,
    };
  });
  recordDropped(db, missed, MISSED, now);
  return [...bySession.values()];
}
