import type { Session } from "../../programme/model.js";
import { subscriptionsOf } from "../../store/subscriptions.js";
import type { FollowsAt } from "../../webapp/server/deps.js";
import type { BotDeps } from "../context.js";
import { conferencesInOrder } from "./conference.js";

/** The sessions a user follows at one conference of the deployment, in time order. */
export interface FollowedAt {
  deps: BotDeps;
  sessions: Session[];
}

/** Sessions in time order: by start, then end, then id. */
export const byTime = (a: Session, b: Session) =>
  Date.parse(a.start) - Date.parse(b.start) ||
  Date.parse(a.end) - Date.parse(b.end) ||
  a.id.localeCompare(b.id);

/** The sessions of `ids` that are in `deps`' programme now, in time order. */
export function followedSessions(deps: Pick<BotDeps, "catalog">, ids: readonly string[]): Session[] {
  return ids.flatMap((id) => deps.catalog.session(id) ?? []).sort(byTime);
}

/**
 * The sessions a user follows at every conference of the deployment (follows and reminders run for all of
 * them, whichever one the user looks at), grouped by conference: running and upcoming conferences first,
 * soonest first, then past editions, latest first. Conferences where they follow nothing are left out.
 */
export function followsByConference(deps: BotDeps, userId: number): FollowedAt[] {
  const ids = subscriptionsOf(deps.db, userId);
  if (!ids.length) return [];
  const { conferences } = deps;
  if (conferences.size < 2) {
    const sessions = followedSessions(deps, ids);
    return sessions.length ? [{ deps, sessions }] : [];
  }
  const byConference = new Map<string, string[]>();
  for (const id of ids) {
    const at = conferences.ofId(id)?.conference.id;
    if (at) byConference.set(at, [...(byConference.get(at) ?? []), id]);
  }
  return conferencesInOrder(
    conferences.all().filter((d) => byConference.has(d.conference.id)),
    deps.clock(),
  ).flatMap(({ deps: at }) => {
    const sessions = followedSessions(at, byConference.get(at.conference.id) ?? []);
    return sessions.length ? [{ deps: at, sessions }] : [];
  });
}

/** The Mini App server's `follows` (src/webapp/server/deps.ts): {@link followsByConference} for a user id. */
export function webappFollows(deps: BotDeps): (userId: number) => FollowsAt[] {
  return (userId) =>
    followsByConference(deps, userId).map((g) => ({
      conferenceId: g.deps.conference.id,
      catalog: g.deps.catalog,
      sessions: g.sessions,
    }));
}
