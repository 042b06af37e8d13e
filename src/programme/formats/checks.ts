/**
 * What an imported schedule does that the bot tolerates: clashes of rooms and speakers, zero-length and
 * very long events, events past midnight. These are warnings, never errors: the organizers published them.
 */

import { DateTime } from "luxon";
import { type Programme, pickText, type Session, type SourceWarning } from "../model.js";
import { dateOf, dayOf, isoIn } from "./time.js";

const LONG_MS = 12 * 3600_000;

/** Where and when a session is, for messages: `"Title" (2024-12-27 10:30, Saal 1)`. */
export function describeSession(s: Session, p: Programme): string {
  const c = p.conference;
  const title = pickText(s.title, c.languages[0] ?? "en", c.languages) ?? s.id;
  const when = isoIn(Date.parse(s.start), c.timezone).slice(0, 16).replace("T", " ");
  const room = c.rooms.find((r) => r.id === s.room);
  const roomName = room ? pickText(room.name, c.languages[0] ?? "en", c.languages) : undefined;
  return `"${title}" (${when}${roomName ? `, ${roomName}` : ""})`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Pairs of sessions of one group (a room, a speaker) that overlap in time. */
function overlaps(sessions: Session[]): [Session, Session][] {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const out: [Session, Session][] = [];
  let running: Session | undefined; // the session reaching furthest so far
  for (const s of sorted) {
    if (running && Date.parse(s.start) < Date.parse(running.end)) out.push([running, s]);
    if (!running || Date.parse(s.end) > Date.parse(running.end)) running = s;
  }
  return out;
}

/** The warnings about a built programme's sessions. */
export function checkSessions(p: Programme): SourceWarning[] {
  const out: SourceWarning[] = [];
  const live = p.sessions.filter((s) => !s.cancelled);
  const byRoom = new Map<string, Session[]>();
  const bySpeaker = new Map<string, Session[]>();
  for (const s of live) {
    if (s.room) push(byRoom, s.room, s);
    for (const sp of s.speakers) push(bySpeaker, sp, s);
  }
  for (const sessions of byRoom.values())
    for (const [a, b] of overlaps(sessions))
      out.push({
        code: "room-double-booked",
        message: `${describeSession(b, p)} overlaps ${describeSession(a, p)} in the same room`,
      });
  const names = new Map(p.speakers.map((s) => [s.id, Object.values(s.name)[0] ?? s.id]));
  for (const [id, sessions] of bySpeaker)
    for (const [a, b] of overlaps(sessions))
      out.push({
        code: "speaker-double-booked",
        message: `${names.get(id)} is in ${describeSession(a, p)} and ${describeSession(b, p)} at once`,
      });

  const c = p.conference;
  for (const s of p.sessions) {
    const length = Date.parse(s.end) - Date.parse(s.start);
    if (length <= 0) out.push({ code: "zero-length", message: `${describeSession(s, p)} has no duration` });
    else if (length >= LONG_MS)
      out.push({
        code: "long-event",
        message: `${describeSession(s, p)} lasts ${Math.round(length / 360_000) / 10} hours`,
      });
    const start = Date.parse(s.start);
    const calendarDay = dateOf(start, c.timezone);
    const day = dayOf(start, c.timezone, c.dayChange);
    if (calendarDay > day)
      out.push({
        code: "past-midnight",
        message: `${describeSession(s, p)} is after midnight and belongs to the day of ${day}`,
      });
    if (!s.speakers.length && s.kind !== "break" && s.kind !== "meal")
      out.push({ code: "no-speakers", message: `${describeSession(s, p)} has no speakers` });
  }
  return out;
}

/**
 * Times written with a UTC offset other than the conference timezone's at that instant: `09:00+06:00` in a
 * zone at +05:00 that day is 08:00 there — seldom what was meant (a copied offset, a zone that changed its
 * rules). Times in UTC (`Z`) are unambiguous and left alone. One warning per session, about its start if
 * that is off, else its end.
 */
export function checkOffsets(p: Programme): SourceWarning[] {
  const tz = p.conference.timezone;
  const out: SourceWarning[] = [];
  for (const s of p.sessions) {
    for (const field of ["start", "end"] as const) {
      const written = s[field];
      if (/Z$/i.test(written)) continue;
      const as = DateTime.fromISO(written, { setZone: true });
      const there = as.setZone(tz);
      if (!as.isValid || !there.isValid || as.offset === there.offset) continue;
      out.push({
        code: "offset-mismatch",
        message: `${describeSession(s, p)}: ${field} ${written} is ${there.toFormat("HH:mm")} in ${tz}, which is at UTC${there.toFormat("ZZ")} that day`,
        session: s.id,
        values: {
          field,
          written: as.toFormat("HH:mm"),
          offset: as.toFormat("ZZ"),
          local: there.toFormat("HH:mm"),
          zoneOffset: there.toFormat("ZZ"),
          timezone: tz,
        },
      });
      break;
    }
  }
  return out;
}
