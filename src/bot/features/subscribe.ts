import { subscribe, unsubscribe } from "../../store/subscriptions.js";
import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { editKeyboard } from "../respond.js";
import { truncate } from "../views/format.js";
import { leadMinutes } from "../views/settings.js";
import { canSubscribe, replaceFollowRows, subscribeRows } from "../views/subscribe-row.js";
import { pick, plain } from "../views/view.js";

/**
 * "⭐ Follow" / "✖️ Unfollow" on session cards (`sub:<key>` / `unsub:<key>`): stores the choice and redraws the
 * card's follow rows in place, leaving the other rows as they were. A new follow is reminded of unless the
 * user turned reminders off in /settings; the toast says which.
 */
export function subscribeFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  for (const type of ["subscribe", "unsubscribe"] as const) {
    onAction(composer, type, async (ctx, action) => {
      const { catalog, db, clock } = ctx.deps;
      const session = catalog.sessionByKey(action.key);
      // Unfollowing is always possible (a session cancelled after one followed it); following only what takes place.
      if (!session || (type === "subscribe" && !canSubscribe(session)))
        return { text: plain(ctx, "errors.outdated") };
      if (!ctx.user || ctx.chat?.type !== "private") return { text: plain(ctx, "subscribe.private_only") };
      if (type === "subscribe") subscribe(db, ctx.user.id, session.id, clock());
      else unsubscribe(db, ctx.user.id, session.id);

      const keyboard = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
      const redrawn = replaceFollowRows(keyboard, action.key, subscribeRows(ctx, session));
      await editKeyboard(ctx, redrawn ?? [...subscribeRows(ctx, session), ...keyboard]);

      const title = truncate(pick(ctx, session.title), 80);
      if (type === "unsubscribe") return { text: plain(ctx, "subscribe.off_toast", { title }) };
      // Following a session that has already started is allowed (it shows in /my), but promises no reminder.
      if (Date.parse(session.end) <= clock()) return { text: plain(ctx, "subscribe.over_toast", { title }) };
      if (Date.parse(session.start) <= clock())
        return { text: plain(ctx, "subscribe.started_toast", { title }) };
      if (!ctx.user.reminders) return { text: plain(ctx, "subscribe.quiet_toast", { title }) };
      return { text: plain(ctx, "subscribe.on_toast", { title, count: leadMinutes(ctx) }) };
    });
  }
  return composer;
}
