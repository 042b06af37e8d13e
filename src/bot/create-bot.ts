import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { Bot, type BotConfig, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotDeps, ConversationContext } from "./context.js";
import { attach } from "./middleware/attach.js";

/** Options that tests and alternative transports set. */
export interface CreateBotOptions {
  /** Skips `getMe` at start (tests, console mode). */
  botInfo?: UserFromGetMe;
  /** Bot API server root, e.g. a local server in tests. */
  apiRoot?: string;
}

/** Builds the bot with every feature installed, without starting it. */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const config: BotConfig<BotContext> = { botInfo: options.botInfo };
  if (options.apiRoot) config.client = { apiRoot: options.apiRoot };
  const bot = new Bot<BotContext>(token, config);
  // Telegram asks us to wait on 429 and has passing 5xx; retry those, but never for longer than a minute.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  bot.use(attach(deps, { touch: true }));
  bot.use(
    conversations<BotContext, ConversationContext>({
      plugins: [attach<ConversationContext>(deps, { touch: false })],
    }),
  );

  // Features are installed here, one Composer each, in the order they should see updates.

  bot.catch((err) => {
    const e = err.error;
    const what =
      e instanceof GrammyError ? `Bot API: ${e.description}` : e instanceof HttpError ? `network: ${e.message}` : e;
    deps.logger.error({ update_id: err.ctx.update.update_id, err: what }, "update failed");
  });
  return bot;
}
