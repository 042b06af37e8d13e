import type { Db } from "../../src/store/db.js";

/** A place in the database where a value was found: the table, the column and how many rows hold it. */
export interface Occurrence {
  table: string;
  column: string;
  rows: number;
}

/**
 * Every column of every table (those added later included) whose value, read as text, contains `needle`: a
 * user id as a number, inside JSON, or as a chat id or a storage key. Pick an id no other number contains.
 */
export function findEverywhere(db: Db, needle: string): Occurrence[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const found: Occurrence[] = [];
  for (const table of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
    for (const column of columns) {
      const rows = db
        .prepare(`SELECT COUNT(*) FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0`)
        .pluck()
        .get(needle) as number;
      if (rows) found.push({ table, column, rows });
    }
  }
  return found;
}
