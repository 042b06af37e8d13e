import type { Db } from "./db.js";
import { pendingCount, sentSince } from "./outbox.js";

/** The numbers /stats shows organizers. */
export interface Stats {
  users: { total: number; active: number; blocked: number };
  /** Subscriptions to sessions still in the programme, and how many users have at least one. */
  subscriptions: number;
  subscribers: number;
  /** The most followed sessions, most first (ties by programme order). */
  topSessions: { sessionId: string; count: number }[];
  /** Messages Telegram accepted since `since` (reminders, notices, broadcasts). */
  sentSince: number;
  /** Messages waiting in the outbox. */
  pending: number;
}

/** Counts users, subscriptions and outgoing messages; `since` is the start of "today" as the caller defines it. */
export function collectStats(db: Db, { since, top = 5 }: { since: number; top?: number }): Stats {
  const users = db.prepare("SELECT COUNT(*) AS total, COUNT(blocked_at) AS blocked FROM users").get() as {
    total: number;
    blocked: number;
  };
  const subs = db
    .prepare(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT sub.user_id) AS users FROM subscriptions sub
       JOIN sessions s ON s.id = sub.session_id WHERE s.removed = 0`,
    )
    .get() as { n: number; users: number };
  const topSessions = (
    db
      .prepare(
        `SELECT sub.session_id AS sessionId, COUNT(*) AS count FROM subscriptions sub
         JOIN sessions s ON s.id = sub.session_id WHERE s.removed = 0
         GROUP BY sub.session_id ORDER BY count DESC, MIN(s.position) LIMIT ?`,
      )
      .all(top) as { sessionId: string; count: number }[]
  ).map((r) => ({ sessionId: r.sessionId, count: r.count }));
  return {
    users: { total: users.total, active: users.total - users.blocked, blocked: users.blocked },
    subscriptions: subs.n,
    subscribers: subs.users,
    topSessions,
    sentSince: sentSince(db, since),
    pending: pendingCount(db),
  };
}
