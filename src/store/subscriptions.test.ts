import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { loadProgramme } from "./programme-store.js";
import { isSubscribed, subscribe, subscribersOf, subscriptionsOf, unsubscribe } from "./subscriptions.js";
import { markUserBlocked, touchUser } from "./users.js";

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
});
