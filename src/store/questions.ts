import { createHash, randomBytes } from "node:crypto";
import { type Db, statement, writeTransaction } from "./db.js";

/**
 * The questions tables (migration 13): questions, votes, the ask state, moderation settings, bans, invitations
 * and linked accounts. Votes are rows, unique per (question, user), and counts are always read from them, so
 * a vote is never counted twice, whatever process or re-delivered update records it.
 */

/** Where a question stands. */
export type QuestionStatus = "pending" | "approved" | "hidden";

/** A stored question with its votes. */
export interface Question {
  id: number;
  sessionId: string;
  /** The asker; null once they were forgotten. */
  userId: number | null;
  text: string;
  status: QuestionStatus;
  createdAt: number;
  answeredAt: number | null;
  votes: number;
  /** Whether the viewer the list was read for voted for it. */
  voted: boolean;
}

interface QuestionRow {
  id: number;
  session_id: string;
  user_id: number | null;
  text: string;
  status: QuestionStatus;
  created_at: number;
  answered_at: number | null;
  votes: number;
  voted: number;
}

const fromRow = (r: QuestionRow): Question => ({
  id: r.id,
  sessionId: r.session_id,
  userId: r.user_id,
  text: r.text,
  status: r.status,
  createdAt: r.created_at,
  answeredAt: r.answered_at,
  votes: r.votes,
  voted: r.voted === 1,
});

const COLUMNS = `q.id, q.session_id, q.user_id, q.text, q.status, q.created_at, q.answered_at,
  (SELECT COUNT(*) FROM question_votes v WHERE v.question_id = q.id) AS votes,
  EXISTS (SELECT 1 FROM question_votes v WHERE v.question_id = q.id AND v.user_id = @viewer) AS voted`;

/** A new question. */
export interface NewQuestion {
  sessionId: string;
  userId: number;
  text: string;
  status: QuestionStatus;
  /** The message it came from: the same source is one question however often it is recorded. */
  source: string;
  now: number;
}

/** Stores a question; `added` false when its source was already recorded (a re-delivered update). */
export function addQuestion(db: Db, q: NewQuestion): { id: number; added: boolean } {
  const row = statement<NewQuestion, { id: number }>(
    db,
    `INSERT INTO questions (session_id, user_id, text, status, source, created_at)
       VALUES (@sessionId, @userId, @text, @status, @source, @now)
       ON CONFLICT (source) DO NOTHING RETURNING id`,
  ).get(q);
  if (row) return { id: row.id, added: true };
  const old = statement<[string], { id: number }>(db, "SELECT id FROM questions WHERE source = ?").get(
    q.source,
  );
  if (!old) throw new Error(`question from ${q.source} neither stored nor found`);
  return { id: old.id, added: false };
}

/** The question recorded from a message, if any. */
export function questionFrom(db: Db, source: string): number | undefined {
  return statement<[string], { id: number }>(db, "SELECT id FROM questions WHERE source = ?").get(source)?.id;
}

/** One question with its votes (and whether `viewer` voted for it). */
export function getQuestion(db: Db, id: number, viewer = 0): Question | undefined {
  const row = statement<{ id: number; viewer: number }, QuestionRow>(
    db,
    `SELECT ${COLUMNS} FROM questions q WHERE q.id = @id`,
  ).get({ id, viewer });
  return row && fromRow(row);
}

/** Which of a session's questions a list shows. */
export type QuestionScope = "approved" | "moderation";

/**
 * A page of a session's questions, by votes then time (then id): the approved ones, or for moderators the
 * pending ones first and then the approved ones. `viewer` marks the questions they voted for.
 */
export function listQuestions(
  db: Db,
  sessionId: string,
  opts: { scope?: QuestionScope; viewer?: number; limit?: number; offset?: number } = {},
): Question[] {
  const params = {
    sessionId,
    viewer: opts.viewer ?? 0,
    limit: opts.limit ?? -1,
    offset: opts.offset ?? 0,
  };
  const sql =
    opts.scope === "moderation"
      ? `SELECT ${COLUMNS} FROM questions q WHERE q.session_id = @sessionId AND q.status IN ('pending', 'approved')
         ORDER BY q.status = 'approved', votes DESC, q.created_at, q.id LIMIT @limit OFFSET @offset`
      : `SELECT ${COLUMNS} FROM questions q WHERE q.session_id = @sessionId AND q.status = 'approved'
         ORDER BY votes DESC, q.created_at, q.id LIMIT @limit OFFSET @offset`;
  return statement<typeof params, QuestionRow>(db, sql).all(params).map(fromRow);
}

