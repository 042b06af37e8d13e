import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type Logger, pino } from "pino";
import type { Config } from "./config.js";

/** Where log lines go: stdout for the server modes; in console mode, where stdout is the chat, a file or stderr. */
export type LogTarget = "stdout" | "stderr" | { file: string };

/** Creates the application's logger: pino JSON lines at `level`, written synchronously to `target`. */
export function createLogger(level: Config["LOG_LEVEL"], target: LogTarget = "stdout"): Logger {
  let destination: ReturnType<typeof pino.destination>;
  if (typeof target === "object") {
    mkdirSync(dirname(target.file), { recursive: true });
    destination = pino.destination({ dest: target.file, append: true, sync: true });
  } else destination = pino.destination({ fd: target === "stdout" ? 1 : 2, sync: true });
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
