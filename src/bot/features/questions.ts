import type { Session } from "../../programme/model.js";
import { questionRules, questionsOpen } from "../../questions/rules.js";
import {
  type AskProblem,
  askBlocked,
  askQuestion,
  canModerate,
  castVote,
  moderateQuestion,
} from "../../questions/service.js";
import {
  clearDraft,
  draftOf,
  getQuestion,
  redeemInvite,
  rolesOf,
  startDraft,
} from "../../store/questions.js";
import { ratingSummary } from "../../store/ratings.js";
import { onAction, type Toast } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML, replyView, showView } from "../respond.js";
import { feedbackPages } from "../views/feedback.js";
import { truncate } from "../views/format.js";
import {
  askPromptView,
  moderationView,
  organizersHere,
  questionListView,
  roleOf,
} from "../views/questions.js";
import { actionButton, pick, plain, type ViewCtx } from "../views/view.js";

/** A pressed "Ask a question" waits this long for the question; a message after that is read as usual. */
export const DRAFT_TTL_MS = 20 * 60_000;

/** The words for why a question cannot be asked. */
function problemText(ctx: ViewCtx, p: AskProblem): string {
  switch (p.problem) {
    case "too_long":
      return plain(ctx, "questions.too_long", { length: p.length, max: p.max });
    case "per_session":
      return plain(ctx, "questions.per_session", { count: p.max });
    case "too_soon":
      return plain(ctx, "questions.too_soon", { count: p.waitSeconds });
    default:
      return plain(ctx, `questions.${p.problem}`);
  }
}

/** "Ask a question" about a session: the prompt (the next message is the question), or why not now. */
export async function openAsk(ctx: BotContext, session: Session): Promise<Toast> {
  const user = ctx.user;
  if (!user) return undefined;
  const now = ctx.deps.clock();
  const blocked = askBlocked(ctx.deps.db, questionRules(ctx.deps.config), session, user.id, now);
  if (blocked) {
    if (ctx.callbackQuery) return { text: problemText(ctx, blocked), show_alert: true };
    await ctx.reply(problemText(ctx, blocked));
    return undefined;
  }
  startDraft(ctx.deps.db, user.id, session.id, now);
  await replyView(ctx, askPromptView(ctx, session));
  return undefined;
}

/** `/start inv_<token>`: links the account to the invitation's speaker or session, once. */
export async function acceptInvitation(ctx: BotContext, token: string): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  const catalog = ctx.deps.catalog;
  const result = redeemInvite(ctx.deps.db, token, user.id, ctx.deps.clock());
  if (!result.ok) {
    const key =
      result.problem === "used" ? (result.usedBySelf ? "invite_used_self" : "invite_used") : "invite_unknown";
    await ctx.reply(ctx.t(`questions.${key}`));
    return;
  }
  ctx.deps.logger.info({ user: user.id, role: result.role, target: result.target }, "invitation accepted");
  const name =
    result.role === "speaker"
      ? pick(ctx, catalog.speaker(result.target)?.name)
      : pick(ctx, catalog.session(result.target)?.title);
  await ctx.reply(ctx.t(`questions.linked_${result.role}`, { name: truncate(name || result.target, 200) }), {
    ...HTML,
    reply_markup: {
      inline_keyboard: [[actionButton(plain(ctx, "questions.my_button"), { type: "myQuestions" })]],
    },
  });
}

/** The sessions whose questions the user moderates or answers: linked speakers', moderated ones, and for organizers those open now. */
function sessionsFor(ctx: BotContext): Session[] {
  const user = ctx.user;
  if (!user) return [];
  const catalog = ctx.deps.catalog;
  const ids = new Set<string>();
  for (const r of rolesOf(ctx.deps.db, user.id)) {
    if (r.role === "moderator") ids.add(r.target);
    else for (const s of catalog.sessionsOf(r.target)) ids.add(s.id);
  }
  if (ctx.deps.conferences.isOrganizer(user.id, ctx.deps.conference.id)) {
    const rules = questionRules(ctx.deps.config);
    const now = ctx.deps.clock();
    for (const s of catalog.programme.sessions) if (questionsOpen(s, now, rules)) ids.add(s.id);
  }
  return [...ids]
    .flatMap((id) => catalog.session(id) ?? [])
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .slice(0, 40);
}

