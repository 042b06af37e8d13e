/**
 * A deployment of two conferences end to end: the bot runs as its own process (CONFERENCES naming TestConf &
 * Co, the default, and SpringConf in Moscow, whose talks start at the same minute), long polling a local Bot
 * API server, its clock at DEMO_NOW when the 10:00 talks' reminders are due, ticking every second. What the
 * attendee sees: reminders of both conferences, each naming its conference in its zone and rooms; /my with the
 * follows of both under their names; a session of the other conference unfollowed from there.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { subscriptionsOf } from "../../src/store/subscriptions.js";
import { attendeeProgramme } from "../support/attendee-programme.js";
import type { ApiUser } from "../support/bot-api-server.js";
import { useE2eBot } from "../support/e2e-bot.js";
import { moscowSpring } from "../support/series.js";

const WAIT = 15_000;
const ann: ApiUser = { id: 6301, first_name: "Ann", language_code: "en" };
const vera: ApiUser = { id: 6302, first_name: "Вера", language_code: "ru" };

const e2e = useE2eBot({
  programme: {},
  conferences: [
    { id: "testconf", programme: attendeeProgramme(), default: true },
    { id: "spring", programme: moscowSpring() },
  ],
  waitMs: WAIT,
  env: { DEMO_NOW: "2030-03-01T09:50:00+05:00", REMINDER_TICK: "* * * * * *" },
});
const { say, press } = e2e;

/** The user follows Flask at TestConf & Co (looked at) and caching at SpringConf, through the bot. */
async function followBoth(user: ApiUser, flask: string, caching: string, follow: string): Promise<void> {
  await say(user, "/start");
  const found = await say(user, "flask", flask);
  const card = await press(user, found, flask, flask);
  await press(user, card.after, follow);
  await say(user, "/start c_spring", "SpringConf");
  const cached = await say(user, "caching", caching);
  const other = await press(user, cached, caching, caching);
  await press(user, other.after, follow);
  // Back to the default conference: SpringConf's reminder must come all the same.
  await say(user, "/start c_testconf");
}

describe("two conferences at once, end to end", () => {
  it("reminds of both, each naming its conference, and /my lists and unfollows both", async () => {
    await followBoth(ann, "Advanced Flask patterns", "Distributed caching", "Follow");
    await followBoth(vera, "Продвинутые паттерны Flask", "Распределённое кэширование", "Следить");

    const reminder = (user: ApiUser, part: string) =>
      e2e.server.waitFor(
        (m) => m.chatId === user.id && m.text.startsWith("⏰") && m.text.includes(part),
        WAIT,
      );
    expect((await reminder(ann, "Flask")).text).toMatch(
      /^⏰ In 10 minutes: Advanced Flask patterns — Armin Ronacher, Hall A, 10:00–11:00\n🎟 TestConf & Co$/,
    );
    // SpringConf's talk at the same instant, in Moscow time and SpringConf's rooms.
    expect((await reminder(ann, "caching")).text).toMatch(
      /^⏰ In 10 minutes: Distributed caching — Bob Ray, Red hall, 08:00–08:40\n🎟 SpringConf$/,
    );
    expect((await reminder(vera, "кэширование")).text).toMatch(
      /^⏰ Через 10 минут: Распределённое кэширование — Боб Рэй, Красный зал, 08:00–08:40\n🎟 SpringConf$/,
    );
    expect((await reminder(vera, "Flask")).text).toContain("🎟 ТестКонф & Ко");
    // Each once.
    for (const user of [ann, vera])
      expect(e2e.server.messages(user.id).filter((m) => m.text.startsWith("⏰"))).toHaveLength(2);

    // /my: both conferences under their names and dates, each session in its conference's zone.
    const my = await say(ann, "/my", "My sessions");
    expect(my.text).toMatch(
      /🎟 TestConf & Co · 1–2 Mar 2030\n\nFri 1 Mar\n10:00–11:00 • Hall A · Advanced Flask/,
    );
    expect(my.text).toMatch(
      /🎟 SpringConf · 1 Mar 2030\n\nFri 1 Mar\n08:00–08:40 • Red hall · Distributed caching/,
    );
    const myRu = await say(vera, "/my", "Мои доклады");
    expect(myRu.text).toMatch(/🎟 ТестКонф & Ко · 1–2 марта 2030/);
    expect(myRu.text).toMatch(/🎟 SpringConf · 1 марта 2030\n\nпт, 1 марта\n08:00–08:40 • Красный зал/);
    // SpringConf's session opens from /my (Ann still looks at TestConf & Co) and is unfollowed there.
    const card = await press(ann, my, "Distributed caching", "Distributed caching");
    const unfollowed = await press(ann, card.after, "Unfollow");
    expect(unfollowed.after.buttons).toContain("⭐ Follow");
    const db = openDatabase(join(e2e.dir, "confbot.sqlite"));
    expect(subscriptionsOf(db, ann.id)).toEqual(["flask-patterns"]);
    expect((await say(ann, "/my", "My sessions")).text).not.toContain("SpringConf");
    db.close();
  });
});
