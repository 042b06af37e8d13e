/** Times and days in the conference's timezone and the reader's language (Intl, no libraries). */
import type { ApiLang } from "../../src/webapp/api-types.js";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: ApiLang, tz: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${tz}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "ru" ? "ru-RU" : "en-GB", { timeZone: tz, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "11:00". */
export function time(ms: number, lang: ApiLang, tz: string): string {
  return formatter(lang, tz, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
}

/** "11:00–12:00". */
export function span(start: number, end: number, lang: ApiLang, tz: string): string {
  return `${time(start, lang, tz)}–${time(end, lang, tz)}`;
}

/** "Sat 31 Jan" / "сб, 31 янв." for an ISO date. */
export function dayLabel(date: string, lang: ApiLang): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return formatter(lang, "UTC", { weekday: "short", day: "numeric", month: "short" }).format(
    Date.UTC(y, m - 1, d, 12),
  );
}

/**
 * The one rule for a session's date on a line or a card: the calendar day its start falls on, never the
 * conference day it is filed under (past midnight at 38C3 that is the day before) — "Sat 28 Dec", as the bot.
 */
export function startDay(start: number, lang: ApiLang, tz: string): string {
  return dayLabel(isoDate(start, tz), lang);
}

/** The ISO date of an instant in a timezone. */
export function isoDate(ms: number, tz: string): string {
  const parts = formatter("en", tz, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
