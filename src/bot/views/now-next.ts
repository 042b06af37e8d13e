import type { Catalog } from "../../catalog.js";
import { dayBounds, isContentKind, type Session } from "../../programme/model.js";
import { subscriptionsOf } from "../../store/subscriptions.js";
import type { Action } from "../callback-data.js";
import { fitLines, formatDay, formatTime } from "./format.js";
import { dayView, sessionButtons, sessionsOfDay, slotLines } from "./schedule.js";
import { actionButton, plain, type View, type ViewCtx } from "./view.js";

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

/**
 * One page of sessions for /now or /next: the ones the user follows first (under "⭐ Yours"), then the others
 * by time and room; a button per session leading back to this page, and paging.
 */
function pageOfSessions(
  ctx: ViewCtx,
  head: string[],
  sessions: readonly Session[],
  page: number,
  next: boolean,
): View {
  const followed = new Set(ctx.user ? subscriptionsOf(ctx.deps.db, ctx.user.id) : []);
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
  if (shownMine.length) lines.push("", ctx.t("now.yours"), ...slotLines(ctx, shownMine));
  if (shownMine.length && shownOthers.length) lines.push("", ctx.t("now.others"));
  if (shownOthers.length) lines.push("", ...slotLines(ctx, shownOthers));
  const keyboard = sessionButtons(ctx, shown, { to: "now", next, page: p });
  if (pages > 1) {
    const nav = [];
    const action = (n: number): Action => ({ type: "now", next, page: n });
    if (p > 0) nav.push(actionButton(plain(ctx, "nav.prev"), action(p - 1)));
    nav.push(actionButton(`${p + 1}/${pages}`, { type: "noop" }));
    if (p < pages - 1) nav.push(actionButton(plain(ctx, "nav.next"), action(p + 1)));
    keyboard.push(nav);
  }
  return { text: fitLines(lines), keyboard };
}

/** /now: what is on at `at` in every room, paged; when nothing is, what comes next. */
export function nowView(ctx: ViewCtx, at: number, page = 0): View {
  const m = momentAt(ctx.deps.catalog, at);
  if (m.state !== "during") return outsideView(ctx, m.state);
  if (m.now.length)
    return pageOfSessions(ctx, [ctx.t("now.now_title"), clockLine(ctx, at)], m.now, page, false);
  const head = [
    ctx.t("now.now_title"),
    clockLine(ctx, at),
    "",
    ctx.t("now.nothing_now"),
    "",
    ctx.t("now.next_title"),
  ];
  return pageOfSessions(ctx, head, m.next, page, false);
}

/** /next: what starts next in every room after `at`, paged; after the last ones, what is on. */
export function nextView(ctx: ViewCtx, at: number, page = 0): View {
  const m = momentAt(ctx.deps.catalog, at);
  if (m.state !== "during") return outsideView(ctx, m.state);
  if (m.next.length)
    return pageOfSessions(ctx, [ctx.t("now.next_title"), clockLine(ctx, at)], m.next, page, true);
  const head = [ctx.t("now.next_title"), clockLine(ctx, at), "", ctx.t("now.last_one")];
  return pageOfSessions(ctx, head, m.now, page, true);
}
