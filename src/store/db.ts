import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A statement typed by its parameters (a tuple, or one object of named ones) and its result row. */
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = P extends unknown[]
  ? Database.Statement<P, R>
  : Database.Statement<[P], R>;

/**
 * The prepared statement for `sql` on `db`, prepared once and reused (preparing costs more than running),
 * typed by its parameters `P` and result row `R`.
 */
export function statement<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Statement<P, R> {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  // The cache holds statements of every shape; the caller's types describe this one's SQL.
  return prepared as unknown as Statement<P, R>;
}

const closing = new WeakMap<Db, (() => void)[]>();

/**
 * Runs `write` when `db` closes, before it does: for writes held in memory to be made in one transaction
 * (see src/store/search-pages.ts). `write` must not throw; each is registered once per database.
 */
export function beforeClose(db: Db, write: () => void): void {
  const writes = closing.get(db) ?? [];
  if (!writes.includes(write)) writes.push(write);
  closing.set(db, writes);
}

/** The database file cannot be opened or written: the message names DATABASE_PATH and what went wrong. */
export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

/** How long a statement waits for another connection's write lock (a second process, the CLI) before failing. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) the SQLite file with WAL and foreign keys on, and brings its schema up to date.
 * A file that cannot be created, opened or written (a read-only file or volume, a directory, no permission)
 * throws a DatabaseOpenError naming the path, instead of SQLite's bare message.
 */
export function openDatabase(path: string): Db {
  let db: Db | undefined;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    // First, so that even switching to WAL waits for another process instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    migrate(db, MIGRATIONS);
    const opened = db;
    const close = opened.close.bind(opened);
    // Work held in memory to be written in batches is written first (see beforeClose).
    opened.close = () => {
      for (const write of closing.get(opened) ?? []) write();
      closing.delete(opened);
      return close();
    };
    return opened;
  } catch (e) {
    db?.close();
    const reason = e instanceof Error ? e.message : String(e);
    throw new DatabaseOpenError(
      `DATABASE_PATH=${path}: cannot use the database (${reason}); it must be a writable SQLite file in a writable directory`,
      { cause: e },
    );
  }
}

type Runner = Database.Transaction<(fn: () => unknown) => unknown>;
const runners = new WeakMap<Db, Runner>();

/**
 * One transaction function per database that runs the function it is given: better-sqlite3's
 * `db.transaction(fn)` builds its wrappers anew on every call (about 9 µs, as much as the write itself).
 */
function runner(db: Db): Runner {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((fn: () => unknown) => fn());
    runners.set(db, run);
  }
  return run;
}

/** Runs `fn` in a transaction (a savepoint inside another), committed when it returns, rolled back when it throws. */
export function transaction<T>(db: Db, fn: () => T): T {
  return runner(db)(fn) as T;
}

/** Runs `fn` in a transaction that takes the write lock first (BEGIN IMMEDIATE), waiting up to the busy timeout. */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return runner(db).immediate(fn) as T;
}
