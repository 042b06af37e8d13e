import type { IncomingMessage, ServerResponse } from "node:http";
import { serveApi } from "./api.js";
import type { WebappDeps } from "./deps.js";
import { serveFeed } from "./feed.js";
import { sendJson } from "./http-util.js";
import { ClientRateLimit, clientKey } from "./rate-limit.js";
import { serveScreen } from "./screen.js";
import { StaticFiles } from "./static-files.js";

/** Handles a request if it is the Mini App's (true), else leaves it to the caller (false). */
export type WebappHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Searching as one types: bursts of 30, 10 a second on average, per client. */
export const SEARCH_RATE = { perSecond: 10, burst: 30 };
/** Calendar apps fetch a feed every few minutes at most: a token guesser gets one try every 2 s. */
export const FEED_RATE = { perSecond: 0.5, burst: 10 };

/**
 * The Mini App's routes on the bot's HTTP server: `/app/` the built front end, `/cal/<token>.ics` the
 * personal calendar feeds, `/api/*` the JSON API (init data required), `/screen/<key>/<signature>` a room's
 * question screen (a signed link). Anything else is left to the caller.
 * The search and the feeds are rate-limited per client (429 with Retry-After).
 */
export function createWebappHandler(deps: WebappDeps): WebappHandler {
  const files = new StaticFiles(deps.staticDir);
  const searches = new ClientRateLimit(SEARCH_RATE, deps.authClock);
  const feeds = new ClientRateLimit(FEED_RATE, deps.authClock);
  /** True (and answered 429) when the client is over `limit`. */
  const refused = (
    limit: ClientRateLimit,
    req: Parameters<WebappHandler>[0],
    res: Parameters<WebappHandler>[1],
  ) => {
    const wait = limit.take(clientKey(req));
    if (!wait) return false;
    sendJson(res, 429, { error: "too many requests" }, { "retry-after": String(Math.ceil(wait / 1000)) });
    return true;
  };
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      return false;
    }
    const path = url.pathname;
    const method = req.method ?? "GET";
    const read = method === "GET" || method === "HEAD";
    const fail = (err: unknown) => {
      deps.logger.error(
        { err: err instanceof Error ? err.message : String(err), path },
        "webapp request failed",
      );
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.destroy();
    };
    try {
      if (path.startsWith("/api/")) {
        if (path === "/api/search" && refused(searches, req, res)) return true;
        serveApi(deps, req, res, url);
        return true;
      }
      if (path === "/app") {
        res.writeHead(301, { location: "/app/" }).end();
        return true;
      }
      if (path.startsWith("/app/") && read) {
        if (files.serve(req, res, path.slice("/app/".length))) return true;
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
        return true;
      }
      const screen = /^\/screen\/([^/]+)\/([^/]+?)(\/questions\.json)?\/?$/.exec(path);
      if (screen && read) {
        serveScreen(deps, req, res, screen[1] as string, screen[2] as string, Boolean(screen[3])).catch(
          (err) => fail(err),
        );
        return true;
      }
      const feed = /^\/cal\/([^/]+)\.ics$/.exec(path);
      if (feed && read) {
        if (refused(feeds, req, res)) return true;
        serveFeed(deps, req, res, feed[1] as string);
        return true;
      }
    } catch (err) {
      fail(err);
      return true;
    }
    return false;
  };
}
