import type { InlineKeyboardButton } from "grammy/types";
import type { Catalog } from "../../catalog.js";
import { isLongSession } from "../../programme/long-sessions.js";
import { isContentKind, type Programme, type Session, type SessionKind } from "../../programme/model.js";
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
import { actionButton, memoText, pick, plain, star, starKey, type View, type ViewCtx } from "./view.js";

/** At most this many sessions on one page of a day (so text and keyboard stay well inside Telegram's limits). */
export const DAY_PAGE_SIZE = 16;
/**
 * At most this many characters of session lines on one page of a day, counted on the longest language's texts
 * as lines show them (cut, escaped): with the room, track and speakers on every line, 16 long lines would not
 * fit one message, and a page cut by the message limit would hide sessions that have buttons.
 */
export const DAY_PAGE_CHARS = 3_000;

/** Per programme version: each day's sessions and pages (a new programme object after a reload starts afresh). */
const byProgramme = new WeakMap<
  Programme,
  { sessions: Map<number, Session[]>; pages: Map<number, Session[][]> }
>();

function cacheFor(catalog: Catalog) {
  let cache = byProgramme.get(catalog.programme);
  if (!cache) {
    cache = { sessions: new Map(), pages: new Map() };
    byProgramme.set(catalog.programme, cache);
  }
  return cache;
}

/** A conference day's sessions in time order, then in the order of the rooms. */
export function sessionsOfDay(catalog: Catalog, day: number): Session[] {
  const cache = cacheFor(catalog);
  const known = cache.sessions.get(day);
  if (known) return known;
  const iso = catalog.days[day];
  if (!iso) return [];
  const roomOrder = (s: Session) => catalog.roomPosition(s.room);
  const sessions = catalog
    .sessionsOn(iso)
    .sort(
      (a, b) =>
        Date.parse(a.start) - Date.parse(b.start) ||
        roomOrder(a) - roomOrder(b) ||
        Date.parse(a.end) - Date.parse(b.end),
    );
  cache.sessions.set(day, sessions);
  return sessions;
}

/**
 * A day's sessions as its by-time list shows them: the regular ones by time and room, then the long ones
 * (all-day items, multi-hour workshops: src/programme/long-sessions.ts) by time and room.
 */
export function dayOrder(catalog: Catalog, day: number): Session[] {
  const sessions = sessionsOfDay(catalog, day);
  const long = sessions.filter((s) => isLongSession(catalog.programme, s));
  if (!long.length) return sessions;
  const longIds = new Set(long.map((s) => s.id));
  return [...sessions.filter((s) => !longIds.has(s.id)), ...long];
}

/** What a slot's time header and the blank line above it take. */
const SLOT_CHARS = 30;

/** The most characters a session's line can take in any language (its texts cut and escaped as lines show them). */
function lineChars(catalog: Catalog, s: Session): number {
  const longest = (text: Record<string, string> | undefined, max: number) =>
    Math.max(0, ...Object.values(text ?? {}).map((v) => escapeHtml(truncate(v, max)).length));
  const speakers = catalog.speakersOf(s).slice(0, 3);
  const names = speakers.reduce((n, sp) => n + longest(sp.name, 60) + 2, 0);
  return (
    30 + // mark, separators, tags, "(–12:30, cancelled)"
    longest(catalog.room(s.room)?.name, 40) +
    longest(catalog.track(s.track)?.name, 40) +
    longest(s.title, 90) +
    Math.min(names, 70)
  );
}

/**
 * A day's sessions ({@link dayOrder}) cut into pages of at most {@link DAY_PAGE_SIZE} sessions and
 * {@link DAY_PAGE_CHARS} characters, preferring cuts between time slots.
 */
