import { Catalog, type Indexer } from "../catalog.js";
import type { ConferenceSpec } from "../conferences/config.js";
import { type ConferenceRuntime, Conferences } from "../conferences/registry.js";
import type { Programme } from "../programme/model.js";
import { ProgrammeService } from "../programme/service.js";
import type { SourceSync } from "../programme/sync.js";
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

/** How long after the bot starts serving, or a reload installs an index, that index makes its first-use keys. */
export const PREPARE_INDEX_AFTER_MS = 2000;

/**
 * Makes `catalog`'s search index's first-use keys ({@link Catalog.prepareIndex}: a quarter of a second of CPU at
 * FOSDEM size) {@link PREPARE_INDEX_AFTER_MS} from now, past the work in hand, so that the first name, typo or
 * borrowed-word query does not wait for them.
 */
export function prepareIndexSoon(catalog: Catalog, logger: BotDeps["logger"]): void {
  setTimeout(() => {
    const started = performance.now();
    catalog.prepareIndex();
    logger.info({ ms: Math.round(performance.now() - started) }, "search index: first-use keys made");
  }, PREPARE_INDEX_AFTER_MS).unref();
}

/** What every conference's dependencies share. */
export type BaseDeps = Omit<BotDeps, "catalog" | "programmeService" | "sync" | "conference" | "conferences">;

/**
 * One conference's dependencies: the catalogue of its stored programme and its programme service, wired so
 * that every committed change — by this process or another — swaps the catalogue. Undefined when the database
 * holds no programme of it. `conferences` is filled in by the caller.
 */
function conferenceDeps(
  base: BaseDeps,
  { spec, service, sync }: ConferenceRuntime,
  programme = service.current(),
): Omit<BotDeps, "conferences"> | undefined {
  if (!programme) return undefined;
  const id = service.conference;
  // Only the default conference's index is made at start: another's waits until a search there needs it.
  const catalog = new Catalog(
    programme,
    readKeys(base.db, id),
    storedIndexer(base.db, base.logger, id),
    !spec.isDefault,
  );
  service.onChange((next) => {
    catalog.replace(next, readKeys(base.db, id));
    prepareIndexSoon(catalog, base.logger);
  });
  return { ...base, conference: spec, catalog, programmeService: service, ...(sync ? { sync } : {}) };
}

/**
 * The dependencies of every conference of a deployment whose programme the database holds, sharing one
 * registry; returns the default conference's. `programmes` are the ones start-up just read, by conference id
 * (not read from the database a second time). Throws when the default conference has no programme.
 */
export function createSeriesDeps(
  base: BaseDeps,
  runtimes: readonly ConferenceRuntime[],
  programmes?: ReadonlyMap<string, Programme>,
): BotDeps {
  const views = runtimes.flatMap(
    (r) => conferenceDeps(base, r, programmes?.get(r.spec.id) ?? r.service.current()) ?? [],
  ) as BotDeps[];
  const conferences = new Conferences<BotDeps>(views, base.config.ADMIN_IDS);
  for (const v of views) v.conferences = conferences;
  const fallback = runtimes.find((r) => r.spec.isDefault) ?? runtimes[0];
  const deps = fallback && conferences.get(fallback.spec.id);
  if (!deps)
    throw new Error(`the database holds no programme of the default conference ${fallback?.spec.id}`);
  return deps;
}

/**
 * The bot's dependencies for a deployment of one conference (`main`, or the service's): pass the service when
 * it was made before, for start-up, and the programme it just read, so it is not read twice. Throws when the
 * database has no programme.
 */
export function createBotDeps(
  base: BaseDeps & { sync?: SourceSync },
  programmeService = new ProgrammeService({
    db: base.db,
    clock: base.clock,
    defaultMinutes: base.config.DEFAULT_REMINDER_MINUTES,
  }),
  programme = programmeService.current(),
): BotDeps {
  const { sync, ...rest } = base;
  const spec: ConferenceSpec = {
    id: programmeService.conference,
    source: sync ? { kind: "url", url: sync.url } : { kind: "file", path: base.config.PROGRAMME_PATH ?? "" },
    organizers: [],
    isDefault: true,
  };
  const runtime: ConferenceRuntime = { spec, service: programmeService, ...(sync ? { sync } : {}) };
  const one = conferenceDeps(rest, runtime, programme);
  if (!one) throw new Error("the database holds no programme");
  const deps = one as BotDeps;
  deps.conferences = new Conferences<BotDeps>([deps], base.config.ADMIN_IDS);
  return deps;
}
