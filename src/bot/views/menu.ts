import type { ReplyKeyboardMarkup } from "grammy/types";
import type { i18n } from "i18next";
import { LANGS } from "../../programme/model.js";
import { plain, type ViewCtx } from "./view.js";

/** The main menu's buttons, row by row; each stands for the command of the same name. */
export const MENU_LAYOUT = [
  ["schedule", "now", "next"],
  ["my", "venue"],
  ["language", "help"],
] as const;

/** The main menu: a persistent reply keyboard in the user's language. */
export function mainMenu(ctx: Pick<ViewCtx, "deps" | "lang">): ReplyKeyboardMarkup {
  return {
    keyboard: MENU_LAYOUT.map((row) => row.map((command) => ({ text: plain(ctx, `menu.${command}`) }))),
    is_persistent: true,
    resize_keyboard: true,
  };
}

/** Every menu label in every language → the command it stands for (a menu in an old language still works). */
export function menuLabels(i18n: i18n): Map<string, string> {
  const labels = new Map<string, string>();
  for (const lang of LANGS) {
    const t = i18n.getFixedT(lang);
    for (const command of MENU_LAYOUT.flat()) labels.set(t(`menu.${command}`), command);
  }
  return labels;
}

/** A typed phrase as compared with the phrases that name commands: case, ё, apostrophes and punctuation aside. */
export function normalizePhrase(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return words || (text.trim() === "?" ? "?" : "");
}

/**
 * What typed words name a command, in every language (`typed.<command>` in the locales: phrases separated by
 * "|"): "расписание", "what's on now", "помощь" → schedule, now, help. Compared after {@link normalizePhrase}.
 */
export function typedCommands(i18n: i18n): Map<string, string> {
  const phrases = new Map<string, string>();
  for (const lang of LANGS) {
    const typed = i18n.getResource(lang, "translation", "typed") as Record<string, string> | undefined;
    for (const [command, list] of Object.entries(typed ?? {}))
      for (const phrase of list.split("|")) {
        const key = normalizePhrase(phrase);
        if (key && !phrases.has(key)) phrases.set(key, command);
      }
  }
  return phrases;
}
