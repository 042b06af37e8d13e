import type { InlineKeyboardButton } from "grammy/types";
import type { Session } from "../../programme/model.js";
import { questionRules, questionsOpen, takesQuestions } from "../../questions/rules.js";
import { canModerate, type QuestionRoleOf, roleFor } from "../../questions/service.js";
import {
  getQuestion,
  isModerated,
  listQuestions,
  type Question,
  type QuestionScope,
  questionCounts,
} from "../../store/questions.js";
import { screenUrl } from "../../webapp/screen-link.js";
import { conferenceLine } from "./conference.js";
import { escapeHtml, formatTime, truncate } from "./format.js";
import { actionButton, pick, plain, type View, type ViewCtx } from "./view.js";

/** Questions on one page of a list in the chat. */
export const QUESTIONS_PER_PAGE = 5;

/** The organizers of the conference the reader is in (its own and the deployment's owners). */
export function organizersHere(ctx: Pick<ViewCtx, "deps">): number[] {
  return ctx.deps.conferences.organizersOf(ctx.deps.conference.id);
}

/** The reader's role for a session's questions ("attendee" when the update has no user). */
export function roleOf(ctx: ViewCtx, session: Session): QuestionRoleOf {
  return ctx.user ? roleFor(ctx.deps.db, organizersHere(ctx), ctx.user.id, session) : "attendee";
}

/** Whether questions to a session can be asked now. */
export function askOpen(ctx: ViewCtx, session: Session): boolean {
  return questionsOpen(session, ctx.deps.clock(), questionRules(ctx.deps.config));
}

/** The "Ask a question" button of a session. */
export function askButton(ctx: ViewCtx, session: Session): InlineKeyboardButton {
  return actionButton(plain(ctx, "questions.ask_button"), {
    type: "ask",
    key: ctx.deps.catalog.sessionKey(session.id),
  });
}

/**
 * The questions row of a session card: "Ask a question" while questions are open, the questions with their
 * count once there are any, and for its organizers, moderator and speakers the moderation list.
 */
export function questionRows(ctx: ViewCtx, session: Session): InlineKeyboardButton[][] {
  if (!takesQuestions(session)) return [];
  const key = ctx.deps.catalog.sessionKey(session.id);
  const open = askOpen(ctx, session);
  const { shown, pending } = questionCounts(ctx.deps.db, session.id);
  const row: InlineKeyboardButton[] = [];
  if (open) row.push(askButton(ctx, session));
  if (shown > 0 || open)
    row.push(
      actionButton(plain(ctx, "questions.list_button", { count: shown }), {
        type: "questions",
        key,
        page: 0,
      }),
    );
  const rows = row.length ? [row] : [];
  if ((shown > 0 || pending > 0 || open) && canModerate(roleOf(ctx, session)))
    rows.push([
      actionButton(plain(ctx, "questions.moderate_button", { count: pending }), {
        type: "moderation",
        key,
        page: 0,
      }),
    ]);
  return rows;
}

/** The prompt after "Ask a question": what to send, how long it may be, and a way out. */
export function askPromptView(ctx: ViewCtx, session: Session): View {
  const max = ctx.deps.config.QUESTION_MAX_CHARS;
  return {
    text: ctx.t("questions.ask_prompt", { title: truncate(pick(ctx, session.title), 200), max }),
    keyboard: [[actionButton(plain(ctx, "questions.ask_cancel"), { type: "askCancel" })]],
  };
}

/** The page of a list that holds `page` (clamped to the pages there are). */
function pageOf(total: number, page: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / QUESTIONS_PER_PAGE));
  return { page: Math.min(Math.max(0, page), pages - 1), pages };
}

/** One question as a line of a list: its number, votes, text (escaped), and whether it was answered. */
function questionLine(ctx: ViewCtx, q: Question, n: number, moderation: boolean): string {
  const mark = moderation ? (q.status === "pending" ? "⏳ " : "") : "";
  const answered = q.answeredAt !== null ? ` ${ctx.t("questions.answered_mark")}` : "";
  return `${n}. ${mark}<b>👍 ${q.votes}</b> ${escapeHtml(q.text)}${answered}`;
}

