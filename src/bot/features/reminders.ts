import { Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { unsubscribe } from "../../store/subscriptions.js";
import { onAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { isNotModified } from "../respond.js";
import { truncate } from "../views/format.js";
import { plain } from "../views/view.js";

/**
 * The reminder message's "Stop reminders" button (`ro:<session>`): unsubscribes the user from the session
 * and takes the button off the message, leaving "Open card" (the card's own toggle subscribes again).
 */
export function reminderButtonsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onAction(composer, "reminderOff", async (ctx, { id }) => {
    if (!ctx.user) return { text: plain(ctx, "errors.outdated") };
    unsubscribe(ctx.deps.db, ctx.user.id, id);
    const message = ctx.callbackQuery.message;
    if (message && message.date !== 0) {
      const keyboard = (message.reply_markup?.inline_keyboard ?? [])
        .map((row) =>
          row.filter((b: InlineKeyboardButton) => !("callback_data" in b && b.callback_data === `ro:${id}`)),
        )
        .filter((row) => row.length);
      try {
        await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: keyboard } });
      } catch (e) {
        if (!isNotModified(e)) throw e;
      }
    }
    const title = ctx.deps.catalog.session(id)?.title[ctx.lang];
    return {
      text: title
        ? plain(ctx, "reminder.stopped", { title: truncate(title, 80) })
        : plain(ctx, "reminder.stopped_any"),
    };
  });
  return composer;
}
