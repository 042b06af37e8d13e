/** Which budget a message is sent on: Telegram's free ~30/s, or paid broadcasts (`allow_paid_broadcast`). */
export type Lane = "free" | "paid";

/** Options of {@link RateLimiter} beyond the free rate. */
export interface RateLimiterOptions {
  /** Minimum spacing of messages to one chat (Telegram: about one per second). */
  perChatMs?: number;
  /** Bucket capacity: 1 spaces sends evenly, so no one-second window holds more than `rate` + 1. */
  burst?: number;
  /** Messages per second of the paid lane (PAID_BROADCAST=1; Telegram allows up to 1,000). */
  paidRate?: number;
  /**
   * The share of the free rate the bot's replies may take ahead of the outbox (the rest of the time they
   * queue with it), so attendees get answers at once during a broadcast and replies never starve reminders.
   */
  replyShare?: number;
  /** How many replies in a row may go ahead of the outbox before `replyShare` holds them back. */
  replyBurst?: number;
}

/** A token bucket whose pace drops after a 429 and creeps back to `rate` as sends succeed. */
class Bucket {
  tokens: number;
  current: number;
  private refilledAt: number;

  constructor(
    readonly rate: number,
    readonly capacity: number,
    now: number,
  ) {
    this.current = rate;
    this.tokens = capacity;
    this.refilledAt = now;
  }

  refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) * this.current) / 1000);
    this.refilledAt = now;
  }

  /** Milliseconds until a token is there (0: now). */
  wait(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.current);
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }
}

/**
 * Telegram's flood limits, shared by the outbox dispatcher and the bot's own replies (one budget, so a
 * broadcast never makes replies hit 429s): a global token bucket of `rate` messages per second (capacity
 * `burst`, 1 by default, so sends are evenly spaced), an optional paid lane for `allow_paid_broadcast`, at
 * most one message per `perChatMs` to any one chat and none while one is in flight to it, and after a 429 a
 * global pause plus a slower pace that creeps back to `rate` as sends succeed (so a rate set above
 * Telegram's limit settles just under it instead of pausing again and again). Replies go ahead of the
 * outbox within `replyShare` of the rate. Time comes in as arguments, so the limiter is a pure state machine.
 */
export class RateLimiter {
  private readonly free: Bucket;
  private readonly paid: Bucket | undefined;
  /** Replies' right of way: `replyShare` of the rate, up to `replyBurst` in a row. */
  private readonly replyAllowance: Bucket;
  private readonly lastByChat = new Map<number, number>();
  private readonly busyChats = new Set<number>();
  /** When a reply last asked for a free-lane token and only the token was missing: the outbox lets it go first. */
  private replyAskedAt = Number.NEGATIVE_INFINITY;
  /** When the outbox last asked for a free-lane token: replies past their allowance yield to it. */
  private outboxAskedAt = Number.NEGATIVE_INFINITY;
  readonly perChatMs: number;
  /** No send starts before this instant (set by a 429's retry_after). */
  pausedUntil = 0;

  /** `rate`: messages per second on the free lane. */
  constructor(
    readonly rate: number,
    now: number,
    options: RateLimiterOptions = {},
  ) {
    if (!(rate > 0)) throw new Error("rate must be positive");
    this.perChatMs = options.perChatMs ?? 1000;
    this.free = new Bucket(rate, options.burst ?? 1, now);
    this.paid = options.paidRate ? new Bucket(options.paidRate, options.burst ?? 1, now) : undefined;
    const share = options.replyShare ?? 0.2;
    this.replyAllowance = new Bucket(Math.max(0.01, rate * share), options.replyBurst ?? 5, now);
  }

  /** The pace of the free lane now, messages per second: `rate`, or less for a while after a 429. */
  get current(): number {
    return this.free.current;
  }

  /** The rate of the fastest lane, messages per second: the paid lane's when there is one. */
  get fastestRate(): number {
    return Math.max(this.rate, this.paid?.rate ?? 0);
  }

