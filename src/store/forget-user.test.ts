import { describe, expect, it } from "vitest";
import { createHarness, labelsOf, type TestUser, textOf } from "../../test/support/bot-harness.js";
import { findEverywhere } from "../../test/support/db-scan.js";
import { dispatcherOf } from "../../test/support/harness-dispatcher.js";
import { planReminders } from "../delivery/planner.js";
import { castVote } from "../questions/service.js";
import { feedTokenOf } from "./calendar-feeds.js";
import { countConversations } from "./conversation-storage.js";
import { outboxCounts, sentSince } from "./outbox.js";
import { listQuestions } from "./questions.js";
import { awaitComment, rateSession, ratingSummary, setComment } from "./ratings.js";
import { storedCapacities } from "./rooms.js";
import { subscribe } from "./subscriptions.js";

/** An id no other number in the database contains, so finding its digits anywhere means it was kept. */
const ZELDA: TestUser = { id: 7_391_846_205, first_name: "Zelda", language_code: "en" };
const BOB: TestUser = { id: 5_817_204_963, first_name: "Bob", language_code: "ru" };

describe("forget me (/settings)", () => {
  it("leaves nothing with the user's id in any column of any table, and keeps everyone else's", async () => {
    const h = createHarness({ now: "2030-03-01T09:45:00+05:00", env: { ADMIN_IDS: String(ZELDA.id) } });
    const { db } = h.deps;
    for (const u of [ZELDA, BOB]) {
      await h.send(u, "/start");
      await h.send(u, "python"); // several pages: the query is remembered for the paging buttons
      subscribe(db, u.id, "flask-patterns", h.deps.clock());
      feedTokenOf(db, u.id, h.deps.clock());
      // A rating with a comment.
      rateSession(db, { userId: u.id, sessionId: "flask-patterns", stars: 4, now: h.deps.clock() });
      setComment(db, u.id, "flask-patterns", "Worth it", h.deps.clock());
    }
    // Each asks a question to the speaker and votes for the other's; Zelda is invited as a speaker too.
    const ask = `/start q_${h.deps.catalog.sessionKey("flask-patterns")}`;
    for (const u of [ZELDA, BOB]) {
      await h.send(u, ask);
      await h.send(u, `A question from ${u.first_name}?`);
    }
    for (const q of listQuestions(db, "flask-patterns"))
      castVote(db, q.id, q.userId === ZELDA.id ? BOB.id : ZELDA.id, true, h.deps.clock());
    await h.send(ZELDA, "/invite Armin");
    const invite = /start=(inv_[0-9a-f]{32})/.exec(h.chat(ZELDA).at(-2)?.text ?? "")?.[1];
    await h.send(ZELDA, `/start ${invite}`);
    // Both rated from a card last: their next message would be the rating's comment.
    for (const u of [ZELDA, BOB]) awaitComment(db, u.id, "flask-patterns", h.deps.clock() + 60_000);
    // Zelda sets a room's capacity (kept, without her id).
    await h.send(ZELDA, "/room hall-a 120");
    // Zelda organizes too: a broadcast sent (its rows and audit entry) and another one left half-way.
    await h.send(ZELDA, "/broadcast Doors open at 9");
    await h.press(ZELDA, h.last(ZELDA), "Everyone");
    await h.press(ZELDA, h.last(ZELDA), "Send");
    await dispatcherOf(h).drain();
    await h.send(ZELDA, "/broadcast Second thoughts");
    expect(countConversations(db)).toBe(1);
    // A reminder queued (pending) for each of them.
    planReminders(db, { now: h.deps.clock(), defaultMinutes: 30 });
    expect(outboxCounts(db).pending).toBe(2);
    expect(findEverywhere(db, String(ZELDA.id)).length).toBeGreaterThan(5);
    const sentBefore = sentSince(db, 0);
    expect(sentBefore).toBe(2);

    await h.send(ZELDA, "/settings");
    await h.press(ZELDA, h.last(ZELDA), "Forget me");
    const confirm = h.last(ZELDA);
    expect(textOf(confirm)).toContain("This deletes everything I keep about you");
    expect(labelsOf(confirm)).toEqual(["🗑 Delete all my data", "↩️ Keep it, back to settings"]);
    await h.press(ZELDA, confirm, "Delete all my data");
    expect(textOf(h.last(ZELDA))).toContain("I have deleted everything I kept about you");
    expect(labelsOf(h.last(ZELDA))).toEqual([]);

    expect(findEverywhere(db, String(ZELDA.id))).toEqual([]);
    // Her rating and comment still count, without her.
    expect(ratingSummary(db, "flask-patterns")).toMatchObject({ count: 2, mean: 4 });
    expect(ratingSummary(db, "flask-patterns")?.comments).toHaveLength(2);
    expect(storedCapacities(db).get("hall-a")).toBe(120);
    expect(findEverywhere(db, String(BOB.id)).map((o) => o.table)).toEqual(
      expect.arrayContaining([
        "users",
        "subscriptions",
        "outbox",
        "search_pages",
        "calendar_feeds",
        "ratings",
        "comment_waits",
      ]),
    );
    // Her question and her vote stay, without her id: the totals do not change.
    expect(listQuestions(db, "flask-patterns").map((q) => [q.text, q.votes, q.userId])).toEqual([
      ["A question from Zelda?", 1, null],
      ["A question from Bob?", 1, BOB.id],
    ]);
    // What was sent still counts in the statistics; Bob's reminder is still on its way.
    expect(sentSince(db, 0)).toBe(sentBefore);
    expect(outboxCounts(db).pending).toBe(1);
    expect(h.logs).toEqual([]);
  });

  it("keeps everything when the user goes back from the confirmation, in Russian too", async () => {
    const h = createHarness();
    await h.send(BOB, "/settings");
    await h.press(BOB, h.last(BOB), "Забыть меня");
    expect(labelsOf(h.last(BOB))).toEqual(["🗑 Удалить все мои данные", "↩️ Оставить, назад к настройкам"]);
    await h.press(BOB, h.last(BOB), "Оставить");
    expect(textOf(h.last(BOB))).toContain("Настройки");
    expect(findEverywhere(h.deps.db, String(BOB.id)).map((o) => o.table)).toContain("users");
  });
});
