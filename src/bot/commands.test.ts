import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { TEST_BOT } from "../../test/support/bot-harness.js";
import { commandList, registerCommands } from "./commands.js";
import { LocalTelegram } from "./console/local-telegram.js";
import { createI18n } from "./i18n.js";

describe("command menu", () => {
  it("registers the commands in English by default and in Russian for ru", async () => {
    const telegram = new LocalTelegram(TEST_BOT);
    const api = new Api("42:test");
    api.config.use(telegram.transformer());
    await registerCommands(api, createI18n());
    const calls = telegram.calls.filter((c) => c.method === "setMyCommands");
    expect(calls).toHaveLength(2);
    const [en, ru] = calls;
    expect(en?.payload.language_code).toBeUndefined();
    expect(ru?.payload.language_code).toBe("ru");
    const names = ((en?.payload.commands ?? []) as { command: string }[]).map((c) => c.command);
    expect(names).toEqual([
      "start",
      "schedule",
      "tracks",
      "now",
      "next",
      "my",
      "settings",
      "language",
      "help",
    ]);
    expect(((ru?.payload.commands ?? []) as { description: string }[])[1]?.description).toBe(
      "Программа по дням",
    );
  });

  it("keeps descriptions within Telegram's 3–256 characters", () => {
    const i18n = createI18n();
    for (const lang of ["en", "ru"] as const)
      for (const c of commandList(i18n, lang)) {
        expect(c.description.length).toBeGreaterThanOrEqual(3);
        expect(c.description.length).toBeLessThanOrEqual(256);
        expect(c.description).not.toMatch(/^commands\./);
      }
  });
});
