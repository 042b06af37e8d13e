import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import type { Session } from "../programme/model.js";
import { openDatabase } from "../store/db.js";
import { findByKey } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import {
  createInvite,
  forgetQuestionUser,
  listQuestions,
  questionCounts,
  redeemInvite,
  setModerated,
} from "../store/questions.js";
import { touchUser } from "../store/users.js";
import type { QuestionRules } from "./rules.js";
import { askQuestion, castVote, moderateQuestion, roleFor } from "./service.js";

const rules: QuestionRules = {
  openBeforeMs: 15 * 60_000,
  closeAfterMs: 30 * 60_000,
  maxChars: 300,
  perSession: 2,
  intervalMs: 60_000,
};
const programme = smallProgramme();
const talk = programme.sessions[0] as Session; // async-io, 10:00–11:00 +05:00, Ann Lee
const START = Date.parse(talk.start);
const ALICE = 1;
const BOB = 2;
const CAROL = 3;
const ORGANIZER = 99;

function setup() {
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  loadProgramme(db, programme);
  for (const id of [ALICE, BOB, CAROL, ORGANIZER]) touchUser(db, { id, chatId: id * 10 }, 0);
  return db;
}

describe("questions", () => {
  it("are taken only inside the window, within the length, the per-session and the interval limits", () => {
    const db = setup();
    const ask = (text: string, at: number, source: string, user = ALICE) =>
      askQuestion(db, rules, talk, user, text, source, at, "main");
    expect(ask("Too early?", START - 16 * 60_000, "m1")).toMatchObject({ ok: false, problem: "closed" });
    expect(ask("x".repeat(301), START, "m2")).toMatchObject({ ok: false, problem: "too_long", length: 301 });
    expect(ask("   ", START, "m3")).toMatchObject({ ok: false, problem: "empty" });
    const first = ask("  What about <b>GIL</b>?  ", START - 10 * 60_000, "m4");
    expect(first).toMatchObject({ ok: true, added: true, question: { text: "What about <b>GIL</b>?" } });
    // The same message again (a re-delivered update) is the same question, even past the limits.
    expect(ask("What about <b>GIL</b>?", START - 10 * 60_000 + 1, "m4")).toMatchObject({
      ok: true,
      added: false,
    });
    expect(ask("Another?", START - 10 * 60_000 + 30_000, "m5")).toMatchObject({
      ok: false,
      problem: "too_soon",
      waitSeconds: 30,
    });
    expect(ask("Another?", START, "m6")).toMatchObject({ ok: true, added: true });
    expect(ask("Third?", START + 5 * 60_000, "m7")).toMatchObject({
      ok: false,
      problem: "per_session",
      max: 2,
    });
    expect(ask("Late?", Date.parse(talk.end) + 31 * 60_000, "m8", BOB)).toMatchObject({ problem: "closed" });
    expect(questionCounts(db, talk.id)).toEqual({ shown: 2, pending: 0 });
  });

  it("counts one vote per user, takes votes back, never one's own, and orders by votes then time", () => {
    const db = setup();
    const a = askQuestion(db, rules, talk, ALICE, "First?", "a", START, "main");
    const b = askQuestion(db, rules, talk, BOB, "Second?", "b", START + 1000, "main");
    if (!a.ok || !b.ok) throw new Error("not asked");
    expect(castVote(db, a.question.id, ALICE, true, START)).toEqual({ ok: false, problem: "own" });
    expect(castVote(db, b.question.id, ALICE, true, START)).toEqual({ ok: true, voted: true, votes: 1 });
    expect(castVote(db, b.question.id, ALICE, true, START)).toEqual({ ok: true, voted: true, votes: 1 });
    expect(castVote(db, b.question.id, CAROL, true, START)).toEqual({ ok: true, voted: true, votes: 2 });
    expect(listQuestions(db, talk.id, { viewer: ALICE }).map((q) => [q.text, q.votes, q.voted])).toEqual([
      ["Second?", 2, true],
      ["First?", 0, false],
    ]);
    expect(castVote(db, b.question.id, ALICE, false, START)).toEqual({ ok: true, voted: false, votes: 1 });
    expect(castVote(db, a.question.id, CAROL, true, START)).toMatchObject({ votes: 1 });
    // One vote each: the older question comes first.
    expect(listQuestions(db, talk.id).map((q) => q.text)).toEqual(["First?", "Second?"]);
  });

  it("waits for a moderator when moderation is on; only organizers, moderators and speakers moderate", () => {
    const db = setup();
    setModerated(db, "main", true, 0);
    const q = askQuestion(db, rules, talk, ALICE, "Moderated?", "a", START, "main");
    if (!q.ok) throw new Error("not asked");
    expect(q.question.status).toBe("pending");
    expect(listQuestions(db, talk.id)).toEqual([]);
    expect(castVote(db, q.question.id, BOB, true, START)).toEqual({ ok: false, problem: "gone" });
    const orgs = [ORGANIZER];
    expect(moderateQuestion(db, orgs, talk, q.question.id, "approve", BOB, START)).toEqual({
      ok: false,
      problem: "forbidden",
    });
    // Bob becomes the speaker Ann Lee through a one-time invitation; a second use is refused.
    const token = createInvite(db, "speaker", "ann-lee", ORGANIZER, 0);
    expect(redeemInvite(db, token, BOB, 1)).toEqual({ ok: true, role: "speaker", target: "ann-lee" });
    expect(redeemInvite(db, token, CAROL, 2)).toMatchObject({
      ok: false,
      problem: "used",
      usedBySelf: false,
    });
    expect(redeemInvite(db, "0".repeat(32), CAROL, 2)).toMatchObject({ ok: false, problem: "unknown" });
    expect(roleFor(db, orgs, BOB, talk)).toBe("speaker");
    // A question asked now is announced to Bob, the linked speaker, once.
    const next = askQuestion(db, rules, talk, CAROL, "For the speaker?", "c", START, "main");
    if (!next.ok) throw new Error("not asked");
    expect(findByKey(db, `pending:${next.question.id}:${BOB}`)).toMatchObject({ chatId: 20, kind: "notice" });
    expect(roleFor(db, orgs, CAROL, talk)).toBe("attendee");
    expect(roleFor(db, orgs, BOB, programme.sessions[1] as Session)).toBe("attendee");
    expect(moderateQuestion(db, orgs, talk, q.question.id, "approve", BOB, START)).toMatchObject({
      ok: true,
      changed: true,
    });
    expect(listQuestions(db, talk.id).map((x) => x.text)).toEqual(["Moderated?"]);
    // Only organizers stop askers; a question of another session is not this one's.
    expect(moderateQuestion(db, orgs, talk, q.question.id, "ban", BOB, START)).toMatchObject({
      problem: "forbidden",
    });
    expect(
      moderateQuestion(db, orgs, programme.sessions[1], q.question.id, "hide", ORGANIZER, START),
    ).toMatchObject({ problem: "gone" });
    // Answered: the asker is told once, however often it is pressed.
    expect(moderateQuestion(db, orgs, talk, q.question.id, "answer", BOB, START)).toMatchObject({
      changed: true,
    });
    expect(moderateQuestion(db, orgs, talk, q.question.id, "answer", BOB, START)).toMatchObject({
      changed: false,
    });
    expect(findByKey(db, `answered:${q.question.id}`)).toMatchObject({ userId: ALICE, chatId: 10 });
    expect(moderateQuestion(db, orgs, talk, q.question.id, "ban", ORGANIZER, START)).toMatchObject({
      ok: true,
    });
    expect(askQuestion(db, rules, talk, ALICE, "Again?", "b", START + 120_000, "main")).toMatchObject({
      problem: "banned",
    });
    expect(listQuestions(db, talk.id)).toEqual([]);
  });

  it("keeps a forgotten user's questions and votes in the totals without their id", () => {
    const db = setup();
    const q = askQuestion(db, rules, talk, ALICE, "Mine?", "a", START, "main");
    if (!q.ok) throw new Error("not asked");
    castVote(db, q.question.id, BOB, true, START);
    forgetQuestionUser(db, ALICE);
    forgetQuestionUser(db, BOB);
    const [kept] = listQuestions(db, talk.id);
    expect(kept).toMatchObject({ text: "Mine?", userId: null, votes: 1 });
    const withIds = db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM questions WHERE user_id IN (1, 2))
          + (SELECT COUNT(*) FROM question_votes WHERE user_id IN (1, 2)) AS n`,
      )
      .get() as { n: number };
    expect(withIds.n).toBe(0);
    // Bob, forgotten, may vote again as a new person: the old vote still counts too.
    expect(castVote(db, q.question.id, BOB, true, START)).toMatchObject({ votes: 2 });
  });

  it("counts a vote and a question once across two processes on one database and across a restart", () => {
    const path = join(tempDir(), "db.sqlite");
    const first = openDatabase(path);
    loadProgramme(first, programme);
    for (const id of [ALICE, BOB]) touchUser(first, { id, chatId: id * 10 }, 0);
    const second = openDatabase(path);
    // The same message reaches both processes (a webhook re-delivered to the other replica).
    const a = askQuestion(first, rules, talk, ALICE, "Twice?", "10:5", START, "main");
    const b = askQuestion(second, rules, talk, ALICE, "Twice?", "10:5", START + 5, "main");
    if (!a.ok || !b.ok) throw new Error("not asked");
    expect([a.added, b.added, b.question.id]).toEqual([true, false, a.question.id]);
    // Bob presses 👍 on two devices, each answered by another process.
    expect(castVote(first, a.question.id, BOB, true, START)).toMatchObject({ votes: 1 });
    expect(castVote(second, a.question.id, BOB, true, START)).toMatchObject({ votes: 1 });
    first.close();
    second.close();
    const restarted = openDatabase(path);
    expect(listQuestions(restarted, talk.id).map((q) => [q.text, q.votes])).toEqual([["Twice?", 1]]);
    restarted.close();
  });
});
