import type { InlineKeyboardButton } from "grammy/types";
import { canRate } from "../../delivery/prompts.js";
import type { Session } from "../../programme/model.js";
import { ratingOf } from "../../store/ratings.js";
import type { Origin } from "../callback-data.js";
import { conferenceLine } from "./conference.js";
import { safeUrl, truncate } from "./format.js";
import type { OutboxView } from "./outbox.js";
import { openCardButton } from "./reminder.js";
import { actionButton, pick, plain, type View, type ViewCtx } from "./view.js";

/** "★★★★☆" for 4 stars. */
export function starsText(stars: number): string {
  return "★".repeat(stars) + "☆".repeat(5 - stars);
}

/** The session's feedback form (pretalx, FOSDEM), when its source links one. */
export function feedbackUrl(session: Session): string | undefined {
  for (const link of session.links ?? []) if (link.kind === "feedback") return safeUrl(link.url);
  return undefined;
}

const title = (ctx: ViewCtx, session: Session) => truncate(pick(ctx, session.title), 200);

/** A row of five star buttons, the current rating marked. */
function starRow(
  current: number | undefined,
  action: (stars: number) => Parameters<typeof actionButton>[1],
): InlineKeyboardButton[] {
  return [1, 2, 3, 4, 5].map((n) => actionButton(n === current ? `· ${n}⭐ ·` : `${n}⭐`, action(n)));
}

/** The feedback form as a URL button row, when there is one. */
function feedbackRows(ctx: ViewCtx, session: Session): InlineKeyboardButton[][] {
  const url = feedbackUrl(session);
  return url ? [[{ text: plain(ctx, "rating.feedback_button"), url }]] : [];
}

/**
 * The prompt after a followed session: "How was «title»?" with 1–5 stars and Skip as buttons, and the source's
 * own feedback form linked when it has one.
 */
export function ratingPromptView(ctx: ViewCtx, session: Session): View {
  const key = ctx.deps.catalog.sessionKey(session.id);
  const url = feedbackUrl(session);
  return {
    text: [
      ctx.t("rating.prompt", { title: title(ctx, session) }),
      ...(url ? ["", ctx.t("rating.prompt_feedback")] : []),
    ].join("\n"),
    keyboard: [
      starRow(undefined, (stars) => ({ type: "rate", key, stars, card: false })),
      [actionButton(plain(ctx, "rating.skip"), { type: "rate", key, stars: 0, card: false })],
      ...feedbackRows(ctx, session),
    ],
  };
}

/**
 * The prompt once rated: the stars given (changeable), and while the comment is awaited, the way out ("No
 * comment"); with the comment shown once given.
 */
export function ratedView(ctx: ViewCtx, session: Session, awaitingComment: boolean): View {
  const key = ctx.deps.catalog.sessionKey(session.id);
  const rating = ctx.user && ratingOf(ctx.deps.db, ctx.user.id, session.id);
  const stars = rating?.stars ?? 0;
  const lines = [
    ctx.t(awaitingComment ? "rating.thanks_ask" : "rating.thanks", {
      title: title(ctx, session),
      stars: starsText(stars),
    }),
  ];
  if (rating?.comment)
    lines.push("", ctx.t("rating.your_comment", { comment: truncate(rating.comment, 500) }));
  return {
    text: lines.join("\n"),
    keyboard: [
      starRow(stars, (n) => ({ type: "rate", key, stars: n, card: false })),
      ...(awaitingComment
        ? [[actionButton(plain(ctx, "rating.no_comment"), { type: "noComment", key })]]
        : []),
      ...feedbackRows(ctx, session),
    ],
  };
}

/** The prompt skipped: said so, with the way back (its card rates it too). */
export function skippedView(ctx: ViewCtx, session: Session): View {
  const key = ctx.deps.catalog.sessionKey(session.id);
  return {
    text: ctx.t("rating.skipped", { title: title(ctx, session) }),
    keyboard: [[openCardButton(ctx, key)]],
  };
}

/**
 * A card's rating parts, once the session has started (none before): the line above its buttons (an
 * invitation, or the user's stars) and its star buttons, keeping the card's origin for its redraw. The user's
 * rating is read once for both.
 */
export function cardRating(
  ctx: ViewCtx,
  session: Session,
  origin: Origin | undefined,
): { line: string; rows: InlineKeyboardButton[][] } | undefined {
  if (canRate(session, ctx.deps.clock()) !== "ok") return undefined;
  const key = ctx.deps.catalog.sessionKey(session.id);
  const stars = ctx.user ? ratingOf(ctx.deps.db, ctx.user.id, session.id)?.stars : undefined;
  // A card opened from a message (a reminder) is a new message: its redraw stays in place.
  const keep = origin?.to === "message" ? undefined : origin;
  return {
    line: stars ? ctx.t("rating.card_yours", { stars: starsText(stars) }) : ctx.t("rating.card_ask"),
    rows: [starRow(stars, (n) => ({ type: "rate", key, stars: n, card: true, origin: keep }))],
  };
}

/** The outbox view of a rating prompt (PROMPT_VIEW): undefined (dropped) when the session is gone. */
export const ratingPromptOutboxView: OutboxView = (ctx, params) => {
  const id = typeof params.sessionId === "string" ? params.sessionId : undefined;
  const session = id === undefined ? undefined : ctx.deps.catalog.session(id);
  const view = session && ratingPromptView(ctx, session);
  // In a deployment of several conferences the prompt says which one (prompts come from every conference).
  return view && ctx.deps.conferences.size > 1
    ? { ...view, text: `${view.text}\n${conferenceLine(ctx)}` }
    : view;
};
