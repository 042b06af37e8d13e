import { GrammyError } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext } from "./context.js";
import { markupOf, type View } from "./views/view.js";

/** Whether a Bot API error only says that an edit would change nothing (a button pressed twice). */
export function isNotModified(e: unknown): boolean {
  return e instanceof GrammyError && e.error_code === 400 && /message is not modified/i.test(e.description);
}

/** Options every HTML message of the bot is sent with. */
export const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/** Sends a view as a new message in the current chat. */
export async function replyView(ctx: BotContext, view: View): Promise<void> {
  await ctx.reply(view.text, { ...HTML, reply_markup: markupOf(view) });
}

/**
 * Shows a view in place of the message whose button was pressed; when that message cannot be edited
 * (too old, gone) it is sent as a new message instead. An edit that changes nothing is not an error.
 */
export async function showView(ctx: BotContext, view: View): Promise<void> {
  const q = ctx.callbackQuery;
  const editable = q && (q.inline_message_id || (q.message && q.message.date !== 0));
  if (editable) {
    try {
      await ctx.editMessageText(view.text, {
        ...HTML,
        reply_markup: markupOf(view) ?? { inline_keyboard: [] },
      });
      return;
    } catch (e) {
      if (isNotModified(e)) return;
      if (!(e instanceof GrammyError && e.error_code === 400) || !ctx.chat) throw e;
      ctx.deps.logger.debug({ err: e.description }, "edit failed, sending a new message");
    }
  }
  if (ctx.chat) await replyView(ctx, view);
}

/**
 * Replaces the keyboard of the message whose button was pressed (nothing when it cannot be edited: an inline
 * message's or one too old). An edit that changes nothing is not an error.
 */
export async function editKeyboard(ctx: BotContext, keyboard: InlineKeyboardButton[][]): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || message.date === 0) return;
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: keyboard.filter((r) => r.length) } });
  } catch (e) {
    if (!isNotModified(e)) throw e;
  }
}
