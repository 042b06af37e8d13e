import { followState, setReminder } from "../../store/subscriptions.js";
import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { editKeyboard } from "../respond.js";
import { truncate } from "../views/format.js";
import { leadMinutes } from "../views/settings.js";
import { replaceFollowRows, subscribeRows } from "../views/subscribe-row.js";
import { pick, plain } from "../views/view.js";

/**
 * A followed session's own reminder off or on (`ro:<key>` / `rn:<key>`): from its card, whose follow rows are
 * redrawn, or from the reminder itself ("🔕 Stop reminders"), which loses that button. The session stays
 * followed either way — in /my, its overlaps and its change notices; only unfollowing removes it.
 */
export function reminderButtonsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onAction(composer, "remind", async (ctx, { key, on }) => {
    const { catalog, db } = ctx.deps;
    const id = catalog.sessionIdByKey(key);
    if (!ctx.user || id === undefined) return { text: plain(ctx, "errors.outdated") };
    if (ctx.chat?.type !== "private") return { text: plain(ctx, "subscribe.private_only") };
    if (followState(db, ctx.user.id, id) === "off") return { text: plain(ctx, "errors.outdated") };
    setReminder(db, ctx.user.id, id, on);
    const session = catalog.session(id);
    const keyboard = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
    const card = session && replaceFollowRows(keyboard, key, subscribeRows(ctx, session));
    await editKeyboard(
      ctx,
      card ??
        keyboard.map((row) => row.filter((b) => !("callback_data" in b && b.callback_data === `ro:${key}`))),
    );
    const title = session && truncate(pick(ctx, session.title), 80);
    if (!title) return { text: plain(ctx, "reminder.stopped_any") };
    if (!on) return { text: plain(ctx, "reminder.stopped", { title }) };
    if (!ctx.user.reminders) return { text: plain(ctx, "subscribe.remind_quiet_toast", { title }) };
    return { text: plain(ctx, "subscribe.on_toast", { title, count: leadMinutes(ctx) }) };
  });
  return composer;
}
