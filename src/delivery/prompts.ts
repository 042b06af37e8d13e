import type { Db } from "../store/db.js";
import { statement } from "../store/db.js";
import { enqueue, type NewOutboxRow, type OutboxRow } from "../store/outbox.js";

/**
 * Rating prompts: a few minutes after a followed session ends, each follower is asked once how it was. They go
 * through the outbox (kind `prompt`, key `rate:<user>:<session>`), which sends them after every reminder,
 * notice and broadcast, and the dispatcher checks each against the user and the session just before it goes.
 */

/** Kinds of session worth rating: talks and the like, not breaks, meals, ceremonies or meetups. */
export const RATEABLE_KINDS = ["talk", "keynote", "workshop", "lightning", "panel"] as const;

/** How long after its session's end a prompt is still worth sending (and a session still gets prompts queued). */
export const PROMPT_WINDOW_MS = 6 * 60 * 60_000;

/** Payload view name of a rating prompt (rendered by the bot, src/bot/views/rating.ts). */
export const PROMPT_VIEW = "rating-prompt";

/** The outbox key of a user's prompt for a session: one ever, however often the tick runs. */
export function promptKey(userId: number, sessionId: string): string {
  return `rate:${userId}:${sessionId}`;
}

const KINDS_SQL = RATEABLE_KINDS.map((k) => `'${k}'`).join(", ");

/** A follower owed a prompt. */
interface PromptCandidate {
  userId: number;
  chatId: number;
  sessionId: string;
  endAt: number;
}

/**
 * Queues the prompts now due: for every live session of a rateable kind that ended between PROMPT_WINDOW_MS
 * and `delayMs` ago, each reachable follower who has the prompts on, followed it before it ended, has not rated
 * it and was not prompted for it yet. Idempotent (keyed rows); returns how many were queued.
 */
export function planRatingPrompts(db: Db, { now, delayMs }: { now: number; delayMs: number }): number {
  const candidates = statement<{ from: number; until: number }, PromptCandidate>(
    db,
    `SELECT sub.user_id AS userId, u.chat_id AS chatId, s.id AS sessionId, s.end_at AS endAt
     FROM sessions s
     JOIN subscriptions sub ON sub.session_id = s.id
     JOIN users u ON u.id = sub.user_id
     WHERE s.removed = 0 AND s.cancelled = 0 AND s.kind IN (${KINDS_SQL})
       AND s.end_at > @from AND s.end_at <= @until AND sub.created_at < s.end_at
       AND u.blocked_at IS NULL AND u.rating_prompts = 1
       AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.user_id = sub.user_id AND r.session_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM outbox o
         WHERE o.dedupe_key = 'rate:' || sub.user_id || ':' || s.id)
     ORDER BY s.end_at, s.id, sub.user_id`,
  ).all({ from: now - PROMPT_WINDOW_MS, until: now - delayMs });
  if (!candidates.length) return 0;
  const rows: NewOutboxRow[] = candidates.map((c) => ({
    kind: "prompt",
    dedupeKey: promptKey(c.userId, c.sessionId),
    userId: c.userId,
    chatId: c.chatId,
    sessionId: c.sessionId,
    payload: { type: "view", view: PROMPT_VIEW, params: { sessionId: c.sessionId } },
    notBefore: now,
    expiresAt: c.endAt + PROMPT_WINDOW_MS,
  }));
  return enqueue(db, rows, now);
}

/** Why a prompt must not go now, or undefined when it still should. */
export type PromptDropReason =
  | "session-removed"
  | "session-cancelled"
  | "prompts-off"
  | "user-blocked"
  | "already-rated"
  | "unsubscribed";

/** The last look before a prompt goes: the session, the user's switch and block, a rating given meanwhile. */
export function checkPrompt(
  db: Db,
  row: Pick<OutboxRow, "userId" | "sessionId">,
): PromptDropReason | undefined {
  if (!row.sessionId) return "session-removed";
  const r = statement<
    { userId: number; sessionId: string },
    {
      removed: number | null;
      cancelled: number | null;
      prompts: number | null;
      blocked: number | null;
      rated: number;
      follows: number;
    }
  >(
    db,
    `SELECT s.removed, s.cancelled, u.rating_prompts AS prompts, u.blocked_at AS blocked,
       EXISTS (SELECT 1 FROM ratings WHERE user_id = @userId AND session_id = @sessionId) AS rated,
       EXISTS (SELECT 1 FROM subscriptions WHERE user_id = @userId AND session_id = @sessionId) AS follows
     FROM (SELECT 1) LEFT JOIN sessions s ON s.id = @sessionId LEFT JOIN users u ON u.id = @userId`,
  ).get({ userId: row.userId, sessionId: row.sessionId });
  if (!r || r.removed === null || r.removed) return "session-removed";
  if (r.cancelled) return "session-cancelled";
  if (r.blocked !== null) return "user-blocked";
  if (r.prompts !== 1) return "prompts-off";
  if (!r.follows) return "unsubscribed";
  if (r.rated) return "already-rated";
  return undefined;
}

/** Whether a session can be rated at `now`: one of RATEABLE_KINDS, not cancelled, and started. */
export function canRate(
  session: { kind: string; cancelled?: boolean; start: string },
  now: number,
): "ok" | "not-rateable" | "not-started" {
  if (session.cancelled || !(RATEABLE_KINDS as readonly string[]).includes(session.kind))
    return "not-rateable";
  return Date.parse(session.start) <= now ? "ok" : "not-started";
}
