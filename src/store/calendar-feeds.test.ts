import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { feedOwner, feedTokenOf, resetFeedToken } from "./calendar-feeds.js";
import { openDatabase } from "./db.js";
import { touchUser } from "./users.js";

describe("calendar feed tokens", () => {
  it("gives each user one secret token that survives a reopen, and a reset kills the old one", () => {
    const file = join(tempDir(), "a.sqlite");
    let db = openDatabase(file);
    for (const id of [1, 2]) touchUser(db, { id, chatId: id }, 0);
    const a = feedTokenOf(db, 1, 0);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(feedTokenOf(db, 1, 5)).toBe(a);
    const b = feedTokenOf(db, 2, 0);
    expect(b).not.toBe(a);
    db.close();
    db = openDatabase(file);
    expect(feedOwner(db, a)).toBe(1);
    expect(feedOwner(db, b)).toBe(2);
    const fresh = resetFeedToken(db, 1, 10);
    expect(fresh).not.toBe(a);
    expect(feedOwner(db, a)).toBeUndefined();
    expect(feedOwner(db, fresh)).toBe(1);
    expect(feedTokenOf(db, 1, 11)).toBe(fresh);
    expect(feedOwner(db, "short")).toBeUndefined();
    expect(feedOwner(db, "' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaa")).toBeUndefined();
    db.close();
  });
});
