import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "./db.js";
import {
  countSearchPages,
  forgetSearchesOf,
  recallSearch,
  rememberSearch,
  rememberSearchSoon,
  SEARCH_PAGE_LIMITS,
  SEARCH_WRITE_DELAY_MS,
} from "./search-pages.js";

const DAY = 24 * 60 * 60 * 1000;

describe("search pages", () => {
  it("gives short stable keys that only their owner can use, and keeps them in the file", () => {
    const file = join(tempDir(), "a.sqlite");
    const db = openDatabase(file);
    const key = rememberSearch(db, 1, "x".repeat(5000), 0);
    expect(key).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(rememberSearch(db, 1, "x".repeat(5000), 1)).toBe(key);
    expect(countSearchPages(db)).toBe(1);
    expect(recallSearch(db, 1, key)).toBe("x".repeat(5000));
    expect(recallSearch(db, 2, key)).toBeUndefined();
    expect(recallSearch(db, 1, "AAAAAAAA")).toBeUndefined();
    db.close();
    const reopened = openDatabase(file);
    expect(recallSearch(reopened, 1, key)).toBe("x".repeat(5000));
    reopened.close();
  });

  it("keeps each user's newest searches, a repeated one counting as new", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    const limits = { perUser: 3, maxAgeMs: DAY };
    const [a, b, c] = ["a", "b", "c"].map((q, i) => rememberSearch(db, 1, q, i, limits)) as string[];
    const other = rememberSearch(db, 2, "a", 3, limits);
    expect(rememberSearch(db, 1, "a", 4, limits)).toBe(a); // "a" is now the newest, "b" the oldest
    const d = rememberSearch(db, 1, "d", 5, limits);
    expect([a, b, c, d].map((k) => recallSearch(db, 1, k as string))).toEqual(["a", undefined, "c", "d"]);
    expect(recallSearch(db, 2, other)).toBe("a"); // another user's searches do not count
    for (let i = 0; i < 100; i++) rememberSearch(db, 1, `q${i}`, 10 + i, limits);
    expect(countSearchPages(db)).toBe(4);
    db.close();
  });

  it("forgets searches older than the age limit at the next write, whoever makes it", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    const now = Date.parse("2030-03-01T10:00:00Z");
    for (let user = 1; user <= 20; user++) rememberSearch(db, user, "flask", now);
    const key = rememberSearch(db, 1, "celery", now + DAY);
    expect(countSearchPages(db)).toBe(21);
    rememberSearch(db, 99, "django", now + SEARCH_PAGE_LIMITS.maxAgeMs + 1);
    expect(countSearchPages(db)).toBe(2);
    expect(recallSearch(db, 1, key)).toBe("celery");
    db.close();
  });

  it("looks up and prunes through indexes, never a table scan", () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    const plan = (sql: string) => {
      const params = Array.from(sql.matchAll(/\?/g), () => 1);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join("; ");
    };
    expect(plan("SELECT query FROM search_pages WHERE user_id = ? AND key = ?")).toContain(
      "USING INDEX search_pages_by_user_key",
    );
    expect(plan("DELETE FROM search_pages WHERE created_at < ?")).toContain(
      "USING INDEX search_pages_by_created",
    );
    const perUser = plan(
      `DELETE FROM search_pages WHERE user_id = ? AND id <=
         (SELECT id FROM search_pages WHERE user_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    );
    expect(perUser).toContain("USING COVERING INDEX search_pages_by_user");
    expect(plan("DELETE FROM conversations WHERE updated_at < ?")).toContain(
      "USING INDEX conversations_by_updated",
    );
    for (const p of [perUser, plan("SELECT data FROM conversations WHERE key = ?")])
      expect(p).not.toMatch(/\bSCAN\b/);
    db.close();
  });

  describe("held and written together (the bot's way)", () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    const rows = (file: string) => {
      const other = openDatabase(file); // another connection sees only what is in the file
      try {
        return other.prepare("SELECT user_id AS user, query FROM search_pages ORDER BY id").all();
      } finally {
        other.close();
      }
    };

    it("answers at once, gives rememberSearch's key, and writes the searches together within the delay", () => {
      vi.useFakeTimers();
      const file = join(tempDir(), "a.sqlite");
      const db = openDatabase(file);
      const fail = vi.fn();
      const key = rememberSearchSoon(db, 1, "flask", 0, fail);
      const elsewhere = openDatabase(join(tempDir(), "b.sqlite"));
      expect(key).toBe(rememberSearch(elsewhere, 1, "flask", 0));
      elsewhere.close();
      rememberSearchSoon(db, 2, "celery", 1, fail);
      rememberSearchSoon(db, 1, "redis", 2, fail);
      expect(recallSearch(db, 1, key)).toBe("flask");
      expect(recallSearch(db, 2, key)).toBeUndefined();
      expect(rows(file)).toEqual([]);
      vi.advanceTimersByTime(SEARCH_WRITE_DELAY_MS);
      expect(rows(file)).toEqual([
        { user: 1, query: "flask" },
        { user: 2, query: "celery" },
        { user: 1, query: "redis" },
      ]);
      expect(recallSearch(db, 1, key)).toBe("flask");
      expect(fail).not.toHaveBeenCalled();
      db.close();
    });

    it("writes what it holds when the database closes, and a repeated search as the newest", () => {
      const file = join(tempDir(), "a.sqlite");
      const db = openDatabase(file);
      for (const [i, q] of ["a", "b", "a"].entries()) rememberSearchSoon(db, 7, q, i, () => {});
      db.close();
      expect(rows(file)).toEqual([
        { user: 7, query: "b" },
        { user: 7, query: "a" },
      ]);
    });

    it("forgets a user's held and written searches, and keeps the others'", () => {
      const file = join(tempDir(), "a.sqlite");
      const db = openDatabase(file);
      const written = rememberSearch(db, 1, "flask", 0);
      const held = rememberSearchSoon(db, 1, "celery", 1, () => {});
      rememberSearchSoon(db, 2, "celery", 2, () => {});
      forgetSearchesOf(db, 1);
      expect([written, held].map((k) => recallSearch(db, 1, k))).toEqual([undefined, undefined]);
      expect(rows(file)).toEqual([{ user: 2, query: "celery" }]);
      expect(countSearchPages(db)).toBe(1);
      db.close();
      expect(rows(file)).toEqual([{ user: 2, query: "celery" }]);
    });

    it("on a failed write tells onError and keeps the searches, written once the database can be", () => {
      vi.useFakeTimers();
      const file = join(tempDir(), "a.sqlite");
      const db = openDatabase(file);
      const fail = vi.fn();
      db.pragma("query_only = ON"); // every write fails, as on a full disk
      const key = rememberSearchSoon(db, 1, "flask", 0, fail);
      vi.advanceTimersByTime(SEARCH_WRITE_DELAY_MS);
      expect(fail).toHaveBeenCalledTimes(1);
      expect(recallSearch(db, 1, key)).toBe("flask");
      db.pragma("query_only = OFF");
      rememberSearchSoon(db, 2, "redis", 1, fail);
      vi.advanceTimersByTime(SEARCH_WRITE_DELAY_MS);
      expect(fail).toHaveBeenCalledTimes(1);
      expect(rows(file)).toEqual([
        { user: 1, query: "flask" },
        { user: 2, query: "redis" },
      ]);
      db.close();
    });
  });
});
