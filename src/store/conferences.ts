import { type Db, statement } from "./db.js";

/**
 * The `conferences` table: every conference the database holds, with the prefix that qualifies its session and
 * speaker ids (see migration 014). A conference is registered before its programme is first stored.
 */

/** The id of the conference of a deployment of one (PROGRAMME_PATH / PROGRAMME_URL), and of a migrated database's. */
export const SOLE_CONFERENCE = "main";

/** The separator between a conference's id and a source's id in a qualified id. */
export const PREFIX_SEPARATOR = ":";

/** A registered conference as stored. */
export interface StoredConference {
  id: string;
  prefix: string;
  loadedAt: number | null;
}

/**
 * The prefix `id`'s rows carry: the stored one, or the one registering it now would give — empty for the
 * first conference of a database (a deployment of one keeps its source's ids), `id:` for every other.
 */
export function conferencePrefix(db: Db, id: string): string {
  const row = statement<[string], { prefix: string }>(db, "SELECT prefix FROM conferences WHERE id = ?").get(
    id,
  );
  if (row) return row.prefix;
  const any = statement<[], { n: number }>(db, "SELECT count(*) AS n FROM conferences").get();
  return any && any.n > 0 ? `${id}${PREFIX_SEPARATOR}` : "";
}

/** Registers `id` (a no-op when it is), fixing its prefix; returns the prefix. */
export function registerConference(db: Db, id: string, now: number): string {
  const prefix = conferencePrefix(db, id);
  statement(
    db,
    "INSERT INTO conferences (id, prefix, registered_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
  ).run(id, prefix, now);
  return conferencePrefix(db, id);
}

/** Every registered conference, in registration order. */
export function storedConferences(db: Db): StoredConference[] {
  return statement<[], StoredConference>(
    db,
    "SELECT id, prefix, loaded_at AS loadedAt FROM conferences ORDER BY registered_at, rowid",
  ).all();
}

/**
 * A database made by a single-conference confbot holds its programme as conference `main`. When the
 * configuration names no `main`, that conference becomes the configured default (when the default holds
 * nothing yet): its follows, reminders and versions carry on under the new id, and its ids keep the empty
 * prefix. Returns whether it did.
 */
export function adoptSoleConference(db: Db, configured: readonly string[], defaultId: string): boolean {
  if (configured.includes(SOLE_CONFERENCE) || defaultId === SOLE_CONFERENCE) return false;
  const ids = new Set(storedConferences(db).map((c) => c.id));
  if (!ids.has(SOLE_CONFERENCE) || ids.has(defaultId)) return false;
  db.transaction(() => {
    db.prepare("UPDATE conferences SET id = ? WHERE id = ?").run(defaultId, SOLE_CONFERENCE);
    for (const table of ["sessions", "speakers", "programme_versions", "programme_sources", "search_indexes"])
      db.prepare(`UPDATE ${table} SET conference_id = ? WHERE conference_id = ?`).run(
        defaultId,
        SOLE_CONFERENCE,
      );
    db.prepare("UPDATE users SET conference = ? WHERE conference = ?").run(defaultId, SOLE_CONFERENCE);
  }).immediate();
  return true;
}
