import { describe, expect, it } from "vitest";
import {
  callbackDataOf,
  createHarness,
  labelsOf,
  type TestUser,
  textOf,
} from "../../../test/support/bot-harness.js";
import { dispatcherOf } from "../../../test/support/harness-dispatcher.js";
import { ANSWERED_VIEW } from "../../questions/service.js";
import { listQuestions } from "../../store/questions.js";
import { rateSession, setComment } from "../../store/ratings.js";
import { answeredNoticeView } from "../views/questions.js";

const ALICE: TestUser = { id: 101, first_name: "Alice", language_code: "en" };
const BOB: TestUser = { id: 102, first_name: "Боб", language_code: "ru" };
const ORG: TestUser = { id: 900, first_name: "Olga", language_code: "en" };
const ANN: TestUser = { id: 103, first_name: "Ann", language_code: "en" };

/** A bot during "Advanced Flask patterns" (10:00–11:00), Olga organizing, limits small enough to reach. */
function harness() {
  return createHarness({
    now: "2030-03-01T10:30:00+05:00",
    env: {
      ADMIN_IDS: String(ORG.id),
      QUESTIONS_PER_SESSION: "2",
      QUESTION_INTERVAL: "60",
      QUESTION_MAX_CHARS: "80",
    },
  });
}

async function openCard(h: ReturnType<typeof harness>, user: TestUser) {
  await h.send(user, "/start flask-patterns");
  return h.last(user);
}

