import { describe, expect, it } from "vitest";
import { callsOf, labelsOf, newUserSends, textOf } from "../../../test/support/bot-harness.js";
import { dispatcherOf } from "../../../test/support/harness-dispatcher.js";
import { planReminders } from "../../delivery/planner.js";
import { outboxCounts } from "../../store/outbox.js";
import { followState, subscribe } from "../../store/subscriptions.js";
import { getUser } from "../../store/users.js";

describe("/settings → reminders off altogether", () => {
  it("stops every reminder but keeps what is followed, in both languages, until turned on again", async () => {
    for (const [lang, off, on, offText, mine] of [
      [
        "en",
        "🔕 Turn reminders off",
        "🔔 Turn reminders on",
        "🔕 Reminders are off. The sessions you follow stay in /my.",
        "🔕 Reminders are off — /settings",
      ],
      [
        "ru",
        "🔕 Выключить напоминания",
        "🔔 Включить напоминания",
        "🔕 Напоминания выключены. Доклады, за которыми вы следите, остаются в /my.",
        "🔕 Напоминания выключены — /settings",
      ],
    ] as const) {
      const { h, user, reply } = await newUserSends("/settings", { lang, now: "2030-03-01T09:40:00+05:00" });
      for (const id of ["flask-patterns", "async-io"]) subscribe(h.deps.db, user.id, id, 0);
      const plan = () => planReminders(h.deps.db, { now: h.deps.clock(), defaultMinutes: 10 }).enqueued;

      const pressed = await h.press(user, reply, off);
      expect(callsOf(pressed, "editMessageText")[0]?.message?.messageId).toBe(reply.messageId);
      const settings = h.last(user);
      expect(textOf(settings)).toContain(offText);
      // Lead times are of no use while nothing is reminded: only the switch and the language are left.
      expect(labelsOf(settings)).toEqual(
        lang === "en"
          ? [on, "⭐ Stop asking me to rate sessions", "✓ English", "Русский", "🗑 Forget me"]
          : [on, "⭐ Не просить оценить доклады", "English", "✓ Русский", "🗑 Забыть меня"],
      );
      expect(getUser(h.deps.db, user.id)?.reminders).toBe(false);

      h.setNow("2030-03-01T09:55:00+05:00");
      expect(plan()).toBe(0);
      expect(followState(h.deps.db, user.id, "flask-patterns")).toBe("remind");
      await h.send(user, "/my");
      expect(textOf(h.last(user))).toContain(mine);
      expect(textOf(h.last(user))).toContain(lang === "en" ? "My sessions (2)" : "Мои доклады (2)");

      await h.press(user, settings, on);
      expect(labelsOf(h.telegram.message(user.id, settings.messageId) ?? settings)).toContain(off);
      expect(plan()).toBe(2);
    }
  });

  it("drops a reminder already queued when reminders are turned off before it is sent, and plans it again when on", async () => {
    const { h, user, reply } = await newUserSends("/settings", { now: "2030-03-01T09:49:00+05:00" });
    subscribe(h.deps.db, user.id, "flask-patterns", 0);
    const plan = () => planReminders(h.deps.db, { now: h.deps.clock(), defaultMinutes: 10 }).enqueued;
    expect(plan()).toBe(1);
    await h.press(user, reply, "Turn reminders off");
    h.setNow("2030-03-01T09:50:00+05:00");
    const dispatcher = dispatcherOf(h);
    await dispatcher.drain();
    expect(outboxCounts(h.deps.db)).toMatchObject({ sent: 0, pending: 0 });
    expect(h.chat(user).some((m) => m.text.startsWith("⏰"))).toBe(false);

    await h.press(user, h.telegram.message(user.id, reply.messageId) ?? reply, "Turn reminders on");
    expect(plan()).toBe(1);
    await dispatcher.drain();
    expect(outboxCounts(h.deps.db)).toMatchObject({ sent: 1 });
    expect(textOf(h.last(user))).toMatch(/^⏰ In 10 minutes: Advanced Flask patterns/);
  });

  it("answers the switch only in a private chat, and changes nothing for a forged one", async () => {
    const { h, user } = await newUserSends("/start");
    for (const data of ["rs:2", "rs:", "rs:00"]) {
      const calls = await h.pressData(user, data, h.last(user));
      expect(callsOf(calls, "answerCallbackQuery")[0]?.payload.text).toContain("outdated");
    }
    expect(getUser(h.deps.db, user.id)?.reminders).toBe(true);
  });
});
