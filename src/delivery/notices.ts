import { createHash } from "node:crypto";
import type { ProgrammeDiff } from "../programme/diff.js";
import { NOTICE_FIELDS } from "../programme/diff.js";
import type { Programme, Session, Text } from "../programme/model.js";
import { type Db, writeTransaction } from "../store/db.js";
import { enqueue, markDropped, type NewOutboxRow, pendingNotices } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { followersOf } from "../store/subscriptions.js";
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
    for (const r of followersOf(db, change.sessionId)) users.add(r.userId);
  }
  return users.size;
}

/** The parameters of a change notice: every change of one programme change (or several, merged) for one user. */
export interface NoticeBatch {
  changes: NoticeParams[];
}

/** The changes a notice's parameters name, in either the batch form or the single form of earlier builds. */
export function noticeEntries(params: unknown): NoticeParams[] | undefined {
  if (!params || typeof params !== "object") return undefined;
  const p = params as Partial<NoticeBatch> & Partial<NoticeParams>;
  if (Array.isArray(p.changes)) return p.changes;
  return p.sessionId && p.before ? [p as NoticeParams] : undefined;
}

interface PendingNotice {
  id: number;
  userId: number;
  chatId: number;
  entries: NoticeParams[];
}

/** Every change notice still waiting to be sent, with the changes it names. */
function waitingNotices(db: Db): PendingNotice[] {
  return pendingNotices(db).flatMap((r) => {
    if (r.payload.type !== "view" || r.payload.view !== NOTICE_VIEW) return [];
    const entries = noticeEntries(r.payload.params);
    return entries ? [{ id: r.id, userId: r.userId, chatId: r.chatId, entries }] : [];
  });
}

/** The outbox key of a change notice: one per user and what it says, at the moment it was queued. */
export function noticeKey(userId: number, entries: readonly NoticeParams[], now: number): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([entries, now]))
    .digest("base64url")
    .slice(0, 12);
  return `notice:${userId}:${hash}`;
}

const startOf = (p: NoticeParams) => Date.parse((p.after ?? p.before).start);

/**
 * Queues the change notices of one programme change: ONE notice per reachable subscriber, listing every
 * changed session they follow (old → new). A notice still waiting for that user is merged in and
 * superseded: for a session changed again it says what changed since the user's last word ("was" stays the
 * state they were last told), a session back as it was drops out, and what the waiting notice said about
 * other sessions is kept. Returns how many notices were queued.
 */
export function enqueueChangeNotices(db: Db, changes: readonly NoticeParams[], now: number): number {
  return db.transaction(() => {
    const changed = new Set(changes.map((c) => c.sessionId));
    // What each user's waiting notices said, by session; those notices give way to the new one.
    const told = new Map<number, { chatId: number; entries: Map<string, NoticeParams> }>();
    for (const p of waitingNotices(db)) {
      if (!p.entries.some((e) => changed.has(e.sessionId))) continue;
      if (!markDropped(db, p.id, "superseded", now)) continue;
      const user = told.get(p.userId) ?? { chatId: p.chatId, entries: new Map() };
      for (const e of p.entries) if (!user.entries.has(e.sessionId)) user.entries.set(e.sessionId, e);
      told.set(p.userId, user);
    }
    // Sessions not changed now that a superseded notice mentioned are still news for that user.
    const byUser = new Map<number, { chatId: number; entries: NoticeParams[] }>();
    const add = (userId: number, chatId: number, entry: NoticeParams) => {
      const user = byUser.get(userId) ?? { chatId, entries: [] };
      user.entries.push(entry);
      byUser.set(userId, user);
    };
    for (const [userId, user] of told)
      for (const e of user.entries.values()) if (!changed.has(e.sessionId)) add(userId, user.chatId, e);
    for (const change of changes) {
      if (noticeExpiry(change) <= now) continue;
      for (const r of followersOf(db, change.sessionId)) {
        const before = told.get(r.userId)?.entries.get(change.sessionId)?.before ?? change.before;
        const entry: NoticeParams = { ...change, before };
        if (!sameForAttendee(entry.before, entry.after)) add(r.userId, r.chatId, entry);
      }
    }
    const rows: NewOutboxRow[] = [];
    for (const [userId, { chatId, entries }] of byUser) {
      entries.sort((a, b) => startOf(a) - startOf(b));
      const batch: NoticeBatch = { changes: entries };
      rows.push({
        kind: "notice",
        dedupeKey: noticeKey(userId, entries, now),
        userId,
        chatId,
        sessionId: entries.length === 1 ? (entries[0]?.sessionId ?? null) : null,
        payload: { type: "view", view: NOTICE_VIEW, params: batch as unknown as Record<string, unknown> },
        notBefore: now,
        expiresAt: Math.max(...entries.map(noticeExpiry)),
      });
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
