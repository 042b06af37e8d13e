/**
 * Telegram's flood limits as the dispatcher keeps them: a global token bucket of `rate` messages per second
 * (capacity `burst`, 1 by default, so sends are evenly spaced and no one-second window holds more than
 * `rate` + 1), at most one message per `perChatMs` to any one chat and none while one is in flight to it,
 * and after a 429 a global pause plus a slower pace that creeps back to `rate` as sends succeed (so a rate
 * set above Telegram's limit settles just under it instead of pausing again and again). Time comes in as
 * arguments, so the limiter is a pure state machine.
 */
export class RateLimiter {
  private tokens: number;
  private refilledAt: number;
  private readonly lastByChat = new Map<number, number>();
  private readonly busyChats = new Set<number>();
  /** No send starts before this instant (set by a 429's retry_after). */
  pausedUntil = 0;
  /** The pace now, messages per second: `rate`, or less for a while after a 429. */
  current: number;

  /** `rate`: messages per second overall; `perChatMs`: minimum spacing of messages to one chat. */
  constructor(
    readonly rate: number,
    now: number,
    readonly perChatMs = 1000,
    readonly burst = 1,
  ) {
    if (!(rate > 0)) throw new Error("rate must be positive");
    this.current = rate;
    this.tokens = burst;
    this.refilledAt = now;
  }

  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.current) / 1000);
    this.refilledAt = now;
  }

  /** Milliseconds until a message may go out under the global rate and pause (0: now). */
  globalWait(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) * 1000) / this.current);
  }

  /** Milliseconds until a message may go to `chatId` (0: now; Infinity while one is in flight to it). */
  chatWait(chatId: number, now: number): number {
    if (this.busyChats.has(chatId)) return Number.POSITIVE_INFINITY;
    const last = this.lastByChat.get(chatId);
    return last === undefined ? 0 : Math.max(0, last + this.perChatMs - now);
  }

  /** Takes a token and marks the chat busy; call only when both waits are 0. */
  acquire(chatId: number, now: number): void {
    this.refill(now);
    this.tokens -= 1;
    this.busyChats.add(chatId);
    this.lastByChat.set(chatId, now);
    this.forgetOld(now);
  }

  /** The send to `chatId` finished (whatever its outcome). */
  release(chatId: number): void {
    this.busyChats.delete(chatId);
  }

  /** Stops every send until `until` (a 429 asks us to wait `retry_after`). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** A 429: pauses until `until` and slows the pace by a fifth (never below 1 message a second). */
  flood(until: number): void {
    this.pause(until);
    this.current = Math.max(1, this.current * 0.8);
  }

  /** A send went through: the pace creeps back towards `rate` (a thousandth of it per success). */
  succeeded(): void {
    this.current = Math.min(this.rate, this.current + this.rate / 1000);
  }

  private forgetOld(now: number): void {
    if (this.lastByChat.size < 10_000) return;
    for (const [chat, at] of this.lastByChat) if (at + this.perChatMs <= now) this.lastByChat.delete(chat);
  }
}
