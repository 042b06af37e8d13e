import { DateTime } from "luxon";
import type { Catalog } from "../../catalog.js";
import type { Lang, Session } from "../../programme/model.js";

/** Escapes a TEXT value of iCalendar (RFC 5545 §3.3.11). */
export function icsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length ? 74 : 75; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const utcStamp = (ms: number) => DateTime.fromMillis(ms, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");
const localStamp = (iso: string, tz: string) =>
  DateTime.fromISO(iso).setZone(tz).toFormat("yyyyMMdd'T'HHmmss");

/** "+0600" for an offset in minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** Sessions of one conference, read in its catalogue (its timezone, rooms, speakers and venue). */
export interface IcsGroup {
  catalog: Catalog;
  sessions: readonly Session[];
}

/** What {@link buildIcs} and {@link buildSeriesIcs} take besides the sessions. */
export interface IcsOptions {
  /** A link to each session (its card in the bot, or the Mini App). */
  link?: (session: Session) => string;
  /** Each event that takes place carries a VALARM this many minutes before it starts. */
  alarmMinutes?: number;
  /** For a subscribed feed: calendar apps are asked to poll it this often. */
  refreshMinutes?: number;
  /** Sessions whose reminder is off: no alarm. */
  quiet?: ReadonlySet<string>;
}

/**
 * The sessions as an iCalendar file (`text/calendar`). Times are written in the conference's timezone with a
 * VTIMEZONE that holds its UTC offset, when that offset is the same for every session (the usual case); when
 * it changes (a DST switch during the conference) they are written in UTC instead, which is always exact.
 * UIDs are stable per session, so importing the file again updates the events rather than duplicating them.
 * With `alarmMinutes`, every event that takes place carries a VALARM that many minutes before it starts: the
 * calendar reminds the user as the bot would — except of the sessions in `quiet` (their reminder is off).
 * `refreshMinutes` (for a subscribed feed) asks calendar apps to poll it that often.
 */
export function buildIcs(
  catalog: Catalog,
  sessions: readonly Session[],
  lang: Lang,
  now: number,
  link?: (session: Session) => string,
  alarmMinutes?: number,
  options: { refreshMinutes?: number; quiet?: ReadonlySet<string> } = {},
): string {
  return buildSeriesIcs([{ catalog, sessions }], lang, now, {
    ...options,
    ...(link ? { link } : {}),
    ...(alarmMinutes ? { alarmMinutes } : {}),
  });
}

/**
 * {@link buildIcs} for the sessions of several conferences in one calendar (a user's follows across a series):
 * each event in its own conference's zone, place and speakers. A zone gets a VTIMEZONE only when every event
 * in it has one UTC offset — two editions in one city may not (Yekaterinburg was UTC+6 in 2013, +5 in 2015) —
 * else its events are written in UTC. The calendar is named after the conferences.
 */
export function buildSeriesIcs(
  groups: readonly IcsGroup[],
  lang: Lang,
  now: number,
  options: IcsOptions = {},
): string {
  const offsets = new Map<string, Set<number>>();
  for (const { catalog, sessions } of groups) {
    const tz = catalog.timezone;
    const set = offsets.get(tz) ?? new Set<number>();
    for (const s of sessions)
      set.add(DateTime.fromISO(s.start).setZone(tz).offset).add(DateTime.fromISO(s.end).setZone(tz).offset);
    offsets.set(tz, set);
  }
  const fixed = new Map(
    [...offsets].flatMap(([tz, set]) => (set.size === 1 ? [[tz, [...set][0] as number]] : [])),
  );
  const names = groups
    .map((g) => g.catalog.text(g.catalog.programme.conference.name, lang))
    .filter((n, i, all) => n && all.indexOf(n) === i);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//confbot//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(names.join(" · ") || "confbot")}`,
  ];
  const first = groups[0]?.catalog.timezone;
  if (first) lines.push(`X-WR-TIMEZONE:${first}`);
  if (options.refreshMinutes)
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshMinutes}M`,
      `X-PUBLISHED-TTL:PT${options.refreshMinutes}M`,
    );
  for (const [tz, offset] of fixed) {
    const off = offsetText(offset);
    lines.push(
      "BEGIN:VTIMEZONE",
      `TZID:${tz}`,
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${off}`,
      `TZOFFSETTO:${off}`,
      "END:STANDARD",
      "END:VTIMEZONE",
    );
  }
  for (const { catalog, sessions } of groups)
    lines.push(...events(catalog, sessions, lang, now, fixed.has(catalog.timezone), options));
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** The VEVENTs of one conference's sessions; times in its zone when `zoned` (it has a VTIMEZONE), else UTC. */
function events(
  catalog: Catalog,
  sessions: readonly Session[],
  lang: Lang,
  now: number,
  zoned: boolean,
  { link, alarmMinutes, quiet }: IcsOptions,
): string[] {
  const tz = catalog.timezone;
  const conference = catalog.programme.conference;
  const when = (iso: string, name: "DTSTART" | "DTEND") =>
    zoned ? `${name};TZID=${tz}:${localStamp(iso, tz)}` : `${name}:${utcStamp(Date.parse(iso))}`;
  const lines: string[] = [];
  for (const s of sessions) {
    const speakers = catalog
      .speakersOf(s)
      .map((sp) => catalog.text(sp.name, lang))
      .join(", ");
    const room = catalog.roomName(s.room, lang);
    // Where to go, most precise first: "Hall A, Conference centre, Yekaterinburg" (repeats left out).
    const place = [room, catalog.text(conference.venue, lang), catalog.text(conference.city, lang)].filter(
      (p, i, all): p is string => Boolean(p) && all.indexOf(p) === i,
    );
    const title = catalog.text(s.title, lang);
    const description = [speakers, catalog.text(s.abstract, lang).trim()].filter(Boolean).join("\n\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${s.id}@confbot`,
      `DTSTAMP:${utcStamp(now)}`,
      when(s.start, "DTSTART"),
      when(s.end, "DTEND"),
      `SUMMARY:${icsText(speakers ? `${title} — ${speakers}` : title)}`,
    );
    if (place.length) lines.push(`LOCATION:${icsText(place.join(", "))}`);
    if (description) lines.push(`DESCRIPTION:${icsText(description)}`);
    if (link) lines.push(`URL:${link(s)}`);
    lines.push(`STATUS:${s.cancelled ? "CANCELLED" : "CONFIRMED"}`);
    if (alarmMinutes && !s.cancelled && !quiet?.has(s.id))
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${icsText(title)}`,
        `TRIGGER:-PT${alarmMinutes}M`,
        "END:VALARM",
      );
    lines.push("END:VEVENT");
  }
  return lines;
}
