import type { InlineKeyboardButton } from "grammy/types";
import type { i18n } from "i18next";
import type { Programme, Text } from "../../programme/model.js";
import { subscriptionsOf } from "../../store/subscriptions.js";
import { type Action, encodeAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { translate } from "../i18n.js";
import { buttonLabel } from "./format.js";

/** What views read from the context: the translation, the language, the programme and the user. */
export type ViewCtx = Pick<BotContext, "t" | "lang" | "deps" | "user">;

/** A rendered screen: HTML text and its inline keyboard. */
export interface View {
  text: string;
  keyboard: InlineKeyboardButton[][];
}

/** A callback button for an action, its label shortened to fit. */
export function actionButton(label: string, action: Action): InlineKeyboardButton.CallbackButton {
  return { text: buttonLabel(label), callback_data: encodeAction(action) };
}

/** The `reply_markup` of a view (none when the keyboard is empty). */
export function markupOf(view: View): { inline_keyboard: InlineKeyboardButton[][] } | undefined {
  return view.keyboard.length ? { inline_keyboard: view.keyboard } : undefined;
}

const unescaped = new WeakMap<i18n, i18n>();

/**
 * A translation for plain-text places (button labels, notices, inline results): nothing is HTML-escaped.
 * It reads through a clone of the i18n instance made once with escaping off, which is much cheaper than
 * passing interpolation options on every call, and remembers as {@link translate} does.
 */
export function plain(
  ctx: Pick<ViewCtx, "deps" | "lang">,
  key: string,
  vars?: Record<string, unknown>,
): string {
  let clone = unescaped.get(ctx.deps.i18n);
  if (!clone) {
    clone = ctx.deps.i18n.cloneInstance({ interpolation: { escapeValue: false } });
    unescaped.set(ctx.deps.i18n, clone);
  }
  return translate(clone, ctx.lang, key, vars) as string;
}

const texts = new WeakMap<Programme, Map<string, string>>();

/**
 * Text that depends only on the programme and the language (a card's body, a day of the schedule) is made
 * once per programme version and language, then reused: a reload installs a new programme object, which
 * starts a fresh memo. `key` must name everything else the text depends on.
 */
export function memoText(ctx: Pick<ViewCtx, "deps" | "lang">, key: string, make: () => string): string {
  const programme = ctx.deps.catalog.programme;
  let memo = texts.get(programme);
  if (!memo) {
    memo = new Map();
    texts.set(programme, memo);
  }
  const full = `${ctx.lang}|${key}`;
  let text = memo.get(full);
  if (text === undefined) {
    text = make();
    memo.set(full, text);
  }
  return text;
}

/** A programme text in the reader's interface language, else the conference's first language; "" when none. */
export function pick(ctx: Pick<ViewCtx, "deps" | "lang">, text: Text | undefined): string {
  return ctx.deps.catalog.text(text, ctx.lang);
}

const followedByUpdate = new WeakMap<object, ReadonlySet<string>>();

/** The ids of the sessions the reader follows, read once per update (every list marks them ⭐). */
export function followedIds(ctx: Pick<ViewCtx, "deps" | "user">): ReadonlySet<string> {
  if (!ctx.user) return new Set();
  let ids = followedByUpdate.get(ctx);
  if (!ids) {
    ids = new Set(subscriptionsOf(ctx.deps.db, ctx.user.id));
    followedByUpdate.set(ctx, ids);
  }
  return ids;
}

/** "⭐ " before a session the reader follows, wherever sessions are listed (lines and buttons); else "". */
export function star(ctx: Pick<ViewCtx, "deps" | "user">, sessionId: string): string {
  return followedIds(ctx).has(sessionId) ? "⭐ " : "";
}

/**
 * The part of a memo key that says which of `ids` the reader follows: a list's text is shared by every
 * reader who follows the same ones of it (most follow none of a given page).
 */
export function starKey(ctx: Pick<ViewCtx, "deps" | "user">, ids: Iterable<string>): string {
  const followed = followedIds(ctx);
  if (!followed.size) return "";
  const mine: string[] = [];
  for (const id of ids) if (followed.has(id)) mine.push(id);
  return mine.length ? `|⭐${mine.join(",")}` : "";
}
