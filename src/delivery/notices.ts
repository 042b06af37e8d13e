import { createHash } from "node:crypto";
import type { ProgrammeDiff } from "../programme/diff.js";
import { NOTICE_FIELDS } from "../programme/diff.js";
import type { Programme, Session, Text } from "../programme/model.js";
import type { Db } from "../store/db.js";
import { writeTransaction } from "../store/db.js";
import { enqueue, markDropped, type NewOutboxRow, pendingNotices } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { type PlanResult, replanReminders } from "./planner.js";

/** The name of the outbox view that renders a change notice (see src/bot/views/notice.ts). */
export const NOTICE_VIEW = "notice";

/** What attendees are told about a session at one moment: enough to say "was … now …". */
export interface SessionSnapshot {
  title: Text;
  start: string;
  end: string;
  room?: string;
  cancelled: boolean;
}

/** The parameters of a change notice; `after` is null when the session was taken out of the programme. */
export interface NoticeParams {
  sessionId: string;
  before: SessionSnapshot;
  after: SessionSnapshot | null;
}

/** The snapshot of a session that notices compare. */
export function snapshot(s: Session): SessionSnapshot {
  return {
    title: s.title,
    start: s.start,
    end: s.end,
    ...(s.room ? { room: s.room } : {}),
    cancelled: Boolean(s.cancelled),
  };
}

/** Whether two snapshots tell an attendee the same thing (same instants, room, title, cancellation). */
export function sameForAttendee(a: SessionSnapshot | null, b: SessionSnapshot | null): boolean {
  if (!a || !b) return a === b;
  return (
    Date.parse(a.start) === Date.parse(b.start) &&
    Date.parse(a.end) === Date.parse(b.end) &&
    (a.room ?? null) === (b.room ?? null) &&
    a.cancelled === b.cancelled &&
    JSON.stringify(Object.entries(a.title).sort()) === JSON.stringify(Object.entries(b.title).sort())
  );
}

/** Sessions whose change attendees must hear of: the noticeworthy changes and the removals, as before → after. */
export function noticeChanges(diff: ProgrammeDiff): NoticeParams[] {
  const changed = diff.changed
    .filter((c) => c.fields.some((f) => NOTICE_FIELDS.includes(f)))
    .map((c) => ({ sessionId: c.id, before: snapshot(c.before), after: snapshot(c.after) }));
  const removed = diff.removed
    .filter((s) => !s.cancelled)
    .map((s) => ({ sessionId: s.id, before: snapshot(s), after: null }));
  return [...changed, ...removed];
}

interface Recipient {
  user_id: number;
  chat_id: number;
}

/** The reachable subscribers of a session, with their chats. */
function recipientsOf(db: Db, sessionId: string): Recipient[] {
  return db
    .prepare(
      `SELECT s.user_id, u.chat_id FROM subscriptions s JOIN users u ON u.id = s.user_id
       WHERE s.session_id = ? AND u.blocked_at IS NULL ORDER BY s.user_id`,
    )
    .all(sessionId) as Recipient[];
}

/** Until when a change is worth telling: the later of the session's old and new end. */
function noticeExpiry(change: NoticeParams): number {
  const ends = [change.before.end, change.after?.end].flatMap((e) => (e ? [Date.parse(e)] : []));
  return Math.max(...ends);
}

/**
 * How many distinct reachable users a set of changes would tell at `now`: the followers of every changed
 * session that has not ended both before and after the change (nobody is told about the past).
 */
export function countNoticeRecipients(db: Db, changes: readonly NoticeParams[], now: number): number {
  const users = new Set<number>();
  for (const change of changes) {
    if (noticeExpiry(change) <= now) continue;
    for (const r of recipientsOf(db, change.sessionId)) users.add(r.user_id);
  }
  return users.size;
}

/** The outbox key of a change notice: one per session, user and change. */
export function noticeKey(sessionId: string, userId: number, change: NoticeParams, now: number): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([change.before, change.after, now]))
    .digest("base64url")
    .slice(0, 12);
  return `notice:${sessionId}:${userId}:${hash}`;
}

/**
 * Queues one change notice per (subscriber, changed session). A notice still waiting for the same user and
 * session is superseded: the new one says what changed since that user's last word ("was" stays the old
 * state), and when the session is back as it was, nothing is sent at all. Returns how many notices were queued.
 */
export function enqueueChangeNotices(db: Db, changes: readonly NoticeParams[], now: number): number {
  return db.transaction(() => {
    const rows: NewOutboxRow[] = [];
    for (const change of changes) {
      const waiting = new Map<number, NoticeParams>();
      for (const p of pendingNotices(db, change.sessionId)) {
        if (p.payload.type !== "view" || p.payload.view !== NOTICE_VIEW) continue;
        if (markDropped(db, p.id, "superseded", now))
          waiting.set(p.userId, p.payload.params as unknown as NoticeParams);
      }
      const expiresAt = noticeExpiry(change);
      if (expiresAt <= now) continue;
      for (const r of recipientsOf(db, change.sessionId)) {
        const told = waiting.get(r.user_id);
        const params: NoticeParams = { ...change, before: told?.before ?? change.before };
        if (sameForAttendee(params.before, params.after)) continue;
        rows.push({
          kind: "notice",
          dedupeKey: noticeKey(change.sessionId, r.user_id, params, now),
          userId: r.user_id,
          chatId: r.chat_id,
          sessionId: change.sessionId,
          payload: { type: "view", view: NOTICE_VIEW, params: params as unknown as Record<string, unknown> },
          notBefore: now,
          expiresAt,
        });
      }
    }
    return enqueue(db, rows, now);
  })();
}

/** What applying a new version of the programme did. */
export interface ApplyResult {
  diff: ProgrammeDiff;
  /** The session changes attendees are told about. */
  changes: NoticeParams[];
  /** Notices queued. */
  notices: number;
  /** The reminder re-plan that followed (moved sessions' reminders dropped and planned at the new time). */
  plan: PlanResult;
}

/**
 * Loads a programme and, in the same transaction, queues the change notices and re-plans reminders, so the
 * new programme and what attendees are told about it are committed together or not at all. The write lock is
 * taken first (BEGIN IMMEDIATE), so a second loader waits for this one instead of failing.
 */
export function applyProgrammeChange(
  db: Db,
  programme: Programme,
  { now, defaultMinutes, rate }: { now: number; defaultMinutes: number; rate?: number },
): ApplyResult {
  return writeTransaction(db, () => {
    const diff = loadProgramme(db, programme, now);
    const changes = noticeChanges(diff);
    const notices = enqueueChangeNotices(db, changes, now);
    const plan = replanReminders(db, now, defaultMinutes, rate);
    return { diff, changes, notices, plan };
  });
}
