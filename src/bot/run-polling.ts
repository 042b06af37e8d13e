import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "my_chat_member"] as const;

/** A running long-polling loop. */
export interface Polling {
  /** Stops fetching, waits for the updates in hand to be handled (at most `graceMs`, 30 s by default). */
  stop(graceMs?: number): Promise<void>;
  /** Settles when polling ends (after `stop`, or when it fails for good). */
  task(): Promise<void> | undefined;
}

/**
 * Starts long polling with @grammyjs/runner (updates handled concurrently, one chat at a time by the bot's
 * sequentialize). Any webhook is removed first: Telegram refuses getUpdates while one is set.
 */
export async function startPolling(bot: Bot<BotContext>, logger: Logger): Promise<Polling> {
  await bot.init();
  await bot.api.deleteWebhook();
  const handle: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
  });
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
