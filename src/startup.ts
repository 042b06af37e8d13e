import type { Logger } from "pino";
import { applyProgrammeChange } from "./delivery/notices.js";
import type { ProgrammeDiff } from "./programme/diff.js";
import { ProgrammeError } from "./programme/errors.js";
import { readScheduleFile } from "./programme/formats/index.js";
import { countWarnings } from "./programme/formats/warnings.js";
import type { Programme } from "./programme/model.js";
import type { Db } from "./store/db.js";
import { readProgramme } from "./store/programme-store.js";

/** The programme to serve, and what loading the file changed (absent when the file could not be used). */
export interface StartupProgramme {
  programme: Programme;
  diff?: ProgrammeDiff;
}

/**
 * The programme to serve at start-up: the file at `file` (any schedule format; `timezone` as parseSchedule takes it) is read and loaded into the database, and the
 * stored programme is returned. Edits made to the file while the bot was down are applied like a reload:
 * the subscribers of changed sessions are told and their reminders follow. When the file is broken its problems are logged and the programme already
 * in the database is served; undefined (after logging why) when there is none.
 */
export function loadStartupProgramme(
  db: Db,
  file: string,
  logger: Logger,
  now: number,
  defaultMinutes: number,
  timezone?: string,
): StartupProgramme | undefined {
  let diff: ProgrammeDiff | undefined;
  try {
    // Any format: canonical YAML/JSON, frab XML, c3voc JSON, iCalendar.
    const { programme, format, warnings } = readScheduleFile(file, { timezone });
    ({ diff } = applyProgrammeChange(db, programme, { now, defaultMinutes }));
    const counts = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
    logger.info({ file, format, ...counts, warnings: countWarnings(warnings) }, "programme loaded");
  } catch (e) {
    if (!(e instanceof ProgrammeError)) throw e;
    const problems = e.issues.map((i) => `${i.path || "(root)"}: ${i.message}`);
    const fallback = readProgramme(db) !== undefined;
    logger.error(
      { file, problems },
      fallback
        ? "programme file is broken; serving the programme already in the database"
        : "programme file is broken",
    );
    if (!fallback) return undefined;
  }
  const programme = readProgramme(db);
  return programme && { programme, diff };
}
