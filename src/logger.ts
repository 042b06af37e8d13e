import { type Logger, pino } from "pino";
import type { Config } from "./config.js";

/** Where log lines go: stdout for the server modes, stderr in console mode where stdout is the chat. */
export type LogTarget = "stdout" | "stderr";

/** Creates the application's logger: pino JSON lines at `level`, written synchronously to `target`. */
export function createLogger(level: Config["LOG_LEVEL"], target: LogTarget = "stdout"): Logger {
  return pino(
    { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ fd: target === "stdout" ? 1 : 2, sync: true }),
  );
}
