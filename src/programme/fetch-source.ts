/** What the previous successful fetch of a URL said, for a conditional request. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** Limits of one fetch. */
export interface FetchLimits {
  /** The whole request, body included, must finish within this (ms). */
  timeoutMs: number;
  /** A body longer than this (bytes) is refused. */
  maxBytes: number;
}

/** The answer to a fetch: unchanged since the validators (304), or a body with its new validators. */
export type FetchResult =
  | { status: "not-modified" }
  | { status: "ok"; body: Buffer; etag: string | null; lastModified: string | null };

/** A fetch that did not give a usable answer: network, timeout, HTTP status, size. The message says which. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(`${url}: ${message}`);
    this.name = "FetchError";
  }
}

/** Reads a body up to `maxBytes`, refusing (and aborting) as soon as it grows past. */
async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number, url: string): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(url, `the schedule is larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A network failure's reason, which undici keeps in `cause`. */
function reason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : "";
  return `${e.message}${cause}`;
}

/**
 * Fetches a published schedule with Node's fetch: a conditional GET (If-None-Match / If-Modified-Since from
 * the last success) that either says nothing changed (304) or returns the body, within a time and a size
 * limit. Anything else — a network error, a timeout, a non-2xx status, a body cut short or too large — is a
 * FetchError saying what went wrong.
 */
export async function fetchSource(
  url: string,
  validators: Validators,
  { timeoutMs, maxBytes }: FetchLimits,
): Promise<FetchResult> {
  const headers: Record<string, string> = { accept: "*/*", "user-agent": "confbot (schedule sync)" };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { headers, signal, redirect: "follow" });
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { status: "not-modified" };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError(url, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`);
    }
    const declared = Number(res.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError(url, `the schedule is larger than the limit of ${maxBytes} bytes (${declared})`);
    }
    const body = res.body ? await readLimited(res.body, maxBytes, url) : Buffer.alloc(0);
    return {
      status: "ok",
      body,
      etag: res.headers.get("etag"),
      lastModified: res.headers.get("last-modified"),
    };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (signal.aborted) throw new FetchError(url, `no complete answer within ${timeoutMs / 1000} s`);
    throw new FetchError(url, reason(e));
  }
}
