import { describe, expect, it } from "vitest";
import {
  createHarness,
  labelsOf,
  newUserSends,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";

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
    const h = createHarness({ now: "2030-02-01T12:00:00+05:00" });
    const user = testUser();
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
    const calls = await h.press(user, h.last(user), "Remind me");
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
