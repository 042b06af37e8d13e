/**
 * `import` command group: turns programme pages published in other formats into the skeleton of the
 * canonical YAML, which a person then completes (times, rooms, Russian text) and checks.
 */
import { readFileSync } from "node:fs";
import { stringify } from "yaml";
import { importSeedMarkdown } from "../programme/import-seed-markdown.js";

const usage = `usage: npm run --silent cli -- import seed-markdown FILE
  Reads a programme page in the seed's markdown format and prints its sessions and speakers as YAML.`;

/** Header of the printed YAML: the output is not yet a valid programme, and says what is missing. */
function header(file: string): string {
  return [
    `# Imported from ${file} by \`confbot import seed-markdown\`.`,
    "# NOT YET A VALID PROGRAMME. To complete it:",
    "#   - add the conference block (name, timezone, days, rooms);",
    "#   - give every session start/end times and a room (durationMinutes is the length the page gives;",
    "#     remove it afterwards) and add breaks;",
    "#   - add the Russian text: title.ru, abstract.ru, audience.ru, name.ru, affiliation.ru, bio.ru.",
    "# Then check it: npm run --silent cli -- programme check FILE",
    "",
  ].join("\n");
}

/** Runs `import <format> FILE`; returns the exit code (2 on bad usage, 1 when the file cannot be read). */
export function importCommand(args: string[]): number {
  const [format, file, ...extra] = args;
  if (format === "help" || format === "--help") {
    console.log(usage);
    return 0;
  }
  if (format !== "seed-markdown" || !file || extra.length) {
    console.error(usage);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`import: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const { sessions, speakers, warnings } = importSeedMarkdown(text);
  if (!sessions.length) {
    // Most likely not a programme page at all: say so first, not after a warning for every line of it.
    const first = warnings[0]
      ? ` (nothing was understood: ${warnings.length} warning(s), the first: ${warnings[0]})`
      : "";
    console.error(
      `import: ${file}: no sessions found — is it a programme page in the seed's markdown format?${first}`,
    );
    return 1;
  }
  for (const w of warnings) console.error(`${file}: warning: ${w}`);
  // lineWidth 0: long abstracts stay on one line each, easier to translate in place.
  process.stdout.write(header(file) + stringify({ sessions, speakers }, { lineWidth: 0 }));
  return 0;
}
