/**
 * End to end: the bot runs as its own process (`tsx src/main.ts`, as `npm start` runs it), long polling a local
 * Bot API server; the test plays attendees through that server and reads what comes back.
 */

import type { InlineQueryResultArticle } from "grammy/types";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/bot/commands.js";
import { attendeeProgramme } from "../support/attendee-programme.js";
import type { ApiUser } from "../support/bot-api-server.js";
import { useE2eBot } from "../support/e2e-bot.js";

const WAIT = 15_000;
const emma: ApiUser = { id: 5001, first_name: "Emma", language_code: "en" };
const ivan: ApiUser = { id: 5002, first_name: "Иван", language_code: "ru" };
const mallory: ApiUser = { id: 5003, first_name: "Mallory", language_code: "en" };

const e2e = useE2eBot({ programme: attendeeProgramme(), waitMs: WAIT });
const { say, press } = e2e;

describe("an attendee's bot, end to end", () => {
  it("registers its commands in both languages and drops any webhook at start-up", () => {
    expect(e2e.server.requests.some((r) => r.method === "deleteWebhook")).toBe(true);
    const names = (lang: string) => e2e.server.commands.get(lang)?.map((c) => c.command);
    // What reached the Bot API server over HTTP is the bot's own menu, the same in both languages.
    expect(names("")).toEqual([...COMMANDS]);
    expect(names("ru")).toEqual([...COMMANDS]);
    expect(e2e.server.commands.get("ru")?.[0]?.description).toBe("Приветствие и главное меню");
  });

  it("welcomes in the user's language", async () => {
    const en = await say(emma, "/start");
    expect(en.text).toContain("Hi, Emma!");
    expect(en.text).toContain("TestConf & Co");
    expect(en.buttons).toContain("📅 Schedule");
    const ru = await say(ivan, "/start");
    expect(ru.text).toContain("Привет, Иван!");
    expect(ru.buttons).toContain("📅 Расписание");
  });

  it("searches, opens a card in place, subscribes, and goes back", async () => {
    const list = await say(emma, "flask");
    expect(list.text).toContain("1. Advanced Flask patterns");
    const { after: card } = await press(emma, list, "Advanced Flask patterns");
    expect(card.messageId).toBe(list.messageId);
    expect(card.text).toContain("🕒 Fri 1 Mar 2030, 10:00–11:00");
    expect(card.text).toContain("📍 Hall A");
    const { answer, after: subscribed } = await press(emma, card, "⭐ Follow");
    expect(answer.text).toContain("I'll remind you 10 minutes before");
    expect(subscribed.buttons.slice(0, 2)).toEqual(["✖️ Unfollow", "🔕 Don't remind me"]);
    const { after: back } = await press(emma, subscribed, "Back to results");
    // The same results, the session now followed marked ⭐.
    expect(back.text).toBe(list.text.replace("1. Advanced Flask patterns", "1. ⭐ Advanced Flask patterns"));
  });

  it("pages through results and searches in Russian", async () => {
    const list = await say(ivan, "python tricks");
    expect(list.text).toContain("(1/2)");
    const { after } = await press(ivan, list, "Далее ▶");
    expect(after.text).toContain("(2/2)");
    const nothing = await say(ivan, "абырвалг");
    expect(nothing.text).toContain("ничего не нашлось");
  });

  it("opens session and speaker cards from deep links", async () => {
    const session = await say(emma, "/start testing-workshop");
    expect(session.text).toContain("Testing workshop");
    expect(session.text).toContain("🏷 Workshop");
    const speaker = await say(emma, "/start sp_armin-ronacher");
    expect(speaker.text).toContain("Author of Flask and Jinja2.");
    // Emma follows the first (the test above): starred.
    expect(speaker.buttons).toEqual(["⭐ Advanced Flask patterns", "The future of web frameworks"]);
  });

  it("answers inline queries with cards that link back into the bot", async () => {
    const results = (await e2e.server.inlineQuery(emma, "flask", WAIT)) as InlineQueryResultArticle[];
    const flask = results.find((r) => r.id === "flask-patterns");
    expect(flask?.title).toBe("Advanced Flask patterns");
    expect(flask?.reply_markup?.inline_keyboard[0]?.[0]).toEqual({
      text: "📱 Open in the bot",
      url: `https://t.me/${e2e.server.botInfo.username}?start=flask-patterns`,
    });
  });

  it("knows the conference has not started yet and shows its first day", async () => {
    const now = await say(emma, "/now");
    expect(now.text).toContain("TestConf & Co has not started yet");
    expect(now.text).toContain("Fri 1 Mar");
    const days = await say(emma, "/schedule");
    const { after: day } = await press(emma, days, "Sat 2 Mar");
    expect(day.text).toContain("Testing workshop");
  });

  it("keeps answering through garbage and forged buttons", async () => {
    const card = await say(mallory, "/start flask-patterns");
    const garbage = [
      "x".repeat(5000),
      "🐍🎉👩‍💻",
      "<b>&",
      "</i><script>alert(1)</script>",
      "&amp;&#0;",
      "\u202e\u200b",
    ];
    for (const text of garbage) {
      const reply = await say(mallory, text);
      expect(reply.text.length).toBeGreaterThan(0);
      expect(reply.text.length).toBeLessThanOrEqual(4096);
    }
    expect((await say(mallory, "<b>&")).text).toContain("“<b>&”");

    const mark = e2e.server.sendSticker(mallory);
    expect((await e2e.server.waitFor((m) => m.chatId === mallory.id && m.seq > mark, WAIT)).text).toContain(
      "text",
    );

    for (const data of [
      "s:../../etc",
      "x".repeat(64),
      "s:no-such-session",
      "sub:no-such-session",
      "sp:ghost",
      "sr:0:ZZZZZZZZ",
      "d:99",
    ]) {
      const id = e2e.server.pressData(mallory, data, card);
      expect((await e2e.server.waitForAnswer(id, WAIT)).text).toContain("outdated");
    }
    const after = await say(mallory, "flask");
    expect(after.text).toContain("Advanced Flask patterns");
    // Nothing the bot sent was refused by the server, and nothing went to a chat it should not reach.
    expect(e2e.server.requests.filter((r) => r.status >= 400 && r.method !== "getUpdates")).toEqual([]);
    const chats = new Set(e2e.server.messages().map((m) => m.chatId));
    expect([...chats].sort()).toEqual([emma.id, ivan.id, mallory.id].sort());
  });

  it("rides out a 429 and a 500 from Telegram (auto-retry)", async () => {
    e2e.server.failNext({ method: "sendMessage", chatId: emma.id, code: 429, retryAfter: 1 });
    e2e.server.failNext({ method: "sendMessage", chatId: emma.id, code: 500 });
    const reply = await say(emma, "redis");
    expect(reply.text).toContain("Nothing found");
    expect(e2e.server.stats().injected).toMatchObject({ 429: 1, 500: 1 });
  });

  it("stops gracefully on SIGTERM", async () => {
    expect(await e2e.bot.stop("SIGTERM")).toBe(0);
    expect(e2e.bot.stderr()).not.toMatch(/"level":50/);
  });
});
