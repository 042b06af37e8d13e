import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { newUserSends, TEST_BOT, textOf } from "../../test/support/bot-harness.js";
import { commandList, registerCommands } from "./commands.js";
import { LocalTelegram } from "./console/local-telegram.js";
import { createI18n } from "./i18n.js";

/** The command menu as registered with Telegram: the default (English) one and the Russian one. */
async function registered(): Promise<Record<"en" | "ru", { command: string; description: string }[]>> {
  const telegram = new LocalTelegram(TEST_BOT);
  const api = new Api("42:test");
  api.config.use(telegram.transformer());
  await registerCommands(api, createI18n());
  const calls = telegram.calls.filter((c) => c.method === "setMyCommands");
  expect(calls.map((c) => c.payload.language_code)).toEqual([undefined, "ru"]);
  const [en, ru] = calls.map((c) => c.payload.commands as { command: string; description: string }[]);
  return { en: en ?? [], ru: ru ?? [] };
}

describe("command menu", () => {
  it("registers the same commands in English by default and in Russian for ru, each described", async () => {
    const { en, ru } = await registered();
    expect(ru.map((c) => c.command)).toEqual(en.map((c) => c.command));
    expect(ru.find((c) => c.command === "schedule")?.description).toBe("Программа по дням");
    for (const c of [...en, ...ru]) {
      expect(c.command).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
      expect(c.description.length).toBeGreaterThanOrEqual(3);
      expect(c.description.length).toBeLessThanOrEqual(256);
      expect(c.description).not.toMatch(/^commands\./);
    }
  });

  it("offers only commands the bot answers: none of them gets 'I don't know that command'", async () => {
    const { en } = await registered();
    expect(en.length).toBeGreaterThan(5);
    for (const { command } of en)
      for (const lang of ["en", "ru"] as const) {
        const { reply, h } = await newUserSends(`/${command}`, { lang });
        expect(textOf(reply), `/${command}`).not.toMatch(/don't know that command|Такой команды я не знаю/);
        expect(h.logs, `/${command}`).toEqual([]);
      }
  });

  it("keeps descriptions in both languages from the locales", () => {
    const i18n = createI18n();
    expect(commandList(i18n, "ru").map((c) => c.description)).not.toEqual(
      commandList(i18n, "en").map((c) => c.description),
    );
  });
});