export function dayPages(catalog: Catalog, day: number): Session[][] {
  const cache = cacheFor(catalog);
  const known = cache.pages.get(day);
  if (known) return known;
  const pages: Session[][] = [];
  let page: Session[] = [];
  let chars = 0;
  for (const s of dayOrder(catalog, day)) {
    const last = page[page.length - 1];
    const newSlot = !last || last.start !== s.start;
    const line = lineChars(catalog, s);
    const full = page.length >= DAY_PAGE_SIZE || chars + line + (newSlot ? SLOT_CHARS : 0) > DAY_PAGE_CHARS;
    if (page.length && (full || (newSlot && page.length >= DAY_PAGE_SIZE - 3))) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    // A page that opens inside a slot repeats its time.
    chars += line + (newSlot || !page.length ? SLOT_CHARS : 0);
    page.push(s);
  }
  if (page.length) pages.push(page);
  cache.pages.set(day, pages);
  return pages;
}

/**
 * The page of a day's by-time list ({@link dayPages}) that holds the moment `at`, and the session before which
 * it falls there: the first regular session that starts after `at` (undefined when every one has started, and
 * the page is the last with regular sessions).
 */
export function nowInDay(catalog: Catalog, day: number, at: number): { page: number; before?: Session } {
  const pages = dayPages(catalog, day);
  let lastRegular = 0;
  for (const [i, page] of pages.entries())
    for (const s of page) {
      if (isLongSession(catalog.programme, s)) continue;
      if (Date.parse(s.start) > at) return { page: i, before: s };
      lastRegular = i;
    }
  return { page: lastRegular };
}

/** Which day (index into the conference's days) and page of it a session is on. */
export function dayLocation(catalog: Catalog, session: Session): { day: number; page: number } | undefined {
  const day = catalog.days.indexOf(catalog.dayOf(session));
  if (day < 0) return undefined;
  const page = dayPages(catalog, day).findIndex((p) => p.some((s) => s.id === session.id));
  return { day, page: Math.max(0, page) };
}

/**
 * One line of a schedule: room (unless `room: false`), track (unless `track: false`; FOSDEM's devroom), title
 * (struck through when cancelled, ⭐ before it when the reader follows it, unless `starred: false`) and
 * speakers; `end` when the slot's header cannot show it, in the same brackets as "cancelled": "(–12:30, cancelled)".
 */
export function sessionLine(
  ctx: ViewCtx,
  s: Session,
  {
    room: withRoom = true,
    track: withTrack = true,
    end,
    starred = true,
  }: { room?: boolean; track?: boolean; end?: string; starred?: boolean } = {},
): string {
  const catalog = ctx.deps.catalog;
  const title = (starred ? star(ctx, s.id) : "") + escapeHtml(truncate(pick(ctx, s.title), 90));
  const people = catalog.speakersOf(s);
  const names = people.slice(0, 3).map((sp) => pick(ctx, sp.name));
  if (people.length > 3) names.push(plain(ctx, "card.and_more", { count: people.length - 3 }));
  const room = withRoom ? catalog.roomName(s.room, ctx.lang) : undefined;
  const track = withTrack && s.track ? catalog.trackName(s.track, ctx.lang) : undefined;
  const key = s.cancelled
    ? end
      ? "schedule.line_cancelled_until"
      : "schedule.line_cancelled"
    : "schedule.line";
  return ctx.t(end && !s.cancelled ? "schedule.line_until" : key, {
    end,
    title,
    room: room ? `${escapeHtml(truncate(room, 40))} · ` : "",
    track: track ? `<i>${escapeHtml(truncate(track, 40))}</i> · ` : "",
    speakers: names.length ? ` — ${escapeHtml(truncate(names.join(", "), 60))}` : "",
    icon: KIND_ICONS[s.kind] ?? "•",
  });
}

/** The mark of a schedule line by kind: content is "•"; a coffee break, a meal and anything else their own. */
const KIND_ICONS: Partial<Record<SessionKind, string>> = { break: "☕", meal: "🍽", other: "▫️" };

/**
 * Lines for sessions grouped by start time: "<b>11:30–12:30</b>" then one line per session (when the sessions
 * of a group end at different times, the header shows the start and each line its end). Slots past midnight
 * that still belong to the conference day before come under "🌙 Night of Fri → Sat".
 */
