import type { InlineKeyboardButton } from "grammy/types";
import { type Action, encodeAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
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

/** A translation for plain-text places (button labels, notices, inline results): nothing is HTML-escaped. */
export function plain(ctx: Pick<ViewCtx, "t">, key: string, vars: Record<string, unknown> = {}): string {
  return ctx.t(key, { ...vars, interpolation: { escapeValue: false } });
}
