import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import {
  advancePending,
  broadcastOutcomes,
  dropPendingForUser,
  dueRows,
  enqueue,
  HISTORY_BUCKET_MS,
  markDropped,
  markFailed,
  markRetry,
  markSent,
  type NewOutboxRow,
  nextDueAt,
  outboxCounts,
  pruneFinished,
  sentSince,
} from "./outbox.js";
import { touchUser } from "./users.js";

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

  it("moves pending rows not tried yet to go earlier, and nothing else", () => {
    const db = setup();
    const later = T0 + 60_000;
    enqueue(db, [row(1, "r:1", { notBefore: later }), row(2, "r:2", { notBefore: later })], T0);
    enqueue(db, [row(3, "r:3", { notBefore: later }), row(3, "r:4", { notBefore: T0 })], T0);
    const [retried] = dueRows(db, later, 10).filter((r) => r.dedupeKey === "r:2");
    if (!retried) throw new Error("row");
    markRetry(db, retried.id, later + 5000, "500", true);
    const sent = dueRows(db, later, 10).find((r) => r.dedupeKey === "r:3");
    if (!sent) throw new Error("row");
    markSent(db, sent.id, T0);
    const moves = ["r:1", "r:2", "r:3", "r:4"].map((dedupeKey) => ({ dedupeKey, at: T0 + 1000 }));
    // r:2 keeps its backoff, r:3 is sent, r:4 is due already (never later).
    expect(advancePending(db, moves)).toBe(1);
    expect(dueRows(db, T0 + 1000, 10).map((r) => [r.dedupeKey, r.notBefore, r.nextAttemptAt])).toEqual([
      ["r:4", T0, T0],
      ["r:1", T0 + 1000, T0 + 1000],
    ]);
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
    markFailed(db, b.id, "400: chat not found", T0);
    expect(markDropped(db, b.id, "late", T0)).toBe(false);
    expect(dropPendingForUser(db, 3, "user-blocked", T0)).toBe(1);
    expect(broadcastOutcomes(db, 7)).toEqual({ pending: 1, sent: 0, blocked: 1, failed: 1, dropped: 0 });
    expect(outboxCounts(db).total).toBe(3);
    db.close();
  });

  it("prunes finished rows past the retention in batches, keeping their counts in the history", () => {
    const db = setup();
    const DAY = 86_400_000;
    // Broadcast 9 to three users, a day before; the first two sent, the third blocked.
    enqueue(
      db,
      [1, 2, 3].map((u) => row(u, `broadcast:9:${u}`, { broadcastId: 9 })),
      T0,
    );
    const [a, b, c] = dueRows(db, T0, 10);
    if (!a || !b || !c) throw new Error("rows");
    markSent(db, a.id, T0 + 1000);
    markSent(db, b.id, T0 + 2000);
    markFailed(db, c.id, "blocked", T0 + 3000);
    // A reminder for a session starting in the future stays whatever its age: its key must keep it unique.
    enqueue(db, [row(1, "reminder:1:s:x", { kind: "reminder", expiresAt: T0 + 30 * DAY })], T0);
    const r = dueRows(db, T0, 10).find((x) => x.kind === "reminder");
    if (!r) throw new Error("reminder");
    markSent(db, r.id, T0 + 4000);
    // Something still pending is never pruned.
    enqueue(db, [row(2, "broadcast:10:2", { broadcastId: 10 })], T0);
    const before = { sent: sentSince(db, T0), outcomes: broadcastOutcomes(db, 9) };
    expect(before.sent).toBe(3);

    const now = T0 + 15 * DAY;
    const retained = { before: now - 14 * DAY, now, limit: 2 };
    expect(pruneFinished(db, retained)).toBe(2);
    expect(pruneFinished(db, retained)).toBe(1);
    expect(pruneFinished(db, retained)).toBe(0);
    expect(outboxCounts(db)).toMatchObject({ pending: 1, sent: 1, total: 2 });
    // The statistics did not change: the pruned rows live on as counts.
    expect(broadcastOutcomes(db, 9)).toEqual(before.outcomes);
    expect(broadcastOutcomes(db, 9)).toMatchObject({ sent: 2, blocked: 1 });
    expect(sentSince(db, T0)).toBe(3);
    expect(sentSince(db, T0 + HISTORY_BUCKET_MS)).toBe(0);
    // A re-queued key of a pruned broadcast row is new again, which is why only finished rows go.
    expect(enqueue(db, [row(1, "reminder:1:s:x")], now)).toBe(0);
    db.close();
  });
});