export function slotLines(ctx: ViewCtx, sessions: readonly Session[]): string[] {
  const tz = ctx.deps.catalog.timezone;
  const groups: Session[][] = [];
  for (const s of sessions) {
    const last = groups[groups.length - 1];
    if (last?.[0] && Date.parse(last[0].start) === Date.parse(s.start)) last.push(s);
    else groups.push([s]);
  }
  const lines: string[] = [];
  let night: string | undefined;
  for (const group of groups) {
    const first = group[0] as Session;
    const sameEnd = group.every((s) => Date.parse(s.end) === Date.parse(first.end));
    if (lines.length) lines.push("");
    // Past midnight, still the same conference day: said once, above the first such slot.
    const nightNow = nightOf(ctx.deps.catalog.dayOf(first), first.start, tz, ctx.lang);
    if (nightNow && nightNow !== night) lines.push(`<b>${nightNow}</b>`, "");
    night = nightNow;
    lines.push(
      `<b>${sameEnd ? formatTimes(first.start, first.end, tz, ctx.lang) : formatTime(first.start, tz, ctx.lang)}</b>`,
    );
    for (const s of group)
      lines.push(sessionLine(ctx, s, { end: sameEnd ? undefined : formatTime(s.end, tz, ctx.lang) }));
  }
  return lines;
}

/** A button per talk, keynote and workshop, opening its card with "Back" to `origin` (its day by default). */
export function sessionButtons(
  ctx: ViewCtx,
  sessions: readonly Session[],
  origin: Origin = { to: "day" },
): InlineKeyboardButton[][] {
  const tz = ctx.deps.catalog.timezone;
  return sessions
    .filter((s) => isContentKind(s.kind))
    .map((s) => [
      actionButton(`${star(ctx, s.id)}${formatTime(s.start, tz, ctx.lang)} ${pick(ctx, s.title)}`, {
        type: "session",
        key: ctx.deps.catalog.sessionKey(s.id),
        page: 0,
        origin,
      }),
    ]);
}

/** How a day can be browsed. */
export type DayMode = "time" | "rooms" | "tracks";

/**
 * The row that switches a day between by time, by room and by track (the current mode marked; "by track"
 * only when the day has tracked sessions, "by room" only when it has rooms).
 */
export function dayModesRow(ctx: ViewCtx, day: number, current: DayMode): InlineKeyboardButton[] {
  const catalog = ctx.deps.catalog;
  const sessions = sessionsOfDay(catalog, day);
  const modes: [DayMode, Action][] = [["time", { type: "day", day, page: 0 }]];
  if (sessions.some((s) => s.room)) modes.push(["rooms", { type: "dayRooms", day, page: 0 }]);
  if (sessions.some((s) => s.track)) modes.push(["tracks", { type: "dayTracks", day, page: 0 }]);
  if (modes.length < 2) return [];
  return modes.map(([mode, action]) => {
    const label = plain(ctx, `schedule.by_${mode}`);
    return actionButton(mode === current ? `· ${label} ·` : label, action);
  });
}

/** A row of buttons, one per conference day, the current one marked. */
export function daysRow(ctx: ViewCtx, current?: number): InlineKeyboardButton[][] {
  const catalog = ctx.deps.catalog;
  const buttons = catalog.days.map((iso, day) => {
    const label = formatDay(iso, catalog.timezone, ctx.lang, ctx.deps.clock());
    return actionButton(day === current ? `· ${label} ·` : label, { type: "day", day, page: 0 });
  });
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
  return rows;
}

/** The day picker of /schedule. */
export function daysView(ctx: ViewCtx): View {
  const conference = ctx.deps.catalog.programme.conference;
  const lines = [ctx.t("schedule.pick_day", { conference: pick(ctx, conference.name) })];
  if (conference.note) lines.push("", ctx.t("schedule.note", { note: pick(ctx, conference.note) }));
  return { text: lines.join("\n"), keyboard: daysRow(ctx) };
}

/**
 * The lines of one page of a day by time: its regular sessions by slot, the line saying "now" before the first
 * slot still to come (today only), and its long sessions under their own heading.
 */
