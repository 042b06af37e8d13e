import type { InlineKeyboardButton } from "grammy/types";
import { isContentKind, type Session } from "../../programme/model.js";
import { followState } from "../../store/subscriptions.js";
import { truncate } from "./format.js";
import { actionButton, plain, type ViewCtx } from "./view.js";

/** Whether attendees can follow a session: content (talks… ceremonies) that still takes place. */
export function canSubscribe(session: Session): boolean {
  return isContentKind(session.kind) && !session.cancelled;
}

/**
 * The rows of a session card that follow it: "⭐ Follow" (`sub:<key>`) and "↗️ Share" while the user does not
 * follow it; once they do, "✖️ Unfollow" (`unsub:<key>`) beside the session's own reminder toggle ("🔕 Don't
 * remind me" `ro:<key>` / "🔔 Remind me" `rn:<key>`, until the session starts), and "Share" below. Following
 * and being reminded are two things: the toggle leaves the session followed. A cancelled session offers only
 * "Unfollow", to those who follow it. The features that store these
 * choices redraw these rows in place ({@link replaceFollowRows}).
 */
export function subscribeRows(ctx: ViewCtx, session: Session): InlineKeyboardButton[][] {
  // "Share" opens inline mode in a chat the user picks, with the title as the query: the card goes there.
  const share: InlineKeyboardButton = {
    text: plain(ctx, "card.share"),
    switch_inline_query: truncate(ctx.deps.catalog.text(session.title, ctx.lang), 60),
  };
  const key = ctx.deps.catalog.sessionKey(session.id);
  const state = ctx.user ? followState(ctx.deps.db, ctx.user.id, session.id) : "off";
  const unfollow = actionButton(plain(ctx, "subscribe.off_button"), { type: "unsubscribe", key });
  // A session cancelled after one followed it can no longer be followed, but can always be let go.
  if (!canSubscribe(session)) return state === "off" ? [[share]] : [[unfollow, share]];
  if (state === "off")
    return [[actionButton(plain(ctx, "subscribe.on_button"), { type: "subscribe", key }), share]];
  if (Date.parse(session.start) <= ctx.deps.clock()) return [[unfollow, share]];
  const toggle =
    state === "remind"
      ? actionButton(plain(ctx, "subscribe.remind_off_button"), { type: "remind", key, on: false })
      : actionButton(plain(ctx, "subscribe.remind_on_button"), { type: "remind", key, on: true });
  return [[unfollow, toggle], [share]];
}

/** Whether a button is one of {@link subscribeRows}' for the session with this key ("Share" included). */
function isFollowButton(key: number, b: InlineKeyboardButton): boolean {
  if ("switch_inline_query" in b) return true;
  return (
    "callback_data" in b && [`sub:${key}`, `unsub:${key}`, `ro:${key}`, `rn:${key}`].includes(b.callback_data)
  );
}

/**
 * A card's keyboard with its follow rows replaced by `rows` where the old ones were, the other rows left as
 * they were; undefined when the keyboard is no card's (a reminder has no "Follow"/"Unfollow").
 */
export function replaceFollowRows(
  keyboard: readonly InlineKeyboardButton[][],
  key: number,
  rows: InlineKeyboardButton[][],
): InlineKeyboardButton[][] | undefined {
  const toggles = [`sub:${key}`, `unsub:${key}`];
  if (!keyboard.some((r) => r.some((b) => "callback_data" in b && toggles.includes(b.callback_data))))
    return undefined;
  const isFollowRow = (r: InlineKeyboardButton[]) => r.length > 0 && r.every((b) => isFollowButton(key, b));
  const at = keyboard.findIndex(isFollowRow);
  const others = keyboard.filter((r) => !isFollowRow(r));
  return [...others.slice(0, at), ...rows, ...others.slice(at)];
}
