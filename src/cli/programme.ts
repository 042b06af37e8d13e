import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { loadConfig } from "../config.js";
import { canonicalProgramme } from "../programme/canonical.js";
import { describeDiff } from "../programme/describe-diff.js";
import { readScheduleFile } from "../programme/formats/index.js";
import { formatWarnings } from "../programme/formats/warnings.js";
import { isContentKind } from "../programme/model.js";
import { openDatabase } from "../store/db.js";
import { loadProgramme } from "../store/programme-store.js";

const usage =
  "usage: programme check [--all] [FILE] | programme load [FILE] | programme export --json|--yaml [FILE]  (each takes --timezone TZ)";

/**
 * `programme check|load|export`: validate a schedule of any format (warnings grouped and counted), load it into
 * the database, or print it in the canonical form as JSON or YAML.
 */
export function programmeCommand(args: string[]): number {
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
  const file = positionals[0] ?? config.PROGRAMME_PATH;
  const read = () => readScheduleFile(file, { timezone: values.timezone ?? config.PROGRAMME_TIMEZONE });
  switch (sub) {
    case "check": {
      const { programme: p, format, warnings } = read();
      const content = p.sessions.filter((s) => isContentKind(s.kind)).length;
      console.log(
        `${file}: ok (${format}) — ${p.sessions.length} sessions (${content} talks and workshops), ${p.speakers.length} speakers, ${p.conference.rooms.length} rooms, ${p.conference.tracks?.length ?? 0} tracks; times in ${p.conference.timezone}`,
      );
      if (warnings.length) {
        console.log(`${warnings.length} warning(s):`);
        for (const line of formatWarnings(warnings, values.all ? Number.POSITIVE_INFINITY : 3))
          console.log(line);
      }
      return 0;
    }
    case "load": {
      const { programme, warnings } = read();
      const db = openDatabase(config.DATABASE_PATH);
      try {
        console.log(
          `${file} → ${config.DATABASE_PATH}${warnings.length ? ` (${warnings.length} warnings: programme check lists them)` : ""}`,
        );
        console.log(describeDiff(loadProgramme(db, programme)));
      } finally {
        db.close();
      }
      return 0;
    }
    case "export": {
      if (values.json === values.yaml) break; // exactly one of them
      const canonical = canonicalProgramme(read().programme);
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

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      yaml: { type: "boolean", default: false },
      all: { type: "boolean", default: false },
      timezone: { type: "string" },
    },
  });
}
