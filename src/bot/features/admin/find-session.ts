import type { Catalog } from "../../../catalog.js";
import { findSessions, resolveSession, type SessionMatch } from "../../../programme/edit.js";
import type { Session } from "../../../programme/model.js";

/** How many search results an organizer's query may bring (all of them are offered, paged where needed). */
const SEARCH_LIMIT = 40;

/** Session ids for a search: sessions found directly, and the sessions of speakers found. */
export function searchSessionIds(catalog: Catalog, query: string): string[] {
  return catalog.index
    .search(query, { limit: SEARCH_LIMIT })
    .flatMap((r) => (r.kind === "speaker" ? catalog.sessionsOf(r.id).map((s) => s.id) : [r.id]));
}

/** The session an organizer's words mean: its id, its title, or what attendee search finds for them. */
export function matchSession(catalog: Catalog, query: string): SessionMatch {
  return resolveSession(catalog.programme, query, (q) => searchSessionIds(catalog, q));
}

/** Every session an organizer's words may mean, best first (an exact id alone when it is one). */
export function matchingSessions(catalog: Catalog, query: string): Session[] {
  const byId = catalog.session(query.trim().toLowerCase());
  return byId ? [byId] : findSessions(catalog.programme, query, (q) => searchSessionIds(catalog, q));
}
