import type { InlineKeyboardButton } from "grammy/types";
import type { Catalog } from "../../catalog.js";
import { isLongSession } from "../../programme/long-sessions.js";
import { dayBounds, isContentKind, type Session } from "../../programme/model.js";
import type { Action, ListFilter } from "../callback-data.js";
import { escapeHtml, fitLines, formatDay, formatTime, formatTimes, truncate } from "./format.js";
import { dayView, sessionButtons, sessionLine, sessionsOfDay } from "./schedule.js";
import { actionButton, followedIds, pick, plain, type View, type ViewCtx } from "./view.js";

/** Sessions per page of /now and /next (at FOSDEM size 70 rooms are busy at once). */
export const NOW_PAGE_SIZE = 10;

/** Where an instant falls relative to the conference, and what is on then and next. */
export type Moment = { state: "before" | "after" } | { state: "during"; now: Session[]; next: Session[] };

const byStartThenRoom = (catalog: Catalog) => (a: Session, b: Session) =>
  Date.parse(a.start) - Date.parse(b.start) ||
  catalog.roomPosition(a.room) - catalog.roomPosition(b.room) ||
  Date.parse(a.end) - Date.parse(b.end);

/**
 * What is on at `at` (epoch ms) in every room, and what starts next in every room: each room's first session
 * after `at` on the same conference day (or, when none is left that day, the sessions that start next at all).
 * Before the first session or after the last, says so.
 */
export function momentAt(catalog: Catalog, at: number): Moment {
  const sessions = catalog.programme.sessions;
  if (!sessions.length) return { state: "after" };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of sessions) {
    first = Math.min(first, Date.parse(s.start));
    last = Math.max(last, Date.parse(s.end));
  }
  if (at < first) return { state: "before" };
  if (at >= last) return { state: "after" };
  const order = byStartThenRoom(catalog);
  const now = sessions.filter((s) => Date.parse(s.start) <= at && at < Date.parse(s.end)).sort(order);
  // Next means what an attendee can go to: talks, workshops, ceremonies that take place; a coffee break or
  // lunch only when nothing else is coming.
  const upcoming = sessions.filter((s) => Date.parse(s.start) > at).sort(order);
  const wanted = upcoming.filter((s) => isContentKind(s.kind) && !s.cancelled);
  const later = wanted.length ? wanted : upcoming;
  const dayEnd = dayBounds(catalog.dayOf(at), catalog.programme.conference).end;
  const nextStart = later[0] ? Date.parse(later[0].start) : undefined;
  const seen = new Set<string>();
  const next = later.filter((s) => {
    const start = Date.parse(s.start);
    // Sessions without a room (breaks for everyone) count when they are the very next thing.
    if (!s.room) return start === nextStart;
    if (start >= dayEnd && start !== nextStart) return false;
    if (seen.has(s.room)) return false;
    seen.add(s.room);
    return true;
  });
  return { state: "during", now, next };
}

/** Before the conference: say so and show its first day; after it: say so, with the way to the programme. */
function outsideView(ctx: ViewCtx, state: "before" | "after"): View {
  const catalog = ctx.deps.catalog;
  const { days, name } = catalog.programme.conference;
  const first = sessionsOfDay(catalog, 0)[0];
  const intro = ctx.t(state === "before" ? "now.before" : "now.after", {
    conference: catalog.text(name, ctx.lang),
    first: formatDay(days[0] ?? "", catalog.timezone, ctx.lang, ctx.deps.clock()),
    last: formatDay(days[days.length - 1] ?? "", catalog.timezone, ctx.lang, ctx.deps.clock()),
    time: first ? formatTime(first.start, catalog.timezone, ctx.lang) : "",
  });
  if (state === "after")
    return { text: intro, keyboard: [[actionButton(plain(ctx, "menu.schedule"), { type: "days" })]] };
  return dayView(ctx, 0, 0, intro) ?? { text: intro, keyboard: [] };
}

function clockLine(ctx: ViewCtx, at: number): string {
  const tz = ctx.deps.catalog.timezone;
  return ctx.t("now.clock", {
    day: formatDay(at, tz, ctx.lang, ctx.deps.clock()),
    time: formatTime(at, tz, ctx.lang),
  });
}

/** What /now (`next` false) or /next lists at a moment during the conference, and the lines above the list. */
function listedAt(ctx: ViewCtx, m: Extract<Moment, { state: "during" }>, at: number, next: boolean) {
  const title = ctx.t(next ? "now.next_title" : "now.now_title");
  const head = [title, clockLine(ctx, at)];
  if (!next) {
    if (m.now.length) return { head, sessions: m.now };
    return { head: [...head, "", ctx.t("now.nothing_now"), "", ctx.t("now.next_title")], sessions: m.next };
  }
  if (m.next.length) return { head, sessions: m.next };
  return { head: [...head, "", ctx.t("now.last_one")], sessions: m.now };
}

