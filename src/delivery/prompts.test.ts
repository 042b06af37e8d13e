import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "../store/db.js";
import { findByKey, markSent } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { rateSession } from "../store/ratings.js";
import { subscribe } from "../store/subscriptions.js";
import { markUserBlocked, setRatingPrompts, touchUser } from "../store/users.js";
import { canRate, checkPrompt, PROMPT_WINDOW_MS, planRatingPrompts, promptKey } from "./prompts.js";

const at = (iso: string) => Date.parse(iso);
/** "caching" ends at 10:40 (+05:00). */
const CACHING_END = at("2030-03-01T10:40:00+05:00");
const DELAY = 5 * 60_000;

function setUp(users = 6) {
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  loadProgramme(db, smallProgramme());
  for (let id = 1; id <= users; id++) {
    touchUser(db, { id, chatId: 100 + id }, 0);
    subscribe(db, id, "caching", 0);
  }
  return db;
}

describe("planRatingPrompts", () => {
  it("queues one prompt per follower once the delay after the end has passed, however often it runs", () => {
    const db = setUp(3);
    expect(planRatingPrompts(db, { now: CACHING_END + DELAY - 1, delayMs: DELAY })).toBe(0);
    expect(planRatingPrompts(db, { now: CACHING_END + DELAY, delayMs: DELAY })).toBe(3);
    expect(planRatingPrompts(db, { now: CACHING_END + DELAY + 30_000, delayMs: DELAY })).toBe(0);
    const row = findByKey(db, promptKey(2, "caching"));
    expect(row).toMatchObject({
      kind: "prompt",
      chatId: 102,
      sessionId: "caching",
      expiresAt: CACHING_END + PROMPT_WINDOW_MS,
    });
    // Sent, it is still never queued again.
    markSent(db, row?.id ?? 0, CACHING_END + DELAY + 1000);
    expect(planRatingPrompts(db, { now: CACHING_END + 3_600_000, delayMs: DELAY })).toBe(0);
  });

  it("leaves out who turned prompts off, blocked the bot, already rated, or followed after the end", () => {
    const db = setUp(5);
    setRatingPrompts(db, 1, false, 0);
    markUserBlocked(db, 2, 0);
    rateSession(db, { userId: 3, sessionId: "caching", stars: 5, now: CACHING_END - 60_000 });
    touchUser(db, { id: 9, chatId: 109 }, 0);
    subscribe(db, 9, "caching", CACHING_END + 60_000);
    expect(planRatingPrompts(db, { now: CACHING_END + DELAY, delayMs: DELAY })).toBe(2);
    expect([4, 5].every((id) => findByKey(db, promptKey(id, "caching")))).toBe(true);
  });

  it("asks nothing for cancelled sessions, nor once the window has passed (a bot down all day)", () => {
    const db = setUp(2);
    const cancelled = smallProgramme();
    const caching = cancelled.sessions.find((s) => s.id === "caching");
    if (caching) caching.cancelled = true;
    loadProgramme(db, cancelled);
    expect(planRatingPrompts(db, { now: CACHING_END + DELAY, delayMs: DELAY })).toBe(0);
    loadProgramme(db, smallProgramme());
    expect(planRatingPrompts(db, { now: CACHING_END + PROMPT_WINDOW_MS + 1, delayMs: DELAY })).toBe(0);
  });

  it("checks a queued prompt again before it goes", () => {
    const db = setUp(2);
    const row = { userId: 1, sessionId: "caching" };
    expect(checkPrompt(db, row)).toBeUndefined();
    rateSession(db, { userId: 1, sessionId: "caching", stars: 4, now: 1 });
    expect(checkPrompt(db, row)).toBe("already-rated");
    setRatingPrompts(db, 2, false, 0);
    expect(checkPrompt(db, { userId: 2, sessionId: "caching" })).toBe("prompts-off");
    expect(checkPrompt(db, { userId: 2, sessionId: "nope" })).toBe("session-removed");
  });
});

describe("canRate", () => {
  it("rates talks and the like once started; never breaks or cancelled sessions", () => {
    const talk = { kind: "talk", start: "2030-03-01T10:00:00+05:00" };
    expect(canRate(talk, at("2030-03-01T09:59:59+05:00"))).toBe("not-started");
    expect(canRate(talk, at("2030-03-01T10:00:00+05:00"))).toBe("ok");
    expect(canRate({ ...talk, cancelled: true }, at("2030-03-02T10:00:00+05:00"))).toBe("not-rateable");
    expect(canRate({ ...talk, kind: "break" }, at("2030-03-02T10:00:00+05:00"))).toBe("not-rateable");
    expect(canRate({ ...talk, kind: "opening" }, at("2030-03-02T10:00:00+05:00"))).toBe("not-rateable");
  });
});
