import type Database from "better-sqlite3";

/** One step of the schema; `version` numbers are consecutive from 1 and never change once shipped. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/** Applies every migration newer than the file's `user_version`, each in its own transaction. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
): { from: number; to: number } {
  const from = db.pragma("user_version", { simple: true }) as number;
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = sorted.length;
  if (from > latest)
    throw new Error(`database schema version ${from} is newer than this confbot (${latest})`);
  for (const m of sorted.slice(from)) {
    // The write lock first, then look again: a second process starting on the same file may have applied it.
    db.transaction(() => {
      if ((db.pragma("user_version", { simple: true }) as number) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: latest };
}
