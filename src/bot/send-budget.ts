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

/** A reply waiting for its token. */
interface Waiter {
  chatId: number;
  go: () => void;
}

/**
 * Hands the budget's reply tokens to waiting replies in arrival order. One pump serves the queue: each
 * token goes to the oldest waiter whose chat has nothing in flight (a reply behind another to the same chat
 * lets the rest pass), so no reply loses the race for tokens again and again, as polling waiters did.
 */
export class ReplyQueue {
  private readonly waiters: Waiter[] = [];
  private pumping = false;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly sleep: (ms: number) => Promise<void> = pause,
  ) {}

  /** How many replies are waiting. */
  get length(): number {
    return this.waiters.length;
  }

  /** Resolves once a reply to `chatId` holds a token and its chat (call `limiter.release` after the send). */
  take(chatId: number): Promise<void> {
    return new Promise<void>((go) => {
      this.waiters.push({ chatId, go });
      if (!this.pumping) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        const wait = this.grant();
        if (wait > 0) await this.sleep(Math.min(wait, 1000));
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Gives tokens to waiters in order while there are any; returns how long to wait for the next (0: none waits). */
  private grant(): number {
    let busy = false;
    for (let i = 0; i < this.waiters.length; ) {
      const waiter = this.waiters[i] as Waiter;
      const now = this.clock();
      // A chat with a reply in flight: its next reply waits for it, the others pass.
      if (this.limiter.chatWait(waiter.chatId, now) === Number.POSITIVE_INFINITY) {
        busy = true;
        i++;
        continue;
      }
      const wait = this.limiter.tryReply(waiter.chatId, now);
      if (wait > 0) return wait;
      this.waiters.splice(i, 1);
      waiter.go();
    }
    // Only replies behind one in flight to their chat: look again shortly.
    return busy ? 20 : 0;
  }
}

/**
 * An API transformer that puts the bot's own replies on the send budget the outbox dispatcher uses (one
 * RateLimiter for the process): replies take tokens first come, first served (ahead of the outbox within
 * their share), one at a time per chat, and a 429 one still meets pauses the dispatcher as well. Install it
 * before auto-retry, so every retry asks the budget again.
 */
export function sendBudget(limiter: RateLimiter, clock: Clock, sleep = pause): Transformer {
  const queue = new ReplyQueue(limiter, clock, sleep);
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown }).chat_id;
    if (!SENDING.has(method) || typeof chatId !== "number") return prev(method, payload, signal);
    await queue.take(chatId);
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
