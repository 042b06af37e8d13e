import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import { type Bot, type BotError, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "my_chat_member"] as const;

/** How getUpdates is retried (see createUpdateFetcher). */
export interface PollRetry {
  /** The first wait after a failed getUpdates; doubled for each next failure… */
  firstMs: number;
  /** …up to this (the runner's own doubles without a cap: 85 s of silence after a 2-minute outage). */
  maxMs: number;
  /** How often a standby asks again while another process polls (409 Conflict). */
  conflictMs: number;
  /** getUpdates' long-poll timeout (s); the request is given up 10 s after it (a stalled connection). */
  longPollSeconds: number;
}

/** The default: back within 3 s of an outage's end; a standby takes over within 3 s. */
export const POLL_RETRY: PollRetry = { firstMs: 200, maxMs: 3000, conflictMs: 3000, longPollSeconds: 30 };

/** A running long-polling loop. */
export interface Polling {
  /** Stops fetching, waits for the updates in hand to be handled (at most `graceMs`, 30 s by default). */
  stop(graceMs?: number): Promise<void>;
  /** Settles when polling ends (after `stop`, or when it fails for good: a revoked token). */
  task(): Promise<void> | undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * getUpdates with the retries a long-running bot needs: network errors, 5xx and 429 are retried with a
 * backoff capped at `maxMs`, so the bot answers within seconds of an outage's end; 409 Conflict (another
 * process polls this bot) makes this process a standby that asks again every `conflictMs` and takes over
 * when the other one stops; only 401 (a revoked token) ends polling. Each state change is logged once.
 */
export function createUpdateFetcher(bot: Bot<BotContext>, logger: Logger, retry: PollRetry = POLL_RETRY) {
  let offset = 0;
  let state: "polling" | "standby" | "failing" = "polling";
  return async (batchSize: number, signal: AbortSignal): Promise<Update[]> => {
    let wait = retry.firstMs;
    for (;;) {
      try {
        // The runner's signal is the abort-controller package's, which AbortSignal.any does not follow.
        const request = new AbortController();
        const abort = () => request.abort();
        signal.addEventListener("abort", abort);
        const timer = setTimeout(abort, (retry.longPollSeconds + 10) * 1000);
        const updates = await bot.api
          .getUpdates(
            {
              timeout: retry.longPollSeconds,
              allowed_updates: [...ALLOWED_UPDATES],
              offset,
              limit: Math.max(1, Math.min(batchSize, 100)),
            },
            request.signal as unknown as Parameters<typeof bot.api.getUpdates>[1],
          )
          .finally(() => {
            clearTimeout(timer);
            signal.removeEventListener("abort", abort);
          });
        if (state !== "polling")
          logger.info({ was: state }, "long polling: getUpdates answers again; this process polls");
        state = "polling";
        const last = updates.at(-1)?.update_id;
        if (last !== undefined) offset = last + 1;
        return updates;
      } catch (err) {
        if (signal.aborted) throw err;
        const code = err instanceof GrammyError ? err.error_code : undefined;
        if (code === 401) throw err;
        if (code === 409) {
          if (state !== "standby")
            logger.warn(
              { error: (err as Error).message },
              "another process polls this bot: standing by, and taking over when it stops",
            );
          state = "standby";
          await sleep(retry.conflictMs, signal);
          continue;
        }
        if (state !== "failing")
          logger.warn({ error: (err as Error).message }, "getUpdates failed; retrying");
        state = "failing";
        const after = err instanceof GrammyError ? (err.parameters.retry_after ?? 0) * 1000 : 0;
        await sleep(Math.max(after, wait), signal);
        wait = Math.min(wait * 2, retry.maxMs);
      }
    }
  };
}

/**
 * Starts long polling with @grammyjs/runner's source and concurrent sink (updates handled concurrently, one
 * chat at a time by the bot's sequentialize), fetching through {@link createUpdateFetcher}. Any webhook is
 * removed first: Telegram refuses getUpdates while one is set.
 */
export async function startPolling(
  bot: Bot<BotContext>,
  logger: Logger,
  retry: PollRetry = POLL_RETRY,
): Promise<Polling> {
  await bot.init();
  await bot.api.deleteWebhook();
  const fetchUpdates = createUpdateFetcher(bot, logger, retry);
  // The runner types its signal with the abort-controller package's AbortSignal; at run time it is Node's own.
  const source = createSource<Update>({
    supply: (size, signal) => fetchUpdates(size, signal as unknown as AbortSignal),
  });
  const sink = createConcurrentSink<Update, BotError<BotContext>>(
    { consume: (update) => bot.handleUpdate(update) },
    async (error) => {
      try {
        await bot.errorHandler(error);
      } catch (e) {
        logger.error({ err: e }, "the error handler failed");
      }
    },
  );
  const handle: RunnerHandle = createRunner(source, sink);
  handle.start();
  logger.info({ bot: bot.botInfo.username }, "long polling started");
  return {
    stop: async (graceMs = 30_000) => {
      if (handle.isRunning()) await handle.stop();
      // The runner's stop() settles once fetching has ended, not when the updates in hand are done (they run
      // concurrently in its sink): wait for those too, or the database would close under them.
      const deadline = Date.now() + graceMs;
      while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (handle.size() > 0) logger.warn({ updates: handle.size() }, "stopped with updates still in hand");
    },
    task: () => handle.task(),
  };
}
