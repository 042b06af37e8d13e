import { describe, expect, it } from "vitest";
import {
  callbackDataOf,
  createHarness,
  type Harness,
  labelsOf,
  type TestUser,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";
import { dispatcherOf } from "../../../test/support/harness-dispatcher.js";
import { PROMPT_VIEW, planRatingPrompts } from "../../delivery/prompts.js";
import { findByKey } from "../../store/outbox.js";
import { commentWait, ratingOf, ratingSummary } from "../../store/ratings.js";
import { subscribe } from "../../store/subscriptions.js";
import { ratingPromptOutboxView } from "../views/rating.js";

const FIVE_MIN = 5 * 60_000;

/** Plans the prompts due at the harness's clock and delivers them. */
async function deliverPrompts(h: Harness): Promise<number> {
  const queued = planRatingPrompts(h.deps.db, { now: h.deps.clock(), delayMs: FIVE_MIN });
  await dispatcherOf(h, { views: { [PROMPT_VIEW]: ratingPromptOutboxView } }).drain();
  return queued;
}

/** A user who has started the bot and follows `flask-patterns` (10:00–11:00 +05:00). */
async function follower(h: Harness, lang = "en"): Promise<TestUser> {
  const user = testUser(lang);
  await h.send(user, "/start");
  subscribe(h.deps.db, user.id, "flask-patterns", h.deps.clock());
  return user;
}

describe("rating prompts", () => {
  it("asks a follower once, a few minutes after the end; stars, a comment, and the rating changed from the card", async () => {
    const h = createHarness({ now: "2030-03-01T10:30:00+05:00" });
    const alice = await follower(h);
    h.setNow("2030-03-01T11:03:00+05:00");
    expect(await deliverPrompts(h)).toBe(0); // ended 3 minutes ago: not yet
    h.setNow("2030-03-01T11:05:00+05:00");
    expect(await deliverPrompts(h)).toBe(1);
    expect(await deliverPrompts(h)).toBe(0); // never twice
    const prompt = h.last(alice);
    expect(textOf(prompt)).toContain("How was “Advanced Flask patterns”?");
    expect(labelsOf(prompt)).toEqual(["1⭐", "2⭐", "3⭐", "4⭐", "5⭐", "Skip"]);

    await h.press(alice, prompt, "4⭐");
    expect(ratingOf(h.deps.db, alice.id, "flask-patterns")?.stars).toBe(4);
    const thanks = h.last(alice);
    expect(textOf(thanks)).toContain("You rated “Advanced Flask patterns”: ★★★★☆");
    expect(labelsOf(thanks)).toContain("No comment");

    await h.send(alice, "Great <b>talk</b> & demos");
    expect(textOf(h.last(alice))).toContain("Your comment on “Advanced Flask patterns” is saved");
    expect(ratingOf(h.deps.db, alice.id, "flask-patterns")?.comment).toBe("Great <b>talk</b> & demos");
    // The wait is over: the next text is a search again.
    expect(commentWait(h.deps.db, alice.id, h.deps.clock())).toBeUndefined();

    await h.send(alice, "/start flask-patterns");
    const card = h.last(alice);
    expect(textOf(card)).toContain("Your rating: ★★★★☆");
    await h.press(alice, card, "2⭐");
    expect(ratingOf(h.deps.db, alice.id, "flask-patterns")).toMatchObject({
      stars: 2,
      comment: "Great <b>talk</b> & demos",
    });
    expect(ratingSummary(h.deps.db, "flask-patterns")?.count).toBe(1);
    expect(h.logs).toEqual([]);
  });

  it("lets the user skip, decline the comment, or leave it with a command, in Russian too", async () => {
    const h = createHarness({ now: "2030-03-01T10:30:00+05:00" });
    const boris = await follower(h, "ru");
    const vera = await follower(h, "ru");
    h.setNow("2030-03-01T11:06:00+05:00");
    expect(await deliverPrompts(h)).toBe(2);
    expect(textOf(h.last(boris))).toContain("Как вам «Продвинутые паттерны Flask»?");

    await h.press(boris, h.last(boris), "Пропустить");
    expect(textOf(h.last(boris))).toContain("Пропускаем");
    expect(ratingOf(h.deps.db, boris.id, "flask-patterns")).toBeUndefined();

    await h.press(vera, h.last(vera), "5⭐");
    await h.press(vera, h.last(vera), "Без комментария");
    expect(textOf(h.last(vera))).toContain("Ваша оценка «Продвинутые паттерны Flask»: ★★★★★. Спасибо!");
    expect(commentWait(h.deps.db, vera.id, h.deps.clock())).toBeUndefined();

    await h.send(vera, "/start flask-patterns");
    await h.press(vera, h.last(vera), "3⭐");
    await h.send(vera, "/my");
    expect(ratingOf(h.deps.db, vera.id, "flask-patterns")).toMatchObject({ stars: 3, comment: null });
    expect(textOf(h.last(vera))).toContain("Мои доклады");
  });

  it("sends no prompt to users who turned them off in /settings, nor for breaks", async () => {
    const h = createHarness({ now: "2030-03-01T09:00:00+05:00" });
    const quiet = await follower(h);
    await h.send(quiet, "/settings");
    await h.press(quiet, h.last(quiet), "⭐ Stop asking me to rate sessions");
    expect(textOf(h.last(quiet))).toContain("I don't ask you to rate sessions.");
    const other = await follower(h);
    const breakFan = testUser();
    await h.send(breakFan, "/start");
    const breakId = h.deps.catalog.programme.sessions.find((s) => s.kind === "break")?.id ?? "";
    subscribe(h.deps.db, breakFan.id, breakId, h.deps.clock());
    h.setNow("2030-03-01T11:10:00+05:00");
    expect(await deliverPrompts(h)).toBe(1);
    expect(findByKey(h.deps.db, `rate:${other.id}:flask-patterns`)?.status).toBe("sent");
    expect(findByKey(h.deps.db, `rate:${quiet.id}:flask-patterns`)).toBeUndefined();
    expect(textOf(h.last(breakFan))).not.toContain("How was");
  });

  it("drops a queued prompt when the user turns prompts off before it is sent", async () => {
    const h = createHarness({ now: "2030-03-01T10:30:00+05:00" });
    const alice = await follower(h);
    h.setNow("2030-03-01T11:06:00+05:00");
    expect(planRatingPrompts(h.deps.db, { now: h.deps.clock(), delayMs: FIVE_MIN })).toBe(1);
    await h.send(alice, "/settings");
    await h.press(alice, h.last(alice), "⭐ Stop asking me to rate sessions");
    await dispatcherOf(h, { views: { [PROMPT_VIEW]: ratingPromptOutboxView } }).drain();
    expect(findByKey(h.deps.db, `rate:${alice.id}:flask-patterns`)).toMatchObject({
      status: "dropped",
      lastError: "prompts-off",
    });
  });
});

describe("forged rating buttons", () => {
  it("never rate a session not started, one that cannot be rated, or for anyone but the presser", async () => {
    const h = createHarness({ now: "2030-03-01T10:30:00+05:00" });
    const alice = await follower(h);
    const mallory = testUser();
    await h.send(mallory, "/start");
    const { catalog, db } = h.deps;
    const key = (id: string) => catalog.sessionKey(id);
    const later = catalog.programme.sessions.find((s) => s.kind === "keynote")?.id ?? "";
    const breakId = catalog.programme.sessions.find((s) => s.kind === "break")?.id ?? "";

    const chat = h.last(mallory);
    await h.pressData(mallory, `rt:${key(later)}:5`, chat);
    expect(h.logs).toEqual([]);
    await h.pressData(mallory, `rc:${key(breakId)}:1`, chat);
    await h.pressData(mallory, "rt:99999:5", chat);
    await h.pressData(mallory, `rt:${key("flask-patterns")}:9`, chat);
    expect(ratingOf(db, mallory.id, later)).toBeUndefined();
    expect(ratingOf(db, mallory.id, breakId)).toBeUndefined();
    // A press rates for the presser only, whatever message it claims to come from.
    await h.pressData(mallory, `rt:${key("flask-patterns")}:1`, chat);
    expect(ratingOf(db, mallory.id, "flask-patterns")?.stars).toBe(1);
    expect(ratingOf(db, alice.id, "flask-patterns")).toBeUndefined();
    expect(ratingSummary(db, "flask-patterns")?.distribution).toEqual([1, 0, 0, 0, 0]);
    expect(callbackDataOf(h.last(mallory))).toContain(`rx:${key("flask-patterns")}`);
  });
});
