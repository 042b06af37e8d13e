import { describe, expect, it } from "vitest";
import { callbackDataOf, callsOf, labelsOf, newUserSends, textOf } from "../../test/support/bot-harness.js";
import { dispatcherOf } from "../../test/support/harness-dispatcher.js";
import { waitUntil } from "../../test/support/wait.js";
import { planReminders } from "../delivery/planner.js";
import { enqueue, outboxCounts } from "../store/outbox.js";
import { followState, subscribe } from "../store/subscriptions.js";
import { getUser } from "../store/users.js";
import { startReminders } from "./reminders.js";

describe("reminders in the bot", () => {
  it("/my lists followed sessions with overlaps, hides past ones, and sends an .ics", async () => {
    const { h, user } = await newUserSends("/start", { now: "2030-03-01T10:50:00+05:00", lang: "en" });
    for (const id of ["flask-patterns", "async-io", "legacy-code"]) subscribe(h.deps.db, user.id, id, 0);
    await h.send(user, "/my");
    const my = h.last(user);
    const text = textOf(my);
    expect(text).toContain("My sessions (3)");
    expect(text).toContain("1 past session is hidden");
    expect(text.indexOf("16:00")).toBeGreaterThan(text.indexOf("10:00"));
    expect(callbackDataOf(my)).toEqual(expect.arrayContaining(["ics", "my:p"]));
    await h.press(user, my, "Show past");
    const withPast = textOf(h.last(user));
    expect(withPast).toMatch(/at the same time as/);

    const calls = await h.press(user, h.last(user), "Add to calendar");
    const doc = callsOf(calls, "sendDocument")[0];
    expect(doc?.message?.document?.filename).toMatch(/\.ics$/);
    expect(callsOf(calls, "answerCallbackQuery")).toHaveLength(1);

    // The main menu's "My sessions" button is /my.
    await h.send(user, "⭐ My sessions");
    expect(textOf(h.last(user))).toContain("My sessions (3)");
  });

  it("/settings stores the lead time and the language, redrawing itself", async () => {
    const { h, user, reply: settings } = await newUserSends("/settings", { lang: "en" });
    expect(labelsOf(settings)).toEqual([
      "5 min",
      "✓ 10 min",
      "15 min",
      "30 min",
      "60 min",
      "🔕 Turn reminders off",
      "⭐ Stop asking me to rate sessions",
      "✓ English",
      "Русский",
      "🗑 Forget me",
    ]);
    const calls = await h.press(user, settings, "30 min");
    expect(getUser(h.deps.db, user.id)?.reminderMinutes).toBe(30);
    expect(callsOf(calls, "editMessageText")[0]?.message?.messageId).toBe(settings.messageId);
    expect(labelsOf(h.telegram.message(user.id, settings.messageId) ?? settings)).toContain("✓ 30 min");

    await h.press(user, h.telegram.message(user.id, settings.messageId) ?? settings, "Русский");
    expect(getUser(h.deps.db, user.id)?.language).toBe("ru");
    expect(textOf(h.telegram.message(user.id, settings.messageId) ?? settings)).toContain(
      "Напоминаю за 30 минут",
    );
    expect(labelsOf(h.last(user))).toContain("📅 Расписание");
    // Values that are not offered are refused.
    await h.pressData(user, "rm:7", settings);
    expect(getUser(h.deps.db, user.id)?.reminderMinutes).toBe(30);
  });

  it("sends the reminder in the user's language; its buttons open the card and stop the reminder, not the following", async () => {
    const { h, user } = await newUserSends("/start", { now: "2030-03-02T10:45:00+05:00", lang: "ru" });
    subscribe(h.deps.db, user.id, "testing-workshop", 0);
    h.setNow("2030-03-02T10:50:00+05:00");
    expect(planReminders(h.deps.db, { now: h.deps.clock(), defaultMinutes: 10 }).enqueued).toBe(1);
    await dispatcherOf(h).drain();
    const reminder = h.last(user);
    expect(textOf(reminder)).toMatch(/^⏰ Через 10 минут: /);
    const key = h.deps.catalog.sessionKey("testing-workshop");
    expect(callbackDataOf(reminder)).toEqual([`s:${key}:n`, `ro:${key}`, `qk:${key}`]);
    expect(outboxCounts(h.deps.db)).toMatchObject({ sent: 1, pending: 0 });

    const stop = await h.press(user, reminder, "Не напоминать");
    expect(callsOf(stop, "answerCallbackQuery")[0]?.payload.text).toBe(
      "🔕 «Мастер-класс по тестированию»: больше не напомню, но из вашего списка (/my) не убираю.",
    );
    expect(followState(h.deps.db, user.id, "testing-workshop")).toBe("muted");
    const stopped = h.telegram.message(user.id, reminder.messageId) ?? reminder;
    expect(callbackDataOf(stopped)).toEqual([`s:${key}:n`, `qk:${key}`]);
    // "Open card" sends the session's card as a new message (the reminder stays, as it was): still followed,
    // with "Remind me" to turn the reminder on again.
    await h.press(user, stopped, 0);
    const card = h.last(user);
    expect(card.messageId).not.toBe(reminder.messageId);
    expect(textOf(h.telegram.message(user.id, reminder.messageId) ?? reminder)).toMatch(
      /^⏰ Через 10 минут: /,
    );
    expect(callbackDataOf(card)).toEqual(expect.arrayContaining([`unsub:${key}`, `rn:${key}`]));
    await h.send(user, "/my");
    expect(textOf(h.last(user))).toContain("Мастер-класс по тестированию");
    expect(callbackDataOf(card).some((d) => d.endsWith(":n"))).toBe(false);
  });

  it("a user who blocks the bot is marked at once and what was queued for them is dropped", async () => {
    const { h, user } = await newUserSends("/start", { lang: "en" });
    enqueue(
      h.deps.db,
      [
        {
          kind: "broadcast",
          dedupeKey: "b:1",
          userId: user.id,
          chatId: user.id,
          payload: { type: "message", text: "hi" },
          notBefore: 0,
        },
      ],
      0,
    );
    const member = (status: "kicked" | "member", old: "member" | "kicked") =>
      h.update({
        my_chat_member: {
          chat: { id: user.id, type: "private", first_name: user.first_name },
          from: { id: user.id, is_bot: false, first_name: user.first_name },
          date: 0,
          old_chat_member: { status: old, user: { id: 42, is_bot: true, first_name: "bot" } },
          new_chat_member:
            status === "kicked"
              ? { status, user: { id: 42, is_bot: true, first_name: "bot" }, until_date: 0 }
              : { status, user: { id: 42, is_bot: true, first_name: "bot" } },
        },
      } as never);
    await member("kicked", "member");
    expect(getUser(h.deps.db, user.id)?.blockedAt).not.toBeNull();
    expect(outboxCounts(h.deps.db)).toMatchObject({ pending: 0, dropped: 1 });
    await member("member", "kicked");
    expect(getUser(h.deps.db, user.id)?.blockedAt).toBeNull();
  });

  it("starts and stops with the bot (console wiring): a due reminder prints through the same api", async () => {
    const { h, user } = await newUserSends("/start", { now: "2030-03-02T10:52:00+05:00", lang: "en" });
    subscribe(h.deps.db, user.id, "testing-workshop", 0);
    const reminders = startReminders(h.deps, h.bot.api);
    // The first tick runs on start; the dispatcher sends on its own.
    await waitUntil(() => outboxCounts(h.deps.db).sent === 1, "the reminder to be sent", {
      intervalMs: 10,
      timeoutMs: 20_000,
    });
    await reminders.stop();
    expect(textOf(h.last(user))).toMatch(/^⏰ In 8 minutes: /);
  });
});
