import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { DatabaseOpenError, openDatabase, transaction, writeTransaction } from "./db.js";

/** Another process that takes the write lock of `file`, says "locked", and keeps it for `ms`. */
function holdWriteLock(file: string, ms: number) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO audit_log (at, admin_id, action) VALUES (1, 1, 'other')").run();
    process.stdout.write("locked");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ["-e", script, file, String(ms)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const locked = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { locked, exited };
}

describe("openDatabase", () => {
  it("names DATABASE_PATH and the reason when the file cannot be used", () => {
    const dir = tempDir();
    const notADatabase = join(dir, "notes.txt");
    writeFileSync(notADatabase, "these are not the pages you are looking for ".repeat(200));
    const aDirectory = join(dir, "folder");
    mkdirSync(aDirectory);
    const underAFile = join(notADatabase, "confbot.sqlite");
    for (const path of [notADatabase, aDirectory, underAFile]) {
      let error: unknown;
      try {
        openDatabase(path);
      } catch (e) {
        error = e;
      }
      expect(error, path).toBeInstanceOf(DatabaseOpenError);
      expect((error as Error).message).toMatch(
        new RegExp(`^DATABASE_PATH=${path}: cannot use the database \\(.+\\)`),
      );
    }
  });

  it("waits for another process's write lock instead of failing with 'database is locked'", async () => {
    const file = join(tempDir(), "db.sqlite");
    openDatabase(file).close();
    const other = holdWriteLock(file, 400);
    await other.locked;
    const db = openDatabase(file);
    const seen = writeTransaction(db, () => {
      db.prepare("INSERT INTO audit_log (at, admin_id, action) VALUES (2, 1, 'mine')").run();
      return db.prepare("SELECT action FROM audit_log ORDER BY id").pluck().all();
    });
    // It got in only once the other process had committed: it sees that row before its own.
    expect(seen).toEqual(["other", "mine"]);
    db.close();
    await other.exited;
  });
});

describe("transaction", () => {
  it("commits what its function did, rolls all of it back when it throws, and nests as a savepoint", () => {
    const db = openDatabase(":memory:");
    db.exec("CREATE TABLE t (n INTEGER)");
    const count = () => (db.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;
    const insert = db.prepare("INSERT INTO t (n) VALUES (?)");
    expect(transaction(db, () => insert.run(1).changes)).toBe(1);
    expect(() =>
      transaction(db, () => {
        insert.run(2);
        throw new Error("no");
      }),
    ).toThrow("no");
    expect(count()).toBe(1);
    writeTransaction(db, () => {
      insert.run(3);
      // The inner one fails alone: the outer one keeps its own row and commits.
      expect(() =>
        transaction(db, () => {
          insert.run(4);
          throw new Error("inner");
        }),
      ).toThrow("inner");
    });
    expect((db.prepare("SELECT n FROM t ORDER BY n").all() as { n: number }[]).map((r) => r.n)).toEqual([
      1, 3,
    ]);
    expect(db.inTransaction).toBe(false);
    db.close();
  });
});
