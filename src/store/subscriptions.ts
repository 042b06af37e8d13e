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
  return (
    statement(db, "SELECT session_id FROM subscriptions WHERE user_id = ?").all(userId) as {
      session_id: string;
    }[]
  ).map((r) => r.session_id);
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
