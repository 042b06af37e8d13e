import { DateTime } from "luxon";
import { samePerson } from "../../conferences/people.js";
import type { Session, Speaker } from "../../programme/model.js";
import type { BotDeps } from "../context.js";
import { conferenceName, conferencesInOrder, dayMonth } from "./conference.js";
import { escapeHtml, fitLines, truncate } from "./format.js";
import { actionButton, type View, type ViewCtx } from "./view.js";

/** Matches from other conferences shown after a search's own: this many conferences, this many each. */
export const ELSEWHERE_CONFERENCES = 3;
export const ELSEWHERE_PER_CONFERENCE = 2;
/** A speaker card lists at most this many of their sessions at other editions. */
export const OTHER_EDITIONS_MAX = 10;

/** Sessions of another conference of the series. */
export interface Elsewhere {
  deps: BotDeps;
  sessions: Session[];
}

/** The other conferences, running and upcoming first, then past editions latest first. */
function others(ctx: ViewCtx): BotDeps[] {
  const { conferences } = ctx.deps;
  if (conferences.size < 2) return [];
  return conferencesInOrder(conferences.all(), ctx.deps.clock())
    .map((e) => e.deps)
    .filter((d) => d.conference.id !== ctx.deps.conference.id);
}

/** Results asked of another conference when its first {@link ELSEWHERE_PER_CONFERENCE} give too few sessions. */
const ELSEWHERE_SEARCHED = 6;

/**
 * A search's best matches at the other conferences of the series ("Also at PyCon Russia 2016: …"), for the
 * whole query as written: each conference is searched for direct matches only (`SearchOptions.direct`: every
 * word that carries meaning as typed or on the other layout, by stem, as a word's beginning, in Latin letters,
 * or within a glossary phrase it holds the translation of). A query that reaches another conference only in
 * part, or by slips, sound or a dictionary's translation, offers nothing there (the reader's own conference
 * still finds those); a query no other conference holds costs a few look-ups per conference.
 */
export function alsoAt(ctx: ViewCtx, query: string): Elsewhere[] {
  const out: Elsewhere[] = [];
  for (const deps of others(ctx)) {
    if (out.length >= ELSEWHERE_CONFERENCES) break;
    const sessions = bestSessions(deps, query);
    if (sessions.length) out.push({ deps, sessions });
  }
  return out;
}

/**
 * A conference's first {@link ELSEWHERE_PER_CONFERENCE} sessions a direct search finds (a speaker stands for
 * their sessions; cancelled ones are left out). The first results usually give them; only when they do not are
 * more asked for (the query's scores are kept by the index: that costs only their ordering).
 */
function bestSessions(deps: BotDeps, query: string): Session[] {
  const { catalog } = deps;
  const found = new Map<string, Session>();
  for (const limit of [ELSEWHERE_PER_CONFERENCE, ELSEWHERE_SEARCHED]) {
    const results = catalog.index.search(query, { limit, direct: true });
    for (const r of results) {
      const sessions = r.kind === "speaker" ? catalog.sessionsOf(r.id) : [catalog.session(r.id) ?? []].flat();
      for (const s of sessions) if (!s.cancelled) found.set(s.id, s);
      if (found.size >= ELSEWHERE_PER_CONFERENCE) break;
    }
    if (found.size >= ELSEWHERE_PER_CONFERENCE || results.length < limit) break;
  }
  return [...found.values()].slice(0, ELSEWHERE_PER_CONFERENCE);
}

/** A speaker's sessions at the other editions: the same person by name across scripts and spellings. */
export function otherEditions(ctx: ViewCtx, speaker: Speaker): Elsewhere[] {
  const out: Elsewhere[] = [];
  let total = 0;
  for (const deps of others(ctx)) {
    if (total >= OTHER_EDITIONS_MAX) break;
    const sessions = deps.catalog.programme.speakers
      .filter((s) => samePerson(s.name, speaker.name))
      .flatMap((s) => deps.catalog.sessionsOf(s.id))
      .slice(0, OTHER_EDITIONS_MAX - total);
    total += sessions.length;
    if (sessions.length) out.push({ deps, sessions });
  }
  return out;
}

/** A session's day with its year, in its conference's zone: "24 Feb 2013", «24 февраля 2013». */
function dayOf(ctx: ViewCtx, deps: BotDeps, s: Session): string {
  return DateTime.fromISO(s.start, { zone: deps.catalog.timezone })
    .setLocale(ctx.lang)
    .toFormat(`${dayMonth(ctx.lang)} yyyy`);
}

/**
 * `view` with the sessions of other conferences after its own: a heading per conference (`heading` is the
 * locale key, given the conference's name), a line and a button per session (its card, in its conference).
 */
export function withElsewhere(ctx: ViewCtx, view: View, items: readonly Elsewhere[], heading: string): View {
  if (!items.length) return view;
  const lines = [view.text];
  const keyboard = [...view.keyboard];
  for (const { deps, sessions } of items) {
    lines.push("", ctx.t(heading, { conference: conferenceName(deps, ctx.lang) }));
    for (const s of sessions) {
      const title = truncate(deps.catalog.text(s.title, ctx.lang), 100);
      lines.push(`• ${escapeHtml(title)} — ${dayOf(ctx, deps, s)}`);
      keyboard.push([
        actionButton(`${conferenceName(deps, ctx.lang)}: ${title}`, {
          type: "session",
          key: deps.catalog.sessionKey(s.id),
          page: 0,
          origin: { to: "message" },
        }),
      ]);
    }
  }
  return { text: fitLines(lines), keyboard };
}
