import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { chooseConference, configuredConferences } from "../conferences/config.js";
import { type Config, loadConfig } from "../config.js";
import { canonicalProgramme } from "../programme/canonical.js";
import { describeDiff } from "../programme/describe-diff.js";
import { formatWarnings } from "../programme/formats/warnings.js";
import { isContentKind } from "../programme/model.js";
import { ProgrammeService } from "../programme/service.js";
import {
  contentHash,
  fetchLimits,
  parseSourceText,
  readSource,
  sourceName,
  sourceOf,
} from "../programme/source.js";
import { cachedSearchIndex } from "../search/index-cache.js";
import { storedConferences } from "../store/conferences.js";
import { type Db, openDatabase } from "../store/db.js";
import { readProgramme } from "../store/programme-store.js";
import { databaseSnapshots } from "../store/search-index.js";

const usage =
  "usage: programme check [--all] [FILE|URL] | programme load [FILE|URL] | programme export --json|--yaml [FILE|URL]  (each takes --timezone TZ and --conference ID)";

/**
 * `programme check|load|export`: validate a schedule of any format, from a file or a published URL (warnings
 * grouped and counted), load it into the database, or print it in the canonical form as JSON or YAML. `load`
 * goes through the programme service like every change: the subscribers of changed sessions are told (the
 * notices wait in the outbox for the bot to send), reminders are re-planned, and a bot running on the same
 * database swaps to the new version within a second.
 */
export async function programmeCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const config = loadConfig();
  // The default conference unless --conference names another; a FILE|URL given replaces its source.
  const conference = chooseConference(configuredConferences(config), values.conference);
  const source = positionals[0] ? sourceOf(positionals[0]) : conference.source;
  const name = sourceName(source);
  const read = async () => {
    const body = await readSource(source, fetchLimits(config));
    return {
      body,
      ...parseSourceText(body, name, values.timezone ?? conference.timezone ?? config.PROGRAMME_TIMEZONE),
    };
  };
  switch (sub) {
    case "check": {
      const { programme: p, format, warnings } = await read();
      const content = p.sessions.filter((s) => isContentKind(s.kind)).length;
      console.log(
        `${name}: ok (${format}) — ${p.sessions.length} sessions (${content} talks, workshops and ceremonies), ${p.speakers.length} speakers, ${p.conference.rooms.length} rooms, ${p.conference.tracks?.length ?? 0} tracks; times in ${p.conference.timezone}`,
      );
      if (warnings.length) {
        console.log(`${warnings.length} warning(s):`);
        for (const line of formatWarnings(warnings, values.all ? Number.POSITIVE_INFINITY : 3))
          console.log(line);
      }
      return 0;
    }
    case "load": {
      const { body, programme, warnings } = await read();
      const db = openDatabase(config.DATABASE_PATH);
      try {
        const target = loadTarget(db, config, conference.id, values.conference);
        const service = new ProgrammeService({
          db,
          clock: Date.now,
          defaultMinutes: config.DEFAULT_REMINDER_MINUTES,
          conference: target,
        });
        const change = service.prepare(programme);
        const outcome = service.commit(change, {
          origin: "cli",
          source: name,
          contentHash: contentHash(body),
        });
        if (!outcome.ok) {
          console.error(`${name}: the programme changed while loading; nothing was stored — run it again`);
          return 1;
        }
        console.log(
          `${name} → ${config.DATABASE_PATH} (conference ${target})${warnings.length ? ` (${warnings.length} warnings: programme check lists them)` : ""}`,
        );
        console.log(describeDiff(outcome.result.diff));
        const n = outcome.result.notices;
        // The bot (beside, or started next) restores this version's search index instead of building it.
        const stored = readProgramme(db, target);
        if (change.differs && stored) cachedSearchIndex(stored, databaseSnapshots(db, target));
        if (change.differs)
          console.log(
            `version ${outcome.version}; ${n} change notice${n === 1 ? "" : "s"} queued for the bot to send`,
          );
      } finally {
        db.close();
      }
      return 0;
    }
    case "export": {
      if (values.json === values.yaml) break; // exactly one of them
      const canonical = canonicalProgramme((await read()).programme);
      process.stdout.write(
        values.json
          ? `${JSON.stringify(canonical, null, 2)}\n`
          : stringify(canonical, { lineWidth: 0, aliasDuplicateObjects: false }),
      );
      return 0;
    }
  }
  console.error(usage);
  return 2;
}

/**
 * The conference `programme load` stores into: the one --conference names, the configured default when the
 * environment configures conferences (CONFERENCES, PROGRAMME_PATH or PROGRAMME_URL), else — nothing
 * configured, as beside a bot started with its own environment — the database's first conference (the
 * running bot's default), or the committed series' default in a new database.
 */
function loadTarget(db: Db, config: Config, configured: string, asked: string | undefined): string {
  if (asked || config.CONFERENCES || config.PROGRAMME_PATH || config.PROGRAMME_URL) return configured;
  return storedConferences(db)[0]?.id ?? configured;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      yaml: { type: "boolean", default: false },
      all: { type: "boolean", default: false },
      timezone: { type: "string" },
      conference: { type: "string" },
    },
  });
}
