import { describe, expect, it } from "vitest";
import { callsOf, labelsOf, newUserSends, textOf } from "../../../test/support/bot-harness.js";
import { getUser } from "../../store/users.js";

describe("/language", () => {
  it("switches the language with a button and remembers it", async () => {
    const { h, user, reply: picker } = await newUserSends("/language", { lang: "en" });
    expect(textOf(picker)).toContain("Choose your language");
    const calls = await h.press(user, picker, "Русский");
    expect(callsOf(calls, "editMessageText")[0]?.message?.messageId).toBe(picker.messageId);
    expect(callsOf(calls, "answerCallbackQuery")).toHaveLength(1);
    const confirmation = h.last(user);
    expect(textOf(confirmation)).toContain("по-русски");
    expect(labelsOf(confirmation)).toContain("📅 Расписание");
    expect(getUser(h.deps.db, user.id)?.language).toBe("ru");

    // Telegram still says "en", but the choice wins from now on.
    await h.send(user, "/help");
    expect(textOf(h.last(user))).toContain("Как мной пользоваться");
  });

  it("switches at once with an argument", async () => {
    const { h, user, reply } = await newUserSends("/language en", { lang: "ru" });
    expect(textOf(reply)).toContain("I'll speak English");
    expect(getUser(h.deps.db, user.id)?.language).toBe("en");
    await h.send(user, "/start");
    expect(textOf(h.last(user))).toContain("Hi,");
  });

  it("shows the picker for an unknown argument", async () => {
    const { reply } = await newUserSends("/language klingon");
    expect(textOf(reply)).toContain("Choose your language");
  });
});