/** Previous / next page buttons of a list. */
function navRow(
  ctx: ViewCtx,
  type: "questions" | "moderation",
  key: number,
  page: number,
  pages: number,
): InlineKeyboardButton[] {
  const nav: InlineKeyboardButton[] = [];
  if (page > 0) nav.push(actionButton(plain(ctx, "nav.prev"), { type, key, page: page - 1 }));
  nav.push(actionButton(plain(ctx, "questions.refresh"), { type, key, page }));
  if (page < pages - 1) nav.push(actionButton(plain(ctx, "nav.next"), { type, key, page: page + 1 }));
  return nav;
}

/** The questions of a page and the numbering they start at. */
function pageQuestions(ctx: ViewCtx, session: Session, scope: QuestionScope, page: number) {
  const counts = questionCounts(ctx.deps.db, session.id);
  const total = scope === "moderation" ? counts.shown + counts.pending : counts.shown;
  const at = pageOf(total, page);
  const questions = listQuestions(ctx.deps.db, session.id, {
    scope,
    viewer: ctx.user?.id ?? 0,
    limit: QUESTIONS_PER_PAGE,
    offset: at.page * QUESTIONS_PER_PAGE,
  });
  return { ...at, counts, total, questions, first: at.page * QUESTIONS_PER_PAGE + 1 };
}

/**
 * A page of a session's questions for attendees, by votes then time: a vote button for each (pressed again, it
 * takes the vote back; one's own question has none), paging, "Ask a question" while open, and back to the card.
 */
export function questionListView(ctx: ViewCtx, session: Session, page = 0): View {
  const key = ctx.deps.catalog.sessionKey(session.id);
  const p = pageQuestions(ctx, session, "approved", page);
  const title = truncate(pick(ctx, session.title), 200);
  const lines = [ctx.t("questions.list_title", { title, count: p.total })];
  if (!p.total) lines.push("", ctx.t("questions.none_yet"));
  else lines.push("", ...p.questions.map((q, i) => questionLine(ctx, q, p.first + i, false)));
  if (p.pages > 1) lines.push("", ctx.t("nav.page", { page: p.page + 1, pages: p.pages }));
  const keyboard: InlineKeyboardButton[][] = [];
  const votes: InlineKeyboardButton[] = p.questions.flatMap((q, i) => {
    const n = p.first + i;
    if (q.userId !== null && q.userId === ctx.user?.id) return [];
    return [
      actionButton(plain(ctx, q.voted ? "questions.unvote_button" : "questions.vote_button", { n }), {
        type: "vote",
        question: q.id,
        up: !q.voted,
        page: p.page,
      }),
    ];
  });
  if (votes.length) keyboard.push(votes);
  keyboard.push(navRow(ctx, "questions", key, p.page, p.pages));
  if (askOpen(ctx, session)) keyboard.push([askButton(ctx, session)]);
  keyboard.push([actionButton(plain(ctx, "questions.back_card"), { type: "session", key, page: 0 })]);
  return { text: lines.join("\n"), keyboard };
}

/**
 * The moderation list of a session for its organizers, moderator and speakers: questions waiting for approval
 * first, then the shown ones by votes, each with approve / hide / answered (and, for organizers, stop the
 * asker) buttons; the link to the room's screen page when the server runs.
 */
