import { describe, expect, it } from "vitest";
import { createHarness, labelsOf, testUser, textOf } from "../../../test/support/bot-harness.js";
import { testSeries } from "../../../test/support/series.js";
import { planReminders } from "../../delivery/planner.js";
import { listQuestions } from "../../store/questions.js";
import { ratingOf } from "../../store/ratings.js";
import { subscriptionsOf } from "../../store/subscriptions.js";
import { getUser } from "../../store/users.js";

describe("/conference", () => {
  it("lists the conferences, upcoming first and past editions after, and switches the user's view", async () => {
    const h = createHarness({ conferences: testSeries(), now: "2030-02-20T10:00:00+05:00" });
    const u = testUser("en", "Alice");
    await h.send(u, "/start");
    expect(textOf(h.last(u))).toContain("TestConf & Co");
    await h.send(u, "/conference");
    const list = h.last(u);
    expect(textOf(list)).toContain("You are looking at TestConf & Co.");
    expect(labelsOf(list)).toEqual([
      "✅ TestConf & Co · 1–2 Mar 2030",
      "📅 SpringConf · 1 Mar 2030",
      "🗂 TestConf 2020 · 1 Mar 2020",
    ]);
    await h.press(u, list, "SpringConf");
    expect(getUser(h.deps.db, u.id)?.conference).toBe("spring");
    expect(textOf(h.last(u))).toContain("SpringConf");
    // Search, the schedule and /my are SpringConf's now.
    await h.send(u, "caching");
    expect(textOf(h.last(u))).toContain("Distributed caching");
    await h.send(u, "flask");
    expect(textOf(h.last(u))).toMatch(
      /Nothing found for “flask”[\s\S]*Also at TestConf & Co:\n• Advanced Flask patterns/,
    );
    expect(h.logs).toEqual([]);
  });

  it("keeps the follows and reminders of every conference whichever one the user looks at", async () => {
    const h = createHarness({ conferences: testSeries(), now: "2030-03-01T09:30:00+05:00" });
    const u = testUser("en", "Bob");
    await h.send(u, "/start c_spring");
    expect(textOf(h.last(u))).toContain("SpringConf");
    await h.send(u, "caching");
    await h.press(u, h.last(u), "Distributed caching");
    await h.press(u, h.last(u), "Follow");
    await h.send(u, "/start c_testconf");
    expect(getUser(h.deps.db, u.id)?.conference).toBe("testconf");
    await h.send(u, "flask");
    await h.press(u, h.last(u), "Advanced Flask patterns");
    await h.press(u, h.last(u), "Follow");
    // Two follows, one per conference; /my shows both, each under its conference.
    expect(subscriptionsOf(h.deps.db, u.id).sort()).toEqual(["flask-patterns", "spring:caching"]);
    await h.send(u, "/my");
    expect(textOf(h.last(u))).toMatch(/TestConf & Co[\s\S]*Advanced Flask patterns/);
    expect(textOf(h.last(u))).toMatch(/SpringConf[\s\S]*Distributed caching/);
    // The planner plans both conferences' reminders.
    const plan = planReminders(h.deps.db, {
      now: Date.parse("2030-03-01T09:51:00+05:00"),
      defaultMinutes: 10,
    });
    expect(plan.enqueued).toBe(2);
    const queued = h.deps.db
      .prepare("SELECT session_id FROM outbox WHERE kind = 'reminder' ORDER BY session_id")
      .all();
    expect(queued).toEqual([{ session_id: "flask-patterns" }, { session_id: "spring:caching" }]);
  });

  it("says so when the deployment has one conference, and ignores a link to an unknown one", async () => {
    const h = createHarness();
    const u = testUser("ru", "Вера");
    await h.send(u, "/conference");
    expect(textOf(h.last(u))).toContain("Я веду одну конференцию: ТестКонф & Ко.");
    await h.send(u, "/start c_nowhere");
    expect(textOf(h.last(u))).toContain("Эта ссылка");
    expect(getUser(h.deps.db, u.id)?.conference).toBeNull();
  });

  it("lets attendees turn off news about other conferences in /settings, which only a series shows", async () => {
    const h = createHarness({ conferences: testSeries() });
    const u = testUser("ru", "Вера");
    await h.send(u, "/settings");
    expect(textOf(h.last(u))).toContain("Новости о других конференциях и следующих годах: включены.");
    await h.press(u, h.last(u), "Не присылать новости");
    expect(getUser(h.deps.db, u.id)?.seriesNews).toBe(false);
    expect(textOf(h.last(u))).toContain("выключены");
    const one = createHarness();
    await one.send(u, "/settings");
    expect(textOf(one.last(u))).not.toContain("Новости");
  });

  it("offers matches from the other conferences after the current one's, and a speaker's talks of every edition", async () => {
    const h = createHarness({ conferences: testSeries(), now: "2030-02-20T10:00:00+05:00" });
    const u = testUser("en", "Alice");
    await h.send(u, "caching");
    const found = textOf(h.last(u));
    // TestConf & Co has no talk on caching: SpringConf's and TestConf 2020's are offered, upcoming first.
    expect(found).toContain("Also at SpringConf:");
    expect(found).toContain("Also at TestConf 2020:");
    expect(found.indexOf("SpringConf")).toBeLessThan(found.indexOf("TestConf 2020"));
    expect(found).toContain("• Distributed caching — 1 Mar 2020");
    // Direct matches only: a slip that reaches nothing in TestConf & Co offers no other conference's match either.
    await h.send(u, "cachnig");
    expect(textOf(h.last(u))).not.toContain("Also at");
    await h.send(u, "caching");
    // Its button opens the card within that conference, the user still looking at theirs.
    await h.press(u, h.last(u), "TestConf 2020: Distributed caching");
    expect(textOf(h.last(u))).toContain("Distributed caching");
    expect(getUser(h.deps.db, u.id)?.conference).toBeNull();
    // A speaker of SpringConf: their card lists their talk at the 2020 edition too.
    await h.send(u, "/start c_spring");
    await h.send(u, "Ann Lee");
    await h.press(u, h.last(u), "Ann Lee");
    expect(textOf(h.last(u))).toContain("At TestConf 2020:");
    expect(h.logs).toEqual([]);
  });

  it("acts on another conference's session from the messages that show it: asks, votes, rates and comments there", async () => {
    const h = createHarness({ conferences: testSeries(), now: "2030-03-01T09:50:00+05:00" });
    const [ann, bob] = [testUser("en", "Ann"), testUser("ru", "Боб")];
    for (const u of [ann, bob]) await h.send(u, "/start");
    // Both look at TestConf & Co; SpringConf's talk is the one their reminder, and then its prompt, showed.
    const key = h.deps.conferences.get("spring")?.catalog.sessionKey("spring:caching") ?? 0;
    await h.pressData(ann, `qk:${key}`, h.last(ann));
    expect(textOf(h.last(ann))).toContain("Distributed caching");
    await h.send(ann, "Which cache wins?");
    expect(textOf(h.last(ann))).toMatch(/question|вопрос/i);
    const asked = listQuestions(h.deps.db, "spring:caching");
    expect(asked.map((q) => q.text)).toEqual(["Which cache wins?"]);
    // Bob votes it up from SpringConf's list, still looking at TestConf & Co.
    await h.pressData(bob, `ql:${key}`, h.last(bob));
    await h.pressData(bob, `qv:${asked[0]?.id}:1:0`, h.last(bob));
    expect(listQuestions(h.deps.db, "spring:caching")[0]?.votes).toBe(1);
    // After the talk: the rating prompt's stars and the comment go to SpringConf's session.
    h.setNow("2030-03-01T10:45:00+05:00");
    await h.pressData(ann, `rt:${key}:4`, h.last(ann));
    await h.send(ann, "Clear and useful");
    expect(ratingOf(h.deps.db, ann.id, "spring:caching")).toMatchObject({
      stars: 4,
      comment: "Clear and useful",
    });
    expect(textOf(h.last(ann))).toContain("Distributed caching");
    expect(h.logs).toEqual([]);
  });
});
