/**
 * Conference days. A day runs from its day change to the next (38C3's until 06:00, FOSDEM's until 09:00), so
 * an event at 01:30 belongs to the day before. The day change comes from what the source says, checked
 * against the days it files its events under.
 */
import { DateTime } from "luxon";
import type { RawDay } from "./raw.js";
import { dayOf, instantMs, mostCommon } from "./time.js";

/** The local clock time ("HH:MM") of a day bound; "03:59"/"08:59:59"-style ends are rounded up to the next minute. */
function boundClock(iso: string | undefined, zone: string, isEnd: boolean): string | undefined {
  if (!iso) return undefined;
  const ms = instantMs(iso);
  if (Number.isNaN(ms)) return undefined;
  let dt = DateTime.fromMillis(ms, { zone });
  if (isEnd && (dt.second > 0 || dt.minute % 5 === 4)) dt = dt.plus({ minutes: 1 }).startOf("minute");
  return dt.toFormat("HH:mm");
}

/**
 * The day change that files the most events under the days the source gives them. Candidates, in order of
 * preference: the end of the source's days, their start, its own `day_change`, midnight.
 */
export function chooseDayChange(
  days: RawDay[],
  sourceDayChange: string | undefined,
  events: { start: number; dayDate?: string }[],
  zone: string,
): string {
  const spans = days.filter((d) => d.start && d.end && instantMs(d.end) > instantMs(d.start));
  const candidates = [
    mostCommon(spans.map((d) => boundClock(d.end, zone, true)).filter((c) => c !== undefined)),
    mostCommon(spans.map((d) => boundClock(d.start, zone, false)).filter((c) => c !== undefined)),
    sourceDayChange && /^\d{1,2}:\d{2}/.test(sourceDayChange)
      ? sourceDayChange.slice(0, 5).padStart(5, "0")
      : undefined,
    "00:00",
  ].filter((c): c is string => c !== undefined);
  const dated = events.filter((e) => e.dayDate);
  let best = candidates[0] ?? "00:00";
  let bestMisses = Number.POSITIVE_INFINITY;
  for (const dayChange of candidates) {
    const misses = dated.filter((e) => dayOf(e.start, zone, dayChange) !== e.dayDate).length;
    if (misses < bestMisses) {
      best = dayChange;
      bestMisses = misses;
    }
  }
  return best;
}

/** The conference days: those its sessions fall on, else the days the source declares. */
export function conferenceDays(
  starts: number[],
  declared: string[],
  zone: string,
  dayChange: string,
): string[] {
  const days = new Set(starts.map((s) => dayOf(s, zone, dayChange)));
  if (!days.size) for (const d of declared) days.add(d);
  return [...days].sort();
}
