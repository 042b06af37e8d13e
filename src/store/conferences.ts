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
