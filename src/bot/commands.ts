import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { i18n } from "i18next";
import type { Lang } from "../programme/model.js";

/** The commands shown in Telegram's menu, in this order. */
export const COMMANDS = [
  "start",
  "schedule",
  "tracks",
  "now",
  "next",
  "my",
  "venue",
  "conference",
  "settings",
  "language",
  "help",
] as const;

/** The command list in a language, descriptions from `commands.<name>` of the locale. */
export function commandList(i18n: i18n, lang: Lang): BotCommand[] {
  const t = i18n.getFixedT(lang);
  return COMMANDS.map((command) => ({
    command,
    description: t(`commands.${command}`, { interpolation: { escapeValue: false } }),
  }));
}

/** Registers the command menu: English as the default for every language, Russian for `ru` users. */
export async function registerCommands(api: Api, i18n: i18n): Promise<void> {
  await api.setMyCommands(commandList(i18n, "en"));
  await api.setMyCommands(commandList(i18n, "ru"), { language_code: "ru" });
}
