import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { RateLimiter } from "../delivery/rate-limiter.js";
import { boundedCalls } from "./bounded-calls.js";
import { Composer } from "./composer.js";
import type { BotContext, BotDeps, ConversationContext } from "./context.js";
import { sqliteConversationStorage } from "./conversation-storage.js";
import { CONVERSATIONS_VERSION } from "./features/admin/broadcast.js";
import { adminFeature } from "./features/admin/index.js";
import { chatMemberFeature } from "./features/chat-member.js";
import { conferenceFeature } from "./features/conference.js";
import { fallbackFeature } from "./features/fallback.js";
import { helpFeature } from "./features/help.js";
import { inlineFeature } from "./features/inline.js";
import { languageFeature } from "./features/language.js";
import { menuFeature } from "./features/menu.js";
import { myFeature } from "./features/my.js";
import { nowNextFeature } from "./features/now-next.js";
import { questionsFeature } from "./features/questions.js";
import { ratingsFeature } from "./features/ratings.js";
import { reminderButtonsFeature } from "./features/reminders.js";
import { scheduleFeature } from "./features/schedule.js";
import { searchFeature } from "./features/search.js";
import { sessionCardFeature } from "./features/session-card.js";
import { settingsFeature } from "./features/settings.js";
import { speakerCardFeature } from "./features/speaker-card.js";
import { startFeature } from "./features/start.js";
import { subscribeFeature } from "./features/subscribe.js";
import { venueFeature } from "./features/venue.js";
import { attach } from "./middleware/attach.js";
import { inheritApiTransformers } from "./middleware/conversation-api.js";
import { oncePerUpdate } from "./middleware/once.js";
import { sendBudget } from "./send-budget.js";

/** Options that tests and alternative transports set. */
export interface CreateBotOptions {
  /** Skips `getMe` at start (tests, console mode). */
  botInfo?: UserFromGetMe;
  /** Bot API server root, e.g. a local server in tests. */
  apiRoot?: string;
  /**
   * Handle each update_id once, remembered in SQLite (webhook re-deliveries, a second process). For the
   * Telegram modes; tests and the console, which number their own updates, leave it off.
   */
  oncePerUpdate?: boolean;
  /** The send budget shared with the outbox dispatcher: replies take their turn on it (see sendBudget). */
  limiter?: RateLimiter;
}

/** Builds the bot with every feature installed, without starting it. */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  // The client's own limit covers getUpdates' 30 s long poll; every other call is bounded by boundedCalls.
  const config: BotConfig<BotContext> = {
    botInfo: options.botInfo,
    client: { timeoutSeconds: 60, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  };
  const bot = new Bot<BotContext>(token, config);
  // Installed first, so it runs inside auto-retry: each try of a reply takes its turn on the shared budget.
  if (options.limiter) bot.api.config.use(sendBudget(options.limiter, deps.clock));
  // Telegram asks us to wait on 429 and has passing 5xx: retry those a little (an attendee waits for the
  // answer); network errors are retried by boundedCalls, which also bounds the whole call in time.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true }));
  bot.api.config.use(boundedCalls());

  // Every middleware below is composed by the lean Composer (src/bot/composer.ts), installed on the bot as one.
  const app = new Composer<BotContext>();
  if (options.oncePerUpdate) app.use(oncePerUpdate(deps));
  // The runner handles updates concurrently; those of one chat (and one user) still go one at a time, in order.
  app.use(sequentialize((ctx) => [ctx.chat?.id, ctx.from?.id].filter((id) => id !== undefined).map(String)));
  app.use(attach(deps, { touch: true }));
  // Only organizers hold dialogues (the /broadcast one, behind the admin guard): everyone else's updates skip
  // the plugin, its read of the chat's stored state and its set-up (a tenth of a plain update's cost).
  app.filter(
    (ctx) => ctx.from !== undefined && ctx.deps.conferences.organizesAny(ctx.from.id),
    conversations<BotContext, ConversationContext>({
      // Dialogue state lives in SQLite, so a dialogue carries on after a restart.
      storage: sqliteConversationStorage(deps, CONVERSATIONS_VERSION),
      // Conversation contexts get bot.api's transformers (auto-retry, the local Telegram) under their own.
      plugins: [
        inheritApiTransformers<ConversationContext>(bot.api),
        attach<ConversationContext>(deps, { touch: false }),
      ],
    }),
  );

  // Features are installed here, one Composer each, in the order they should see updates.
  // Attendee features. The menu turns its button labels into commands, so it goes first.
  // Ratings come next: after a rating the next message is its comment (a command, menu buttons included, ends
  // that wait and goes on), before anything else takes the text.
  app.use(
    menuFeature(),
    ratingsFeature(),
    startFeature(),
    helpFeature(),
    languageFeature(),
    conferenceFeature(),
  );
  app.use(
    scheduleFeature(),
    nowNextFeature(),
    sessionCardFeature(),
    speakerCardFeature(),
    subscribeFeature(),
    venueFeature(),
  );
  app.use(inlineFeature());
  // Reminders: /my (with the calendar file), /settings, the reminder's buttons, blocked-bot tracking.
  app.use(myFeature(), settingsFeature(), reminderButtonsFeature(), chatMemberFeature());
  // Questions to the speaker: before search, which would take the question's text for a query.
  app.use(questionsFeature());

  // Organizers (ADMIN_IDS): the guard refuses everyone else; the /broadcast dialogue needs texts before search.
  app.use(adminFeature());

  // Last: any text is a search, and whatever nobody handled gets the fallback. Install other features above.
  app.use(searchFeature(), fallbackFeature());
  bot.use(app);

  bot.catch((err) => {
    const e = err.error;
    const what =
      e instanceof GrammyError
        ? `Bot API: ${e.description}`
        : e instanceof HttpError
          ? `network: ${e.message}`
          : e;
    deps.logger.error({ update_id: err.ctx.update.update_id, err: what }, "update failed");
  });
  return bot;
}
