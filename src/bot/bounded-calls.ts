import { HttpError, type Transformer } from "grammy";

/** How long a Bot API call (its retries included) may take, and how often a network failure is retried. */
export interface CallBounds {
  /** One request's time limit (the client's own is 500 s). */
  requestTimeoutMs: number;
  /** The whole call's time limit, its retries and auto-retry's waits included. */
  budgetMs: number;
  /** Tries of a call that fails on the network (connection refused or dropped, a timeout). */
  attempts: number;
  /** The wait before the first retry; doubled for each next one. */
  retryDelayMs: number;
}

/** A reply that cannot reach Telegram within these fails after ~15 s, not after auto-retry's hour-long waits. */
export const CALL_BOUNDS: CallBounds = {
  requestTimeoutMs: 10_000,
  budgetMs: 15_000,
  attempts: 3,
  retryDelayMs: 500,
};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * An API transformer that bounds every Bot API call in time and in tries: each request gets
 * `requestTimeoutMs`, the call as a whole `budgetMs` (aborting auto-retry's waits beneath it too), and a network
 * failure is retried at most `attempts` times. Then the call fails with grammY's HttpError, which the handler's
 * error path logs. getUpdates, which long-polls on purpose, is left alone. Install it after auto-retry, so
 * that it wraps it.
 */
export function boundedCalls(bounds: CallBounds = CALL_BOUNDS): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    // grammY types signals with the abort-controller package's AbortSignal; at run time they are Node's own.
    const outer = signal as unknown as AbortSignal | undefined;
    const budget = AbortSignal.timeout(bounds.budgetMs);
    const whole = outer ? AbortSignal.any([outer, budget]) : budget;
    for (let attempt = 1; ; attempt++) {
      const request = AbortSignal.any([whole, AbortSignal.timeout(bounds.requestTimeoutMs)]);
      try {
        return await prev(method, payload, request as unknown as typeof signal);
      } catch (err) {
        if (budget.aborted && !(err instanceof HttpError))
          throw new HttpError(`'${method}' gave up after ${bounds.budgetMs} ms`, err);
        if (!(err instanceof HttpError) || whole.aborted || attempt >= bounds.attempts) throw err;
        await sleep(bounds.retryDelayMs * 2 ** (attempt - 1), whole).catch(() => {
          throw err;
        });
      }
    }
  };
}
