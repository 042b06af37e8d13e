import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { loadProgramme } from "./programme-store.js";
import {
  followersOf,
  followState,
  isSubscribed,
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
});
