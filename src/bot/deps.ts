import { Catalog, type Indexer } from "../catalog.js";
import { ProgrammeService } from "../programme/service.js";
import { cachedSearchIndex } from "../search/index-cache.js";
import type { Db } from "../store/db.js";
import { readKeys } from "../store/programme-store.js";
import { databaseSnapshots } from "../store/search-index.js";
import type { BotDeps } from "./context.js";

/**
 * Search indexes through the database's snapshot: a restart with the programme and the search code unchanged
 * restores the index instead of building it. Logs which it did, and a snapshot that cannot be used or stored.
 */
export function storedIndexer(db: Db, logger: BotDeps["logger"], conference?: string): Indexer {
  const snapshots = databaseSnapshots(db, conference);
  return (programme) => {
    const started = performance.now();
    const { index, source } = cachedSearchIndex(programme, snapshots, (err) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "search index snapshot failed"),
    );
    logger.info(
      { source, ms: Math.round(performance.now() - started), ...index.stats },
      "search index ready",
    );
    return index;
  };
}

/**
 * The bot's dependencies around a database that holds a programme: the catalogue of the stored programme
 * and the programme service, wired so that every committed change — by this process or another — swaps
 * the catalogue (pass the service when it was made before, for start-up, and the programme it just read, so
 * it is not read twice). Throws when the database has no programme.
 */
export function createBotDeps(
  base: Omit<BotDeps, "catalog" | "programmeService">,
  programmeService = new ProgrammeService({
    db: base.db,
    clock: base.clock,
    defaultMinutes: base.config.DEFAULT_REMINDER_MINUTES,
  }),
  programme = programmeService.current(),
): BotDeps {
  if (!programme) throw new Error("the database holds no programme");
  const conference = programmeService.conference;
  const catalog = new Catalog(
    programme,
    readKeys(base.db, conference),
    storedIndexer(base.db, base.logger, conference),
  );
  programmeService.onChange((next) => catalog.replace(next, readKeys(base.db, conference)));
  return { ...base, catalog, programmeService };
}
