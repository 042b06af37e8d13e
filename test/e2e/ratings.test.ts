/**
 * Ratings end to end: the bot runs as its own process, long polling a local Bot API server, its clock at
 * DEMO_NOW (a minute after "Advanced Flask patterns" ended, 11:00 +05:00) with RATING_PROMPT_MINUTES=1 and a
 * tick every second. The test plays a follower who rates and comments, one who turned prompts off, Mallory with
 * forged buttons, and the organizer who reads /feedback.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { ratingOf } from "../../src/store/ratings.js";
import { subscribe } from "../../src/store/subscriptions.js";
import { attendeeProgramme } from "../support/attendee-programme.js";
import type { ApiUser } from "../support/bot-api-server.js";
import { useE2eBot } from "../support/e2e-bot.js";

const WAIT = 15_000;
const olga: ApiUser = { id: 6200, first_name: "Olga", language_code: "ru" };
const alice: ApiUser = { id: 6201, first_name: "Alice", language_code: "en" };
const bob: ApiUser = { id: 6202, first_name: "Bob", language_code: "en" };
const mallory: ApiUser = { id: 6203, first_name: "Mallory", language_code: "en" };

const e2e = useE2eBot({
  programme: attendeeProgramme(),
  waitMs: WAIT,
  env: {
    ADMIN_IDS: String(olga.id),
    DEMO_NOW: "2030-03-01T11:01:05+05:00",
    RATING_PROMPT_MINUTES: "1",
    REMINDER_TICK: "* * * * * *",
  },
});
const { say, press } = e2e;

describe("ratings, end to end", () => {
  it("a follower is asked after the end, rates, comments, and the organizer's report shows it", async () => {
    await say(alice, "/start");
    await say(bob, "/start");
    const settings = await say(bob, "/settings");
    await press(bob, settings, "Stop asking me to rate sessions", "I don't ask you to rate sessions");
    // Both followed the talk while it ran (written as the bot's store does, the bot being another process).
    const db = openDatabase(join(e2e.dir, "confbot.sqlite"));
    for (const u of [alice, bob])
      subscribe(db, u.id, "flask-patterns", Date.parse("2030-03-01T10:10:00+05:00"));

    const prompt = await e2e.server.waitFor((m) => m.chatId === alice.id && m.text.includes("How was"), WAIT);
    expect(prompt.text).toContain("How was “Advanced Flask patterns”?");
    expect(prompt.buttons).toEqual(["1⭐", "2⭐", "3⭐", "4⭐", "5⭐", "Skip"]);
    const rated = await press(alice, prompt, "4⭐", "You rated");
    expect(rated.answer.text).toContain("Rated ★★★★☆");
    expect(rated.after.buttons).toContain("No comment");
    const saved = await say(alice, "Loved the <b>demos</b> & Q&A", "comment");
    expect(saved.text).toContain("Your comment on “Advanced Flask patterns” is saved");
    expect(ratingOf(db, alice.id, "flask-patterns")).toMatchObject({
      stars: 4,
      comment: "Loved the <b>demos</b> & Q&A",
    });

    // Prompts off: Bob was never asked (the ticks have run since Alice's prompt went).
    await new Promise((r) => setTimeout(r, 1500));
    expect(e2e.server.messages(bob.id).some((m) => m.text.includes("How was"))).toBe(false);

    const report = await say(olga, "/feedback", "Отзывы");
    expect(report.text).toContain("Продвинутые паттерны Flask");
    expect(report.text).toContain("⭐ 4,0 · 1 оценка");
    expect(report.text).toContain("5★ 0 · 4★ 1 · 3★ 0 · 2★ 0 · 1★ 0");
    expect(report.text).toContain("Loved the <b>demos</b> & Q&A");
    expect(report.html).toContain("Loved the &lt;b&gt;demos&lt;/b&gt; &amp; Q&amp;A");
    expect(report.text).not.toContain("Alice");
    db.close();
  });

  it("forged stars rate nothing that has not started, nothing for anyone else, and no break", async () => {
    const db = openDatabase(join(e2e.dir, "confbot.sqlite"));
    await say(mallory, "/start");
    const keys = db.prepare("SELECT id, key FROM sessions").all() as { id: string; key: number }[];
    const key = (id: string) => keys.find((k) => k.id === id)?.key ?? 0;
    const later = attendeeProgramme().sessions.find(
      (s) => Date.parse(s.start) > Date.parse("2030-03-01T12:00:00+05:00"),
    );
    const breakId = attendeeProgramme().sessions.find((s) => s.kind === "break")?.id ?? "";
    const chat = e2e.server.messages(mallory.id).at(-1);
    const early = e2e.server.pressData(mallory, `rt:${key(later?.id ?? "")}:5`, chat);
    expect((await e2e.server.waitForAnswer(early, WAIT)).text).toContain("once it has started");
    const pause = e2e.server.pressData(mallory, `rc:${key(breakId)}:1`, chat);
    expect((await e2e.server.waitForAnswer(pause, WAIT)).text).toContain("not rated");
    const bad = e2e.server.pressData(mallory, "rt:1:7", chat);
    await e2e.server.waitForAnswer(bad, WAIT);
    // Her own press rates for her only: Alice's 4 stars stay.
    const own = e2e.server.pressData(mallory, `rt:${key("flask-patterns")}:1`, chat);
    await e2e.server.waitForAnswer(own, WAIT);
    expect(ratingOf(db, mallory.id, "flask-patterns")?.stars).toBe(1);
    expect(ratingOf(db, alice.id, "flask-patterns")?.stars).toBe(4);
    expect(ratingOf(db, mallory.id, later?.id ?? "")).toBeUndefined();
    expect(ratingOf(db, mallory.id, breakId)).toBeUndefined();
    db.close();
  });
});
