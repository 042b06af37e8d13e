import { Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { unsubscribe } from "../../store/subscriptions.js";
import { onAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { isNotModified } from "../respond.js";
import { truncate } from "../views/format.js";
import { pick, plain } from "../views/view.js";

/**
 * The reminder message's "Stop reminders" button (`ro:<session>`): unsubscribes the user from the session
 * and takes the button off the message, leaving "Open card" (the card's own toggle subscribes again).
 */
export function reminderButtonsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onAction(composer, "reminderOff", async (ctx, { key }) => {
    const id = ctx.deps.catalog.sessionIdByKey(key);
    if (!ctx.user || id === undefined) return { text: plain(ctx, "errors.outdated") };
    unsubscribe(ctx.deps.db, ctx.user.id, id);
    const message = ctx.callbackQuery.message;
    if (message && message.date !== 0) {
      const keyboard = (message.reply_markup?.inline_keyboard ?? [])
        .map((row) =>
          row.filter((b: InlineKeyboardButton) => !("callback_data" in b && b.callback_data === `ro:${key}`)),
        )
        .filter((row) => row.length);
      try {
        await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: keyboard } });
      } catch (e) {
        if (!isNotModified(e)) throw e;
      }
    }
    const session = ctx.deps.catalog.session(id);
    const title = session && pick(ctx, session.title);
    return {
      text: title
        ? plain(ctx, "reminder.stopped", { title: truncate(title, 80) })
        : plain(ctx, "reminder.stopped_any"),
    };
  });
  return composer;
}
