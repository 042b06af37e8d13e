import type { Catalog } from "../../catalog.js";
import { isContentKind, type Session } from "../../programme/model.js";
import { fitLines, formatDay, formatTime } from "./format.js";
import { dayView, sessionButtons, sessionsOfDay, slotLines } from "./schedule.js";
import { actionButton, plain, type View, type ViewCtx } from "./view.js";

/** Where an instant falls relative to the conference, and what is on then and next. */
export type Moment = { state: "before" | "after" } | { state: "during"; now: Session[]; next: Session[] };

/** What is on at `at` (epoch ms) and what starts next; before the first session or after the last, says so. */
export function momentAt(catalog: Catalog, at: number): Moment {
  const sessions = catalog.programme.sessions;
  if (!sessions.length) return { state: "after" };
  const starts = sessions.map((s) => Date.parse(s.start));
  const ends = sessions.map((s) => Date.parse(s.end));
  if (at < Math.min(...starts)) return { state: "before" };
  if (at >= Math.max(...ends)) return { state: "after" };
  const now = sessions.filter((_, i) => (starts[i] as number) <= at && at < (ends[i] as number));
  // Next means what an attendee can go to: talks, workshops, ceremonies that take place; a coffee break or
  // lunch only when nothing else is coming.
  const upcoming = sessions.filter((_, i) => (starts[i] as number) > at);
  const wanted = upcoming.filter((s) => isContentKind(s.kind) && !s.cancelled);
  const pool = wanted.length ? wanted : upcoming;
  const nextStart = pool.length ? Math.min(...pool.map((s) => Date.parse(s.start))) : undefined;
  const next = pool.filter((s) => Date.parse(s.start) === nextStart);
  const order = (list: Session[]) => {
    const rooms = catalog.programme.conference.rooms.map((r) => r.id);
    return [...list].sort(
      (a, b) =>
        Date.parse(a.start) - Date.parse(b.start) ||
        (a.room ? rooms.indexOf(a.room) : -1) - (b.room ? rooms.indexOf(b.room) : -1),
    );
  };
  return { state: "during", now: order(now), next: order(next) };
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

/** /now: what is on at `at`; when nothing is, what comes next. */
export function nowView(ctx: ViewCtx, at: number): View {
  const m = momentAt(ctx.deps.catalog, at);
  if (m.state !== "during") return outsideView(ctx, m.state);
  const lines = [ctx.t("now.now_title"), clockLine(ctx, at), ""];
  if (m.now.length) {
    lines.push(...slotLines(ctx, m.now));
    return { text: fitLines(lines), keyboard: sessionButtons(ctx, m.now) };
  }
  lines.push(ctx.t("now.nothing_now"), "", ctx.t("now.next_title"), "", ...slotLines(ctx, m.next));
  return { text: fitLines(lines), keyboard: sessionButtons(ctx, m.next) };
}

/** /next: the sessions that start next after `at`. */
export function nextView(ctx: ViewCtx, at: number): View {
  const m = momentAt(ctx.deps.catalog, at);
  if (m.state !== "during") return outsideView(ctx, m.state);
  const lines = [ctx.t("now.next_title"), clockLine(ctx, at), ""];
  if (m.next.length) {
    lines.push(...slotLines(ctx, m.next));
    return { text: fitLines(lines), keyboard: sessionButtons(ctx, m.next) };
  }
  lines.push(ctx.t("now.last_one"), "", ...slotLines(ctx, m.now));
  return { text: fitLines(lines), keyboard: sessionButtons(ctx, m.now) };
}
