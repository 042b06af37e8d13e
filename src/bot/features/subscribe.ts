import { Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { subscribe, unsubscribe } from "../../store/subscriptions.js";
import { onAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { isNotModified } from "../respond.js";
import { truncate } from "../views/format.js";
import { leadMinutes } from "../views/settings.js";
import { canSubscribe, subscribeRow } from "../views/subscribe-row.js";
import { pick, plain } from "../views/view.js";

const isToggleFor = (key: number) => (b: InlineKeyboardButton) =>
  "callback_data" in b && (b.callback_data === `sub:${key}` || b.callback_data === `unsub:${key}`);

/**
 * The "Remind me" / "Don't remind me" toggle of session cards (`sub:<key>` / `unsub:<key>`): stores the choice
 * and swaps the toggle row of the pressed message's keyboard in place, leaving the other rows as they were.
 */
export function subscribeFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  for (const type of ["subscribe", "unsubscribe"] as const) {
    onAction(composer, type, async (ctx, action) => {
      const { catalog, db, clock } = ctx.deps;
      const session = catalog.sessionByKey(action.key);
      if (!session || !canSubscribe(session)) return { text: plain(ctx, "errors.outdated") };
      if (!ctx.user || ctx.chat?.type !== "private") return { text: plain(ctx, "subscribe.private_only") };
      if (type === "subscribe") subscribe(db, ctx.user.id, session.id, clock());
      else unsubscribe(db, ctx.user.id, session.id);

      const message = ctx.callbackQuery.message;
      if (message && message.date !== 0) {
        const rows = message.reply_markup?.inline_keyboard ?? [];
        const row = subscribeRow(ctx, session);
        let swapped = false;
        const keyboard = rows.map((r) => {
          if (!r.some(isToggleFor(action.key))) return r;
          swapped = true;
          return row;
        });
        if (!swapped) keyboard.unshift(row);
        try {
          await ctx.editMessageReplyMarkup({
            reply_markup: { inline_keyboard: keyboard.filter((r) => r.length) },
          });
        } catch (e) {
          if (!isNotModified(e)) throw e;
        }
      }
      const title = truncate(pick(ctx, session.title), 80);
      const minutes = leadMinutes(ctx);
      // Following a session that has already started is allowed (it shows in /my), but promises no reminder.
      if (type === "subscribe" && Date.parse(session.end) <= clock())
        return { text: plain(ctx, "subscribe.over_toast", { title }) };
      if (type === "subscribe" && Date.parse(session.start) <= clock())
        return { text: plain(ctx, "subscribe.started_toast", { title }) };
      return {
        text: plain(ctx, type === "subscribe" ? "subscribe.on_toast" : "subscribe.off_toast", {
          title,
          count: minutes,
        }),
      };
    });
  }
  return composer;
}
