import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.js";
import type { Db } from "../store/db.js";
import { pruneNoticeBatches } from "../store/notice-batches.js";
import { pruneFinished } from "../store/outbox.js";
import type { DispatchLogger } from "./dispatcher.js";
import { type PlanResult, planReminders } from "./planner.js";
import { planRatingPrompts } from "./prompts.js";

/** How far back the first tick after a start looks for reminders missed while the bot was down. */
export const MISSED_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** What the reminder tick needs. */
export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  logger: DispatchLogger;
  /** A node-cron expression with seconds (config REMINDER_TICK, every 30 s by default). */
  tick: string;
  /** Lead time for users who never chose one (config DEFAULT_REMINDER_MINUTES). */
  defaultMinutes: number;
  /** Messages per second reminders go out at (SEND_RATE, or PAID_SEND_RATE with paid broadcasts). */
  rate: number;
  /**
   * How long finished outbox rows (and stored change batches no pending notice names) are kept (config
   * OUTBOX_RETENTION); pruned a batch per tick.
   */
  retentionMs?: number;
  /** Rows (and change batches) pruned per tick at most: small batches keep the write lock short. */
  pruneBatch?: number;
  /** How long after a followed session ends its followers are asked to rate it (RATING_PROMPT_MINUTES); none when absent. */
  promptDelayMs?: number;
  /** More work for every tick, after the reminders (e.g. the room capacity check); returns whether it queued anything. */
  alsoOnTick?: (now: number) => boolean;
  /** Called when a tick queued something (the dispatcher's nudge). */
  onEnqueued?: () => void;
  /** Whether ticks should plan now: only the process holding the dispatch lease does (always when absent). */
  active?: () => boolean;
}

/** Finished rows a tick prunes at most. */
export const PRUNE_BATCH = 500;

/** A running reminder tick. */
export interface ReminderScheduler {
  /** Runs one planning pass now, then prunes a batch of old rows and change batches (what every cron tick does). */
  tickNow(): PlanResult;
  /** Stops the cron task; a tick in progress is synchronous and so already finished. */
  stop(): Promise<void>;
}

/** Throws a readable error when `expr` is not a cron expression node-cron accepts. */
export function assertCronExpression(expr: string): void {
  if (!cron.validate(expr))
    throw new Error(`REMINDER_TICK must be a cron expression such as "*/30 * * * * *", got "${expr}"`);
}

/**
 * Starts the reminder tick with node-cron: every tick plans and queues reminders ahead of their bursts
 * (planReminders), records those that fell due while the bot was down and can no longer be sent (logged),
 * warns when the plan says some will be late, and prunes a small batch of finished outbox rows and one of
 * stored change batches older than the retention. One pass runs at once on start, so reminders that fell due during downtime go out without
 * waiting for the first tick.
 */
export function startReminderScheduler(o: SchedulerOptions): ReminderScheduler {
  assertCronExpression(o.tick);
  let lastTick: number | undefined;
  let lastLate = 0;
  const tickNow = (): PlanResult => {
    const now = o.clock();
    const result = planReminders(o.db, {
      now,
      defaultMinutes: o.defaultMinutes,
      rate: o.rate,
      missedSince: lastTick ?? now - MISSED_LOOKBACK_MS,
    });
    lastTick = now;
    const { late, maxLateMs, worstDueAt } = result.forecast;
    // Said once per change, not every tick: the same late burst would otherwise fill the log.
    if (late !== lastLate && late > 0)
      o.logger.warn(
        {
          late,
          upcoming: result.forecast.total,
          maxLateSeconds: Math.round(maxLateMs / 1000),
          due: worstDueAt === undefined ? undefined : new Date(worstDueAt).toISOString(),
          rate: o.rate,
        },
        "reminders will be late: more are due at once than the send rate can deliver in time",
      );
    lastLate = late;
    if (o.retentionMs) {
      const before = now - o.retentionMs;
      const limit = o.pruneBatch ?? PRUNE_BATCH;
      const pruned = pruneFinished(o.db, { before, now, limit });
      const batches = pruneNoticeBatches(o.db, { before, limit });
      if (pruned || batches) o.logger.debug({ pruned, batches }, "old outbox rows and change batches pruned");
    }
    if (result.enqueued) o.logger.info({ enqueued: result.enqueued }, "reminders queued");
    const prompts =
      o.promptDelayMs === undefined ? 0 : planRatingPrompts(o.db, { now, delayMs: o.promptDelayMs });
    if (prompts) o.logger.info({ prompts }, "rating prompts queued");
    const more = o.alsoOnTick?.(now) ?? false;
    for (const d of result.dropped) o.logger.info(d, "pending reminder dropped");
    for (const m of result.missed)
      o.logger.warn(
        { session: m.sessionId, start: new Date(m.startMs).toISOString(), users: m.users },
        "reminders missed: the session started while the bot was down",
      );
    if (result.enqueued || prompts || more) o.onEnqueued?.();
    return result;
  };
  const safeTick = () => {
    if (o.active && !o.active()) return;
    try {
      tickNow();
    } catch (err) {
      o.logger.error({ err }, "reminder tick failed");
    }
  };
  safeTick();
  const task: ScheduledTask = cron.schedule(o.tick, safeTick, { name: "reminder-tick", noOverlap: true });
  return {
    tickNow,
    stop: async () => {
      await task.stop();
      await task.destroy();
    },
  };
}
