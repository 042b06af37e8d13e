import type { Transformer } from "grammy";
import type { Clock } from "../clock.js";
import type { RateLimiter } from "../delivery/rate-limiter.js";

/** Bot API methods that send a message to a chat: the ones Telegram's flood limits count. */
const SENDING = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "sendMediaGroup",
  "sendSticker",
  "sendLocation",
  "sendVenue",
  "copyMessage",
  "forwardMessage",
]);

/** Waits `ms` on real timers. */
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * An API transformer that puts the bot's own replies on the send budget the outbox dispatcher uses (one
 * RateLimiter for the process): a reply takes a token first (ahead of the outbox within its share), one at a
 * time per chat, and a 429 it still meets pauses the dispatcher as well. Install it
 * before auto-retry, so every retry asks the budget again.
 */
export function sendBudget(limiter: RateLimiter, clock: Clock, sleep = pause): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown }).chat_id;
    if (!SENDING.has(method) || typeof chatId !== "number") return prev(method, payload, signal);
    for (let wait = limiter.tryReply(chatId, clock()); wait > 0; wait = limiter.tryReply(chatId, clock()))
      await sleep(Math.min(wait, 1000));
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 429)
        limiter.flood(clock() + (result.parameters?.retry_after ?? 1) * 1000);
      else if (result.ok) limiter.succeeded();
      return result;
    } finally {
      limiter.release(chatId);
    }
  };
}
