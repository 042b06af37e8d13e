import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Db } from "../store/db.js";
import {
  dueRows,
  getOutboxRow,
  hasPendingBefore,
  nextDueAt,
  type OutboxKind,
  type OutboxRow,
  retryFirstWaiting,
  retryWaitingNow,
} from "../store/outbox.js";
import type { OutgoingMessage } from "./messages.js";
import { type Lane, RateLimiter } from "./rate-limiter.js";

/** What became of one send, as the transport reports it. */
export type SendResult =
  | { ok: true }
  /**
   * Try again later: after `afterMs` when Telegram said how long (429 retry_after), else with backoff.
   * `flood` marks a 429: every send pauses, not just this row.
   */
  | { ok: false; kind: "retry"; afterMs?: number; flood?: boolean; error?: string }
  /** The user blocked the bot (403): final for this user. */
  | { ok: false; kind: "blocked"; error?: string }
  /** Telegram refused this message for good (e.g. 400). */
  | { ok: false; kind: "failed"; error: string };

/** Delivers one message; implemented with bot.api in src/bot/transport.ts. Must not throw. */
export interface Transport {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** Turns an outbox row into a message in the user's language at send time; undefined drops the row. */
export type Renderer = (row: OutboxRow, now: number) => OutgoingMessage | undefined;

/** What the dispatcher decided about a row, for the recorder to write down. */
export type Outcome =
  | { type: "sent" }
  /** Try again at `at`; `countAttempt` is false for flood waits, which say nothing about the message. */
  | { type: "retry"; at: number; error: string; countAttempt: boolean }
  | { type: "failed"; error: string }
  /** The user blocked the bot: this row failed, and nothing more is to be sent to them. */
  | { type: "blocked"; error: string }
  | { type: "dropped"; reason: string };

/** Writes an outcome down (see outboxRecorder); returns whether the row changed. Throws when it cannot (disk full). */
export type RecordOutcome = (row: OutboxRow, outcome: Outcome, now: number) => boolean;

/** The last look before a send: a reason to drop the row instead (e.g. the session moved), or undefined. */
export type PreSendCheck = (row: OutboxRow, now: number) => string | undefined;

/** The dispatcher's logger (pino's). */
export type DispatchLogger = Pick<Logger, "info" | "warn" | "error" | "debug">;

/** How the dispatcher is put together. */
export interface DispatcherOptions {
  db: Db;
  transport: Transport;
  render: Renderer;
  clock: Clock;
  logger: DispatchLogger;
  /** The pre-send check (reminders: see outboxCheck in outcomes.ts). */
  check: PreSendCheck;
  /** Records what became of a row (see outboxRecorder in outcomes.ts). */
  record: RecordOutcome;
  /**
   * The send budget, shared with the bot's replies (one RateLimiter for the process); or `rate`, messages
   * per second, for a dispatcher of its own.
   */
  limiter?: RateLimiter;
  rate?: number;
  /** Minimum spacing of messages to one chat when the dispatcher builds its own limiter. */
  perChatMs?: number;
  /** Kinds sent with allow_paid_broadcast on the limiter's paid lane (PAID_BROADCAST=1), when it has one. */
  paidKinds?: readonly OutboxKind[];
  /**
   * Sends awaited at once. This is also the bound on duplicates after a crash: only rows in flight when the
   * process died can have been accepted by Telegram without being marked sent. By default 10, or what the
   * fastest lane needs at a 100 ms round trip (100 for paid broadcasts at 1,000/s): 10 would hold them at
   * 100/s, and reminders planned at the paid rate would arrive late.
   */
  maxInFlight?: number;
  /**
   * How long a notice or broadcast is retried after 5xx or network errors, from the time it was due (default
   * 12 h, OUTBOX_RETRY_FOR). A reminder is retried until its session starts, a notice at most until its session
   * ends: retries go by time, not by count, so an outage of any length loses only what lost its point.
   */
  retryForMs?: number;
  /**
   * While sends fail with network errors or 5xx, one waiting row is tried at least this often (default 5 s):
   * the first to get through ends the outage, and every row waiting out its backoff is tried at once.
   */
  probeMs?: number;
  /** Longest wait when idle before looking at the outbox again (new rows also wake it through nudge()). */
  pollMs?: number;
  /** Waits `ms`; tests with a fake clock pass one that advances it. Defaults to a timer that nudge() cuts short. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Whether this process may send now: it holds the dispatch lease (src/delivery/lease.ts). Checked before
   * every send, so a process that lost the lease stops at once. Always true when absent.
   */
  mayDispatch?: () => boolean;
  /**
   * Sending stopped because an outcome could not be recorded (SQLITE_FULL, a read-only file…): called once
   * per stop, with the error. Tell the organizers; nothing is sent until the outcomes are recorded again.
   */
  onHalt?: (err: unknown, unrecorded: number) => void;
  /** The outcomes held in memory were recorded after all, and sending resumed. */
  onResume?: () => void;
  /** How often a halted dispatcher tries to record what it holds (default 5 s). */
  storageRetryMs?: number;
}

/** A send whose outcome could not be written yet: kept in memory and written as soon as the database lets us. */
interface Unrecorded {
  row: OutboxRow;
  result: SendResult;
  at: number;
}

/** Running totals, for logs, tests and the benchmark. */
export interface DispatchStats {
  sent: number;
  flood: number;
  retried: number;
  failed: number;
  blocked: number;
  dropped: number;
}

/** The last try of a row goes this long before it loses its point. */
const LAST_TRY_MARGIN_MS = 1000;

/** The longest wait between two tries of a row (the README's "backoff up to 5 min"). */
const MAX_BACKOFF_MS = 300_000;

/** Kinds sent only with a token to spare: rating prompts go after every reminder, notice and broadcast. */
const LOW_PRIORITY: ReadonlySet<OutboxKind> = new Set(["prompt"]);

/**
 * A prompt goes only after this long without any other row falling due: a burst of reminders, planned at
 * nearly the whole send rate, keeps every token, so that a prompt never takes the slack it catches up with.
 */
export const LOW_PRIORITY_QUIET_MS = 2000;

/** Backoff before retry number `attempt` (1-based) after a 5xx or network error: 1 s, 2 s, 4 s … at most 5 min. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Drains the outbox within Telegram's limits: a global rate and one message per second per chat (see
 * RateLimiter, shared with the bot's replies). Each send is awaited and its outcome handed to the injected
 * recorder only after Telegram answered: 429 is retried after retry_after (pausing all sends), 5xx and
 * network errors with backoff (1 s doubling up to 5 min) for as long as the message has a point (see
 * giveUpAt), with one row probing every `probeMs` during an outage and every row retried the moment one gets
 * through; 403 blocks the user. Rows past `expires_at` (reminders whose session started)
 * and rows the injected pre-send check refuses are dropped and logged instead of sent.
 *
 * When an outcome cannot be recorded (a full disk) sending stops at once: the outcomes of the sends in flight
 * are kept in memory and written as soon as the database takes writes again, and only then does sending go
 * on. So a full disk re-sends nothing; only a crash while halted can, and then at most the sends held.
 */
export class Dispatcher {
  readonly stats: DispatchStats = { sent: 0, flood: 0, retried: 0, failed: 0, blocked: 0, dropped: 0 };
  private readonly limiter: RateLimiter;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly wakers = new Set<() => void>();
  /** A nudge that came while nobody was waiting: the next wait returns at once. */
  private woken = false;
  private readonly paidKinds: ReadonlySet<OutboxKind>;
  private readonly maxInFlight: number;
  private readonly retryForMs: number;
  private readonly probeMs: number;
  /** Since when sends fail with network errors or 5xx (undefined: the API answers). */
  private outageSince: number | undefined;
  private nextProbeAt = 0;
  private readonly pollMs: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  /** Outcomes of sends that could not be written (see onHalt); while any is held, nothing new is sent. */
  private readonly unrecorded = new Map<number, Unrecorded>();
  private readonly storageRetryMs: number;
  /** When a row other than a prompt was last due (see LOW_PRIORITY_QUIET_MS). */
  private lastUrgentAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly o: DispatcherOptions) {
    this.retryForMs = o.retryForMs ?? 12 * 3_600_000;
    this.probeMs = o.probeMs ?? 5000;
    this.pollMs = o.pollMs ?? 1000;
    this.storageRetryMs = o.storageRetryMs ?? 5000;
    if (!o.limiter && !o.rate) throw new Error("the dispatcher needs a limiter or a rate");
    this.limiter = o.limiter ?? new RateLimiter(o.rate ?? 1, o.clock(), { perChatMs: o.perChatMs ?? 1000 });
    this.paidKinds = new Set(this.limiter.hasPaidLane ? (o.paidKinds ?? []) : []);
    const fastest = this.paidKinds.size ? this.limiter.fastestRate : this.limiter.rate;
    this.maxInFlight = o.maxInFlight ?? Math.max(10, Math.ceil(fastest / 10));
  }

