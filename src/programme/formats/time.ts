/** Time rules shared by the loaders: durations, zones, local clock times, offsets. */
import { DateTime, FixedOffsetZone, IANAZone } from "luxon";

/** How a duration was written: "0:30" (unpadded hours) or "00:30"; "other" for anything else parsed. */
export type DurationStyle = "h:mm" | "hh:mm" | "other";

/** A parsed duration in minutes and how it was written; undefined when it is no duration at all. */
export function parseDuration(
  raw: string | undefined,
): { minutes: number; style: DurationStyle } | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  // frab: "HH:MM" or "H:MM", sometimes "HH:MM:SS"; iCalendar-style "PT1H30M".
  const clock = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (clock) {
    const [, h = "0", m = "0", sec] = clock;
    const minutes = Number(h) * 60 + Number(m) + (sec ? Number(sec) / 60 : 0);
    const style: DurationStyle = sec ? "other" : h.length === 1 ? "h:mm" : "hh:mm";
    return { minutes, style };
  }
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?$/i.exec(s);
  if (!iso || (!iso[1] && !iso[2])) return undefined;
  return { minutes: Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0), style: "other" };
}

/** Whether `zone` names an IANA timezone luxon knows. */
export function isIanaZone(zone: string | undefined): zone is string {
  return !!zone && IANAZone.isValidZone(zone);
}

/**
 * A timezone given by an organizer (PROGRAMME_TIMEZONE, --timezone): an IANA name or a fixed offset such as
 * "UTC+01:00". Returns the name luxon uses, or undefined when luxon does not know it.
 */
export function normaliseZone(zone: string): string | undefined {
  const z = zone.trim();
  if (IANAZone.isValidZone(z)) return z;
  const fixed = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (fixed) {
    const minutes = (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * (fixed[1] === "-" ? -1 : 1);
    return fixedZoneName(minutes);
  }
  if (/^(utc|gmt|z)$/i.test(z)) return "UTC";
  return undefined;
}

/** A fixed-offset zone luxon accepts, named like "UTC+01:00" (or "UTC"). */
export function fixedZoneName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const name = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  // Luxon parses "UTC+01:00" itself (FixedOffsetZone), independent of Intl.
  return FixedOffsetZone.parseSpecifier(name) ? name : "UTC";
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** The UTC offset (minutes) an ISO instant was written with; undefined when it carries none. */
export function offsetOf(iso: string): number | undefined {
  const m = ISO_INSTANT.exec(iso.trim());
  if (!m || Number.isNaN(Date.parse(iso.trim()))) return undefined;
  if (m[1]?.toUpperCase() === "Z") return 0;
  return (Number(m[3]) * 60 + Number(m[4])) * (m[2] === "-" ? -1 : 1);
}

/** Milliseconds of an ISO instant with an offset; NaN when it is not one. */
export function instantMs(iso: string): number {
  const s = iso.trim();
  return ISO_INSTANT.test(s) ? Date.parse(s) : Number.NaN;
}

/** Milliseconds of a local clock time ("2020-02-01T09:30") in a zone; NaN when invalid. */
export function localMs(local: string, zone: string): number {
  const dt = DateTime.fromISO(local, { zone });
  return dt.isValid ? dt.toMillis() : Number.NaN;
}

// Offsets by zone and quarter hour: luxon asks Intl for every conversion, which costs seconds at FOSDEM size.
// Every real offset change falls on a quarter hour (UTC), so an offset holds within each quarter.
const offsets = new Map<string, Map<number, number>>();

/** The UTC offset (minutes) of a zone at an instant. */
export function offsetAt(zone: string, ms: number): number {
  const quarter = Math.floor(ms / 900_000);
  let byQuarter = offsets.get(zone);
  if (!byQuarter) {
    byQuarter = new Map();
    offsets.set(zone, byQuarter);
  }
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    offset = DateTime.fromMillis(ms, { zone }).offset;
    byQuarter.set(quarter, offset);
  }
  return offset;
}

/** The wall clock of an instant in a zone, as "YYYY-MM-DDTHH:MM:SS". */
function wallClock(ms: number, zone: string): string {
  return new Date(ms + offsetAt(zone, ms) * 60_000).toISOString().slice(0, 19);
}

/** The local clock time ("HH:MM") of an instant in a zone. */
export function clockOf(ms: number, zone: string): string {
  return wallClock(ms, zone).slice(11, 16);
}

/** The calendar date (ISO) of an instant in a zone. */
export function dateOf(ms: number, zone: string): string {
  return wallClock(ms, zone).slice(0, 10);
}

/** The conference day of an instant: its date in the zone after moving back by the day change ("06:00"). */
export function dayOf(ms: number, zone: string, dayChange = "00:00"): string {
  const [h = 0, m = 0] = dayChange.split(":").map(Number);
  const shifted = ms - (h * 60 + m) * 60_000;
  // The offset at the instant itself: the clock reading, minus the day change, on the calendar.
  return new Date(shifted + offsetAt(zone, ms) * 60_000).toISOString().slice(0, 10);
}

/** An instant as ISO 8601 with the zone's offset, to the second ("Z" in UTC). */
export function isoIn(ms: number, zone: string): string {
  const offset = offsetAt(zone, ms);
  if (offset === 0 && zone === "UTC") return `${wallClock(ms, zone)}Z`;
  const abs = Math.abs(offset);
  const sign = offset < 0 ? "-" : "+";
  return `${wallClock(ms, zone)}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The most common value of a list (first seen wins ties); undefined for an empty list. */
export function mostCommon<T>(values: Iterable<T>): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, c] of counts)
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  return best;
}