/** Sessions of a speaker's (or moderator's) feedback shown at most, most recent first. */
const FEEDBACK_SESSIONS = 5;

/**
 * A linked speaker's or moderator's ended sessions that attendees rated: their ratings summary and comments
 * (anonymous, as in /feedback), one message each, after the session list.
 */
async function sendSpeakerFeedback(ctx: BotContext, sessions: readonly Session[]): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  const linked = new Set(rolesOf(ctx.deps.db, user.id).map((r) => r.target));
  const now = ctx.deps.clock();
  const view = { t: ctx.t, lang: ctx.lang, catalog: ctx.deps.catalog, now };
  const rated = sessions
    .filter((s) => Date.parse(s.end) <= now && (linked.has(s.id) || s.speakers.some((sp) => linked.has(sp))))
    .reverse()
    .flatMap((s) => ratingSummary(ctx.deps.db, s.id) ?? [])
    .slice(0, FEEDBACK_SESSIONS);
  for (const [i, summary] of rated.entries()) {
    const [block] = feedbackPages(view, [summary]);
    if (block) await ctx.reply(`${i === 0 ? `${ctx.t("questions.feedback_title")}\n\n` : ""}${block}`, HTML);
  }
}

/** `/questions` (and its button): the sessions whose questions the user takes care of, one button each. */
async function showMySessions(ctx: BotContext): Promise<void> {
  const sessions = sessionsFor(ctx);
  if (!sessions.length) {
    await ctx.reply(ctx.t("questions.my_none"), HTML);
    return;
  }
  const catalog = ctx.deps.catalog;
  await ctx.reply(ctx.t("questions.my_title"), {
    ...HTML,
    reply_markup: {
      inline_keyboard: sessions.map((s) => [
        actionButton(truncate(pick(ctx, s.title), 60), {
          type: "moderation",
          key: catalog.sessionKey(s.id),
          page: 0,
        }),
      ]),
    },
  });
  await sendSpeakerFeedback(ctx, sessions);
}

/**
 * Questions to the speaker, in the chat: "Ask a question" (the next text is the question: within its length,
 * text only, with a way out), the paged list with votes that can be taken back, the moderators' and speakers'
 * list with approve / hide / answered, and `/questions`. Every button is checked against the database: a
 * forged one neither votes nor moderates for anyone.
 */
