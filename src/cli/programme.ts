import { stringify } from "yaml";
import { loadConfig } from "../config.js";
import { canonicalProgramme } from "../programme/canonical.js";
import { describeDiff } from "../programme/describe-diff.js";
import { isContentKind } from "../programme/model.js";
import { readProgrammeFile } from "../programme/read.js";
import { openDatabase } from "../store/db.js";
import { loadProgramme } from "../store/programme-store.js";

const usage = "usage: programme check [FILE] | programme load [FILE] | programme export --json|--yaml [FILE]";

/** `programme check|load|export`: validate a programme file, load it into the database, or print it as JSON or YAML. */
export function programmeCommand(args: string[]): number {
  const [sub, ...rest] = args;
  const positional = rest.filter((a) => !a.startsWith("--"));
  const config = loadConfig();
  const file = positional[0] ?? config.PROGRAMME_PATH;
  switch (sub) {
    case "check": {
      const p = readProgrammeFile(file);
      const content = p.sessions.filter((s) => isContentKind(s.kind)).length;
      console.log(
        `${file}: ok — ${p.sessions.length} sessions (${content} talks and workshops), ${p.speakers.length} speakers`,
      );
      return 0;
    }
    case "load": {
      const p = readProgrammeFile(file);
      const db = openDatabase(config.DATABASE_PATH);
      try {
        console.log(`${file} → ${config.DATABASE_PATH}`);
        console.log(describeDiff(loadProgramme(db, p)));
      } finally {
        db.close();
      }
      return 0;
    }
    case "export": {
      const canonical = () => canonicalProgramme(readProgrammeFile(file));
      if (rest.includes("--json")) process.stdout.write(`${JSON.stringify(canonical(), null, 2)}\n`);
      // The canonical YAML organizers edit by hand from then on: no line wrapping, no anchors.
      else if (rest.includes("--yaml"))
        process.stdout.write(stringify(canonical(), { lineWidth: 0, aliasDuplicateObjects: false }));
      else break;
      return 0;
    }
  }
  console.error(usage);
  return 2;
}
