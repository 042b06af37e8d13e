/**
 * The bot as its own process, for end-to-end tests: started in the repository with a scrubbed environment,
 * its output kept, and every process started here killable at once with {@link killBots}.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BotApiServer } from "./bot-api-server.js";
import { followersSetup } from "./followers.js";
import { tempDir } from "./tmp.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));

/** The bot running as its own process (`tsx src/main.ts` as `npm start` runs it, or one node process). */
export interface BotProcess {
  /** The process started: tsx (which runs the bot in a child of its own), or with `singleProcess`, the bot. */
  child: ChildProcess;
  /** Everything it wrote to stdout so far. */
  stdout(): string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Everything it wrote to stdout and stderr so far, interleaved as it came. */
  output(): string;
  /** Settles with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Sends a signal and waits for the exit; kills it after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

/** How {@link spawnBot} starts the bot. */
export interface SpawnOptions {
  /** Written to the bot's stdin, which is then closed (the console mode reads it); stdin is empty without it. */
  input?: string;
  /** Keeps stdin open (the console keeps running): the test writes to `child.stdin` and ends it itself. */
  openStdin?: boolean;
  /**
   * Runs `node --import tsx src/main.ts`: one process, so that every signal sent to `child` (SIGHUP, SIGKILL)
   * reaches the bot itself. The tsx binary passes on only SIGINT and SIGTERM, and a SIGKILL of it alone would
   * leave the bot running in its child.
   */
  singleProcess?: boolean;
  /** Runs `node <script>` instead (a bundle `npm run build` made): one process, as with `singleProcess`. */
  script?: string;
  /** Node's flags before `script` (`npm start`'s, under which the build recorded the bundle's code cache). */
  nodeFlags?: string[];
}

/** Variables of the surrounding environment that would change how the bot runs: all of confbot's own. */
const CONFBOT_VARIABLE = /^(BOT_|WEBHOOK_|DATABASE_|PROGRAMME_|ADMIN_|SEND_|REMINDER_|DEFAULT_REMINDER_)/;
/** Single confbot variables, and the locale variables that would override the LANG set for the bot. */
const SCRUBBED = new Set([
  "PORT",
  "LOG_LEVEL",
  "LOG_FILE",
  "DEMO_NOW",
  "CONSOLE_ORGANIZER",
  "LC_ALL",
  "LC_MESSAGES",
]);

/** Every process started by {@link spawnBot} and not yet killed by {@link killBots}. */
const running = new Set<BotProcess>();

/** Kills a process and any children it left (the bot under tsx): the process group it leads. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Starts the bot in the repository with `env` on top of a copy of this environment scrubbed of confbot's variables. */
export function spawnBot(env: Record<string, string>, options: SpawnOptions = {}): BotProcess {
  const base = { ...process.env };
  for (const key of Object.keys(base)) if (CONFBOT_VARIABLE.test(key) || SCRUBBED.has(key)) delete base[key];
  // The tsx binary that `npx tsx` resolves to, run without npm's wrapper: tsx passes SIGTERM on to the bot
  // and exits with its code, while npx would die of the signal at once.
  const args = options.script
    ? [...(options.nodeFlags ?? []), options.script]
    : options.singleProcess
      ? ["--import", "tsx", "src/main.ts"]
      : [TSX, "src/main.ts"];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...base, LANG: "C.UTF-8", ...env },
    stdio: [options.input === undefined && !options.openStdin ? "ignore" : "pipe", "pipe", "pipe"],
    // Its own process group, so that a kill reaches the bot under tsx too.
    detached: true,
  });
  let out = "";
  let err = "";
  let all = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString("utf8");
    all += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString("utf8");
    all += d.toString("utf8");
  });
  if (options.input !== undefined && !options.openStdin) child.stdin?.end(options.input);
  else if (options.input !== undefined) child.stdin?.write(options.input);
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const bot: BotProcess = {
    child,
    stdout: () => out,
    stderr: () => err,
    output: () => all,
    exited,
    stop: async (signal = "SIGTERM", timeoutMs = 15_000) => {
      if (signal === "SIGKILL") killGroup(child, signal);
      else if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  running.add(bot);
  return bot;
}

/** Kills (SIGKILL) every bot process started by {@link spawnBot} and waits for them to end: for afterEach or afterAll. */
export async function killBots(): Promise<void> {
  const bots = [...running];
  running.clear();
  await Promise.all(bots.map((b) => b.stop("SIGKILL")));
}

/**
 * Resolves once the bot long-polls `server` (a getUpdates received at or after `since`, a Date.now()); fails
 * with the bot's output after `timeoutMs`.
 */
export async function waitForPolling(
  bot: BotProcess,
  server: BotApiServer,
  since = 0,
  timeoutMs = 30_000,
): Promise<void> {
  await server
    .waitForRequest((r) => r.method === "getUpdates" && r.at >= since, timeoutMs)
    .catch((e: unknown) => {
      throw new Error(`${(e as Error).message}\n${bot.output()}`);
    });
}

/**
 * A bot process long-polling `server` over a fresh database with the followers' programme (see
 * followersSetup) and the users `userIds`, logging at info.
 */
export function spawnPollingBot(
  server: BotApiServer,
  userIds: number[],
  options: SpawnOptions = {},
): BotProcess {
  const { programmeFile, databaseFile } = followersSetup(tempDir(), 0, userIds);
  return spawnBot(
    {
      BOT_TOKEN: server.token,
      BOT_API_ROOT: server.apiRoot,
      DATABASE_PATH: databaseFile,
      PROGRAMME_PATH: programmeFile,
      LOG_LEVEL: "info",
    },
    options,
  );
}
