import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));

/** The bot running as its own process (`tsx src/main.ts`), as `npm start` runs it. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout so far. */
  stdout(): string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Settles with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Sends a signal and waits for the exit; kills it after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

/** Variables of the surrounding environment that would change how the bot runs. */
const SCRUBBED = [
  "BOT_TOKEN",
  "BOT_API_ROOT",
  "WEBHOOK_URL",
  "WEBHOOK_SECRET",
  "PORT",
  "DATABASE_PATH",
  "PROGRAMME_PATH",
  "LOG_LEVEL",
  "ADMIN_IDS",
];

/** Starts `tsx src/main.ts` in the repository with `env` on top of a scrubbed copy of this environment. */
export function spawnBot(env: Record<string, string>, input?: string): BotProcess {
  const base = { ...process.env };
  for (const key of SCRUBBED) delete base[key];
  // The tsx binary that `npx tsx` resolves to, run without npm's wrapper: tsx passes SIGTERM on to the bot
  // and exits with its code, while npx would die of the signal at once.
  const child = spawn(process.execPath, [TSX, "src/main.ts"], {
    cwd: ROOT,
    env: { ...base, LANG: "C.UTF-8", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString("utf8");
  });
  if (input !== undefined) child.stdin?.end(input);
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    stop: async (signal = "SIGTERM", timeoutMs = 15_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
