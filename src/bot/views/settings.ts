import { REMINDER_CHOICES } from "../../delivery/planner.js";
import { LANGS, type Lang } from "../../programme/model.js";
import { actionButton, plain, type View, type ViewCtx } from "./view.js";

/** Each language's name in itself. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", ru: "Русский" };

/** The user's reminder lead in minutes: their choice, else the configured default. */
export function leadMinutes(ctx: Pick<ViewCtx, "user" | "deps">): number {
  return ctx.user?.reminderMinutes ?? ctx.deps.config.DEFAULT_REMINDER_MINUTES;
}

/** /settings: how long before a session to remind (5, 10, 15, 30 or 60 minutes) and the language, ✓ marking each choice. */
export function settingsView(ctx: ViewCtx): View {
  const minutes = leadMinutes(ctx);
  return {
    text: [
      ctx.t("settings.title"),
      "",
      ctx.t("settings.lead", { count: minutes }),
      ctx.t("settings.language", { language: LANGUAGE_NAMES[ctx.lang] }),
    ].join("\n"),
    keyboard: [
      REMINDER_CHOICES.map((m) =>
        actionButton(`${m === minutes ? "✓ " : ""}${plain(ctx, "settings.minutes", { count: m })}`, {
          type: "reminderMinutes",
          minutes: m,
        }),
      ),
      LANGS.map((lang) =>
        actionButton(`${lang === ctx.lang ? "✓ " : ""}${LANGUAGE_NAMES[lang]}`, {
          type: "settingsLanguage",
          lang,
        }),
      ),
    ],
  };
}
