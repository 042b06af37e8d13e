import { describe, expect, it } from "vitest";
import { newUserSends, textOf } from "../../../test/support/bot-harness.js";

describe("main menu", () => {
  it("answers its buttons as the commands they stand for", async () => {
    const { h, user, reply } = await newUserSends("📅 Schedule");
    expect(textOf(reply)).toContain("Pick a day");
    await h.send(user, "❓ Help");
    expect(textOf(h.last(user))).toContain("How to use me");
    await h.send(user, "▶️ Now");
    expect(textOf(h.last(user))).toContain("On now");
  });

  it("understands the labels of either language, whatever the user's language", async () => {
    const { reply } = await newUserSends("📅 Расписание", { lang: "en" });
    expect(textOf(reply)).toContain("Pick a day");
  });

  it("leaves other text to search", async () => {
    const { reply } = await newUserSends("Flask patterns");
    expect(textOf(reply)).toContain("Advanced Flask patterns");
  });
});

describe("typed words that name a command", () => {
  const cases: [string, string, string][] = [
    ["расписание", "ru", "Выберите день"],
    ["Schedule", "en", "Pick a day"],
    ["помощь", "ru", "Как мной пользоваться"],
    ["help!", "en", "How to use me"],
    ["Что сейчас?", "ru", "Сейчас идёт"],
    ["What's on now?", "en", "On now"],
    ["what’s next", "en", "Up next"],
    ["мои доклады", "ru", "Вы пока не следите"],
  ];
  for (const [typed, lang, expected] of cases)
    it(`“${typed}” leads to its command`, async () => {
      const { reply } = await newUserSends(typed, { lang });
      expect(textOf(reply)).toContain(expected);
    });

  it("work in either language, and longer texts stay searches", async () => {
    const { reply } = await newUserSends("расписание", { lang: "en" });
    expect(textOf(reply)).toContain("Pick a day");
    const { reply: search } = await newUserSends("schedule of the flask talk");
    expect(textOf(search)).not.toContain("Pick a day");
  });
});