export function questionsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const sessionOf = (ctx: BotContext, key: number) => ctx.deps.catalog.sessionByKey(key);

  onAction(composer, "ask", async (ctx, action) => {
    const session = sessionOf(ctx, action.key);
    if (!session) return { text: plain(ctx, "errors.outdated") };
    return openAsk(ctx, session);
  });
  onAction(composer, "askCancel", async (ctx) => {
    if (ctx.user) clearDraft(ctx.deps.db, ctx.user.id);
    await showView(ctx, { text: ctx.t("questions.ask_cancelled"), keyboard: [] });
    return undefined;
  });
  onAction(composer, "questions", async (ctx, action) => {
    const session = sessionOf(ctx, action.key);
    if (!session) return { text: plain(ctx, "errors.outdated") };
    await showView(ctx, questionListView(ctx, session, action.page));
    return undefined;
  });
  onAction(composer, "vote", async (ctx, action) => {
    const q = getQuestion(ctx.deps.db, action.question);
    const session = q && ctx.deps.catalog.session(q.sessionId);
    if (!q || !session || !ctx.user) return { text: plain(ctx, "questions.gone") };
    const result = castVote(ctx.deps.db, q.id, ctx.user.id, action.up, ctx.deps.clock());
    if (!result.ok) return { text: plain(ctx, `questions.${result.problem}`) };
    await showView(ctx, questionListView(ctx, session, action.page));
    return { text: plain(ctx, result.voted ? "questions.voted" : "questions.unvoted") };
  });
  onAction(composer, "moderation", async (ctx, action) => {
    const session = sessionOf(ctx, action.key);
    if (!session) return { text: plain(ctx, "errors.outdated") };
    const role = roleOf(ctx, session);
    if (!canModerate(role)) return { text: plain(ctx, "questions.forbidden"), show_alert: true };
    await showView(ctx, moderationView(ctx, session, role, action.page));
    return undefined;
  });
  onAction(composer, "moderate", async (ctx, action) => {
    const q = getQuestion(ctx.deps.db, action.question);
    const session = q ? ctx.deps.catalog.session(q.sessionId) : undefined;
    const result = moderateQuestion(
      ctx.deps.db,
      organizersHere(ctx),
      session,
      action.question,
      action.op,
      ctx.from.id,
      ctx.deps.clock(),
    );
    if (!result.ok) {
      if (result.problem === "forbidden")
        ctx.deps.logger.warn({ user: ctx.from.id, data: ctx.callbackQuery.data }, "moderation refused");
      return { text: plain(ctx, `questions.${result.problem}`), show_alert: result.problem === "forbidden" };
    }
    if (session) await showView(ctx, moderationView(ctx, session, roleOf(ctx, session), action.page));
    return { text: plain(ctx, result.changed ? `questions.done_${action.op}` : "questions.unchanged") };
  });
  onAction(composer, "myQuestions", async (ctx) => {
    await showMySessions(ctx);
    return undefined;
  });
  composer.chatType("private").command("questions", (ctx) => showMySessions(ctx));

  // The question itself: the next message after "Ask a question". Commands are a way out too.
  composer.chatType("private").on("message", async (ctx, next) => {
    const user = ctx.user;
    // Most messages come with no draft on (read with the user): no statement of their own.
    const draft = user && ctx.waiting?.question !== false && draftOf(ctx.deps.db, user.id);
    if (!user || !draft) return next();
    const now = ctx.deps.clock();
    // The session may be another conference's (asked from its reminder): the question is asked there.
    const at = ctx.deps.conferences.ofId(draft.sessionId) ?? ctx.deps;
    const session = at.catalog.session(draft.sessionId);
    const text = ctx.message.text;
    if (!session || now - draft.startedAt > DRAFT_TTL_MS || text?.startsWith("/")) {
      clearDraft(ctx.deps.db, user.id);
      return next();
    }
    ctx.deps = at;
    if (text === undefined) {
      await replyView(ctx, { ...askPromptView(ctx, session), text: ctx.t("questions.text_only") });
      return;
    }
    const result = askQuestion(
      ctx.deps.db,
      questionRules(ctx.deps.config),
      session,
      user.id,
      text,
      `${ctx.chat.id}:${ctx.message.message_id}`,
      now,
      ctx.deps.conference.id,
    );
    if (!result.ok) {
      // Too long: they may shorten it and send it again; anything else ends the asking.
      if (result.problem !== "too_long") clearDraft(ctx.deps.db, user.id);
      const view = askPromptView(ctx, session);
      await ctx.reply(problemText(ctx, result), {
        reply_markup: result.problem === "too_long" ? { inline_keyboard: view.keyboard } : undefined,
      });
      return;
    }
    clearDraft(ctx.deps.db, user.id);
    const key = ctx.deps.catalog.sessionKey(session.id);
    const pending = result.question.status === "pending";
    await ctx.reply(ctx.t(pending ? "questions.asked_pending" : "questions.asked"), {
      ...HTML,
      reply_markup: {
        inline_keyboard: [
          [actionButton(plain(ctx, "questions.see_all"), { type: "questions", key, page: 0 })],
        ],
      },
    });
  });
  return composer;
}