/** How many questions a session has: approved ones (`shown`) and ones waiting for a moderator. */
export function questionCounts(db: Db, sessionId: string): { shown: number; pending: number } {
  const r = statement<[string], { shown: number; pending: number }>(
    db,
    `SELECT COALESCE(SUM(status = 'approved'), 0) AS shown, COALESCE(SUM(status = 'pending'), 0) AS pending
     FROM questions WHERE session_id = ?`,
  ).get(sessionId);
  return { shown: r?.shown ?? 0, pending: r?.pending ?? 0 };
}

/** How many questions a user asked about a session, and when they last asked anything (ms, or undefined). */
export function askerHistory(
  db: Db,
  userId: number,
  sessionId: string,
): { inSession: number; lastAt: number | undefined } {
  const r = statement<[string, number], { n: number; last: number | null }>(
    db,
    `SELECT COALESCE(SUM(session_id = ?), 0) AS n, MAX(created_at) AS last FROM questions WHERE user_id = ?`,
  ).get(sessionId, userId);
  return { inSession: r?.n ?? 0, lastAt: r?.last ?? undefined };
}

/** Records a vote; false when the user had already voted for the question. */
export function addVote(db: Db, questionId: number, userId: number, now: number): boolean {
  return (
    statement(
      db,
      "INSERT INTO question_votes (question_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(questionId, userId, now).changes > 0
  );
}

/** Takes a vote back; false when there was none. */
export function removeVote(db: Db, questionId: number, userId: number): boolean {
  return (
    statement(db, "DELETE FROM question_votes WHERE question_id = ? AND user_id = ?").run(questionId, userId)
      .changes > 0
  );
}

/** Sets a question's status; false when it is already so (or gone). */
export function setQuestionStatus(db: Db, id: number, status: QuestionStatus): boolean {
  return (
    statement(db, "UPDATE questions SET status = ? WHERE id = ? AND status <> ?").run(status, id, status)
      .changes > 0
  );
}

/** Marks a question answered; true only the first time (the asker is told once). */
export function markAnswered(db: Db, id: number, now: number): boolean {
  return (
    statement(db, "UPDATE questions SET answered_at = ? WHERE id = ? AND answered_at IS NULL").run(now, id)
      .changes > 0
  );
}

// ── The ask state: the next message of a user who pressed "Ask a question" is the question.

/** Remembers that the user's next message is a question for the session. */
export function startDraft(db: Db, userId: number, sessionId: string, now: number): void {
  statement(
    db,
    `INSERT INTO question_drafts (user_id, session_id, started_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET session_id = excluded.session_id, started_at = excluded.started_at`,
  ).run(userId, sessionId, now);
}

/** The session a user is asking about, if they pressed "Ask a question" and have not sent it yet. */
export function draftOf(db: Db, userId: number): { sessionId: string; startedAt: number } | undefined {
  const r = statement<[number], { session_id: string; started_at: number }>(
    db,
    "SELECT session_id, started_at FROM question_drafts WHERE user_id = ?",
  ).get(userId);
  return r && { sessionId: r.session_id, startedAt: r.started_at };
}

/** Forgets the ask state; false when there was none. */
export function clearDraft(db: Db, userId: number): boolean {
  return statement(db, "DELETE FROM question_drafts WHERE user_id = ?").run(userId).changes > 0;
}

// ── Moderation and bans.

/** Whether questions of a conference wait for a moderator before they are shown. */
export function isModerated(db: Db, conference: string): boolean {
  const r = statement<[string], { moderated: number }>(
    db,
    "SELECT moderated FROM question_settings WHERE conference = ?",
  ).get(conference);
  return r?.moderated === 1;
}

/** Turns moderation on or off for a conference. */
export function setModerated(db: Db, conference: string, on: boolean, now: number): void {
  statement(
    db,
    `INSERT INTO question_settings (conference, moderated, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (conference) DO UPDATE SET moderated = excluded.moderated, updated_at = excluded.updated_at`,
  ).run(conference, on ? 1 : 0, now);
}

/** Stops a user from asking; false when they already were. */
export function banAsker(db: Db, userId: number, by: number, now: number): boolean {
  return (
    statement(
      db,
      "INSERT INTO question_bans (user_id, banned_by, banned_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(userId, by, now).changes > 0
  );
}

/** Lets a stopped user ask again; false when they were not stopped. */
export function unbanAsker(db: Db, userId: number): boolean {
  return statement(db, "DELETE FROM question_bans WHERE user_id = ?").run(userId).changes > 0;
}

/** Whether a user was stopped from asking. */
export function isBanned(db: Db, userId: number): boolean {
  return statement(db, "SELECT 1 FROM question_bans WHERE user_id = ?").get(userId) !== undefined;
}

// ── Invitations and linked accounts.

/** A linked role: a speaker (target: the speaker id) or a session's moderator (target: the session id). */
export type QuestionRole = "speaker" | "moderator";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** What an invitation token looks like (16 random bytes in hex). */
export const INVITE_TOKEN = /^[0-9a-f]{32}$/;

/** Makes a one-time invitation and returns its token (only its hash is stored). */
export function createInvite(db: Db, role: QuestionRole, target: string, by: number, now: number): string {
  const token = randomBytes(16).toString("hex");
  statement(
    db,
    "INSERT INTO question_invites (token_hash, role, target, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
  ).run(hashToken(token), role, target, by, now);
  return token;
}

/** What redeeming an invitation did. */
export type Redeemed =
  | { ok: true; role: QuestionRole; target: string }
  | { ok: false; problem: "unknown" | "used"; usedBySelf?: boolean };

/**
 * Links the user to the invitation's speaker or session, once: the first use wins (in one write transaction,
 * so two processes cannot both use it); any later use is refused.
 */
export function redeemInvite(db: Db, token: string, userId: number, now: number): Redeemed {
  if (!INVITE_TOKEN.test(token)) return { ok: false, problem: "unknown" };
  return writeTransaction(db, () => {
    const inv = statement<[string], { role: QuestionRole; target: string; used_by: number | null }>(
      db,
      "SELECT role, target, used_by FROM question_invites WHERE token_hash = ?",
    ).get(hashToken(token));
    if (!inv) return { ok: false, problem: "unknown" } as const;
    if (inv.used_by !== null)
      return { ok: false, problem: "used", usedBySelf: inv.used_by === userId } as const;
    statement(db, "UPDATE question_invites SET used_by = ?, used_at = ? WHERE token_hash = ?").run(
      userId,
      now,
      hashToken(token),
    );
    statement(
      db,
      "INSERT INTO question_roles (user_id, role, target, linked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(userId, inv.role, inv.target, now);
    return { ok: true, role: inv.role, target: inv.target } as const;
  });
}

/** The roles linked to a user's account. */
export function rolesOf(db: Db, userId: number): { role: QuestionRole; target: string }[] {
  return statement<[number], { role: QuestionRole; target: string }>(
    db,
    "SELECT role, target FROM question_roles WHERE user_id = ? ORDER BY linked_at, target",
  ).all(userId);
}

/** The accounts linked to a role (a speaker's, a session's moderators). */
export function accountsWith(db: Db, role: QuestionRole, target: string): number[] {
  return statement<[string, string], { user_id: number }>(
    db,
    "SELECT user_id FROM question_roles WHERE role = ? AND target = ? ORDER BY user_id",
  )
    .all(role, target)
    .map((r) => r.user_id);
}

/**
 * Forget-me for the questions tables (an eraser of src/store/forget-user.ts): the user's questions and votes
 * stay (and count) without their id; their ask state, ban and linked roles go.
 */
export function forgetQuestionUser(db: Db, userId: number): void {
  // The source names the chat (the user id, for a private chat): it goes with the id.
  statement(db, "UPDATE questions SET user_id = NULL, source = NULL WHERE user_id = ?").run(userId);
  statement(db, "UPDATE question_votes SET user_id = NULL WHERE user_id = ?").run(userId);
  statement(db, "DELETE FROM question_drafts WHERE user_id = ?").run(userId);
  statement(db, "DELETE FROM question_bans WHERE user_id = ?").run(userId);
  statement(db, "DELETE FROM question_roles WHERE user_id = ?").run(userId);
  statement(db, "UPDATE question_invites SET used_by = NULL WHERE used_by = ?").run(userId);
  // An organizer's own bans and invitations stay in force, without saying whose they were.
  statement(db, "UPDATE question_bans SET banned_by = 0 WHERE banned_by = ?").run(userId);
  statement(db, "UPDATE question_invites SET created_by = 0 WHERE created_by = ?").run(userId);
}
