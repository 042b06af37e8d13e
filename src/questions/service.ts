import type { Session } from "../programme/model.js";
import type { Db } from "../store/db.js";
import { writeTransaction } from "../store/db.js";
import { enqueue } from "../store/outbox.js";
import {
  accountsWith,
  addQuestion,
  addVote,
  askerHistory,
  banAsker,
  getQuestion,
  isBanned,
  isModerated,
  markAnswered,
  type Question,
  questionFrom,
  removeVote,
  rolesOf,
  setQuestionStatus,
} from "../store/questions.js";
import { getUser } from "../store/users.js";
import { type QuestionRules, questionsOpen } from "./rules.js";

/**
 * Asking, voting and moderating, apart from Telegram: the bot, the Mini App's API and the screen page call
 * these, and every one checks who may do what against the database, never against what a button claims.
 */

/** Why a question was not taken. */
export type AskProblem =
  | { problem: "closed" }
  | { problem: "banned" }
  | { problem: "empty" }
  | { problem: "too_long"; length: number; max: number }
  | { problem: "per_session"; max: number }
  | { problem: "too_soon"; waitSeconds: number };

/** What asking did. */
export type AskResult = { ok: true; question: Question; added: boolean } | ({ ok: false } & AskProblem);

/** The question as it is stored: surrounding space trimmed, runs of blank lines made one. */
export function cleanQuestion(text: string): string {
  return text.trim().replace(/\n{3,}/g, "\n\n");
}

/**
 * Why a user could not ask about a session now (the window, a ban, the limits), or undefined when they can.
 * Checked when they press "Ask a question" and again when the question comes.
 */
export function askBlocked(
  db: Db,
  rules: QuestionRules,
  session: Session,
  userId: number,
  now: number,
): AskProblem | undefined {
  if (!questionsOpen(session, now, rules)) return { problem: "closed" };
  if (isBanned(db, userId)) return { problem: "banned" };
  const history = askerHistory(db, userId, session.id);
  if (history.inSession >= rules.perSession) return { problem: "per_session", max: rules.perSession };
  if (history.lastAt !== undefined && now - history.lastAt < rules.intervalMs)
    return { problem: "too_soon", waitSeconds: Math.ceil((history.lastAt + rules.intervalMs - now) / 1000) };
  return undefined;
}

/**
 * Records a user's question about a session of `conference`, from the message `source` names: approved at
 * once, or pending when the conference is moderated. The same source is one question, however often it arrives.
 */
export function askQuestion(
  db: Db,
  rules: QuestionRules,
  session: Session,
  userId: number,
  text: string,
  source: string,
  now: number,
  conference: string,
): AskResult {
  const clean = cleanQuestion(text);
  if (!clean) return { ok: false, problem: "empty" };
  const length = Array.from(clean).length;
  if (length > rules.maxChars) return { ok: false, problem: "too_long", length, max: rules.maxChars };
  return writeTransaction(db, () => {
    // A re-delivered message that was already taken is the same question, not a second one.
    const seen = questionFrom(db, source);
    if (seen !== undefined) return { ok: true, question: getQuestion(db, seen) as Question, added: false };
    const blocked = askBlocked(db, rules, session, userId, now);
    if (blocked) return { ok: false, ...blocked };
    const status = isModerated(db, conference) ? "pending" : "approved";
    const { id, added } = addQuestion(db, {
      sessionId: session.id,
      userId,
      text: clean,
      status,
      source,
      now,
    });
    if (added && status === "pending") tellModerators(db, session, id, now);
    return { ok: true, question: getQuestion(db, id) as Question, added };
  });
}

/** The notice that tells a session's speakers and moderator a question waits for their approval. */
export const PENDING_VIEW = "questionPending";

/**
 * Queues, in the asking transaction, one notice per linked speaker and moderator of the session that a
 * question waits for approval (organizers see the waiting count on the card and in /questions).
 */
function tellModerators(db: Db, session: Session, questionId: number, now: number): void {
  const ids = new Set([
    ...accountsWith(db, "moderator", session.id),
    ...session.speakers.flatMap((s) => accountsWith(db, "speaker", s)),
  ]);
  const rows = [...ids].flatMap((id) => {
    const user = getUser(db, id);
    if (!user || user.blockedAt !== null) return [];
    return [
      {
        kind: "notice" as const,
        dedupeKey: `pending:${questionId}:${id}`,
        userId: id,
        chatId: user.chatId,
        sessionId: session.id,
        payload: { type: "view" as const, view: PENDING_VIEW, params: { questionId } },
        notBefore: now,
      },
    ];
  });
  if (rows.length) enqueue(db, rows, now);
}

