import { REMINDER_CHOICES } from "../../delivery/planner.js";
import { forgetUser } from "../../store/forget-user.js";
import {
  setRatingPrompts,
  setReminderMinutes,
  setReminders,
  setSeriesNews,
  setUserLanguage,
} from "../../store/users.js";
import { onAction } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { fixedT } from "../i18n.js";
import { HTML, replyView, showView } from "../respond.js";
import { mainMenu } from "../views/menu.js";
import { forgetConfirmView, settingsView } from "../views/settings.js";
import { plain } from "../views/view.js";

/**
 * /settings: one message with the reminder lead (5, 10, 15, 30 or 60 minutes; `rm:<n>`), reminders off or on
 * altogether (`rs:0` / `rs:1`; followed sessions stay followed) and the language (`sl:<lang>`) as buttons; a press stores the choice and redraws the message in place. Changing the language
 * also sends the main menu again, since its labels are in the old one. "Forget me" (`fg`) asks first; confirmed
 * (`fg:y`), everything the bot keeps about the user is deleted (src/store/forget-user.ts) and the message
 * says so, with no buttons left to press.
 */
export function settingsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("settings", async (ctx) => {
    if (ctx.chat.type !== "private" || !ctx.user)
      return void (await ctx.reply(ctx.t("settings.private_only"), HTML));
    await replyView(ctx, settingsView(ctx));
  });
  onAction(composer, "settings", async (ctx) => {
    if (ctx.chat?.type !== "private" || !ctx.user) return { text: plain(ctx, "settings.private_only") };
    await showView(ctx, settingsView(ctx));
    return undefined;
  });
  onAction(composer, "reminderMinutes", async (ctx, { minutes }) => {
    const user = ctx.user;
    if (ctx.chat?.type !== "private" || !user) return { text: plain(ctx, "settings.private_only") };
    if (!(REMINDER_CHOICES as readonly number[]).includes(minutes))
      return { text: plain(ctx, "errors.outdated") };
    setReminderMinutes(ctx.deps.db, user.id, minutes, ctx.deps.clock());
    ctx.user = { ...user, reminderMinutes: minutes };
    await showView(ctx, settingsView(ctx));
    return { text: plain(ctx, "settings.lead_saved", { count: minutes }) };
  });
  onAction(composer, "reminders", async (ctx, { on }) => {
    const user = ctx.user;
    if (ctx.chat?.type !== "private" || !user) return { text: plain(ctx, "settings.private_only") };
    setReminders(ctx.deps.db, user.id, on, ctx.deps.clock());
    ctx.user = { ...user, reminders: on };
    await showView(ctx, settingsView(ctx));
    return { text: plain(ctx, on ? "settings.on_saved" : "settings.off_saved") };
  });
  onAction(composer, "seriesNews", async (ctx, { on }) => {
    const user = ctx.user;
    if (ctx.chat?.type !== "private" || !user) return { text: plain(ctx, "settings.private_only") };
    setSeriesNews(ctx.deps.db, user.id, on, ctx.deps.clock());
    ctx.user = { ...user, seriesNews: on };
    await showView(ctx, settingsView(ctx));
    return { text: plain(ctx, on ? "settings.news_on_saved" : "settings.news_off_saved") };
  });
  onAction(composer, "ratingPrompts", async (ctx, { on }) => {
    const user = ctx.user;
    if (ctx.chat?.type !== "private" || !user) return { text: plain(ctx, "settings.private_only") };
    setRatingPrompts(ctx.deps.db, user.id, on, ctx.deps.clock());
    ctx.user = { ...user, ratingPrompts: on };
    await showView(ctx, settingsView(ctx));
    return { text: plain(ctx, on ? "rating.settings_on_saved" : "rating.settings_off_saved") };
  });
  onAction(composer, "settingsLanguage", async (ctx, { lang }) => {
    const user = ctx.user;
    if (ctx.chat?.type !== "private" || !user) return { text: plain(ctx, "settings.private_only") };
    const changed = lang !== ctx.lang;
    setUserLanguage(ctx.deps.db, user.id, lang, ctx.deps.clock());
    ctx.user = { ...user, language: lang };
    ctx.lang = lang;
    ctx.t = fixedT(ctx.deps.i18n, lang);
    await showView(ctx, settingsView(ctx));
    if (changed) await ctx.reply(ctx.t("language.done"), { ...HTML, reply_markup: mainMenu(ctx) });
    return undefined;
  });
  onAction(composer, "forget", async (ctx, { confirmed }) => {
    const user = ctx.user;
    if (ctx.chat?.type !== "private" || !user) return { text: plain(ctx, "settings.private_only") };
    if (!confirmed) {
      await showView(ctx, forgetConfirmView(ctx));
      return undefined;
    }
    forgetUser(ctx.deps.db, user.id);
    ctx.user = undefined;
    await showView(ctx, { text: ctx.t("settings.forgotten"), keyboard: [] });
    return { text: plain(ctx, "settings.forgotten_toast") };
  });
  return composer;
}