describe("questions to the speaker in the chat", () => {
  it("Alice asks from the card (text only, within the limit, a way out); Bob votes and takes it back", async () => {
    const h = harness();
    const card = await openCard(h, ALICE);
    expect(labelsOf(card)).toContain("❓ Ask a question");
    await h.press(ALICE, card, "Ask a question");
    expect(textOf(h.last(ALICE))).toContain("up to 80 characters");
    // A sticker is not a question; a long text is refused with its length; the question stays open.
    await h.update({
      message: {
        message_id: 9001,
        date: 0,
        chat: { id: ALICE.id, type: "private", first_name: "Alice" },
        from: { ...ALICE, is_bot: false },
        sticker: {
          file_id: "x",
          file_unique_id: "x",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    expect(textOf(h.last(ALICE))).toContain("as text only");
    await h.send(ALICE, "x".repeat(81));
    expect(textOf(h.last(ALICE))).toContain("81 characters long; the limit is 80");
    await h.send(ALICE, "Does <Flask> scale & how?");
    expect(textOf(h.last(ALICE))).toContain("Your question is up");
    // Too soon for another one.
    await h.press(ALICE, await openCard(h, ALICE), "Ask a question");
    expect(h.telegram.calls.at(-1)?.payload.text).toContain("ask again in 60 seconds");

    const list = await openCard(h, BOB);
    expect(labelsOf(list)).toContain("💬 Вопросы: 1");
    await h.press(BOB, list, "Вопросы");
    const questions = h.last(BOB);
    expect(textOf(questions)).toContain("1. 👍 0 Does <Flask> scale & how?");
    // The HTML the bot sent escapes the attendee's text.
    expect(questions.text).toContain("Does &lt;Flask&gt; scale &amp; how?");
    await h.press(BOB, questions, "👍 1");
    expect(textOf(h.last(BOB))).toContain("1. 👍 1 Does");
    await h.press(BOB, h.last(BOB), "↩️ 1");
    expect(textOf(h.last(BOB))).toContain("1. 👍 0 Does");
    // Alice sees no vote button on her own question.
    await h.press(ALICE, await openCard(h, ALICE), "Questions");
    expect(labelsOf(h.last(ALICE))).not.toContain("👍 1");
    // "Don't ask" is a way out: the next text is a search again.
    h.setNow("2030-03-01T10:32:00+05:00");
    await h.press(BOB, await openCard(h, BOB), "Задать вопрос");
    await h.press(BOB, h.last(BOB), "Не спрашивать");
    await h.send(BOB, "flask");
    expect(textOf(h.last(BOB))).toContain("Продвинутые паттерны Flask");
    expect(listQuestions(h.deps.db, "flask-patterns")).toHaveLength(1);
    expect(h.logs).toEqual([]);
  });

  it("moderation on: the question waits; the organizer approves; forged buttons do nothing", async () => {
    const h = harness();
    await h.send(ORG, "/moderation on");
    expect(textOf(h.last(ORG))).toContain("Moderation is on");
    await h.send(ALICE, `/start q_${h.deps.catalog.sessionKey("flask-patterns")}`);
    await h.send(ALICE, "Why Flask?");
    expect(textOf(h.last(ALICE))).toContain("once a moderator approves it");
    const [q] = listQuestions(h.deps.db, "flask-patterns", { scope: "moderation" });
    if (!q) throw new Error("no question");
    // Bob forges the organizer's buttons and a vote for the pending question: refused, nothing changes.
    await h.pressData(BOB, `qo:a:${q.id}:0`);
    await h.pressData(BOB, `qm:${h.deps.catalog.sessionKey("flask-patterns")}`);
    await h.pressData(BOB, `qv:${q.id}:1:0`);
    expect(listQuestions(h.deps.db, "flask-patterns", { scope: "moderation" })[0]).toMatchObject({
      status: "pending",
      votes: 0,
    });
    const card = await openCard(h, ORG);
    await h.press(ORG, card, "Moderate (1 waiting)");
    const mod = h.last(ORG);
    expect(textOf(mod)).toContain("1. ⏳ 👍 0 Why Flask?");
    await h.press(ORG, mod, "✅ 1");
    expect(listQuestions(h.deps.db, "flask-patterns").map((x) => x.text)).toEqual(["Why Flask?"]);
    await h.send(ORG, "/moderation off");
    expect(textOf(h.last(ORG))).toContain("Moderation is off");
    expect(h.logs.filter((l) => l.level < 50).map((l) => l.msg)).toEqual(["moderation refused"]);
  });

  it("a speaker's one-time invitation links their account; they mark a question answered and the asker is told once", async () => {
    const h = harness();
    await h.send(ALICE, `/start q_${h.deps.catalog.sessionKey("flask-patterns")}`);
    await h.send(ALICE, "What about blueprints?");
    await h.send(ORG, "/invite Armin");
    const invitation = h.chat(ORG).at(-2);
    const link = /https:\/\/t\.me\/testconf_bot\?start=(inv_[0-9a-f]{32})/.exec(invitation?.text ?? "");
    expect(link).not.toBeNull();
    expect(h.telegram.calls.some((c) => c.method === "sendPhoto")).toBe(true);
    await h.send(ANN, `/start ${link?.[1]}`);
    expect(textOf(h.last(ANN))).toContain("Welcome, Armin Ronacher!");
    await h.send(BOB, `/start ${link?.[1]}`);
    expect(textOf(h.last(BOB))).toContain("Этим приглашением уже воспользовались");
    await h.send(ANN, "/questions");
    await h.press(ANN, h.last(ANN), "Advanced Flask patterns");
    const mod = h.last(ANN);
    expect(textOf(mod)).toContain("What about blueprints?");
    expect(labelsOf(mod)).not.toContain("🚫 1");
    await h.press(ANN, mod, "Answered 1");
    await h.pressData(ANN, callbackDataOf(mod).find((d) => d.startsWith("qo:n:")) ?? "");
    await dispatcherOf(h, { views: { [ANSWERED_VIEW]: answeredNoticeView } }).drain();
    const told = h.chat(ALICE).filter((m) => m.text.includes("has answered your question"));
    expect(told).toHaveLength(1);
    // After the talk, /questions also brings Armin what attendees thought of it: anonymous, comments escaped.
    h.setNow("2030-03-01T11:30:00+05:00");
    rateSession(h.deps.db, { userId: ALICE.id, sessionId: "flask-patterns", stars: 5, now: h.deps.clock() });
    setComment(h.deps.db, ALICE.id, "flask-patterns", "Great <talk>!", h.deps.clock());
    rateSession(h.deps.db, { userId: BOB.id, sessionId: "flask-patterns", stars: 4, now: h.deps.clock() });
    await h.send(ANN, "/questions");
    const feedback = h.last(ANN);
    expect(textOf(feedback)).toContain("What attendees thought");
    expect(textOf(feedback)).toContain("Great <talk>!");
    expect(feedback.text).toContain("Great &lt;talk&gt;!");
    expect(feedback.text).not.toContain("Alice");
    // Bob, an attendee, cannot open the moderation list.
    await h.pressData(BOB, `qm:${h.deps.catalog.sessionKey("flask-patterns")}`);
    expect(h.chat(BOB).some((m) => textOf(m).includes("Shown:"))).toBe(false);
  });

  it("a pressed “Ask a question” survives a restart: the next message after it is still the question", async () => {
    const h = harness();
    await h.press(ALICE, await openCard(h, ALICE), "Ask a question");
    const after = h.restart();
    await after.send(ALICE, "Asked across a restart?");
    expect(textOf(after.last(ALICE))).toContain("Your question is up");
    expect(listQuestions(after.deps.db, "flask-patterns").map((q) => q.text)).toEqual([
      "Asked across a restart?",
    ]);
  });
});
