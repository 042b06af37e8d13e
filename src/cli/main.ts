/**
 * confbot's command line: `npm run --silent cli -- <group> <command> [args]`.
 * Each group lives in its own module; this file only dispatches and turns errors into exit codes.
 */
import { ConferencesConfigError } from "../conferences/config.js";
import { ProgrammeError } from "../programme/errors.js";
import { FetchError } from "../programme/fetch-source.js";

type Command = (args: string[]) => Promise<number> | number;

const groups: Record<string, () => Promise<Command>> = {
  programme: async () => (await import("./programme.js")).programmeCommand,
  import: async () => (await import("./import.js")).importCommand,
  search: async () => (await import("./search.js")).searchCommand,
  feedback: async () => (await import("./feedback.js")).feedbackCommand,
};

const usage = `usage: npm run --silent cli -- <command>
  programme check [--all] [FILE|URL]  validate a schedule of any format: errors (exit 1), warnings grouped
  programme load [FILE|URL]           load it into the database at DATABASE_PATH (subscribers are told), print the diff
  programme export --json|--yaml [FILE|URL]   print the programme in the canonical form
                                      (each takes --timezone TZ, default PROGRAMME_TIMEZONE)
  import seed-markdown FILE        turn a programme page of the seed's format into the canonical YAML
  search QUERY                     search the programme
  search --jsonl                   one query per line on stdin, one JSON line per query on stdout
  feedback export --csv|--json     every rating and comment (no user ids) from the database at DATABASE_PATH
FILE|URL and search's programme default to the default conference's (CONFERENCES, else PROGRAMME_URL or
PROGRAMME_PATH, else data/pycon-ru.conferences.yaml); --conference ID picks another conference.`;

async function main(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  const load = group ? groups[group] : undefined;
  if (!load) {
    console.error(usage);
    return group === "help" || group === "--help" ? 0 : 2;
  }
  const command = await load();
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Problems of the input or the configuration are told as they are; anything else with its stack.
    if (e instanceof ProgrammeError || e instanceof FetchError || e instanceof ConferencesConfigError)
      console.error(e.message);
    else console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  },
);