function dayPageLines(ctx: ViewCtx, sessions: readonly Session[], nowBefore: Session | undefined): string[] {
  const catalog = ctx.deps.catalog;
  const long = sessions.filter((s) => isLongSession(catalog.programme, s));
  const regular = sessions.filter((s) => !long.includes(s));
  const cut = nowBefore ? regular.indexOf(nowBefore) : -1;
  const lines: string[] = [];
  if (cut < 0) lines.push(...slotLines(ctx, regular));
  else {
    const at = ctx.deps.clock();
    if (cut > 0) lines.push(...slotLines(ctx, regular.slice(0, cut)), "");
    lines.push(ctx.t("views.now_marker", { time: formatTime(at, catalog.timezone, ctx.lang) }), "");
    lines.push(...slotLines(ctx, regular.slice(cut)));
  }
  if (long.length) {
    if (lines.length) lines.push("");
    lines.push(ctx.t("views.long_title"), "", ...slotLines(ctx, long));
  }
  return lines;
}

/**
 * One page of a day of the schedule: sessions by time and room (long ones last), a button per session, the
 * days, paging, and on the conference day of today the line saying "now" and a button to its page.
 * `intro` (trusted HTML) goes above it, e.g. "the conference is over". Undefined when there is no such day.
 */
export function dayView(ctx: ViewCtx, day: number, page = 0, intro?: string): View | undefined {
  const catalog = ctx.deps.catalog;
  const iso = catalog.days[day];
  if (!iso) return undefined;
  const pages = dayPages(catalog, day);
  const p = Math.min(Math.max(0, page), Math.max(0, pages.length - 1));
  const sessions = pages[p] ?? [];
  const at = ctx.deps.clock();
  const today = catalog.dayOf(at) === iso;
  const now = today ? nowInDay(catalog, day, at) : undefined;
  const nowBefore = now?.page === p ? now.before : undefined;
  const body = memoText(
    ctx,
    `day|${day}|${p}${nowBefore ? `|now${nowBefore.id}|${formatTime(at, catalog.timezone, ctx.lang)}` : ""}${starKey(
      ctx,
      sessions.map((s) => s.id),
    )}`,
    () => {
      const head = ctx.t("schedule.day_title", {
        day: formatDay(iso, catalog.timezone, ctx.lang, ctx.deps.clock()),
      });
      const pageNote = pages.length > 1 ? ` ${ctx.t("nav.page", { page: p + 1, pages: pages.length })}` : "";
      const lines = [head + pageNote, ""];
      if (sessions.length) lines.push(...dayPageLines(ctx, sessions, nowBefore));
      else lines.push(ctx.t("schedule.empty_day"));
      return fitLines(lines, MAX_MESSAGE_CHARS - 600); // room for an intro above
    },
  );
  const lines = [...(intro ? [intro, ""] : []), body];
  const keyboard = sessionButtons(ctx, sessions);
  if (pages.length > 1) {
    const nav: InlineKeyboardButton[] = [];
    if (p > 0) nav.push(actionButton(plain(ctx, "nav.prev"), { type: "day", day, page: p - 1 }));
    if (today) nav.push(actionButton(plain(ctx, "views.jump_now"), { type: "dayNow", day }));
    if (p < pages.length - 1)
      nav.push(actionButton(plain(ctx, "nav.next"), { type: "day", day, page: p + 1 }));
    keyboard.push(nav);
  }
  const modes = dayModesRow(ctx, day, "time");
  if (modes.length) keyboard.push(modes);
  keyboard.push(...daysRow(ctx, day));
  return { text: fitLines(lines), keyboard };
}

/** A day by time at the page that holds the present moment (the page `dn:` opens); undefined for no such day. */
export function dayNowView(ctx: ViewCtx, day: number): View | undefined {
  const catalog = ctx.deps.catalog;
  if (!catalog.days[day]) return undefined;
  return dayView(ctx, day, nowInDay(catalog, day, ctx.deps.clock()).page);
}
