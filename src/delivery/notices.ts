import { createHash } from "node:crypto";
import type { ProgrammeDiff } from "../programme/diff.js";
import { NOTICE_FIELDS } from "../programme/diff.js";
import type { Programme, Session, Text } from "../programme/model.js";
import { type Db, writeTransaction } from "../store/db.js";
import { readNoticeBatch, saveNoticeBatch } from "../store/notice-batches.js";
import { enqueue, markDropped, type NewOutboxRow, pendingNotices } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { followerPairs, followersOf } from "../store/subscriptions.js";
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

/**
 * The parameters of a change notice: the sessions it lists, in order, whose changes are those of a stored
 * batch (one per programme change, src/store/notice-batches.ts) — except `own` entries, which say something
 * else for this user (what a superseded notice had said: an older "was", or another session).
 */
export interface NoticeRef {
  batch: string;
  sessions: string[];
  own?: NoticeParams[];
}

/**
 * The changes a notice's parameters name: a reference to a stored batch, or the forms of earlier builds (the
 * changes inline, or one change).
 */
export function noticeEntries(
  db: Db,
  params: unknown,
  cache?: Map<string, Map<string, NoticeParams>>,
): NoticeParams[] | undefined {
  if (!params || typeof params !== "object") return undefined;
  const p = params as Partial<NoticeRef> & { changes?: NoticeParams[] } & Partial<NoticeParams>;
  if (typeof p.batch === "string" && Array.isArray(p.sessions)) {
    let batch = cache?.get(p.batch);
    if (!batch) {
      batch = new Map((readNoticeBatch<NoticeParams>(db, p.batch) ?? []).map((c) => [c.sessionId, c]));
      cache?.set(p.batch, batch);
    }
    const own = new Map((p.own ?? []).map((c) => [c.sessionId, c]));
    return p.sessions.flatMap((id) => {
      const entry = own.get(id) ?? batch.get(id);
      return entry ? [entry] : [];
    });
  }
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
  const cache = new Map<string, Map<string, NoticeParams>>();
  return pendingNotices(db).flatMap((r) => {
    if (r.payload.type !== "view" || r.payload.view !== NOTICE_VIEW) return [];
    const entries = noticeEntries(db, r.payload.params, cache);
    return entries ? [{ id: r.id, userId: r.userId, chatId: r.chatId, entries }] : [];
  });
}

/** The id of the batch of a programme change's notices: its changes, at the moment they were queued. */
function batchId(changes: readonly NoticeParams[], now: number): string {
  return createHash("sha256")
    .update(JSON.stringify([changes, now]))
    .digest("base64url")
    .slice(0, 16);
}

const startOf = (p: NoticeParams) => Date.parse((p.after ?? p.before).start);

/**
 * Queues the change notices of one programme change: ONE notice per reachable subscriber, listing every
 * changed session they follow (old → new). The changes are stored once, as a batch the notices refer to. A
 * notice still waiting for that user is merged in and superseded: for a session changed again it says what
 * changed since the user's last word ("was" stays the state they were last told), a session back as it was
 * drops out, and what the waiting notice said about other sessions is kept. Returns how many were queued.
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
    // Per user, the entries to list; `own` marks those that are not the batch's own words.
    const byUser = new Map<number, { chatId: number; entries: { entry: NoticeParams; own: boolean }[] }>();
    const add = (userId: number, chatId: number, entry: NoticeParams, own: boolean) => {
      const user = byUser.get(userId) ?? { chatId, entries: [] };
      user.entries.push({ entry, own });
      byUser.set(userId, user);
    };
    // Sessions not changed now that a superseded notice mentioned are still news for that user.
    for (const [userId, user] of told)
      for (const e of user.entries.values()) if (!changed.has(e.sessionId)) add(userId, user.chatId, e, true);
    // In time order, so that each person's entries come out sorted without sorting 5,000 lists.
    const ordered = [...changes].sort((a, b) => startOf(a) - startOf(b));
    // Each entry's expiry worked out once, not once per follower (5,000 × 30 date parses).
    const expiry = new Map<NoticeParams, number>();
    const expiryOf = (entry: NoticeParams) => {
      let at = expiry.get(entry);
      if (at === undefined) {
        at = noticeExpiry(entry);
        expiry.set(entry, at);
      }
      return at;
    };
    for (const change of ordered) {
      if (expiryOf(change) <= now) continue;
      const news = !sameForAttendee(change.before, change.after);
      for (const [userId, chatId] of followerPairs(db, change.sessionId)) {
        const was = told.get(userId)?.entries.get(change.sessionId)?.before;
        if (!was) {
          if (news) add(userId, chatId, change, false);
          continue;
        }
        const entry: NoticeParams = { ...change, before: was };
        if (!sameForAttendee(entry.before, entry.after)) add(userId, chatId, entry, true);
      }
    }
    if (!byUser.size) return 0;
    const batch = batchId(changes, now);
    saveNoticeBatch(db, batch, changes, now);
    const rows: NewOutboxRow[] = [];
    for (const [userId, { chatId, entries }] of byUser) {
      // Only a merged notice (carried entries first) needs its own sort.
      if (told.has(userId)) entries.sort((a, b) => startOf(a.entry) - startOf(b.entry));
      const own = entries.filter((e) => e.own).map((e) => e.entry);
      const ref: NoticeRef = {
        batch,
        sessions: entries.map((e) => e.entry.sessionId),
        ...(own.length ? { own } : {}),
      };
      rows.push({
        kind: "notice",
        dedupeKey: `notice:${userId}:${batch}`,
        userId,
        chatId,
        sessionId: entries.length === 1 ? (entries[0]?.entry.sessionId ?? null) : null,
        payload: { type: "view", view: NOTICE_VIEW, params: ref as unknown as Record<string, unknown> },
        notBefore: now,
        expiresAt: entries.reduce((at, e) => Math.max(at, expiryOf(e.entry)), Number.NEGATIVE_INFINITY),
      });
    }
    // Queued in user order, whatever order the changes came in.
    rows.sort((a, b) => a.userId - b.userId);
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
  {
    now,
    defaultMinutes,
    rate,
    conference,
  }: { now: number; defaultMinutes: number; rate?: number; conference?: string },
): ApplyResult {
  return writeTransaction(db, () => {
    const diff = loadProgramme(db, programme, now, conference);
    const changes = noticeChanges(diff);
    const notices = enqueueChangeNotices(db, changes, now);
    const plan = replanReminders(db, now, defaultMinutes, rate);
    return { diff, changes, notices, plan };
  });
}
