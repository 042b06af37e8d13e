import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "../store/db.js";
import { touchUser } from "../store/users.js";
import {
  broadcastProgress,
  dropPendingForUser,
  dueRows,
  enqueue,
  markDropped,
  markFailed,
  markRetry,
  markSent,
  type NewOutboxRow,
  nextDueAt,
  outboxCounts,
} from "./outbox.js";
import { RateLimiter } from "./rate-limiter.js";

const T0 = Date.parse("2030-02-01T00:00:00Z");

function setup() {
  const db = openDatabase(join(tempDir(), "o.sqlite"));
  for (const id of [1, 2, 3]) touchUser(db, { id, chatId: id * 10 }, T0);
  return db;
}

const row = (userId: number, key: string, extra: Partial<NewOutboxRow> = {}): NewOutboxRow => ({
  kind: "broadcast",
  dedupeKey: key,
  userId,
  chatId: userId * 10,
  payload: { type: "message", text: `hi ${userId}` },
  notBefore: T0,
  ...extra,
});

describe("outbox", () => {
  it("enqueues a key once, whatever its status, and hands out due rows oldest first", () => {
    const db = setup();
    expect(enqueue(db, [row(1, "b:1"), row(2, "b:2"), row(1, "b:1")], T0)).toBe(2);
    expect(enqueue(db, [row(3, "b:3", { notBefore: T0 + 5000 })], T0)).toBe(1);
    expect(dueRows(db, T0, 10).map((r) => r.dedupeKey)).toEqual(["b:1", "b:2"]);
    expect(nextDueAt(db)).toBe(T0);
    const first = dueRows(db, T0, 1)[0];
    if (!first) throw new Error("no row");
    expect(markSent(db, first.id, T0 + 1)).toBe(true);
    expect(markSent(db, first.id, T0 + 2)).toBe(false);
    expect(enqueue(db, [row(1, "b:1")], T0 + 3)).toBe(0);
    expect(dueRows(db, T0 + 5000, 10).map((r) => r.dedupeKey)).toEqual(["b:2", "b:3"]);
    db.close();
  });

  it("hands out reminders and notices before broadcasts queued earlier", () => {
    const db = setup();
    enqueue(db, [row(1, "broadcast:1:1"), row(2, "broadcast:1:2")], T0);
    enqueue(
      db,
      [
        row(3, "reminder:3:s:1", { kind: "reminder", notBefore: T0 + 10 }),
        row(2, "notice:s:2:x", { kind: "notice", notBefore: T0 + 20 }),
      ],
      T0,
    );
    expect(dueRows(db, T0 + 20, 10).map((r) => r.dedupeKey)).toEqual([
      "reminder:3:s:1",
      "notice:s:2:x",
      "broadcast:1:1",
      "broadcast:1:2",
    ]);
    expect(dueRows(db, T0 + 20, 3).map((r) => r.kind)).toEqual(["reminder", "notice", "broadcast"]);
    db.close();
  });

  it("retries later, fails, drops, and counts a broadcast's progress", () => {
    const db = setup();
    enqueue(
      db,
      [1, 2, 3].map((u) => row(u, `broadcast:7:${u}`, { broadcastId: 7 })),
      T0,
    );
    const [a, b, c] = dueRows(db, T0, 10);
    if (!a || !b || !c) throw new Error("rows");
    markRetry(db, a.id, T0 + 2000, "500: Internal", true);
    markRetry(db, a.id, T0 + 3000, "429", false);
    expect(dueRows(db, T0 + 2999, 10).map((r) => r.id)).toEqual([b.id, c.id]);
    expect(dueRows(db, T0 + 3000, 10).at(-1)).toMatchObject({ id: a.id, attempts: 1, lastError: "429" });
    markFailed(db, b.id, "400: chat not found");
    expect(markDropped(db, b.id, "late")).toBe(false);
    expect(dropPendingForUser(db, 3, "user-blocked")).toBe(1);
    expect(broadcastProgress(db, 7)).toEqual({ pending: 1, sent: 0, failed: 1, dropped: 1, total: 3 });
    expect(outboxCounts(db).total).toBe(3);
    db.close();
  });
});

describe("rate limiter", () => {
  it("spaces sends evenly at the global rate and never lets a second hold more than rate + 1", () => {
    const limiter = new RateLimiter(25, 0);
    const sends: number[] = [];
    let now = 0;
    let chat = 0;
    while (sends.length < 100) {
      const wait = limiter.globalWait(now);
      if (wait > 0) {
        now += wait;
        continue;
      }
      limiter.acquire(++chat, now);
      limiter.release(chat);
      sends.push(now);
    }
    for (let i = 1; i < sends.length; i++)
      expect((sends[i] ?? 0) - (sends[i - 1] ?? 0)).toBeGreaterThanOrEqual(40);
    for (const t of sends) expect(sends.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(25);
  });

  it("keeps one message per second per chat, none while one is in flight, and pauses on a 429", () => {
    const limiter = new RateLimiter(1000, 0);
    expect(limiter.chatWait(5, 0)).toBe(0);
    limiter.acquire(5, 0);
    expect(limiter.chatWait(5, 10)).toBe(Number.POSITIVE_INFINITY);
    limiter.release(5);
    expect(limiter.chatWait(5, 10)).toBe(990);
    expect(limiter.chatWait(5, 1000)).toBe(0);
    expect(limiter.chatWait(6, 10)).toBe(0);
    limiter.pause(5000);
    expect(limiter.globalWait(1000)).toBe(4000);
    expect(limiter.globalWait(5000)).toBe(0);
  });

  it("slows down after a 429 and creeps back to the configured rate as sends succeed", () => {
    const limiter = new RateLimiter(30, 0);
    limiter.flood(1000);
    expect(limiter.globalWait(0)).toBe(1000);
    expect(limiter.current).toBe(24);
    limiter.flood(1000);
    expect(limiter.current).toBeCloseTo(19.2);
    for (let i = 0; i < 1000; i++) limiter.succeeded();
    expect(limiter.current).toBe(30);
  });
});
