import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { claimUpdate, countHandledUpdates } from "./handled-updates.js";

describe("handled updates", () => {
  it("claims an update id once, across connections and reopening", () => {
    const file = join(tempDir(), "db.sqlite");
    const a = openDatabase(file);
    expect(claimUpdate(a, 41, 0)).toBe(true);
    expect(claimUpdate(a, 41, 1)).toBe(false);
    a.close();
    const b = openDatabase(file);
    expect(claimUpdate(b, 41, 2)).toBe(false);
    expect(claimUpdate(b, 42, 2)).toBe(true);
  });

  it("forgets ids older than the keeping time", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    for (let id = 1; id < 500; id++) claimUpdate(db, id, 0, 1000);
    expect(countHandledUpdates(db)).toBe(499);
    claimUpdate(db, 500, 5000, 1000);
    expect(countHandledUpdates(db)).toBe(1);
  });
});
