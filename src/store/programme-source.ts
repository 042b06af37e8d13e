import { SOLE_CONFERENCE } from "./conferences.js";
import { type Db, statement } from "./db.js";

/** A version of the source held back until an organizer applies it. */
export interface HeldVersion {
  hash: string;
  /** The source's bytes, as fetched. */
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
  at: number;
}

/** The state of following a published schedule (table `programme_sources`, one row per conference). */
export interface SourceState {
  source: string;
  /** Validators and hash of the version now in the database. */
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  lastFetchAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** Since when the source has been failing; null while it works. */
  brokenSince: number | null;
  held: HeldVersion | null;
}

interface Row {
  source: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  last_fetch_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  broken_since: number | null;
  held_hash: string | null;
  held_text: Buffer | null;
  held_etag: string | null;
  held_last_modified: string | null;
  held_at: number | null;
}

const fromRow = (r: Row): SourceState => ({
  source: r.source,
  etag: r.etag,
  lastModified: r.last_modified,
  contentHash: r.content_hash,
  lastFetchAt: r.last_fetch_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  brokenSince: r.broken_since,
  held:
    r.held_hash && r.held_text !== null
      ? {
          hash: r.held_hash,
          body: r.held_text,
          etag: r.held_etag,
          lastModified: r.held_last_modified,
          at: r.held_at ?? 0,
        }
      : null,
});

/**
 * The sync state of `source`. A database that followed another source before starts afresh (nothing
 * fetched, nothing held), so validators of one URL are never sent to another.
 */
export function readSourceState(db: Db, source: string, conference: string = SOLE_CONFERENCE): SourceState {
  const r = statement(db, "SELECT * FROM programme_sources WHERE conference_id = ?").get(conference) as
    | Row
    | undefined;
  if (r && r.source === source) return fromRow(r);
  return {
    source,
    etag: null,
    lastModified: null,
    contentHash: null,
    lastFetchAt: null,
    lastSuccessAt: null,
    lastError: null,
    lastErrorAt: null,
    brokenSince: null,
    held: null,
  };
}

/** Stores `conference`'s sync state (the whole row); call it in the transaction that changed what it describes. */
export function writeSourceState(db: Db, s: SourceState, conference: string = SOLE_CONFERENCE): void {
  statement(
    db,
    `INSERT INTO programme_sources (conference_id, source, etag, last_modified, content_hash, last_fetch_at, last_success_at,
       last_error, last_error_at, broken_since, held_hash, held_text, held_etag, held_last_modified, held_at)
     VALUES (@conference, @source, @etag, @lastModified, @contentHash, @lastFetchAt, @lastSuccessAt, @lastError, @lastErrorAt,
       @brokenSince, @heldHash, @heldText, @heldEtag, @heldLastModified, @heldAt)
     ON CONFLICT (conference_id) DO UPDATE SET source = excluded.source, etag = excluded.etag,
       last_modified = excluded.last_modified, content_hash = excluded.content_hash,
       last_fetch_at = excluded.last_fetch_at, last_success_at = excluded.last_success_at,
       last_error = excluded.last_error, last_error_at = excluded.last_error_at,
       broken_since = excluded.broken_since, held_hash = excluded.held_hash, held_text = excluded.held_text,
       held_etag = excluded.held_etag, held_last_modified = excluded.held_last_modified, held_at = excluded.held_at`,
  ).run({
    conference,
    source: s.source,
    etag: s.etag,
    lastModified: s.lastModified,
    contentHash: s.contentHash,
    lastFetchAt: s.lastFetchAt,
    lastSuccessAt: s.lastSuccessAt,
    lastError: s.lastError,
    lastErrorAt: s.lastErrorAt,
    brokenSince: s.brokenSince,
    heldHash: s.held?.hash ?? null,
    heldText: s.held?.body ?? null,
    heldEtag: s.held?.etag ?? null,
    heldLastModified: s.held?.lastModified ?? null,
    heldAt: s.held?.at ?? null,
  });
}
