import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { NOTICE_VIEW } from "../delivery/notices.js";
import { openDatabase } from "./db.js";
import { pruneNoticeBatches, readNoticeBatch, saveNoticeBatch } from "./notice-batches.js";
import { enqueue, markSent } from "./outbox.js";
import { touchUser } from "./users.js";

const DAY = 86_400_000;
const T0 = Date.parse("2030-02-01T00:00:00Z");

/** A pending change notice naming batch `batch`, as enqueueChangeNotices writes it. */
function notice(db: ReturnType<typeof openDatabase>, user: number, batch: string): void {
  touchUser(db, { id: user, chatId: user }, T0);
  enqueue(
    db,
    [
      {
        kind: "notice",
        dedupeKey: `notice:${user}:${batch}`,
        userId: user,
        chatId: user,
        payload: { type: "view", view: NOTICE_VIEW, params: { batch, sessions: ["s"] } },
        notBefore: T0,
      },
    ],
    T0,
  );
}

describe("notice batches", () => {
  it("stores a batch once and reads it back", () => {
    const db = openDatabase(join(tempDir(), "b.sqlite"));
    saveNoticeBatch(db, "b1", [{ sessionId: "s" }], T0);
    saveNoticeBatch(db, "b1", [{ sessionId: "other" }], T0 + 1);
    expect(readNoticeBatch(db, "b1")).toEqual([{ sessionId: "s" }]);
    expect(readNoticeBatch(db, "nope")).toBeUndefined();
    db.close();
  });

  it("prunes batches older than the cut-off, oldest first and a few at a time, but none a pending notice names", () => {
    const db = openDatabase(join(tempDir(), "b.sqlite"));
    for (let i = 1; i <= 4; i++) saveNoticeBatch(db, `b${i}`, [{ sessionId: "s" }], T0 + i);
    saveNoticeBatch(db, "fresh", [{ sessionId: "s" }], T0 + 20 * DAY);
    notice(db, 1, "b2");
    notice(db, 2, "b2");
    const cut = { before: T0 + 14 * DAY, limit: 2 };
    expect(pruneNoticeBatches(db, cut)).toBe(2);
    expect(readNoticeBatch(db, "b1")).toBeUndefined();
    expect(readNoticeBatch(db, "b2")).toBeDefined();
    expect(readNoticeBatch(db, "b3")).toBeUndefined();
    expect(pruneNoticeBatches(db, cut)).toBe(1);
    expect(pruneNoticeBatches(db, cut)).toBe(0);
    // Once every notice naming it has gone out, its batch may go too; the fresh one stays.
    const pending = db.prepare("SELECT id FROM outbox WHERE status = 'pending'").all() as { id: number }[];
    for (const r of pending) markSent(db, r.id, T0 + DAY);
    expect(pruneNoticeBatches(db, cut)).toBe(1);
    expect(readNoticeBatch(db, "b2")).toBeUndefined();
    expect(readNoticeBatch(db, "fresh")).toBeDefined();
    db.close();
  });
});