/** Whether a session is in the room or the track a filter names. */
function inFilter(catalog: Catalog, filter: ListFilter | undefined): (s: Session) => boolean {
  if (!filter) return () => true;
  const c = catalog.programme.conference;
  const id = filter.by === "room" ? c.rooms[filter.index]?.id : c.tracks[filter.index]?.id;
  return (s) => (filter.by === "room" ? s.room : s.track) === id;
}

/** The room's or track's name a filter names; undefined when the programme has no such room or track. */
function filterName(ctx: ViewCtx, filter: ListFilter): string | undefined {
  const c = ctx.deps.catalog.programme.conference;
  const named = filter.by === "room" ? c.rooms[filter.index] : c.tracks[filter.index];
  return named && pick(ctx, named.name);
}

/**
 * The order of /now and /next: the programme's order of rooms (its main halls first), each room's sessions by
 * time; long sessions (all-day items, multi-hour workshops) after all the regular ones.
 */
function byRoom(catalog: Catalog): (a: Session, b: Session) => number {
  const long = (s: Session) => (isLongSession(catalog.programme, s) ? 1 : 0);
  return (a, b) =>
    long(a) - long(b) ||
    catalog.roomPosition(a.room) - catalog.roomPosition(b.room) ||
    Date.parse(a.start) - Date.parse(b.start) ||
    Date.parse(a.end) - Date.parse(b.end);
}

/** "10:00–11:00 • Saal 1 · Security · Title — speakers", the long ones under their heading. */
function listLines(ctx: ViewCtx, sessions: readonly Session[]): string[] {
  const catalog = ctx.deps.catalog;
  const tz = catalog.timezone;
  const lines: string[] = [];
  let inLong = false;
  for (const s of sessions) {
    if (!inLong && isLongSession(catalog.programme, s)) {
      inLong = true;
      lines.push("", ctx.t("views.long_title"));
    }
    lines.push(`<code>${formatTimes(s.start, s.end, tz, ctx.lang)}</code> ${sessionLine(ctx, s)}`);
  }
  return lines;
}

/**
 * One page of sessions for /now or /next, narrowed to a room or a track when `filter` says so: the ones the
 * user follows first (under "⭐ You follow"), then the others in the programme's order of rooms, long ones last;
 * a button per session leading back to this page, paging, and the buttons that narrow the list (when it has
 * more than one page) or widen it again.
 */
