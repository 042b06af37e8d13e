import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { forgetUser } from "./forget-user.js";
import { migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";
import { enqueue, findByKey } from "./outbox.js";
import { loadProgramme } from "./programme-store.js";
import {
  awaitComment,
  commentWait,
  endCommentWait,
  exportRatings,
  rateSession,
  ratingOf,
  ratingSummaries,
  ratingSummary,
  setComment,
} from "./ratings.js";
import { touchUser } from "./users.js";

function database(path = join(tempDir(), "db.sqlite")) {
  const db = openDatabase(path);
  loadProgramme(db, smallProgramme());
  for (const id of [1, 2, 3]) touchUser(db, { id, chatId: id }, 0);
  return { db, path };
}

describe("ratings", () => {
  it("keeps one rating per user and session, changeable, its comment kept across a change", () => {
    const { db } = database();
    expect(rateSession(db, { userId: 1, sessionId: "caching", stars: 4, now: 10 })).toBeUndefined();
    expect(setComment(db, 1, "caching", "Good <i>one</i>", 11)).toBe(true);
    expect(rateSession(db, { userId: 1, sessionId: "caching", stars: 2, now: 12 })).toBe(4);
    expect(ratingOf(db, 1, "caching")).toEqual({ stars: 2, comment: "Good <i>one</i>", updatedAt: 12 });
    expect(setComment(db, 2, "caching", "never rated", 13)).toBe(false);
    expect(() => rateSession(db, { userId: 1, sessionId: "caching", stars: 6, now: 1 })).toThrow(RangeError);
    expect(() => rateSession(db, { userId: 1, sessionId: "caching", stars: 2.5, now: 1 })).toThrow(
      RangeError,
    );
    expect(ratingSummary(db, "caching")).toMatchObject({ count: 1, mean: 2, distribution: [0, 1, 0, 0, 0] });
  });

  it("counts a rating once across a restart and a second process rating at the same time", () => {
    const { db, path } = database();
    const other = openDatabase(path);
    rateSession(db, { userId: 1, sessionId: "caching", stars: 5, now: 1 });
    rateSession(other, { userId: 1, sessionId: "caching", stars: 3, now: 2 });
    rateSession(other, { userId: 2, sessionId: "caching", stars: 4, now: 3 });
    db.close();
    other.close();
    const again = openDatabase(path);
    expect(ratingSummary(again, "caching")).toMatchObject({
      count: 2,
      mean: 3.5,
      distribution: [0, 0, 1, 1, 0],
    });
    // The CHECK and the UNIQUE constraint hold under the module too.
    expect(() =>
      again
        .prepare(
          "INSERT INTO ratings (user_id, session_id, stars, created_at, updated_at) VALUES (2, 'caching', 1, 0, 0)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      again
        .prepare(
          "INSERT INTO ratings (user_id, session_id, stars, created_at, updated_at) VALUES (3, 'caching', 0, 0, 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it("summarises sessions by number of ratings then mean, with comments, and exports without user ids", () => {
    const { db } = database();
    rateSession(db, { userId: 1, sessionId: "async-io", stars: 5, now: 1 });
    rateSession(db, { userId: 1, sessionId: "caching", stars: 3, now: 1 });
    rateSession(db, { userId: 2, sessionId: "caching", stars: 5, now: 2 });
    rateSession(db, { userId: 3, sessionId: "testing-workshop", stars: 4, now: 2 });
    setComment(db, 2, "caching", "Loved it", 3);
    const summaries = ratingSummaries(db);
    expect(summaries.map((s) => [s.sessionId, s.count, s.mean])).toEqual([
      ["caching", 2, 4],
      ["async-io", 1, 5],
      ["testing-workshop", 1, 4],
    ]);
    expect(summaries[0]?.comments).toEqual([{ text: "Loved it", stars: 5, at: 3 }]);
    const rows = exportRatings(db);
    expect(rows).toHaveLength(4);
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(["comment", "createdAt", "sessionId", "stars", "updatedAt"]);
  });

  it("takes the next message as a comment only while the wait is on", () => {
    const { db } = database();
    awaitComment(db, 1, "caching", 100);
    expect(commentWait(db, 1, 99)).toBe("caching");
    expect(commentWait(db, 1, 100)).toBeUndefined();
    awaitComment(db, 1, "async-io", 200);
    expect(commentWait(db, 1, 150)).toBe("async-io");
    expect(endCommentWait(db, 1)).toBe(true);
    expect(commentWait(db, 1, 150)).toBeUndefined();
  });

  it("keeps a forgotten user's ratings in the totals without their id", () => {
    const { db } = database();
    rateSession(db, { userId: 1, sessionId: "caching", stars: 2, now: 1 });
    setComment(db, 1, "caching", "Too fast", 2);
    rateSession(db, { userId: 2, sessionId: "caching", stars: 4, now: 1 });
    awaitComment(db, 1, "caching", 1000);
    forgetUser(db, 1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM ratings WHERE user_id = 1").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM comment_waits").get()).toEqual({ n: 0 });
    expect(ratingSummary(db, "caching")).toMatchObject({
      count: 2,
      mean: 3,
      comments: [{ text: "Too fast" }],
    });
    // Back as a new user, they rate afresh: their old, anonymous rating does not collide.
    touchUser(db, { id: 1, chatId: 1 }, 5);
    rateSession(db, { userId: 1, sessionId: "caching", stars: 5, now: 6 });
    expect(ratingSummary(db, "caching")?.count).toBe(3);
  });
});

describe("migration 14", () => {
  it("rebuilds the outbox with its rows, and lets it hold rating prompts", () => {
    const fresh = join(tempDir(), "v13.sqlite");
    const v13 = new Database(fresh);
    v13.pragma("foreign_keys = ON");
    migrate(v13, MIGRATIONS.slice(0, 13));
    v13.prepare("INSERT INTO users (id, chat_id, created_at, updated_at) VALUES (7, 7, 0, 0)").run();
    v13
      .prepare(
        `INSERT INTO outbox (kind, dedupe_key, user_id, chat_id, payload, not_before, status, next_attempt_at, created_at, finished_at)
         VALUES ('notice', 'k1', 7, 7, '{"type":"message","text":"hi"}', 5, 'sent', 5, 1, 6)`,
      )
      .run();
    expect(() =>
      v13
        .prepare(
          `INSERT INTO outbox (kind, dedupe_key, user_id, chat_id, payload, not_before, next_attempt_at, created_at)
           VALUES ('prompt', 'k2', 7, 7, '{}', 5, 5, 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    v13.close();
    const db = openDatabase(fresh);
    expect(findByKey(db, "k1")).toMatchObject({ kind: "notice", status: "sent", finishedAt: 6, userId: 7 });
    enqueue(
      db,
      [
        {
          kind: "prompt",
          dedupeKey: "k2",
          userId: 7,
          chatId: 7,
          payload: { type: "message", text: "x" },
          notBefore: 5,
        },
      ],
      1,
    );
    expect(findByKey(db, "k2")?.kind).toBe("prompt");
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name",
      )
      .all()
      .map((r) => (r as { name: string }).name);
    expect(indexes).toEqual([
      "outbox_by_broadcast",
      "outbox_due",
      "outbox_finished",
      "outbox_pending_by_session",
      "outbox_pending_by_user",
      "outbox_reminders_by_start",
    ]);
  });
});
