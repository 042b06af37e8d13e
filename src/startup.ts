import type { Logger } from "pino";
import type { ProgrammeDiff } from "./programme/diff.js";
import { asProgrammeError } from "./programme/formats/limits.js";
import { countWarnings } from "./programme/formats/warnings.js";
import type { Programme } from "./programme/model.js";
import type { ProgrammeService } from "./programme/service.js";
import {
  contentHash,
  type ProgrammeSource,
  parseSourceText,
  readSource,
  sourceName,
} from "./programme/source.js";
import type { SourceSync } from "./programme/sync.js";

/** The programme to serve, and what loading the source changed (absent when nothing was applied). */
export interface StartupProgramme {
  programme: Programme;
  diff?: ProgrammeDiff;
}

/**
 * The version in the database when it holds exactly what `body` says: committed from this file with these
 * bytes, and in the configured timezone (an offset PROGRAMME_TIMEZONE, stored as a zone name, never matches:
 * parsing again is the safe way).
 */
function unchangedVersion(
  service: ProgrammeService,
  file: string,
  body: Uint8Array,
  timezone: string | undefined,
): number | undefined {
  const version = service.storedFrom(file, contentHash(body));
  if (version === undefined || !timezone) return version;
  return service.current()?.conference.timezone === timezone ? version : undefined;
}

/**
 * Reads, parses and commits a programme file through the service; the diff, or undefined after logging why not.
 * A file unchanged since it was stored (the usual restart) is not parsed at all: its programme is the stored one.
 */
async function loadFile(
  service: ProgrammeService,
  source: Extract<ProgrammeSource, { kind: "file" }>,
  logger: Logger,
  timezone?: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<ProgrammeDiff | undefined> {
  const file = source.path;
  try {
    // A file needs no network: only its size is limited (PROGRAMME_MAX_MB).
    const body = await readSource(source, { timeoutMs: 0, maxBytes });
    const unchanged = unchangedVersion(service, file, body, timezone);
    if (unchanged !== undefined) {
      logger.info({ file, version: unchanged }, "programme file unchanged; serving the stored version");
      return undefined;
    }
    const { programme, format, warnings } = parseSourceText(body, file, timezone);
    const change = service.prepare(programme);
    const outcome = service.commit(change, {
      origin: "startup",
      source: file,
      contentHash: contentHash(body),
    });
    if (!outcome.ok) return undefined;
    const d = outcome.result.diff;
    logger.info(
      {
        file,
        format,
        warnings: countWarnings(warnings),
        added: d.added.length,
        removed: d.removed.length,
        changed: d.changed.length,
        notices: outcome.result.notices,
      },
      "programme loaded",
    );
    return d;
  } catch (caught) {
    // Whatever failed (a parser's own crash included), the stored programme is served and the log says why.
    const e = asProgrammeError(file, caught);
    const problems = e.issues.map((i) => `${i.path || "(root)"}: ${i.message}`);
    const fallback = service.current() !== undefined;
    logger.error(
      { file, problems },
      fallback
        ? "programme file is broken; serving the programme already in the database"
        : "programme file is broken",
    );
    return undefined;
  }
}

/**
 * The programme to serve at start-up, through the programme service like every change. A file is read and
 * committed (any format; `timezone` as parseSchedule takes it): edits made while the bot was down are applied like a reload (the subscribers of changed
 * sessions are told, their reminders follow). A URL is fetched by `sync` (conditionally: a restart between
 * two versions repeats nothing). When the source is broken its problems are logged and the programme
 * already in the database is served; undefined when there is none.
 */
export async function loadStartupProgramme(
  service: ProgrammeService,
  source: ProgrammeSource,
  logger: Logger,
  sync?: SourceSync,
  timezone?: string,
  maxBytes?: number,
): Promise<StartupProgramme | undefined> {
  let diff: ProgrammeDiff | undefined;
  if (source.kind === "file") diff = await loadFile(service, source, logger, timezone, maxBytes);
  else if (sync) {
    const r = await sync.syncNow("start");
    const url = sourceName(source);
    if (r.kind === "applied") diff = r.result.diff;
    if (r.kind === "failed")
      logger.error(
        { url, error: r.error },
        service.current()
          ? "programme source failed; serving the programme already in the database"
          : "programme source failed",
      );
    else if (r.kind === "held")
      logger.warn({ url }, "programme source: a new version is held until an organizer applies it");
    else logger.info({ url, outcome: r.kind }, "programme source fetched");
  }
  const programme = service.current();
  return programme && { programme, ...(diff ? { diff } : {}) };
}
