import { describe, expect, it } from "vitest";
import { callsOf, labelsOf, newUserSends } from "../../../test/support/bot-harness.js";
import { isSubscribed } from "../../store/subscriptions.js";

describe("subscribe toggle", () => {
  const beforeTheConference = { now: "2030-03-01T08:00:00+05:00" };

  it("subscribes and unsubscribes, swapping the toggle row in place", async () => {
    const { h, user, reply } = await newUserSends("flask", beforeTheConference);
    await h.press(user, reply, "Advanced Flask patterns");
    const card = h.last(user);
    expect(labelsOf(card)).toEqual(["🔔 Remind me", "↗️ Share", "👤 Armin Ronacher", "◀ Back to results"]);

    const on = await h.press(user, card, "🔔 Remind me");
    expect(isSubscribed(h.deps.db, user.id, "flask-patterns")).toBe(true);
    expect(callsOf(on, "editMessageReplyMarkup")).toHaveLength(1);
    expect(callsOf(on, "answerCallbackQuery")[0]?.payload.text).toBe(
      "🔔 I'll remind you 10 minutes before “Advanced Flask patterns”.",
    );
    const after = h.last(user);
    expect(after.messageId).toBe(card.messageId);
    expect(after.text).toBe(card.text);
    expect(labelsOf(after)).toEqual([
      "🔕 Don't remind me",
      "↗️ Share",
      "👤 Armin Ronacher",
      "◀ Back to results",
    ]);

    await h.press(user, after, "🔕 Don't remind me");
    expect(isSubscribed(h.deps.db, user.id, "flask-patterns")).toBe(false);
    expect(labelsOf(h.last(user))).toEqual([
      "🔔 Remind me",
      "↗️ Share",
      "👤 Armin Ronacher",
      "◀ Back to results",
    ]);
  });

  it("shows the current state when a card is opened again", async () => {
    const { h, user, reply } = await newUserSends("/start flask-patterns", {
      ...beforeTheConference,
      lang: "ru",
    });
    const on = await h.press(user, reply, "Напомнить");
    expect(callsOf(on, "answerCallbackQuery")[0]?.payload.text).toBe(
      "🔔 «Продвинутые паттерны Flask»: напомню за 10 минут до начала.",
    );
    await h.send(user, "/start flask-patterns");
    expect(labelsOf(h.last(user))[0]).toBe("🔕 Не напоминать");
  });

  it("follows a session that has already started without promising a reminder", async () => {
    const { h, user, reply } = await newUserSends("/start flask-patterns", {
      now: "2030-03-01T10:30:00+05:00",
    });
    const on = await h.press(user, reply, "🔔 Remind me");
    expect(isSubscribed(h.deps.db, user.id, "flask-patterns")).toBe(true);
    expect(callsOf(on, "answerCallbackQuery")[0]?.payload.text).toBe(
      "⭐ “Advanced Flask patterns” is in /my. It has already started, so there will be no reminder.",
    );
  });

  it("refuses forged toggles for cancelled, break, unknown and malformed sessions", async () => {
    const { h, user } = await newUserSends("/start");
    const key = (id: string) => h.deps.catalog.sessionKey(id);
    for (const data of [
      `sub:${key("legacy-code")}`,
      `sub:${key("registration")}`,
      "sub:999999",
      "sub:legacy-code",
      "sub:../x",
      `sub:${"1".repeat(60)}`,
    ]) {
      const calls = await h.pressData(user, data, h.last(user));
      expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
      expect(calls[0]?.payload.text).toContain("outdated");
    }
    expect(isSubscribed(h.deps.db, user.id, "legacy-code")).toBe(false);
    expect(h.logs).toEqual([]);
  });
});
