import { randomBytes } from "node:crypto";
import type { Db } from "../store/db.js";
import { acquireLease, leaseHolder, releaseLease } from "../store/leases.js";
import type { DispatchLogger } from "./dispatcher.js";

/** The lease whose holder alone sends from the outbox (and plans reminders, and edits broadcast progress). */
export const DISPATCH_LEASE = "dispatch";

/** How a {@link Lease} is kept. */
export interface LeaseOptions {
  db: Db;
  logger: DispatchLogger;
  /** How long a renewal holds (config DISPATCH_LEASE_SECONDS): a standby takes over this long after the holder died. */
  ttlMs: number;
  name?: string;
  /** Wall-clock ms. Leases are about real time between processes, never the conference's (demo) clock. */
  now?: () => number;
  /** Called when this process starts or stops holding the lease. */
  onChange?: (held: boolean) => void;
}

/**
 * A lease in SQLite that exactly one process holds at a time: the holder renews it every third of its
 * lifetime (the heartbeat); a standby looks again when it expires and takes over if nobody renewed it.
 * The holder counts itself the holder only until a third of the lifetime before the expiry it last wrote,
 * so it stops sending before anyone else may start, even when renewals fail (a full disk, a locked file).
 */
export class Lease {
  /** This process's id in the lease row. */
  readonly holder = `${process.pid}:${randomBytes(6).toString("hex")}`;
  private validUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly name: string;
  private readonly now: () => number;

  constructor(private readonly o: LeaseOptions) {
    this.name = o.name ?? DISPATCH_LEASE;
    this.now = o.now ?? Date.now;
  }

  /** Whether this process holds the lease now. */
  held(): boolean {
    return this.now() < this.validUntil;
  }

  /** Tries to take the lease now, then keeps renewing it (or waiting for it) until stop(). */
  start(): void {
    this.stopped = false;
    this.beat();
  }

  /** Stops the heartbeat and releases the lease if held, so a standby takes over at once. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    const was = this.held();
    this.validUntil = 0;
    if (!was) return;
    try {
      releaseLease(this.o.db, this.name, this.holder);
    } catch (err) {
      this.o.logger.error(
        { err },
        "could not release the dispatch lease; a standby takes over when it expires",
      );
    }
    this.o.onChange?.(false);
  }

  /** One heartbeat: take or renew the lease, then schedule the next one. */
  private beat(): void {
    if (this.stopped) return;
    const { db, ttlMs, logger } = this.o;
    const was = this.held();
    const at = this.now();
    let next = ttlMs / 3;
    try {
      if (acquireLease(db, this.name, this.holder, at, ttlMs)) {
        this.validUntil = at + ttlMs - ttlMs / 3;
      } else {
        this.validUntil = 0;
        // Look again the moment the holder's lease runs out.
        const other = leaseHolder(db, this.name);
        if (other) next = Math.min(next, Math.max(10, other.expiresAt - this.now() + 10));
      }
    } catch (err) {
      // validUntil stays as it was: the lease lapses on its own unless a later renewal succeeds.
      logger.error({ err }, "could not renew the dispatch lease");
      next = Math.min(next, 1000);
    }
    const held = this.held();
    if (held !== was) {
      logger.info(
        { holder: this.holder },
        held ? "this process now sends the outbox" : "standby: another process sends the outbox",
      );
      this.o.onChange?.(held);
    }
    this.timer = setTimeout(() => this.beat(), next);
    this.timer.unref?.();
  }
}
