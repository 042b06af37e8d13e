import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import { readIndexSnapshot, writeIndexSnapshot } from "./search-index.js";

describe("the stored search index snapshot", () => {
  it("is read back under its key only, and a new one replaces it", () => {
    const path = join(tempDir(), "db.sqlite");
    const db = openDatabase(path);
    expect(readIndexSnapshot(db, "a")).toBeUndefined();
    writeIndexSnapshot(db, "a", Buffer.from([1, 2, 3]));
    expect([...(readIndexSnapshot(db, "a") ?? [])]).toEqual([1, 2, 3]);
    expect(readIndexSnapshot(db, "b")).toBeUndefined();

    writeIndexSnapshot(db, "b", Buffer.from([4]));
    db.close();
    const reopened = openDatabase(path);
    expect(readIndexSnapshot(reopened, "a")).toBeUndefined();
    expect([...(readIndexSnapshot(reopened, "b") ?? [])]).toEqual([4]);
    expect(reopened.prepare("SELECT COUNT(*) FROM search_indexes").pluck().get()).toBe(1);
  });
});
