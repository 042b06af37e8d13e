import { type Db, statement } from "./db.js";

/** Subscribes a user to a session; returns false when they already were. */
export function subscribe(db: Db, userId: number, sessionId: string, now: number): boolean {
  return (
    statement(
      db,
      "INSERT INTO subscriptions (user_id, session_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(userId, sessionId, now).changes > 0
  );
}

/** Removes a subscription; returns false when there was none. */
export function unsubscribe(db: Db, userId: number, sessionId: string): boolean {
  return (
    statement(db, "DELETE FROM subscriptions WHERE user_id = ? AND session_id = ?").run(userId, sessionId)
      .changes > 0
  );
}

/** Whether a user follows a session, and if so whether its reminder is on: "off" when they do not. */
export function followState(db: Db, userId: number, sessionId: string): "off" | "remind" | "muted" {
  const r = statement<[number, string], { remind: number }>(
    db,
    "SELECT remind FROM subscriptions WHERE user_id = ? AND session_id = ?",
  ).get(userId, sessionId);
  return r === undefined ? "off" : r.remind ? "remind" : "muted";
}

/** Whether a user follows a session. */
export function isSubscribed(db: Db, userId: number, sessionId: string): boolean {
  return (
    statement(db, "SELECT 1 FROM subscriptions WHERE user_id = ? AND session_id = ?").get(
      userId,
      sessionId,
    ) !== undefined
  );
}

/** The ids of the sessions a user follows. */
export function subscriptionsOf(db: Db, userId: number): string[] {
  // Plucked: the ids themselves, without a row object each (every list asks, for its ⭐).
  return statement<[number], string>(db, "SELECT session_id FROM subscriptions WHERE user_id = ?")
    .pluck()
    .all(userId);
}

/** The users (reachable ones only) who follow a session. */
export function subscribersOf(db: Db, sessionId: string): number[] {
  return (
    statement(
      db,
      "SELECT s.user_id FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE s.session_id = ? AND u.blocked_at IS NULL",
    ).all(sessionId) as { user_id: number }[]
  ).map((r) => r.user_id);
}

/** A reminder someone is owed: a subscription of a reachable user to a live, upcoming session. */
export interface ReminderCandidate {
  userId: number;
  chatId: number;
  sessionId: string;
  /** The conference the session belongs to (the planner shares the send budget fairly among conferences). */
  conference: string;
  startAt: number;
  /** The user's lead time (ms): their choice in /settings, or the default. */
  leadMs: number;
  subscribedAt: number;
}

/** The window {@link reminderCandidates} looks at. */
export interface CandidateWindow {
  /** Sessions starting after this instant (ms)… */
  startAfter: number;
  /** …and at the latest at this one. */
  startUntil: number;
  /** Only reminders due (`start − lead`) at the latest at this instant. */
  dueUntil: number;
  /** Lead time (minutes) of users who never chose one (config DEFAULT_REMINDER_MINUTES). */
  defaultMinutes: number;
}

/**
 * The planner's query, and the one place that says who is reminded of what: every subscription (with its
 * reminder on) of a reachable user who has not turned reminders off in /settings to a live session in the window, with the user's lead time (indexes
 * `sessions_live_by_start`, `subscriptions_by_session_user`). Ordered by due time, then user, so plans are
 * the same from one tick to the next.
 */
export function reminderCandidates(db: Db, w: CandidateWindow): ReminderCandidate[] {
  return statement<CandidateWindow, ReminderCandidate>(
    db,
    `SELECT sub.user_id AS userId, u.chat_id AS chatId, s.id AS sessionId, s.conference_id AS conference,
       s.start_at AS startAt,
       COALESCE(u.reminder_minutes, @defaultMinutes) * 60000 AS leadMs, sub.created_at AS subscribedAt
     FROM sessions s
     JOIN subscriptions sub ON sub.session_id = s.id AND sub.remind = 1
     JOIN users u ON u.id = sub.user_id
     WHERE s.removed = 0 AND s.cancelled = 0 AND s.start_at > @startAfter AND s.start_at <= @startUntil
       AND s.start_at - COALESCE(u.reminder_minutes, @defaultMinutes) * 60000 <= @dueUntil
       AND u.blocked_at IS NULL AND u.reminders = 1
     ORDER BY s.start_at - COALESCE(u.reminder_minutes, @defaultMinutes) * 60000, sub.user_id, s.id`,
  ).all(w);
}

/** The longest lead time any user has chosen, or `defaultMinutes` when that is longer (minutes). */
export function longestLeadMinutes(db: Db, defaultMinutes: number): number {
  return (
    statement<[number], { m: number }>(
      db,
      "SELECT MAX(COALESCE(MAX(reminder_minutes), 0), ?) AS m FROM users",
    ).get(defaultMinutes)?.m ?? defaultMinutes
  );
}

/** What a reminder is judged against just before it is sent. */
export interface ReminderState {
  /** The session as stored now; null when it is gone altogether. */
  session: { startAt: number; cancelled: boolean; removed: boolean } | null;
  /**
   * Whether the user still follows the session and wants its reminder: not turned off for the session (its
   * card, the reminder's "Stop reminders", the Mini App) nor altogether (/settings).
   */
  subscribed: boolean;
  blocked: boolean;
}

/** The columns a reminder's state is read from (see {@link stateOf}). */
interface StateRow {
  start_at: number | null;
  cancelled: number | null;
  removed: number | null;
  subscribed: number | null;
  blocked_at: number | null;
}

/** The state a joined row stands for: no session row means the session is gone altogether. */
function stateOf(r: StateRow | undefined): ReminderState {
  return {
    session:
      r?.start_at == null
        ? null
        : { startAt: r.start_at, cancelled: r.cancelled === 1, removed: r.removed === 1 },
    subscribed: r?.subscribed === 1,
    blocked: r?.blocked_at != null,
  };
}

/** The state of one user's reminder for one session (see {@link ReminderState}). */
export function reminderState(db: Db, userId: number, sessionId: string): ReminderState {
  const r = statement<{ userId: number; sessionId: string }, StateRow>(
    db,
    `SELECT s.start_at, s.cancelled, s.removed, u.blocked_at,
       EXISTS (SELECT 1 FROM subscriptions sub
         WHERE sub.user_id = @userId AND sub.session_id = @sessionId AND sub.remind = 1)
         AND COALESCE(u.reminders, 1) = 1 AS subscribed
     FROM (SELECT 1) LEFT JOIN sessions s ON s.id = @sessionId LEFT JOIN users u ON u.id = @userId`,
  ).get({ userId, sessionId });
  return stateOf(r);
}

/** A pending reminder of the outbox with the state it is judged against now. */
export interface PendingReminderState extends ReminderState {
  /** The outbox row's id. */
  id: number;
  userId: number;
  sessionId: string;
  /** The start the reminder was planned for (its `expires_at`). */
  plannedStart: number;
}

/**
 * Every pending reminder in the outbox with its session, subscription and user as they are now, in one joined
 * query: the planner checks them all at every tick, and one query per row cost more than the rest of the tick.
 */
export function pendingReminderStates(db: Db): PendingReminderState[] {
  const rows = statement<[], StateRow & { id: number; user_id: number; session_id: string; planned: number }>(
    db,
    // For reminders, expires_at holds the start the reminder was planned for.
    `SELECT o.id, o.user_id, o.session_id, o.expires_at AS planned,
       s.start_at, s.cancelled, s.removed, u.blocked_at,
       sub.remind = 1 AND COALESCE(u.reminders, 1) = 1 AS subscribed
     FROM outbox o
       LEFT JOIN sessions s ON s.id = o.session_id
       LEFT JOIN users u ON u.id = o.user_id
       LEFT JOIN subscriptions sub ON sub.user_id = o.user_id AND sub.session_id = o.session_id
     WHERE o.status = 'pending' AND o.kind = 'reminder' AND o.session_id IS NOT NULL
       AND o.expires_at IS NOT NULL`,
  ).all();
  return rows.map((r) => ({
    ...stateOf(r),
    id: r.id,
    userId: r.user_id,
    sessionId: r.session_id,
    plannedStart: r.planned,
  }));
}

/**
 * Turns the reminder of a followed session on or off (the session stays followed); false when the user
 * does not follow it.
 */
export function setReminder(db: Db, userId: number, sessionId: string, on: boolean): boolean {
  return (
    statement(db, "UPDATE subscriptions SET remind = ? WHERE user_id = ? AND session_id = ?").run(
      on ? 1 : 0,
      userId,
      sessionId,
    ).changes > 0
  );
}

/** The followed sessions whose reminder the user turned off. */
export function mutedOf(db: Db, userId: number): string[] {
  return (
    statement(db, "SELECT session_id FROM subscriptions WHERE user_id = ? AND remind = 0").all(userId) as {
      session_id: string;
    }[]
  ).map((r) => r.session_id);
}

/** A reachable user and their chat. */
export interface Reachable {
  userId: number;
  chatId: number;
}

/** The reachable followers of a session with their chats, by user id (broadcasts, change notices). */
export function followersOf(db: Db, sessionId: string): Reachable[] {
  return statement<[string], Reachable>(
    db,
    `SELECT s.user_id AS userId, u.chat_id AS chatId FROM subscriptions s JOIN users u ON u.id = s.user_id
     WHERE s.session_id = ? AND u.blocked_at IS NULL ORDER BY s.user_id`,
  ).all(sessionId);
}

/**
 * The same as {@link followersOf}, as `[userId, chatId]` pairs: no object per row, for the change notices of
 * a session thousands follow.
 */
export function followerPairs(db: Db, sessionId: string): [number, number][] {
  return (
    statement<[string], [number, number]>(
      db,
      `SELECT s.user_id, u.chat_id FROM subscriptions s JOIN users u ON u.id = s.user_id
       WHERE s.session_id = ? AND u.blocked_at IS NULL ORDER BY s.user_id -- pairs`,
    ) as unknown as { raw(on: boolean): { all(id: string): [number, number][] } }
  )
    .raw(true)
    .all(sessionId);
}

/** Forget-me: deletes every session the user follows, with its reminder switch. */
export function forgetSubscriptionsOf(db: Db, userId: number): void {
  statement(db, "DELETE FROM subscriptions WHERE user_id = ?").run(userId);
}