export function moderationView(ctx: ViewCtx, session: Session, role: QuestionRoleOf, page = 0): View {
  const key = ctx.deps.catalog.sessionKey(session.id);
  const p = pageQuestions(ctx, session, "moderation", page);
  const title = truncate(pick(ctx, session.title), 200);
  const moderated = isModerated(ctx.deps.db, ctx.deps.conference.id);
  const when = formatTime(session.start, ctx.deps.catalog.timezone, ctx.lang);
  const lines = [
    ctx.t("questions.moderation_title", { title, when }),
    ctx.t("questions.moderation_counts", { shown: p.counts.shown, pending: p.counts.pending }),
    ctx.t(moderated ? "questions.moderation_on" : "questions.moderation_off"),
  ];
  const web = ctx.deps.webapp;
  if (web?.screenKey)
    lines.push(
      ctx.t("questions.screen_link", {
        url: screenUrl(web.publicUrl, web.screenKey, key, session.id),
      }),
    );
  if (!p.total) lines.push("", ctx.t("questions.none_yet"));
  else lines.push("", ...p.questions.map((q, i) => questionLine(ctx, q, p.first + i, true)));
  if (p.pages > 1) lines.push("", ctx.t("nav.page", { page: p.page + 1, pages: p.pages }));
  const keyboard: InlineKeyboardButton[][] = p.questions.map((q, i) => {
    const n = p.first + i;
    const button = (label: string, op: "approve" | "hide" | "answer" | "ban") =>
      actionButton(plain(ctx, label, { n }), { type: "moderate", op, question: q.id, page: p.page });
    const row: InlineKeyboardButton[] = [];
    if (q.status === "pending") row.push(button("questions.approve_button", "approve"));
    row.push(button("questions.hide_button", "hide"));
    if (q.status === "approved" && q.answeredAt === null)
      row.push(button("questions.answer_button", "answer"));
    if (role === "organizer" && q.userId !== null) row.push(button("questions.ban_button", "ban"));
    return row;
  });
  keyboard.push(navRow(ctx, "moderation", key, p.page, p.pages));
  keyboard.push([actionButton(plain(ctx, "questions.back_card"), { type: "session", key, page: 0 })]);
  return { text: lines.join("\n"), keyboard };
}

/** The question and session an outbox notice about a question names; undefined when either is gone. */
function noticeSubject(ctx: ViewCtx, params: Record<string, unknown>) {
  const id = params.questionId;
  const q = typeof id === "number" ? getQuestion(ctx.deps.db, id) : undefined;
  const session = q && ctx.deps.catalog.session(q.sessionId);
  return q && session ? { q, session } : undefined;
}

/** A notice about one question: its text, and one button to the session's list it belongs in. */
function questionNotice(
  ctx: ViewCtx,
  { q, session }: NonNullable<ReturnType<typeof noticeSubject>>,
  textKey: string,
  button: { label: string; type: "moderation" | "questions" },
): View {
  const said = ctx.t(textKey, {
    title: truncate(pick(ctx, session.title), 200),
    question: truncate(q.text, 300),
  });
  return {
    // In a deployment of several conferences the notice says which one, as a reminder does.
    text: ctx.deps.conferences.size > 1 ? `${said}\n${conferenceLine(ctx)}` : said,
    keyboard: [
      [
        actionButton(button.label, {
          type: button.type,
          key: ctx.deps.catalog.sessionKey(session.id),
          page: 0,
        }),
      ],
    ],
  };
}

/** The notice that tells a session's speakers and moderator a question waits for approval (an outbox view). */
export function pendingNoticeView(ctx: ViewCtx, params: Record<string, unknown>): View | undefined {
  const subject = noticeSubject(ctx, params);
  if (!subject || subject.q.status !== "pending") return undefined;
  const count = questionCounts(ctx.deps.db, subject.session.id).pending;
  return questionNotice(ctx, subject, "questions.pending_notice", {
    label: plain(ctx, "questions.moderate_button", { count }),
    type: "moderation",
  });
}

/** The notice that tells an asker the speaker answered their question (an outbox view; undefined drops it). */
export function answeredNoticeView(ctx: ViewCtx, params: Record<string, unknown>): View | undefined {
  const subject = noticeSubject(ctx, params);
  if (!subject) return undefined;
  const count = questionCounts(ctx.deps.db, subject.session.id).shown;
  return questionNotice(ctx, subject, "questions.answered_notice", {
    label: plain(ctx, "questions.list_button", { count }),
    type: "questions",
  });
}
