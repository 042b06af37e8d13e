import type { Migration } from "../migrate.js";

/**
 * A short integer key for every session and speaker, for callback data: source ids (guids) are too long for
 * Telegram's 64 bytes. Rows are never deleted (removed ones stay, marked), so a key, once given, names the
 * same session or speaker forever. An explicit column rather than the rowid, which VACUUM may renumber.
 */
export const shortKeys: Migration = {
  version: 6,
  name: "short-keys",
  up: (db) =>
    db.exec(`
      ALTER TABLE sessions ADD COLUMN key INTEGER;
      UPDATE sessions SET key = rowid;
      CREATE UNIQUE INDEX sessions_by_key ON sessions (key);
      ALTER TABLE speakers ADD COLUMN key INTEGER;
      UPDATE speakers SET key = rowid;
      CREATE UNIQUE INDEX speakers_by_key ON speakers (key);
    `),
};
