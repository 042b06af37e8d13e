import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { enqueue } from "./outbox.js";
import { loadProgramme } from "./programme-store.js";
import {
  followersOf,
  followState,
  isSubscribed,
  pendingReminderStates,
  reminderCandidates,
  reminderState,
  setReminder,
  subscribe,
  subscribersOf,
  subscriptionsOf,
  unsubscribe,
} from "./subscriptions.js";
import { markUserBlocked, setReminders, touchUser } from "./users.js";

describe("subscriptions", () => {
  it("subscribes once, unsubscribes once, and lists both ways", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    for (const id of [1, 2]) touchUser(db, { id, chatId: id }, 0);
    expect(subscribe(db, 1, "caching", 0)).toBe(true);
    expect(subscribe(db, 1, "caching", 0)).toBe(false);
    subscribe(db, 1, "async-io", 0);
    subscribe(db, 2, "caching", 0);
    expect(subscriptionsOf(db, 1).sort()).toEqual(["async-io", "caching"]);
    expect(subscribersOf(db, "caching").sort()).toEqual([1, 2]);
    expect(unsubscribe(db, 1, "caching")).toBe(true);
    expect(unsubscribe(db, 1, "caching")).toBe(false);
    expect(isSubscribed(db, 1, "caching")).toBe(false);
    expect(isSubscribed(db, 2, "caching")).toBe(true);
  });

  it("leaves users who blocked the bot out of a session's audience", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    for (const id of [1, 2]) {
      touchUser(db, { id, chatId: id }, 0);
      subscribe(db, id, "caching", 0);
    }
    markUserBlocked(db, 2, 1);
    expect(subscribersOf(db, "caching")).toEqual([1]);
  });

  it("refuses a subscription to a session that does not exist", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    touchUser(db, { id: 1, chatId: 1 }, 0);
    expect(() => subscribe(db, 1, "no-such-session", 0)).toThrow(/FOREIGN KEY/);
  });

  it("keeps following apart from reminders: per session and altogether", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    for (const id of [1, 2]) {
      touchUser(db, { id, chatId: id }, 0);
      subscribe(db, id, "caching", 0);
    }
    const window = { startAfter: 0, startUntil: Number.MAX_SAFE_INTEGER, dueUntil: Number.MAX_SAFE_INTEGER };
    const reminded = () => reminderCandidates(db, { ...window, defaultMinutes: 10 }).map((c) => c.userId);
    expect(reminded()).toEqual([1, 2]);
    expect(setReminder(db, 1, "caching", false)).toBe(true);
    expect(followState(db, 1, "caching")).toBe("muted");
    setReminders(db, 2, false, 0);
    expect(followState(db, 2, "caching")).toBe("remind");
    expect(reminded()).toEqual([]);
    for (const id of [1, 2]) expect(reminderState(db, id, "caching").subscribed).toBe(false);
    // Both still follow it: its notices and broadcasts reach them.
    expect(followersOf(db, "caching").map((f) => f.userId)).toEqual([1, 2]);
    setReminders(db, 2, true, 0);
    expect(reminded()).toEqual([2]);
    expect(reminderState(db, 2, "caching").subscribed).toBe(true);
    expect(followState(db, 1, "async-io")).toBe("off");
    expect(setReminder(db, 1, "async-io", true)).toBe(false);
  });

  it("reads every pending reminder with its session, subscription and user in one pass", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    loadProgramme(db, smallProgramme());
    const start = reminderState(db, 1, "caching").session?.startAt ?? 0;
    for (const id of [1, 2, 3, 4, 5]) {
      touchUser(db, { id, chatId: id }, 0);
      subscribe(db, id, "caching", 0);
    }
    unsubscribe(db, 2, "caching");
    setReminders(db, 3, false, 0);
    markUserBlocked(db, 4, 1);
    const reminder = (userId: number, sessionId: string, planned: number) => ({
      kind: "reminder" as const,
      dedupeKey: `reminder:${userId}:${sessionId}:${planned}`,
      userId,
      chatId: userId,
      sessionId,
      payload: { type: "reminder" as const, sessionId, startMs: planned },
      notBefore: planned - 600_000,
      expiresAt: planned,
    });
    // User 5's reminder was planned for an earlier start; user 1 has one for a session not in the programme.
    enqueue(
      db,
      [
        ...[1, 2, 3, 4].map((id) => reminder(id, "caching", start)),
        reminder(5, "caching", start - 3_600_000),
        reminder(1, "gone", start),
      ],
      0,
    );
    const states = pendingReminderStates(db).sort((a, b) => a.id - b.id);
    const session = { startAt: start, cancelled: false, removed: false };
    expect(states.map(({ id, ...rest }) => rest)).toEqual([
      { userId: 1, sessionId: "caching", plannedStart: start, session, subscribed: true, blocked: false },
      { userId: 2, sessionId: "caching", plannedStart: start, session, subscribed: false, blocked: false },
      { userId: 3, sessionId: "caching", plannedStart: start, session, subscribed: false, blocked: false },
      { userId: 4, sessionId: "caching", plannedStart: start, session, subscribed: true, blocked: true },
      {
        userId: 5,
        sessionId: "caching",
        plannedStart: start - 3_600_000,
        session,
        subscribed: true,
        blocked: false,
      },
      { userId: 1, sessionId: "gone", plannedStart: start, session: null, subscribed: false, blocked: false },
    ]);
    // The same states the one-row query gives.
    for (const s of states) {
      const { session: one, subscribed, blocked } = reminderState(db, s.userId, s.sessionId);
      expect({ session: s.session, subscribed: s.subscribed, blocked: s.blocked }).toEqual({
        session: one,
        subscribed,
        blocked,
      });
    }
  });
});
