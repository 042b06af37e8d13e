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
  const tz = catalog.timezone;
  const conference = catalog.programme.conference;
  const offsets = new Set(
    sessions.flatMap((s) => [
      DateTime.fromISO(s.start).setZone(tz).offset,
      DateTime.fromISO(s.end).setZone(tz).offset,
    ]),
  );
  const fixed = offsets.size === 1 ? [...offsets][0] : undefined;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//confbot//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(catalog.text(conference.name, lang))}`,
    `X-WR-TIMEZONE:${tz}`,
  ];
  if (options.refreshMinutes)
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshMinutes}M`,
      `X-PUBLISHED-TTL:PT${options.refreshMinutes}M`,
    );
  if (fixed !== undefined) {
    const off = offsetText(fixed);
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
  const when = (iso: string, name: "DTSTART" | "DTEND") =>
    fixed !== undefined
      ? `${name};TZID=${tz}:${localStamp(iso, tz)}`
      : `${name}:${utcStamp(Date.parse(iso))}`;
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
    if (alarmMinutes && !s.cancelled && !options.quiet?.has(s.id))
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${icsText(title)}`,
        `TRIGGER:-PT${alarmMinutes}M`,
        "END:VALARM",
      );
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