  /** Whether a paid lane is configured. */
  get hasPaidLane(): boolean {
    return this.paid !== undefined;
  }

  private bucket(lane: Lane): Bucket {
    return lane === "paid" && this.paid ? this.paid : this.free;
  }

  /**
   * Milliseconds until an outbox message may go out on `lane` under the rate and pause (0: now). On the free
   * lane a reply within its allowance goes first.
   */
  globalWait(now: number, lane: Lane = "free"): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (lane === "free") this.outboxAskedAt = now;
    const wait = this.bucket(lane).wait(now);
    if (wait > 0 || lane === "paid" || !this.recent(this.replyAskedAt, now)) return wait;
    // A reply is waiting for this very token and may go ahead: the outbox asks again after it.
    return this.replyAllowance.wait(now) === 0 ? Math.max(1, Math.ceil(1000 / this.free.current)) : 0;
  }

  /** Milliseconds until a message may go to `chatId` (0: now; Infinity while one is in flight to it). */
  chatWait(chatId: number, now: number): number {
    if (this.busyChats.has(chatId)) return Number.POSITIVE_INFINITY;
    const last = this.lastByChat.get(chatId);
    return last === undefined ? 0 : Math.max(0, last + this.perChatMs - now);
  }

  /** Takes a token on `lane` and marks the chat busy; call only when both waits are 0. */
  acquire(chatId: number, now: number, lane: Lane = "free"): void {
    this.bucket(lane).take(now);
    this.busyChats.add(chatId);
    this.lastByChat.set(chatId, now);
    this.forgetOld(now);
  }

  /**
   * A reply to `chatId` asks to go out: takes a free-lane token and marks the chat busy when it may (returns
   * 0), else returns how long to wait before asking again. Within `replyShare` a reply goes ahead of the
   * outbox; past it, it takes turns with it. The outbox then keeps the chat's spacing after a
   * reply, as after its own sends.
   */
  tryReply(chatId: number, now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    // One message at a time per chat, but no spacing: Telegram lets an answer follow at once, and an
    // attendee waiting a second for the second half of an answer would notice.
    if (this.busyChats.has(chatId)) return 20;
    const wait = this.free.wait(now);
    if (wait > 0) {
      this.replyAskedAt = now;
      return wait;
    }
    // Past its allowance a reply yields to an outbox that is waiting too, so replies never starve it.
    const allowance = this.replyAllowance.wait(now);
    if (allowance > 0 && this.recent(this.outboxAskedAt, now)) return allowance;
    this.free.take(now);
    this.replyAskedAt = Number.NEGATIVE_INFINITY;
    if (allowance === 0) this.replyAllowance.take(now);
    this.busyChats.add(chatId);
    this.lastByChat.set(chatId, now);
    return 0;
  }

  /** Whether `at` is within two sends' spacing of `now`: the asker is still waiting. */
  private recent(at: number, now: number): boolean {
    return now - at <= 2 * Math.ceil(1000 / this.free.current);
  }

  /** The send to `chatId` finished (whatever its outcome). */
  release(chatId: number): void {
    this.busyChats.delete(chatId);
  }

  /** Stops every send until `until` (a 429 asks us to wait `retry_after`). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** A 429: pauses until `until` and slows the pace of `lane` by a fifth (never below 1 message a second). */
  flood(until: number, lane: Lane = "free"): void {
    this.pause(until);
    const b = this.bucket(lane);
    b.current = Math.max(1, b.current * 0.8);
  }

  /** A send went through: the pace of `lane` creeps back towards its rate (a thousandth of it per success). */
  succeeded(lane: Lane = "free"): void {
    const b = this.bucket(lane);
    b.current = Math.min(b.rate, b.current + b.rate / 1000);
  }

  private forgetOld(now: number): void {
    if (this.lastByChat.size < 10_000) return;
    for (const [chat, at] of this.lastByChat) if (at + this.perChatMs <= now) this.lastByChat.delete(chat);
  }
}
