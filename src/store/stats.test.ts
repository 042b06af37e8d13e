import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { enqueue, findByKey, markSent } from "../store/outbox.js";
import { openDatabase } from "./db.js";
import { loadProgramme } from "./programme-store.js";
import { collectStats } from "./stats.js";
import { subscribe } from "./subscriptions.js";
import { markUserBlocked, touchUser } from "./users.js";

describe("stats", () => {
  it("counts users, subscriptions, the most followed sessions and messages sent since a moment", () => {
    const db = openDatabase(join(tempDir(), "s.sqlite"));
    loadProgramme(db, smallProgramme(), 1);
    for (const id of [1, 2, 3]) touchUser(db, { id, chatId: id }, 1);
    markUserBlocked(db, 3, 2);
    subscribe(db, 1, "caching", 1);
    subscribe(db, 2, "caching", 1);
    subscribe(db, 2, "async-io", 1);
    subscribe(db, 3, "testing-workshop", 1);
    const row = (key: string, user: number) => ({
      kind: "broadcast" as const,
      dedupeKey: key,
      userId: user,
      chatId: user,
      payload: { type: "message" as const, text: "x" },
      notBefore: 1,
    });
    enqueue(db, [row("a", 1), row("b", 2), row("c", 1)], 1);
    const sent = (key: string, at: number) => {
      const r = findByKey(db, key);
      if (r) markSent(db, r.id, at);
    };
    sent("a", 500);
    sent("b", 1500);
    const stats = collectStats(db, { since: 1000, top: 2 });
    expect(stats).toEqual({
      users: { total: 3, active: 2, blocked: 1 },
      subscriptions: 4,
      subscribers: 3,
      topSessions: [
        { sessionId: "caching", count: 2 },
        { sessionId: "async-io", count: 1 },
      ],
      sentSince: 1,
      pending: 1,
    });
    db.close();
  });
});