/** Who someone is to a session's questions. */
export type QuestionRoleOf = "organizer" | "moderator" | "speaker" | "attendee";

/** The user's role for a session: one of its conference's organizers, its invited moderator, one of its linked speakers. */
export function roleFor(
  db: Db,
  organizerIds: readonly number[],
  userId: number,
  session: Session,
): QuestionRoleOf {
  if (organizerIds.includes(userId)) return "organizer";
  let role: QuestionRoleOf = "attendee";
  for (const r of rolesOf(db, userId)) {
    if (r.role === "moderator" && r.target === session.id) return "moderator";
    if (r.role === "speaker" && session.speakers.includes(r.target)) role = "speaker";
  }
  return role;
}

/** Whether a role may approve, hide and mark answered. */
export const canModerate = (role: QuestionRoleOf) => role !== "attendee";

/** What a vote press did. */
export type VoteResult = { ok: true; voted: boolean; votes: number } | { ok: false; problem: "gone" | "own" };

/**
 * Votes a question up, or takes the vote back (`up` false): only approved questions, never one's own. A
 * vote is a row unique per (question, user): pressing twice, from two devices or two processes, is one vote.
 */
export function castVote(db: Db, questionId: number, userId: number, up: boolean, now: number): VoteResult {
  return writeTransaction(db, () => {
    const q = getQuestion(db, questionId, userId);
    if (q?.status !== "approved") return { ok: false, problem: "gone" } as const;
    if (q.userId === userId) return { ok: false, problem: "own" } as const;
    if (up) addVote(db, questionId, userId, now);
    else removeVote(db, questionId, userId);
    const after = getQuestion(db, questionId, userId) as Question;
    return { ok: true, voted: after.voted, votes: after.votes } as const;
  });
}

/** What a moderator can do to a question. */
export type ModerationAction = "approve" | "hide" | "answer" | "ban";

/** What a moderation press did. */
export type ModerationResult =
  | { ok: true; changed: boolean; question: Question }
  | { ok: false; problem: "gone" | "forbidden" };

/** The notice view that tells an asker their question was answered (rendered by the bot at send time). */
export const ANSWERED_VIEW = "questionAnswered";

/**
 * Approves, hides or marks answered one of a session's questions, or stops its asker from asking (organizers
 * only) — when `actor` may (see {@link roleFor}). Marking answered queues one notice to the asker (keyed by
 * the question, so it is sent once however often it is pressed).
 */
export function moderateQuestion(
  db: Db,
  organizerIds: readonly number[],
  session: Session | undefined,
  questionId: number,
  action: ModerationAction,
  actor: number,
  now: number,
): ModerationResult {
  return writeTransaction(db, () => {
    const q = getQuestion(db, questionId);
    if (!q || !session || q.sessionId !== session.id) return { ok: false, problem: "gone" } as const;
    const role = roleFor(db, organizerIds, actor, session);
    if (!canModerate(role) || (action === "ban" && role !== "organizer"))
      return { ok: false, problem: "forbidden" } as const;
    let changed = false;
    if (action === "approve") changed = setQuestionStatus(db, q.id, "approved");
    else if (action === "hide") changed = setQuestionStatus(db, q.id, "hidden");
    else if (action === "ban") {
      changed = q.userId !== null && banAsker(db, q.userId, actor, now);
      setQuestionStatus(db, q.id, "hidden");
    } else {
      changed = markAnswered(db, q.id, now);
      const asker = q.userId === null ? undefined : getUser(db, q.userId);
      if (changed && asker && asker.blockedAt === null)
        enqueue(
          db,
          [
            {
              kind: "notice",
              dedupeKey: `answered:${q.id}`,
              userId: asker.id,
              chatId: asker.chatId,
              sessionId: session.id,
              payload: { type: "view", view: ANSWERED_VIEW, params: { questionId: q.id } },
              notBefore: now,
            },
          ],
          now,
        );
    }
    return { ok: true, changed, question: getQuestion(db, q.id) as Question } as const;
  });
}