function pageOfSessions(
  ctx: ViewCtx,
  head: string[],
  all: readonly Session[],
  page: number,
  next: boolean,
  filter: ListFilter | undefined,
): View {
  const catalog = ctx.deps.catalog;
  const sessions = all.filter(inFilter(catalog, filter)).sort(byRoom(catalog));
  const followed = followedIds(ctx);
  const mine = sessions.filter((s) => followed.has(s.id));
  const others = sessions.filter((s) => !followed.has(s.id));
  const ordered = [...mine, ...others];
  const pages = Math.max(1, Math.ceil(ordered.length / NOW_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = ordered.slice(p * NOW_PAGE_SIZE, (p + 1) * NOW_PAGE_SIZE);
  const shownMine = shown.filter((s) => followed.has(s.id));
  const shownOthers = shown.filter((s) => !followed.has(s.id));
  const lines = [...head];
  if (pages > 1) lines[0] = `${lines[0]} ${ctx.t("nav.page", { page: p + 1, pages })}`;
  const name = filter && filterName(ctx, filter);
  if (filter && name !== undefined)
    lines.splice(2, 0, ctx.t(`views.filter_${filter.by}`, { name: escapeHtml(truncate(name, 100)) }));
  if (!sessions.length) lines.push("", ctx.t("views.filter_nothing"));
  if (shownMine.length) lines.push("", ctx.t("now.yours"), ...listLines(ctx, shownMine));
  if (shownMine.length && shownOthers.length) lines.push("", ctx.t("now.others"));
  if (shownOthers.length) lines.push("", ...listLines(ctx, shownOthers));
  const keyboard = sessionButtons(ctx, shown, { to: "now", next, page: p, ...(filter ? { filter } : {}) });
  if (pages > 1) {
    const nav = [];
    const action = (n: number): Action => ({ type: "now", next, page: n, ...(filter ? { filter } : {}) });
    if (p > 0) nav.push(actionButton(plain(ctx, "nav.prev"), action(p - 1)));
    nav.push(actionButton(`${p + 1}/${pages}`, { type: "noop" }));
    if (p < pages - 1) nav.push(actionButton(plain(ctx, "nav.next"), action(p + 1)));
    keyboard.push(nav);
  }
  if (filter) keyboard.push([actionButton(plain(ctx, "views.filter_clear"), { type: "now", next, page: 0 })]);
  else if (all.length > NOW_PAGE_SIZE) {
    const row = (["room", "track"] as const)
      .filter((by) => choices(catalog, all, by).length > 1)
      .map((by) =>
        actionButton(plain(ctx, `views.filter_by_${by}`), { type: "nowFilter", next, by, page: 0 }),
      );
    if (row.length) keyboard.push(row);
  }
  return { text: fitLines(lines), keyboard };
}

/**
 * The rooms or the tracks of `sessions` in the programme's order, with how many of them each has; sessions
 * without a room or track count as one choice more (so a list of one track and untracked sessions can narrow).
 */
function choices(catalog: Catalog, sessions: readonly Session[], by: ListFilter["by"]) {
  const counts = new Map<string, number>();
  let without = 0;
  for (const s of sessions) {
    const id = by === "room" ? s.room : s.track;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    else without++;
  }
  const c = catalog.programme.conference;
  const named = (by === "room" ? c.rooms : c.tracks).flatMap((x, index) => {
    const count = counts.get(x.id);
    return count ? [{ name: x.name, index, count }] : [];
  });
  return without && named.length ? [...named, undefined] : named;
}

/** Rooms or tracks per page of the /now filter. */
export const FILTER_PAGE_SIZE = 24;

/**
 * The rooms (or tracks) of what /now (or /next) lists at `at`, as buttons in the programme's order ("Janson ·
 * 3"), paged, with the switch between rooms and tracks and the way back; each narrows the list to itself.
 */
export function nowFilterView(
  ctx: ViewCtx,
  at: number,
  next: boolean,
  by: ListFilter["by"],
  page: number,
): View {
  const catalog = ctx.deps.catalog;
  const m = momentAt(catalog, at);
  if (m.state !== "during") return outsideView(ctx, m.state);
  const { sessions } = listedAt(ctx, m, at, next);
  const all = choices(catalog, sessions, by).filter((c) => c !== undefined);
  const pages = Math.max(1, Math.ceil(all.length / FILTER_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(p * FILTER_PAGE_SIZE, (p + 1) * FILTER_PAGE_SIZE);
  const title = ctx.t(next ? "now.next_title" : "now.now_title");
  const text = [
    `${title}${pages > 1 ? ` ${ctx.t("nav.page", { page: p + 1, pages })}` : ""}`,
    clockLine(ctx, at),
    "",
    ctx.t(all.length ? `views.pick_${by}` : "views.filter_none", { count: all.length }),
  ].join("\n");
  const keyboard: InlineKeyboardButton[][] = [];
  for (let i = 0; i < shown.length; i += 2)
    keyboard.push(
      shown.slice(i, i + 2).map((c) =>
        actionButton(c.count > 1 ? `${pick(ctx, c.name)} · ${c.count}` : pick(ctx, c.name), {
          type: "now",
          next,
          page: 0,
          filter: { by, index: c.index },
        }),
      ),
    );
  if (pages > 1) {
    const nav = [];
    const action = (n: number): Action => ({ type: "nowFilter", next, by, page: n });
    if (p > 0) nav.push(actionButton(plain(ctx, "nav.prev"), action(p - 1)));
    nav.push(actionButton(`${p + 1}/${pages}`, { type: "noop" }));
    if (p < pages - 1) nav.push(actionButton(plain(ctx, "nav.next"), action(p + 1)));
    keyboard.push(nav);
  }
  const other = by === "room" ? "track" : "room";
  const switchRow = [
    actionButton(plain(ctx, next ? "now.back_next" : "now.back_now"), { type: "now", next, page: 0 }),
  ];
  if (choices(catalog, sessions, other).length > 1)
    switchRow.push(
      actionButton(plain(ctx, `views.filter_by_${other}`), { type: "nowFilter", next, by: other, page: 0 }),
    );
  keyboard.push(switchRow);
  return { text, keyboard };
}

/**
 * /now: what is on at `at` in every room (or in one room or track: `filter`), paged; when nothing is, what
 * comes next. Undefined when the filter names a room or track the programme does not have.
 */
export function nowView(ctx: ViewCtx, at: number, page = 0, filter?: ListFilter): View | undefined {
  return listView(ctx, at, page, false, filter);
}

/**
 * /next: what starts next in every room after `at` (or in one room or track), paged; after the last ones,
 * what is on. Undefined when the filter names a room or track the programme does not have.
 */
export function nextView(ctx: ViewCtx, at: number, page = 0, filter?: ListFilter): View | undefined {
  return listView(ctx, at, page, true, filter);
}

function listView(
  ctx: ViewCtx,
  at: number,
  page: number,
  next: boolean,
  filter: ListFilter | undefined,
): View | undefined {
  if (filter && filterName(ctx, filter) === undefined) return undefined;
  const m = momentAt(ctx.deps.catalog, at);
  if (m.state !== "during") return outsideView(ctx, m.state);
  const { head, sessions } = listedAt(ctx, m, at, next);
  return pageOfSessions(ctx, head, sessions, page, next, filter);
}
