/**
 * What the console adds around the chat: the lines of its greeting that depend on the configuration (the demo
 * clock, organizer mode, where logs and sent files go), and the wait at the end for what the bot still sends.
 */
import { DateTime } from "luxon";
import type { Config } from "../../config.js";
import { unfinishedBroadcasts } from "../../delivery/broadcasts.js";
import type { BotDeps } from "../context.js";
import type { OrganizerJobs } from "../features/admin/jobs.js";
import type { RemindersRuntime } from "../reminders.js";

/** The clock's moment as the conference's attendees read it: "Mon 25 Feb 2013, 11:17 Asia/Yekaterinburg (UTC+6)". */
export function describeMoment(ms: number, timezone: string): string {
  const t = DateTime.fromMillis(ms, { zone: timezone, locale: "en" });
  return `${t.toFormat("ccc d LLL yyyy, HH:mm")} ${timezone} (UTC${t.toFormat("Z")})`;
}

/** The greeting's configuration lines: the demo clock, organizer mode and where the log goes. */
export function consoleGreeting(deps: BotDeps, config: Config, logFile: string): string[] {
  const lines: string[] = [];
  if (config.DEMO_NOW !== undefined)
    lines.push(
      `🕰 Demo clock (DEMO_NOW): it is ${describeMoment(deps.clock(), deps.catalog.timezone)}, and time runs on from there.`,
    );
  lines.push(
    config.CONSOLE_ORGANIZER
      ? "🛠 You are an organizer (CONSOLE_ORGANIZER=1): /help lists the organizer commands."
      : "🛠 To try the organizer commands, start with CONSOLE_ORGANIZER=1 npm start.",
  );
  lines.push(config.LOG_LEVEL_SET ? "Log: stderr." : `Log: ${logFile}.`);
  return lines;
}

/**
 * Waits, for at most `timeoutMs`, until the bot has sent everything that may go out now: queued messages, and
 * broadcasts to the end, their summaries included (the progress job finishes a broadcast once nothing is
 * pending and queues its summary, which the dispatcher then sends).
 */
export async function deliverBeforeExit(
  deps: BotDeps,
  reminders: RemindersRuntime,
  organizer: OrganizerJobs,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await organizer.progress.stop();
  for (;;) {
    await reminders.dispatcher.settle(Math.max(0, deadline - Date.now()));
    await organizer.progress.tick();
    if (!unfinishedBroadcasts(deps.db).length || Date.now() >= deadline) break;
  }
  await reminders.dispatcher.settle(Math.max(0, deadline - Date.now()));
}
