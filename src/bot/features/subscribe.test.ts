import { describe, expect, it } from "vitest";
import { callsOf, labelsOf, newUserSends, textOf } from "../../../test/support/bot-harness.js";
import { planReminders } from "../../delivery/planner.js";
import { followState, isSubscribed } from "../../store/subscriptions.js";

describe("following and reminders on session cards", () => {
  const beforeTheConference = { now: "2030-03-01T08:00:00+05:00" };

  it("follows and unfollows, redrawing the follow rows in place", async () => {
    const { h, user, reply } = await newUserSends("flask", beforeTheConference);
    await h.press(user, reply, "Advanced Flask patterns");
    const card = h.last(user);
    expect(labelsOf(card)).toEqual(["⭐ Follow", "↗️ Share", "👤 Armin Ronacher", "◀ Back to results"]);

    const on = await h.press(user, card, "⭐ Follow");
    expect(followState(h.deps.db, user.id, "flask-patterns")).toBe("remind");
    expect(callsOf(on, "editMessageReplyMarkup")).toHaveLength(1);
    expect(callsOf(on, "answerCallbackQuery")[0]?.payload.text).toBe(
      "🔔 I'll remind you 10 minutes before “Advanced Flask patterns”.",
    );
    const after = h.last(user);
    expect(after.messageId).toBe(card.messageId);
    expect(after.text).toBe(card.text);
    expect(labelsOf(after)).toEqual([
      "✖️ Unfollow",
      "🔕 Don't remind me",
      "↗️ Share",
      "👤 Armin Ronacher",
      "◀ Back to results",
    ]);

    const off = await h.press(user, after, "✖️ Unfollow");
    expect(followState(h.deps.db, user.id, "flask-patterns")).toBe("off");
    expect(callsOf(off, "answerCallbackQuery")[0]?.payload.text).toBe(
      "✖️ “Advanced Flask patterns” is no longer in /my.",
    );
    expect(labelsOf(h.last(user))).toEqual([
      "⭐ Follow",
      "↗️ Share",
      "👤 Armin Ronacher",
      "◀ Back to results",
    ]);
  });

  it("turns one session's reminder off and on from its card, keeping it followed", async () => {
    for (const [lang, off, on, offToast] of [
      [
        "en",
        "🔕 Don't remind me",
        "🔔 Remind me",
        "🔕 No reminder for “Advanced Flask patterns” — it stays in /my.",
      ],
      [
        "ru",
        "🔕 Не напоминать",
        "🔔 Напомнить",
        "🔕 «Продвинутые паттерны Flask»: больше не напомню, но из вашего списка (/my) не убираю.",
      ],
    ] as const) {
      const { h, user, reply } = await newUserSends("/start flask-patterns", {
        ...beforeTheConference,
        lang,
      });
      await h.press(user, reply, "⭐");
      const muted = await h.press(user, h.last(user), off);
      expect(callsOf(muted, "answerCallbackQuery")[0]?.payload.text).toBe(offToast);
      expect(followState(h.deps.db, user.id, "flask-patterns")).toBe("muted");
      expect(labelsOf(h.last(user))).toContain(on);
      expect(labelsOf(h.last(user))).not.toContain(off);
      // Still in /my, marked as not reminded; no reminder is planned for it.
      await h.send(user, "/my");
      expect(textOf(h.last(user))).toMatch(/10:00–11:00 • (Hall A|Зал A) · .+ 🔕$/m);
      h.setNow("2030-03-01T09:55:00+05:00");
      expect(planReminders(h.deps.db, { now: h.deps.clock(), defaultMinutes: 10 }).enqueued).toBe(0);
      // Opened again, the card shows the state; "Remind me" turns it back on.
      await h.send(user, "/start flask-patterns");
      await h.press(user, h.last(user), on);
      expect(followState(h.deps.db, user.id, "flask-patterns")).toBe("remind");
      expect(planReminders(h.deps.db, { now: h.deps.clock(), defaultMinutes: 10 }).enqueued).toBe(1);
    }
  });

  it("shows the current state when a card is opened again", async () => {
    const { h, user, reply } = await newUserSends("/start flask-patterns", {
      ...beforeTheConference,
      lang: "ru",
    });
    const on = await h.press(user, reply, "Следить");
    expect(callsOf(on, "answerCallbackQuery")[0]?.payload.text).toBe(
      "🔔 «Продвинутые паттерны Flask»: напомню за 10 минут до начала.",
    );
    await h.send(user, "/start flask-patterns");
    expect(labelsOf(h.last(user)).slice(0, 3)).toEqual(["✖️ Не следить", "🔕 Не напоминать", "↗️ Поделиться"]);
  });

  it("follows a session that has already started without promising a reminder", async () => {
    const { h, user, reply } = await newUserSends("/start flask-patterns", {
      now: "2030-03-01T10:30:00+05:00",
    });
    const on = await h.press(user, reply, "⭐ Follow");
    expect(isSubscribed(h.deps.db, user.id, "flask-patterns")).toBe(true);
    expect(callsOf(on, "answerCallbackQuery")[0]?.payload.text).toBe(
      "⭐ “Advanced Flask patterns” is in /my. It has already started, so there will be no reminder.",
    );
    // No reminder toggle once it has started: only unfollowing is left.
    expect(labelsOf(h.last(user)).slice(0, 2)).toEqual(["✖️ Unfollow", "↗️ Share"]);
  });

  it("says that reminders are off altogether when following with them off in /settings", async () => {
    const { h, user } = await newUserSends("/settings", { ...beforeTheConference, lang: "ru" });
    await h.press(user, h.last(user), "Выключить напоминания");
    await h.send(user, "/start flask-patterns");
    const on = await h.press(user, h.last(user), "Следить");
    expect(callsOf(on, "answerCallbackQuery")[0]?.payload.text).toBe(
      "⭐ «Продвинутые паттерны Flask» — теперь в /my. Напоминания у вас выключены; включить их можно в /settings.",
    );
    expect(followState(h.deps.db, user.id, "flask-patterns")).toBe("remind");
  });

  it("refuses forged toggles for cancelled, break, unknown and malformed sessions", async () => {
    const { h, user } = await newUserSends("/start");
    const key = (id: string) => h.deps.catalog.sessionKey(id);
    for (const data of [
      `sub:${key("legacy-code")}`,
      `sub:${key("registration")}`,
      `rn:${key("flask-patterns")}`,
      `ro:${key("flask-patterns")}`,
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
    // Reminder toggles of a session the user does not follow do not follow it.
    expect(followState(h.deps.db, user.id, "flask-patterns")).toBe("off");
    expect(h.logs).toEqual([]);
  });
});
