import type { IncomingMessage, ServerResponse } from "node:http";
import { startLink } from "../../bot/deep-link.js";
import { buildSeriesIcs } from "../../bot/views/calendar.js";
import type { Session } from "../../programme/model.js";
import { feedOwner } from "../../store/calendar-feeds.js";
import { subscriptionsOf } from "../../store/subscriptions.js";
import { getUser, languageOf } from "../../store/users.js";
import { sessionStartParam, startAppLink } from "../links.js";
import { scoped, type WebappDeps } from "./deps.js";

/** How often calendar apps are asked to poll the feed (minutes). */
export const FEED_REFRESH_MINUTES = 60;

/** The feed's https URL for a token (calendar apps subscribe to it as webcal://…). */
export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/cal/${token}.ics`;
}

/** The same feed as a webcal:// URL, which makes phones offer to subscribe. */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:/, "webcal:");
}

/** The followed sessions still in the programme, in time order. */
export function followedInOrder(deps: Pick<WebappDeps, "db" | "catalog">, userId: number): Session[] {
  return subscriptionsOf(deps.db, userId)
    .flatMap((id) => deps.catalog.session(id) ?? [])
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
}

/**
 * `GET|HEAD /cal/<token>.ics`: the token owner's followed sessions — of every conference of the deployment,
 * each in its own zone —, at their current times, in their language.
 * Unknown and reset tokens get 404, like any other missing file: the URL is the only secret.
 */
export function serveFeed(all: WebappDeps, req: IncomingMessage, res: ServerResponse, token: string): void {
  const userId = feedOwner(all.db, token);
  const user = userId === undefined ? undefined : getUser(all.db, userId);
  const deps = user && scoped(all, { user: user.conference, requested: null });
  if (!user || !deps) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  // Every conference's follows (as /my lists them), or, in a deployment of one, its own.
  const groups = all.follows
    ? all.follows(user.id)
    : [{ catalog: deps.catalog, sessions: followedInOrder(deps, user.id) }];
  const bot = deps.botUsername;
  // Each event links to its session: in the Mini App, which shows the conference the user looks at; a session
  // of another conference, to its card in the bot (by key, which /start finds in any conference).
  const keys = new Map(
    groups.flatMap((g) => g.sessions.map((s) => [s.id, g.catalog.sessionKey(s.id)] as const)),
  );
  const link = bot
    ? (s: Session) =>
        deps.catalog.session(s.id)
          ? startAppLink(bot, sessionStartParam(s.id))
          : startLink(bot, `s_${keys.get(s.id) ?? 0}`)
    : undefined;
  // No VALARMs: the bot itself reminds (and knows which reminders the user turned off).
  const ics = buildSeriesIcs(groups, languageOf(user), deps.clock(), {
    refreshMinutes: FEED_REFRESH_MINUTES,
    ...(link ? { link } : {}),
  });
  const body = Buffer.from(ics, "utf8");
  res.writeHead(200, {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": 'inline; filename="confbot.ics"',
    "cache-control": "private, max-age=300",
    "content-length": String(body.length),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
