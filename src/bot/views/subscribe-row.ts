import type { InlineKeyboardButton } from "grammy/types";
import { isContentKind, type Session } from "../../programme/model.js";
import { isSubscribed } from "../../store/subscriptions.js";
import { truncate } from "./format.js";
import { actionButton, plain, type ViewCtx } from "./view.js";

/** Whether attendees can ask to be reminded of a session: content (talks… ceremonies) that still takes place. */
export function canSubscribe(session: Session): boolean {
  return isContentKind(session.kind) && !session.cancelled;
}

/**
 * The "🔔 Remind me" / "🔕 Don't remind me" row of a session card (`sub:<key>` / `unsub:<key>`), or an empty row
 * when the session cannot be followed. The subscribe feature swaps this row in place when it is pressed.
 */
export function subscribeRow(ctx: ViewCtx, session: Session): InlineKeyboardButton[] {
  // "Share" opens inline mode in a chat the user picks, with the title as the query: the card goes there.
  const share: InlineKeyboardButton = {
    text: plain(ctx, "card.share"),
    switch_inline_query: truncate(ctx.deps.catalog.text(session.title, ctx.lang), 60),
  };
  if (!canSubscribe(session)) return [share];
  const key = ctx.deps.catalog.sessionKey(session.id);
  const following = ctx.user ? isSubscribed(ctx.deps.db, ctx.user.id, session.id) : false;
  return following
    ? [actionButton(plain(ctx, "subscribe.off_button"), { type: "unsubscribe", key }), share]
    : [actionButton(plain(ctx, "subscribe.on_button"), { type: "subscribe", key }), share];
}
