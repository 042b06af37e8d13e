/**
 * A conference day by room and by track, and /tracks: the rooms or tracks as buttons (paged), and a room or a
 * track as its sessions in time order (paged). At FOSDEM size a day has 70 rooms and 60 tracks, a track up to
 * 40 sessions, so every list pages.
 */
import type { InlineKeyboardButton } from "grammy/types";
import type { Catalog } from "../../catalog.js";
import type { Room, Session, Track } from "../../programme/model.js";
import type { Action, Origin } from "../callback-data.js";
import {
  escapeHtml,
  fitLines,
  formatDay,
  formatTime,
  formatTimes,
  MAX_MESSAGE_CHARS,
  nightOf,
  truncate,
} from "./format.js";
import { dayModesRow, daysRow, sessionButtons, sessionLine, sessionsOfDay } from "./schedule.js";
import { actionButton, memoText, pick, plain, starKey, type View, type ViewCtx } from "./view.js";

/** Rooms or tracks per page of a picker (two buttons a row). */
export const PICKER_PAGE_SIZE = 24;
/** Sessions per page of a room's or a track's list. */
export const LIST_PAGE_SIZE = 12;

/** Page `page` (clamped) of `items` cut into pages of `size`, with the page count. */
function pageOf<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, (p + 1) * size), page: p, pages };
}

/** "◀ Previous · 2/5 · Next ▶" for a paged list; empty when it has one page. */
function pagingRow(
  ctx: ViewCtx,
  page: number,
  pages: number,
  action: (page: number) => Action,
): InlineKeyboardButton[] {
  if (pages < 2) return [];
  const row: InlineKeyboardButton[] = [];
  if (page > 0) row.push(actionButton(plain(ctx, "nav.prev"), action(page - 1)));
  row.push(actionButton(`${page + 1}/${pages}`, { type: "noop" }));
  if (page < pages - 1) row.push(actionButton(plain(ctx, "nav.next"), action(page + 1)));
  return row;
}

const pageNote = (ctx: ViewCtx, page: number, pages: number) =>
  pages > 1 ? ` ${ctx.t("nav.page", { page: page + 1, pages })}` : "";

/** Buttons two to a row. */
function pairs(buttons: InlineKeyboardButton[]): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

/** The rooms that have sessions on a day, in the programme's order, with how many. */
export function roomsOfDay(catalog: Catalog, day: number): { room: Room; index: number; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of sessionsOfDay(catalog, day)) if (s.room) counts.set(s.room, (counts.get(s.room) ?? 0) + 1);
  return catalog.programme.conference.rooms.flatMap((room, index) => {
    const count = counts.get(room.id);
    return count ? [{ room, index, count }] : [];
  });
}

/** The tracks that have sessions on a day (or on any day), in the programme's order, with how many. */
export function tracksOf(catalog: Catalog, day?: number): { track: Track; index: number; count: number }[] {
  const sessions = day === undefined ? catalog.programme.sessions : sessionsOfDay(catalog, day);
  const counts = new Map<string, number>();
  for (const s of sessions) if (s.track) counts.set(s.track, (counts.get(s.track) ?? 0) + 1);
  return catalog.programme.conference.tracks.flatMap((track, index) => {
    const count = counts.get(track.id);
    return count ? [{ track, index, count }] : [];
  });
}

function dayHeading(ctx: ViewCtx, day: number): string | undefined {
  const iso = ctx.deps.catalog.days[day];
  return iso && formatDay(iso, ctx.deps.catalog.timezone, ctx.lang);
}

/** A day's rooms as buttons ("Janson · 24"), paged. Undefined when there is no such day. */
export function dayRoomsView(ctx: ViewCtx, day: number, page: number): View | undefined {
  const heading = dayHeading(ctx, day);
  if (!heading) return undefined;
  const all = roomsOfDay(ctx.deps.catalog, day);
  const p = pageOf(all, page, PICKER_PAGE_SIZE);
  const text = [
    ctx.t("schedule.rooms_title", { day: heading }) + pageNote(ctx, p.page, p.pages),
    ctx.t(all.length ? "schedule.pick_room" : "schedule.empty_day", { count: all.length }),
  ].join("\n");
  const keyboard = pairs(
    p.items.map(({ room, index, count }) =>
      actionButton(`${pick(ctx, room.name)} · ${count}`, { type: "room", room: index, day, page: 0 }),
    ),
  );
  const paging = pagingRow(ctx, p.page, p.pages, (n) => ({ type: "dayRooms", day, page: n }));
  if (paging.length) keyboard.push(paging);
  const modes = dayModesRow(ctx, day, "rooms");
  if (modes.length) keyboard.push(modes);
  keyboard.push(...daysRow(ctx, day));
  return { text, keyboard };
}

