import type { IncomingMessage } from "node:http";
import type { Clock } from "../../clock.js";

/** How fast one client may call: `perSecond` on average, `burst` at once. */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
  /** Clients remembered at most; the longest idle are forgotten first (default 10,000). */
  maxClients?: number;
}

/**
 * A token bucket per client (see clientKey): guessing calendar-feed tokens by the thousand, or a few clients
 * hammering the search, get 429 instead of the bot's CPU and memory. Memory is bounded: at most
 * `maxClients` buckets, the longest idle dropped first.
 */
export class ClientRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly maxClients: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Takes one call for `client`: 0 when it may go on, else the milliseconds until it may call again. */
  take(client: string): number {
    const { perSecond, burst } = this.options;
    const now = this.clock();
    const b = this.buckets.get(client) ?? { tokens: burst, at: now };
    // Re-inserted, so the Map's order is by last call: the first entries are the longest idle.
    this.buckets.delete(client);
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) * perSecond) / 1000);
    b.at = now;
    this.buckets.set(client, b);
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) * 1000) / perSecond);
  }
}

const LOCAL = /^(?:127\.|::1$|::ffff:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|fc|fd)/i;

/**
 * Who is calling: the peer's address, or behind a reverse proxy on this host or a private network (the
 * usual deployment) the first address of X-Forwarded-For. A public peer's header is not trusted.
 */
export function clientKey(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first && LOCAL.test(peer) ? first : peer;
}
