import { canRate } from "../../delivery/prompts.js";
import { draftOf } from "../../store/questions.js";
import {
  awaitComment,
  commentWait,
  commentWaitStart,
  endCommentWait,
  MAX_COMMENT_LENGTH,
  rateSession,
  setComment,
} from "../../store/ratings.js";
import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML, showView } from "../respond.js";
import { truncate } from "../views/format.js";
import { ratedView, skippedView, starsText } from "../views/rating.js";
import { sessionCard } from "../views/session-card.js";
import { actionButton, pick, plain } from "../views/view.js";

/** How long after a rating the user's next message is taken as its comment. */
export const COMMENT_WAIT_MS = 15 * 60_000;

/**
 * Ratings: the stars of a rating prompt (`rt:`; 0 skips) and of a started session's card (`rc:`), "No comment"
 * (`rx:`), and the comment itself — the user's next message after a rating, unless it is a command. A button
 * rates only for the user who pressed it, and only a session that can be rated and has started: forged data
 * for anything else changes nothing.
 */
export function ratingsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onAction(composer, "rate", async (ctx, action) => {
    const { catalog, db, clock } = ctx.deps;
    const user = ctx.user;
    const session = catalog.sessionByKey(action.key);
    if (!session) return { text: plain(ctx, "errors.outdated") };
    if (ctx.chat?.type !== "private" || !user) return { text: plain(ctx, "rating.private_only") };
    const now = clock();
    const state = canRate(session, now);
    if (state !== "ok")
      return { text: plain(ctx, state === "not-started" ? "rating.not_started" : "rating.not_rateable") };
    const title = truncate(pick(ctx, session.title), 60);
    if (action.stars === 0) {
      await showView(ctx, skippedView(ctx, session));
      return { text: plain(ctx, "rating.skipped_toast", { title }) };
    }
    const before = rateSession(db, { userId: user.id, sessionId: session.id, stars: action.stars, now });
    awaitComment(db, user.id, session.id, now + COMMENT_WAIT_MS, now);
    ctx.deps.logger.info({ user: user.id, session: session.id, stars: action.stars }, "session rated");
    if (action.card) await showView(ctx, sessionCard(ctx, session, { origin: action.origin }));
    else await showView(ctx, ratedView(ctx, session, true));
    const stars = starsText(action.stars);
    return {
      text:
        before === undefined
          ? plain(ctx, "rating.saved_toast", { stars })
          : plain(ctx, "rating.changed_toast", { stars }),
    };
  });
  onAction(composer, "noComment", async (ctx, { key }) => {
    const user = ctx.user;
    const session = ctx.deps.catalog.sessionByKey(key);
    if (!session || !user) return { text: plain(ctx, "errors.outdated") };
    endCommentWait(ctx.deps.db, user.id);
    await showView(ctx, ratedView(ctx, session, false));
    return { text: plain(ctx, "rating.no_comment_toast") };
  });
  // The comment: the next message after a rating. Commands (and menu buttons, turned into commands before
  // this) end the wait and go on to their handlers.
  composer.chatType("private").on("message", async (ctx, next) => {
    const user = ctx.user;
    // Most messages come with no wait on (read with the user): no statement of their own.
    if (!user || ctx.waiting?.comment === false) return next();
    const { db, clock } = ctx.deps;
    const sessionId = commentWait(db, user.id, clock());
    if (!sessionId) return next();
    // "Ask a question" pressed after the rating: this message is the question (src/bot/features/questions.ts).
    const draft = draftOf(db, user.id);
    if (draft && draft.startedAt >= commentWaitStart(db, user.id)) {
      endCommentWait(db, user.id);
      return next();
    }
    const text = ctx.message.text;
    if (text?.startsWith("/")) {
      endCommentWait(db, user.id);
      return next();
    }
    // The session may be another conference's (rated from its prompt): the comment is told there.
    const at = ctx.deps.conferences.ofId(sessionId) ?? ctx.deps;
    const session = at.catalog.session(sessionId);
    if (!session) {
      endCommentWait(db, user.id);
      return next();
    }
    ctx.deps = at;
    const key = at.catalog.sessionKey(session.id);
    const wayOut = {
      reply_markup: {
        inline_keyboard: [[actionButton(plain(ctx, "rating.no_comment"), { type: "noComment", key })]],
      },
    };
    if (text === undefined)
      return void (await ctx.reply(ctx.t("rating.comment_not_text"), { ...HTML, ...wayOut }));
    const comment = text.trim();
    if (comment.length > MAX_COMMENT_LENGTH)
      return void (await ctx.reply(
        ctx.t("rating.comment_too_long", { max: MAX_COMMENT_LENGTH, length: comment.length }),
        { ...HTML, ...wayOut },
      ));
    if (comment) setComment(db, user.id, session.id, comment, clock());
    endCommentWait(db, user.id);
    await ctx.reply(ctx.t("rating.comment_saved", { title: truncate(pick(ctx, session.title), 200) }), HTML);
  });
  return composer;
}