/**
 * Tracks as buttons ("Rust · 18"), paged: those of a day, or with `day` undefined every track (/tracks).
 * Undefined when there is no such day.
 */
export function tracksView(ctx: ViewCtx, day: number | undefined, page: number): View | undefined {
  const catalog = ctx.deps.catalog;
  const heading = day === undefined ? undefined : dayHeading(ctx, day);
  if (day !== undefined && !heading) return undefined;
  const all = tracksOf(catalog, day);
  const p = pageOf(all, page, PICKER_PAGE_SIZE);
  const title =
    heading === undefined
      ? ctx.t("tracks.title", { conference: pick(ctx, catalog.programme.conference.name) })
      : ctx.t("schedule.tracks_title", { day: heading });
  const text = [
    title + pageNote(ctx, p.page, p.pages),
    all.length ? ctx.t("tracks.pick", { count: all.length }) : ctx.t("tracks.none"),
  ].join("\n");
  const keyboard = pairs(
    p.items.map(({ track, index, count }) =>
      actionButton(`${pick(ctx, track.name)} · ${count}`, { type: "track", track: index, day, page: 0 }),
    ),
  );
  const paging = pagingRow(ctx, p.page, p.pages, (n) =>
    day === undefined ? { type: "tracks", page: n } : { type: "dayTracks", day, page: n },
  );
  if (paging.length) keyboard.push(paging);
  if (day !== undefined) {
    const modes = dayModesRow(ctx, day, "tracks");
    if (modes.length) keyboard.push(modes);
    keyboard.push(...daysRow(ctx, day));
  }
  return { text, keyboard };
}

/**
 * Lines for sessions in time order: "10:00–10:30 title", under a heading per day when `withDays`, and the ones
 * past midnight of their conference day under "🌙 Night of Fri → Sat".
 */
function listLines(
  ctx: ViewCtx,
  sessions: readonly Session[],
  withRoom: boolean,
  withTrack: boolean,
  withDays: boolean,
  nowBefore: Session | undefined,
): string[] {
  const catalog = ctx.deps.catalog;
  const tz = catalog.timezone;
  const lines: string[] = [];
  let day = "";
  let night: string | undefined;
  for (const s of sessions) {
    if (s === nowBefore)
      lines.push(ctx.t("views.now_marker", { time: formatTime(ctx.deps.clock(), tz, ctx.lang) }));
    const d = catalog.dayOf(s);
    if (withDays && d !== day) {
      lines.push("", `<b>${escapeHtml(formatDay(d, tz, ctx.lang))}</b>`);
      day = d;
    }
    const nightNow = nightOf(d, s.start, tz, ctx.lang);
    if (nightNow && nightNow !== night) lines.push(`<b>${nightNow}</b>`);
    night = nightNow;
    lines.push(
      `<code>${formatTimes(s.start, s.end, tz, ctx.lang)}</code> ${sessionLine(ctx, s, { room: withRoom, track: withTrack })}`,
    );
  }
  return lines;
}

