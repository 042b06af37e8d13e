import { Catalog } from "../catalog.js";
import { ProgrammeService } from "../programme/service.js";
import { readKeys, readProgramme } from "../store/programme-store.js";
import type { BotDeps } from "./context.js";

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
  programme = readProgramme(base.db),
): BotDeps {
  if (!programme) throw new Error("the database holds no programme");
  const catalog = new Catalog(programme, readKeys(base.db));
  programmeService.onChange((next) => catalog.replace(next, readKeys(base.db)));
  return { ...base, catalog, programmeService };
}
