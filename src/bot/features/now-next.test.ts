import { describe, expect, it } from "vitest";
import { labelsOf, newUser, newUserSends, textOf } from "../../../test/support/bot-harness.js";
import { festivalProgramme, nightProgramme } from "../../../test/support/festival-programme.js";
import { subscribe } from "../../store/subscriptions.js";

describe("/now and /next", () => {
  it("show what is on and what starts next by the clock", async () => {
    const { h, user, reply } = await newUserSends("/now", { now: "2030-03-01T10:30:00+05:00" });
    const now = textOf(reply);
    expect(now).toContain("On now");
    expect(now).toContain("Fri 1 Mar, 10:30");
    expect(now).toContain("Advanced Flask patterns");
    expect(now).toContain("Inside asynchronous code");
    expect(labelsOf(h.last(user))).toEqual([
      "10:00 Advanced Flask patterns",
      "10:00 Inside asynchronous code",
    ]);

    await h.send(user, "/next");
    const next = textOf(h.last(user));
    expect(next).toContain("Up next");
    // The coffee break at 11:00 is not what comes next for an attendee: the talks after it are.
    expect(next).not.toContain("Coffee break");
    expect(labelsOf(h.last(user)).length).toBeGreaterThan(0);
  });

  it("between sessions, /now says nothing is on and shows what comes next", async () => {
    const { reply } = await newUserSends("/now", { now: "2030-03-01T15:00:00+05:00" });
    const text = textOf(reply);
    expect(text).toContain("Nothing is on right now.");
    expect(text).toContain("Up next");
    // A cancelled session is nothing to go to.
    expect(text).not.toContain("Legacy code rescue");
  });

  it("before the conference, say so and show its first day", async () => {
    const { h, user } = newUser({ now: "2030-02-01T12:00:00+05:00" });
    for (const command of ["/now", "/next"]) {
      await h.send(user, command);
      const text = textOf(h.last(user));
      expect(text).toContain("TestConf & Co has not started yet: it opens on Fri 1 Mar at 09:00.");
      expect(text).toContain("Advanced Flask patterns");
    }
  });

  it("after the conference, say it is over, with the way to the programme instead of day 1", async () => {
    const { h, user, reply } = await newUserSends("/now", { now: "2030-03-03T09:00:00+05:00", lang: "ru" });
    const text = textOf(reply);
    expect(text).toContain("Конференция ТестКонф & Ко уже прошла (пт, 1 марта – сб, 2 марта)");
    expect(text).not.toContain("Продвинутые паттерны Flask");
    await h.press(user, reply, "Расписание");
    expect(textOf(h.last(user))).toContain("Выберите день");
  });

  it("a session that is over is followed without the promise of a reminder", async () => {
    const { h, user } = await newUserSends("flask", { now: "2030-03-05T09:00:00+05:00" });
    await h.press(user, h.last(user), "Advanced Flask patterns");
    const calls = await h.press(user, h.last(user), "⭐ Follow");
    const toast = calls.find((c) => c.method === "answerCallbackQuery")?.payload.text;
    expect(toast).toContain("It is over, so there will be no reminder");
  });

  it("during the last session, /next says nothing starts after it", async () => {
    const { reply } = await newUserSends("/next", { now: "2030-03-02T12:00:00+05:00" });
    const text = textOf(reply);
    expect(text).toContain("Nothing starts after these");
    expect(text).toContain("Testing workshop");
  });
});

describe("/now and /next at FOSDEM size", () => {
  for (const [lang, yours, onNow] of [
    ["en", "⭐ You follow", "On now"],
    ["ru", "⭐ Вы следите", "Сейчас"],
  ] as const) {
    it(`show every room at once, paged, the user's own sessions first (${lang})`, async () => {
      const programme = festivalProgramme();
      const { h, user } = newUser({ programme, now: "2031-02-01T10:10:00+01:00", lang });
      await h.send(user, "/start");
      // The user follows the session in the last room: it comes first, ahead of the 29 others.
      const mine = programme.sessions.find((s) => s.room === "r29" && s.start === "2031-02-01T09:00:00.000Z");
      if (!mine) throw new Error("fixture");
      subscribe(h.deps.db, user.id, mine.id, 0);
      await h.send(user, "/now");
      const page1 = h.last(user);
      const text = textOf(page1);
      expect(text).toContain(onNow);
      expect(text).toContain("(1/3)");
      expect(text.indexOf(yours)).toBeGreaterThan(0);
      expect(text.indexOf("Room D29")).toBeLessThan(text.indexOf("Room A0"));
      // The followed one is starred, on its line and its button.
      expect(labelsOf(page1).filter((l) => l.startsWith("⭐ 10:00"))).toHaveLength(1);
      expect(labelsOf(page1).filter((l) => l.startsWith("10:00"))).toHaveLength(9);
      await h.press(user, page1, "▶");
      await h.press(user, h.last(user), "▶");
      const page3 = h.last(user);
      expect(textOf(page3)).toContain("(3/3)");
      expect(textOf(page3)).not.toContain(yours);
      expect(labelsOf(page3).filter((l) => l.startsWith("10:00"))).toHaveLength(10);
      await h.press(user, page3, "10:00");
      await h.press(user, h.last(user), "◀");
      expect(h.last(user).text).toBe(page3.text);

      await h.send(user, "/next");
      const next = textOf(h.last(user));
      expect(next).toContain("10:30–10:55");
      expect(next).not.toContain("10:00–10:25");
      expect(h.telegram.calls.filter((c) => c.error)).toEqual([]);
    });
  }

  it("at 01:30 on a night that belongs to the day before, /now shows the night session", async () => {
    const { h, user, reply } = await newUserSends("/now", {
      programme: nightProgramme(),
      now: "2031-12-28T01:30:00+01:00",
      lang: "ru",
    });
    expect(textOf(reply)).toContain("Night owl hacking");
    await h.press(user, reply, "Night owl");
    const card = textOf(h.last(user));
    expect(card).toContain("🗣 немецкий, английский");
    expect(card).toContain("🗂 Art & Beauty");
    // In the schedule it is on the first day, after that day's evening, not on the next morning's day.
    await h.send(user, "/schedule");
    await h.press(user, h.last(user), "сб, 27 декабря");
    const day = textOf(h.last(user));
    expect(day.indexOf("Evening keynote")).toBeLessThan(day.indexOf("Night owl hacking"));
    expect(day).not.toContain("Morning talk");
    await h.send(user, "/next");
    expect(textOf(h.last(user))).toContain("Morning talk");
    expect(textOf(h.last(user))).not.toContain("Night owl hacking");
  });
});