  /** Starts draining in the background until stop(). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop().catch((err: unknown) => {
      this.o.logger.error({ err }, "outbox dispatcher stopped on an error");
    });
  }

  /** Stops taking rows and waits for the sends in flight to finish (and be recorded). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    await Promise.allSettled(this.inFlight.values());
    this.running = undefined;
    this.flushUnrecorded();
    if (this.unrecorded.size)
      this.o.logger.error(
        { outbox: [...this.unrecorded.keys()] },
        "stopped with sends whose outcome could not be recorded: these may be sent again after a restart",
      );
  }

  /** Whether sending is stopped because outcomes could not be recorded. */
  get halted(): boolean {
    return this.unrecorded.size > 0;
  }

  /**
   * Resolves once nothing that may already go out is waiting or in flight, or after `timeoutMs`: lets a
   * one-shot run (the console fed from a pipe) deliver what it has just queued before it stops.
   */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    this.wake();
    while (Date.now() < deadline && (this.inFlight.size || hasPendingBefore(this.o.db, this.o.clock())))
      await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Looks at the outbox now instead of at the next poll (call after enqueueing). */
  nudge(): void {
    this.wake();
  }

  /**
   * Sends until nothing that may already go out is left (retries waiting for their time included), then
   * returns. For tests, the benchmark and one-shot runs; do not mix with start().
   */
  async drain(): Promise<DispatchStats> {
    this.stopping = false;
    for (;;) {
      const wait = await this.pump();
      if (wait === 0) continue;
      if (this.halted && !this.inFlight.size) break;
      if (!this.inFlight.size && !hasPendingBefore(this.o.db, this.o.clock())) break;
      await this.waitFor(wait);
    }
    await Promise.allSettled(this.inFlight.values());
    return { ...this.stats };
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let wait: number;
      try {
        wait = await this.pump();
      } catch (err) {
        // E.g. the database is busy for longer than its timeout: keep the dispatcher alive and try again.
        this.o.logger.error({ err }, "outbox dispatch failed; trying again");
        wait = this.pollMs;
      }
      if (wait > 0 && !this.stopping) await this.waitFor(wait);
    }
  }

  /** Waits `ms`, or less when an in-flight send finishes or someone nudges. */
  private waitFor(ms: number): Promise<void> {
    const bounded = Math.min(ms, this.pollMs);
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    if (this.o.sleep) {
      const completions = [...this.inFlight.values()];
      return completions.length ? Promise.race(completions) : this.o.sleep(bounded);
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, bounded);
      this.wakers.add(done);
    });
  }

  private wake(): void {
    if (!this.wakers.size) this.woken = true;
    for (const w of [...this.wakers]) w();
  }

  /**
   * Starts as many sends as the limits allow from the rows due now. Returns 0 when it should be called again
   * at once, else how long to wait before there may be something to do.
   */
  private async pump(): Promise<number> {
    const { db, clock } = this.o;
    if (this.unrecorded.size && !this.flushUnrecorded()) return this.storageRetryMs;
    if (!this.mayDispatch()) return this.pollMs;
    let now = clock();
    if (now < this.limiter.pausedUntil) return this.limiter.pausedUntil - now;
    if (this.outageSince !== undefined && !this.inFlight.size && now >= this.nextProbeAt) {
      // Is the API back? Try the row that would be retried first now rather than after its backoff.
      this.nextProbeAt = now + this.probeMs;
      retryFirstWaiting(db, now);
    }
    const due = dueRows(db, now, 200 + this.inFlight.size);
    const rows = due.filter((r) => !this.inFlight.has(r.id));
    if (due.some((r) => !LOW_PRIORITY.has(r.kind))) this.lastUrgentAt = now;
    if (!rows.length) {
      // Everything due is in flight: a finishing send wakes us, or the next row falling due (in a planned
      // burst one every 40 ms, sooner than most sends finish), whichever comes first.
      const next = nextDueAt(db, due.length ? now : undefined);
      const wait = next === undefined ? this.pollMs : Math.max(1, next - now);
      return this.outageSince === undefined ? wait : Math.min(wait, Math.max(1, this.nextProbeAt - now));
    }
    let started = 0;
    const droppedBefore = this.stats.dropped;
    let wait = this.pollMs;
    for (const row of rows) {
      if (this.stopping) return 0;
      while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight.values());
      // An outcome that could not be written, or the lease lost while we waited: not one send more.
      if (this.halted) return this.storageRetryMs;
      if (!this.mayDispatch()) return this.pollMs;
      now = clock();
      if (now < this.limiter.pausedUntil) return this.limiter.pausedUntil - now;
      const chatWait = this.limiter.chatWait(row.chatId, now);
      if (chatWait > 0) {
        wait = Math.min(wait, Number.isFinite(chatWait) ? chatWait : 20);
        continue;
      }
      const message = this.prepare(row, now);
      if (!message) continue;
      const lane = this.laneOf(row);
      if (lane === "paid") message.paid = true;
      // A prompt never waits for a token in here, and goes only after LOW_PRIORITY_QUIET_MS without another row
      // due: a reminder falling due meanwhile would wait behind it. The next pass looks at the outbox again, most
      // urgent first.
      if (LOW_PRIORITY.has(row.kind)) {
        const quiet = this.lastUrgentAt + LOW_PRIORITY_QUIET_MS - now;
        const w = Math.max(quiet, this.limiter.globalWait(now, lane));
        if (w > 0) {
          if (started || this.stats.dropped > droppedBefore) return 0;
          // Back as soon as the next row falls due: it may be a reminder.
          const next = nextDueAt(db, now);
          return Math.min(wait, w, next === undefined ? wait : Math.max(1, next - now));
        }
      }
      for (let w = this.limiter.globalWait(now, lane); w > 0; w = this.limiter.globalWait(now, lane)) {
        // A 429 that arrives meanwhile pauses everything: leave the row pending and wait out the pause.
        if (now < this.limiter.pausedUntil) return this.limiter.pausedUntil - now;
        await (this.o.sleep ?? sleepMs)(w);
        if (this.stopping) return 0;
        if (this.halted) return this.storageRetryMs;
        if (!this.mayDispatch()) return this.pollMs;
        now = clock();
      }
      // The wait for a token may have taken it past its expiry (a reminder at its session's start).
      if (row.expiresAt !== null && now >= row.expiresAt) {
        this.prepare(row, now);
        continue;
      }
      this.limiter.acquire(row.chatId, now, lane);
      const sending = this.deliver(row, message)
        .catch((err: unknown) => {
          this.o.logger.error({ err, outbox: row.id }, "outbox send failed unexpectedly");
        })
        .finally(() => {
          this.inFlight.delete(row.id);
          this.limiter.release(row.chatId);
          this.wake();
        });
      this.inFlight.set(row.id, sending);
      started++;
    }
    // Rows dropped count as progress too: more may be due behind them.
    return started || this.stats.dropped > droppedBefore ? 0 : wait;
  }

  /** Re-reads the row and renders it, or drops it (and returns undefined) when it must not be sent. */
  private prepare(candidate: OutboxRow, now: number): OutgoingMessage | undefined {
    const { db, logger } = this.o;
    const row = getOutboxRow(db, candidate.id);
    if (row?.status !== "pending" || row.nextAttemptAt > now) return undefined;
    let reason: string | undefined;
    if (row.expiresAt !== null && now >= row.expiresAt)
      reason = row.kind === "reminder" ? "session-started" : "expired";
    else reason = this.o.check(row, now);
    let message: OutgoingMessage | undefined;
    if (!reason) {
      try {
        message = this.o.render(row, now);
      } catch (err) {
        logger.error({ err, outbox: row.id }, "could not render an outbox row");
      }
      if (!message) reason = "unrenderable";
    }
    if (reason || !message) {
      if (this.o.record(row, { type: "dropped", reason: reason ?? "unrenderable" }, now))
        this.stats.dropped++;
      const log = reason === "session-started" || reason === "expired" ? logger.warn : logger.info;
      log.call(
        logger,
        { outbox: row.id, kind: row.kind, user: row.userId, session: row.sessionId, reason },
        "outbox row dropped",
      );
      return undefined;
    }
    return message;
  }

  /** The lane a row goes on: the paid one for the paid kinds when PAID_BROADCAST is on. */
  private laneOf(row: OutboxRow): Lane {
    return this.paidKinds.has(row.kind) ? "paid" : "free";
  }

  private mayDispatch(): boolean {
    return this.o.mayDispatch?.() ?? true;
  }

  private async deliver(row: OutboxRow, message: OutgoingMessage): Promise<void> {
    let result: SendResult;
    try {
      result = await this.o.transport.send(message);
    } catch (err) {
      result = { ok: false, kind: "retry", error: err instanceof Error ? err.message : String(err) };
    }
    const at = this.o.clock();
    try {
      this.recordResult(row, result, at);
    } catch (err) {
      // Telegram may have taken the message, and we cannot write that down: stop sending before anything else
      // goes out, and keep the outcome to write later (a pending row would be sent again).
      const first = !this.halted;
      this.unrecorded.set(row.id, { row, result, at });
      this.o.logger.error(
        { err, outbox: row.id, unrecorded: this.unrecorded.size },
        "SENDING STOPPED: the outcome of a send cannot be recorded in the database (disk full? read-only?)",
      );
      if (first) this.o.onHalt?.(err, this.unrecorded.size);
    }
  }

  /**
   * When retrying a row has no point any more, and why: a reminder at its session's start, a notice at its
   * session's end, a notice or broadcast `retryForMs` after it was due.
   */
  private giveUpAt(row: OutboxRow): { at: number; why: string } {
    if (row.kind === "reminder" && row.expiresAt !== null)
      return { at: row.expiresAt, why: "the session started before the Bot API could be reached" };
    const span = row.notBefore + this.retryForMs;
    if (row.expiresAt !== null && row.expiresAt < span)
      return { at: row.expiresAt, why: "the session ended before the Bot API could be reached" };
    return {
      at: span,
      why: `the Bot API could not be reached for ${Math.round(this.retryForMs / 60_000)} min`,
    };
  }

  /** A send went through after network errors or 5xx: every row waiting out a backoff is tried now. */
  private outageEnded(now: number): void {
    const since = this.outageSince ?? now;
    this.outageSince = undefined;
    // A blip shorter than a probe (one chat's 500) leaves the backoffs alone: only an outage moves them all.
    if (now - since < this.probeMs) return;
    const moved = retryWaitingNow(this.o.db, now);
    this.o.logger.warn(
      { outageMs: now - since, retriedNow: moved },
      "the Bot API answers again: retrying every waiting message now",
    );
    this.wake();
  }

  /** Writes the outcomes held in memory; true when none is left (sending may go on). */
  private flushUnrecorded(): boolean {
    if (!this.unrecorded.size) return true;
    for (const [id, u] of this.unrecorded) {
      try {
        this.recordResult(u.row, u.result, u.at);
      } catch {
        return false;
      }
      this.unrecorded.delete(id);
    }
    this.o.logger.warn("the database takes writes again: outcomes recorded, sending resumes");
    this.o.onResume?.();
    return true;
  }

  /** Writes what became of one send (and counts it); throws when the database cannot be written. */
  private recordResult(row: OutboxRow, result: SendResult, now: number): void {
    const { logger, record } = this.o;
    const lane = this.laneOf(row);
    if (result.ok) {
      record(row, { type: "sent" }, now);
      this.limiter.succeeded(lane);
      this.stats.sent++;
      if (this.outageSince !== undefined) this.outageEnded(now);
      return;
    }
    switch (result.kind) {
      case "retry": {
        if (result.flood) {
          const after = result.afterMs ?? 1000;
          record(
            row,
            { type: "retry", at: now + after, error: result.error ?? "429", countAttempt: false },
            now,
          );
          this.stats.flood++;
          this.limiter.flood(now + after, lane);
          logger.warn(
            { outbox: row.id, chat: row.chatId, retryAfterMs: after },
            "flood limit: pausing sends",
          );
          return;
        }
        const attempt = row.attempts + 1;
        const error = result.error ?? "retry";
        if (this.outageSince === undefined) {
          this.outageSince = now;
          this.nextProbeAt = now + this.probeMs;
        }
        const giveUp = this.giveUpAt(row);
        // Deep in an outage the probe finds the way back (and then retries every row at once): a row failing
        // now waits the longest backoff instead of adding to the calls that cannot get through.
        const backoff = now - this.outageSince >= this.probeMs ? MAX_BACKOFF_MS : backoffMs(attempt);
        let at = now + (result.afterMs ?? backoff);
        // The last try goes just before the message loses its point, however long the backoff has grown.
        if (at >= giveUp.at) at = giveUp.at - LAST_TRY_MARGIN_MS;
        if (at <= now) {
          const minutes = Math.round((now - row.notBefore) / 60_000);
          const reason = `gave up: ${giveUp.why} (${attempt} tries in ${minutes} min; last error: ${error})`;
          record(row, { type: "failed", error: reason }, now);
          this.stats.failed++;
          logger.error(
            { outbox: row.id, kind: row.kind, chat: row.chatId, attempts: attempt, error },
            reason,
          );
          return;
        }
        record(row, { type: "retry", at, error, countAttempt: true }, now);
        this.stats.retried++;
        logger.warn({ outbox: row.id, chat: row.chatId, attempt, retryInMs: at - now, error }, "send retry");
        return;
      }
      case "blocked": {
        record(row, { type: "blocked", error: result.error ?? "blocked" }, now);
        this.stats.blocked++;
        logger.info({ user: row.userId }, "user blocked the bot; nothing more is sent to them");
        return;
      }
      case "failed": {
        record(row, { type: "failed", error: result.error }, now);
        this.stats.failed++;
        logger.error({ outbox: row.id, chat: row.chatId, error: result.error }, "send refused");
        return;
      }
    }
  }
}

function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
