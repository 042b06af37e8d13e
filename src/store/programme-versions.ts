import { SOLE_CONFERENCE } from "./conferences.js";
import { type Db, statement } from "./db.js";

/** What made a programme change. */
export type ChangeOrigin =
  | "startup"
  | "reload"
  | "sighup"
  | "move"
  | "cancel"
  | "restore"
  | "cli"
  | "sync"
  | "held";

/** One committed version of the programme. */
export interface ProgrammeVersion {
  version: number;
  at: number;
  origin: ChangeOrigin;
  source: string | null;
  contentHash: string | null;
  summary: Record<string, number>;
}

interface Row {
  version: number;
  at: number;
  origin: ChangeOrigin;
  source: string | null;
  content_hash: string | null;
  summary: string;
}

/** The number of `conference`'s programme version in the database (numbers run across conferences); 0 before the first. */
export function currentVersion(db: Db, conference: string = SOLE_CONFERENCE): number {
  return (
    (
      statement(db, "SELECT MAX(version) AS v FROM programme_versions WHERE conference_id = ?").get(
        conference,
      ) as { v: number | null }
    ).v ?? 0
  );
}

/** The latest version's record of `conference`, or undefined before the first. */
export function latestVersion(db: Db, conference: string = SOLE_CONFERENCE): ProgrammeVersion | undefined {
  const r = statement(
    db,
    "SELECT * FROM programme_versions WHERE conference_id = ? ORDER BY version DESC LIMIT 1",
  ).get(conference) as Row | undefined;
  return (
    r && {
      version: r.version,
      at: r.at,
      origin: r.origin,
      source: r.source,
      contentHash: r.content_hash,
      summary: JSON.parse(r.summary) as Record<string, number>,
    }
  );
}

/** Records a new programme version (call it in the transaction that stored the programme); returns its number. */
export function recordVersion(
  db: Db,
  v: {
    at: number;
    origin: ChangeOrigin;
    source?: string;
    contentHash?: string;
    summary: Record<string, number>;
  },
  conference: string = SOLE_CONFERENCE,
): number {
  return Number(
    statement(
      db,
      "INSERT INTO programme_versions (conference_id, at, origin, source, content_hash, summary) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(conference, v.at, v.origin, v.source ?? null, v.contentHash ?? null, JSON.stringify(v.summary))
      .lastInsertRowid,
  );
}