/** One page of a list of sessions under a heading, with a button per session and paging. */
function sessionListView(
  ctx: ViewCtx,
  opts: {
    memoKey: string;
    heading: string;
    sessions: readonly Session[];
    page: number;
    withRoom: boolean;
    withTrack: boolean;
    action: (page: number) => Action;
    origin: (page: number) => Origin;
    back: InlineKeyboardButton;
  },
): View {
  const p = pageOf(opts.sessions, opts.page, LIST_PAGE_SIZE);
  const catalog = ctx.deps.catalog;
  const withDays = new Set(opts.sessions.map((s) => catalog.dayOf(s))).size > 1;
  // While the list runs (its first session has begun and another is still to come), "now" stands before
  // the next one.
  const at = ctx.deps.clock();
  const next = opts.sessions.find((s) => Date.parse(s.start) > at);
  const begun = opts.sessions[0] && Date.parse(opts.sessions[0].start) <= at;
  const nowBefore = begun && next && p.items.includes(next) ? next : undefined;
  const text = memoText(
    ctx,
    `${opts.memoKey}|${p.page}${nowBefore ? `|now${nowBefore.id}|${formatTime(at, catalog.timezone, ctx.lang)}` : ""}${starKey(
      ctx,
      p.items.map((s) => s.id),
    )}`,
    () =>
      fitLines(
        [
          opts.heading + pageNote(ctx, p.page, p.pages),
          ...listLines(ctx, p.items, opts.withRoom, opts.withTrack, withDays, nowBefore),
        ],
        MAX_MESSAGE_CHARS,
      ),
  );
  const keyboard = sessionButtons(ctx, p.items, opts.origin(p.page));
  const paging = pagingRow(ctx, p.page, p.pages, opts.action);
  if (paging.length) keyboard.push(paging);
  keyboard.push([opts.back]);
  return { text, keyboard };
}

/**
 * A room's sessions in time order, paged: on a day, or with `day` undefined on every day (a search that names
 * the room). Undefined when the room or the day does not exist.
 */
export function roomView(
  ctx: ViewCtx,
  roomIndex: number,
  day: number | undefined,
  page: number,
): View | undefined {
  const catalog = ctx.deps.catalog;
  const room = catalog.programme.conference.rooms[roomIndex];
  const heading = day === undefined ? undefined : dayHeading(ctx, day);
  if (!room || (day !== undefined && !heading)) return undefined;
  const name = truncate(pick(ctx, room.name), 100);
  const sessions = daysOrOne(catalog, day).filter((s) => s.room === room.id);
  return sessionListView(ctx, {
    memoKey: `room|${roomIndex}|${day ?? "a"}`,
    heading:
      heading === undefined
        ? ctx.t("views.room_all_title", { name, count: sessions.length })
        : ctx.t("schedule.room_title", { room: name, day: heading }),
    sessions,
    page,
    withRoom: false,
    withTrack: true,
    action: (n) => ({ type: "room", room: roomIndex, day, page: n }),
    origin: (n) => ({ to: "room", room: roomIndex, day, page: n }),
    back:
      day === undefined
        ? actionButton(plain(ctx, "menu.schedule"), { type: "days" })
        : actionButton(plain(ctx, "schedule.back_rooms"), { type: "dayRooms", day, page: 0 }),
  });
}

/** A day's sessions in time order, or with `day` undefined every day's. */
function daysOrOne(catalog: Catalog, day: number | undefined): Session[] {
  return day === undefined
    ? catalog.days.flatMap((_, d) => sessionsOfDay(catalog, d))
    : sessionsOfDay(catalog, day);
}

/**
 * A track's sessions in time order, paged: on a day, or with `day` undefined on every day (from /tracks).
 * Undefined when the track or the day does not exist.
 */
export function trackView(
  ctx: ViewCtx,
  trackIndex: number,
  day: number | undefined,
  page: number,
): View | undefined {
  const catalog = ctx.deps.catalog;
  const track = catalog.programme.conference.tracks[trackIndex];
  const heading = day === undefined ? undefined : dayHeading(ctx, day);
  if (!track || (day !== undefined && !heading)) return undefined;
  const name = truncate(pick(ctx, track.name), 100);
  const sessions = daysOrOne(catalog, day).filter((s) => s.track === track.id);
  return sessionListView(ctx, {
    memoKey: `track|${trackIndex}|${day ?? "a"}`,
    heading:
      heading === undefined
        ? ctx.t("tracks.track_title", { track: name, count: sessions.length })
        : ctx.t("schedule.track_title", { track: name, day: heading }),
    sessions,
    page,
    withRoom: true,
    withTrack: false,
    action: (n) => ({ type: "track", track: trackIndex, day, page: n }),
    origin: (n) => ({ to: "track", track: trackIndex, day, page: n }),
    back:
      day === undefined
        ? actionButton(plain(ctx, "tracks.back"), { type: "tracks", page: 0 })
        : actionButton(plain(ctx, "schedule.back_tracks"), { type: "dayTracks", day, page: 0 }),
  });
}
