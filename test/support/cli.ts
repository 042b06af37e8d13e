import { spawnSync } from "node:child_process";

/** The result of running the CLI as its own process. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli/main.ts` with arguments, optional stdin and extra environment, as a user would. */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): CliRun {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
