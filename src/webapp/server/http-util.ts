import type { IncomingMessage, ServerResponse } from "node:http";
import type { PreparedJson } from "./programme-payload.js";

/** Whether the client takes gzip. */
export function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
}

/**
 * Sends a prepared body: 304 when the client has this ETag, gzipped when it takes gzip, nothing but the
 * headers for HEAD.
 */
export function sendPrepared(
  req: IncomingMessage,
  res: ServerResponse,
  ready: PreparedJson,
  headers: Record<string, string>,
  status = 200,
): void {
  const common = { ...headers, etag: ready.etag, vary: "Accept-Encoding" };
  if (status === 200 && req.headers["if-none-match"] === ready.etag) {
    res.writeHead(304, common).end();
    return;
  }
  const gzip = acceptsGzip(req) && ready.gzip.length < ready.body.length;
  const body = gzip ? ready.gzip : ready.body;
  res.writeHead(status, {
    ...common,
    "content-length": String(body.length),
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Sends a small JSON answer (not cached by anyone: it is personal). */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}
