/**
 * A published schedule for sync tests: a real HTTP server on 127.0.0.1 that serves whatever version the
 * test sets, with an ETag and Last-Modified per version, answering conditional requests with 304 — or, on
 * demand, a 500, silence (a timeout), garbage, or a body cut off in the middle of the transfer.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How the server answers the next requests. */
export type ScheduleMode = "serve" | "error" | "hang" | "cut";

/** A running schedule server. */
export interface ScheduleServer {
  url: string;
  /** Publishes a new version (its text); later requests get it. */
  publish(text: string): void;
  /** How the following requests are answered (until changed). */
  mode(mode: ScheduleMode): void;
  /** Requests received, with their conditional headers. */
  requests: { ifNoneMatch?: string; ifModifiedSince?: string; status: number }[];
  close(): Promise<void>;
}

/** Starts a schedule server serving `text` at `/schedule` (any path, in fact). */
export async function startScheduleServer(
  text: string,
  options: { etags?: boolean } = {},
): Promise<ScheduleServer> {
  const useEtags = options.etags ?? true;
  let body = text;
  let version = 1;
  let modified = new Date(Date.UTC(2030, 0, 1));
  let mode: ScheduleMode = "serve";
  const requests: ScheduleServer["requests"] = [];
  const hung = new Set<IncomingMessage>();
  const etag = () => `"v${version}-${createHash("sha1").update(body).digest("hex").slice(0, 8)}"`;

  const server: Server = createServer((req, res) => {
    const ifNoneMatch = req.headers["if-none-match"];
    const ifModifiedSince = req.headers["if-modified-since"];
    const record = (status: number) => requests.push({ ifNoneMatch, ifModifiedSince, status });
    if (mode === "hang") {
      record(0);
      hung.add(req);
      return;
    }
    if (mode === "error") {
      record(500);
      res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
      return;
    }
    const tag = etag();
    const lastModified = modified.toUTCString();
    const fresh = useEtags
      ? ifNoneMatch === tag
      : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= modified.getTime();
    if (fresh) {
      record(304);
      res.writeHead(304, useEtags ? { etag: tag } : { "last-modified": lastModified }).end();
      return;
    }
    record(200);
    const bytes = Buffer.from(body);
    const headers = {
      "content-type": "application/octet-stream",
      "content-length": String(bytes.length),
      ...(useEtags ? { etag: tag } : { "last-modified": lastModified }),
    };
    res.writeHead(200, headers);
    if (mode === "cut") {
      // Half the promised bytes, then the connection drops.
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      return;
    }
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/schedule`,
    publish(next) {
      body = next;
      version++;
      modified = new Date(modified.getTime() + 60_000);
    },
    mode(m) {
      mode = m;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const req of hung) req.socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
