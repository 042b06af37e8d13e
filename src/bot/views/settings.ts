import { REMINDER_CHOICES } from "../../delivery/planner.js";
import { LANGS, type Lang } from "../../programme/model.js";
import { actionButton, plain, type View, type ViewCtx } from "./view.js";

/** Each language's name in itself. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", ru: "Русский" };

/** The user's reminder lead in minutes: their choice, else the configured default. */
export function leadMinutes(ctx: Pick<ViewCtx, "user" | "deps">): number {
  return ctx.user?.reminderMinutes ?? ctx.deps.config.DEFAULT_REMINDER_MINUTES;
}

/**
 * /settings: how long before a session to remind (5, 10, 15, 30 or 60 minutes, ✓ marking the choice) and a switch
 * that turns reminders off altogether (then only "turn them on" is offered), the switch of the rating prompts after followed sessions, the language, and — in a
 * deployment of several conferences — whether to hear news about other conferences and future editions.
 */
export function settingsView(ctx: ViewCtx): View {
  const minutes = leadMinutes(ctx);
  const on = ctx.user?.reminders ?? true;
  // News about other conferences and future editions: a switch once the deployment carries a series.
  const series = ctx.deps.conferences.size > 1;
  const news = ctx.user?.seriesNews ?? true;
  const prompts = ctx.user?.ratingPrompts ?? true;
  const leadRow = REMINDER_CHOICES.map((m) =>
    actionButton(`${m === minutes ? "✓ " : ""}${plain(ctx, "settings.minutes", { count: m })}`, {
      type: "reminderMinutes",
      minutes: m,
    }),
  );
  return {
    text: [
      ctx.t("settings.title"),
      "",
      on ? ctx.t("settings.lead", { count: minutes }) : ctx.t("settings.reminders_off"),
      ctx.t(prompts ? "rating.settings_on" : "rating.settings_off"),
      ctx.t("settings.language", { language: LANGUAGE_NAMES[ctx.lang] }),
      ...(series ? [ctx.t(news ? "settings.news_is_on" : "settings.news_is_off")] : []),
    ].join("\n"),
    keyboard: [
      ...(on ? [leadRow] : []),
      [
        actionButton(plain(ctx, on ? "settings.turn_off" : "settings.turn_on"), {
          type: "reminders",
          on: !on,
        }),
      ],
      [
        actionButton(plain(ctx, prompts ? "rating.turn_off" : "rating.turn_on"), {
          type: "ratingPrompts",
          on: !prompts,
        }),
      ],
      LANGS.map((lang) =>
        actionButton(`${lang === ctx.lang ? "✓ " : ""}${LANGUAGE_NAMES[lang]}`, {
          type: "settingsLanguage",
          lang,
        }),
      ),
      ...(series
        ? [
            [
              actionButton(plain(ctx, news ? "settings.news_off" : "settings.news_on"), {
                type: "seriesNews",
                on: !news,
              }),
            ],
          ]
        : []),
      [actionButton(plain(ctx, "settings.forget"), { type: "forget", confirmed: false })],
    ],
  };
}

/** Forget me, asked first: what goes and what stays, with buttons that say what each does. */
export function forgetConfirmView(ctx: ViewCtx): View {
  return {
    text: ctx.t("settings.forget_confirm"),
    keyboard: [
      [actionButton(plain(ctx, "settings.forget_yes"), { type: "forget", confirmed: true })],
      [actionButton(plain(ctx, "settings.forget_keep"), { type: "settings" })],
    ],
  };
}
