/**
 * Pure text helpers for the bot's HTML messages: escaping, shortening, and dates and times in the
 * conference's timezone and the reader's language.
 */
import { DateTime } from "luxon";
import type { Lang } from "../../programme/model.js";

/** Telegram's limit for the text of a message (after entities are parsed; we count the HTML, which is longer). */
export const MAX_MESSAGE_CHARS = 4096;
/** A button label longer than this is shortened (Telegram truncates long labels anyway). */
export const MAX_BUTTON_CHARS = 48;

const HTML_SPECIAL = /[&<>"]/;

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  // Most texts have nothing to escape: one scan instead of four replacements.
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Shortens plain text to at most `max` characters (code points), cutting at a word boundary when one is
 * near and ending with "…". Text that fits comes back unchanged.
 */
export function truncate(text: string, max: number): string {
  // A text of at most `max` UTF-16 units has at most `max` code points: it fits without being split up.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return "…".slice(0, max);
  let cut = chars.slice(0, max - 1).join("");
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s.,;:–—-]+$/u, "")}…`;
}

const labels = new Map<string, string>();

/**
 * A button label: one line, at most {@link MAX_BUTTON_CHARS} characters. Every screen makes a dozen from few
 * distinct texts (titles, names, numbered and starred): each is remembered (emptied when it grows large).
 */
export function buttonLabel(text: string): string {
  let label = labels.get(text);
  if (label === undefined) {
    if (labels.size >= 20_000) labels.clear();
    label = truncate(text.replace(/\s+/g, " ").trim(), MAX_BUTTON_CHARS);
    labels.set(text, label);
  }
  return label;
}

const memo = new Map<string, string>();

/**
 * Formatting with luxon in a named timezone is slow (tens of microseconds), and a programme has few distinct
 * instants: results are remembered (the memo is simply emptied when it grows large).
 */
function remembered(key: string, make: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= 20_000) memo.clear();
    value = make();
    memo.set(key, value);
  }
  return value;
}

/** Per timezone, the year `now` last fell in and that year's bounds (ms): the year changes once a year. */
const years = new Map<string, { year: number; from: number; until: number }>();

/**
 * The year an instant falls in, in a timezone. Working it out with luxon takes a zone offset look-up (tens of
 * microseconds), and every formatted day and time range asks it of the clock's `now`: the year's bounds are
 * remembered per timezone, so an instant inside them is answered by two comparisons.
 */
export function yearIn(instant: number, timezone: string): number {
  const known = years.get(timezone);
  if (known && instant >= known.from && instant < known.until) return known.year;
  const dt = DateTime.fromMillis(instant, { zone: timezone });
  const from = dt.startOf("year");
  const entry = { year: dt.year, from: from.toMillis(), until: from.plus({ years: 1 }).toMillis() };
  years.set(timezone, entry);
  return entry.year;
}

function zoned(instant: string | number, timezone: string, lang: Lang): DateTime {
  const dt = typeof instant === "number" ? DateTime.fromMillis(instant) : DateTime.fromISO(instant);
  return dt.setZone(timezone).setLocale(lang);
}

/**
 * How a day is written: "Mon 25 Feb" / «пн, 25 февраля», with the year when it is not the year of `now` (a
 * 2013 conference read today must not look like this year's weekdays).
 */
function dayPattern(dt: DateTime, lang: Lang, now: number | undefined): string {
  const base = lang === "ru" ? "EEE, d MMMM" : "EEE d MMM";
  const otherYear = now !== undefined && DateTime.fromMillis(now, { zone: dt.zone }).year !== dt.year;
  return otherYear ? `${base} yyyy` : base;
}

/** A day as "Mon 25 Feb" / «пн, 25 февраля» from an ISO date or an instant; the year when not that of `now`. */
export function formatDay(dayOrInstant: string | number, timezone: string, lang: Lang, now?: number): string {
  const thisYear = now === undefined ? "" : yearIn(now, timezone);
  return remembered(`day|${dayOrInstant}|${timezone}|${lang}|${thisYear}`, () => {
    const dt =
      typeof dayOrInstant === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dayOrInstant)
        ? DateTime.fromISO(dayOrInstant, { zone: timezone }).setLocale(lang)
        : zoned(dayOrInstant, timezone, lang);
    return dt.toFormat(dayPattern(dt, lang, now));
  });
}

/**
 * The one rule for a session's date on one line (results, /my, notices, the organizers' lines): the calendar
 * day of the instant itself and its time, "Sat 28 Dec, 01:10" — never the conference day it is filed under,
 * which past midnight (38C3's days run until 06:00) is the day before. Lists under a conference day's header
 * mark the same sessions with {@link nightOf}.
 */
export function formatWhen(instant: string | number, timezone: string, lang: Lang, now?: number): string {
  return `${formatDay(instant, timezone, lang, now)}, ${formatTime(instant, timezone, lang)}`;
}

const EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/** «с пятницы на субботу»: the weekday after «с» (genitive) and after «на» (accusative). */
const RU_FROM = ["понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"];
const RU_TO = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"];

/**
 * For a list under a conference day's header: "🌙 Night of Fri → Sat" when `instant` falls on a later
 * calendar day than `day` (after midnight, before the day changes), else undefined.
 */
export function nightOf(
  day: string,
  instant: string | number,
  timezone: string,
  lang: Lang,
): string | undefined {
  const date = dayOf(instant, timezone);
  if (date <= day) return undefined;
  return remembered(`night|${day}|${date}|${lang}`, () => {
    const weekday = (iso: string) => DateTime.fromISO(iso, { zone: timezone }).weekday - 1;
    return lang === "ru"
      ? `🌙 Ночь с ${RU_FROM[weekday(day)]} на ${RU_TO[weekday(date)]}`
      : `🌙 Night of ${EN_DAYS[weekday(day)]} → ${EN_DAYS[weekday(date)]}`;
  });
}

/** A time of day as "11:00" in the conference's timezone. */
export function formatTime(instant: string | number, timezone: string, lang: Lang): string {
  return remembered(`time|${instant}|${timezone}|${lang}`, () =>
    zoned(instant, timezone, lang).toFormat("HH:mm"),
  );
}

/** "11:00–12:00". */
export function formatTimes(start: string, end: string, timezone: string, lang: Lang): string {
  return `${formatTime(start, timezone, lang)}–${formatTime(end, timezone, lang)}`;
}

/** "Mon 25 Feb, 11:00–12:00" / «пн, 25 февраля, 11:00–12:00» (the end's day is added when it differs). */
export function formatTimeRange(
  start: string,
  end: string,
  timezone: string,
  lang: Lang,
  now?: number,
): string {
  const thisYear = now === undefined ? "" : yearIn(now, timezone);
  return remembered(`range|${start}|${end}|${timezone}|${lang}|${thisYear}`, () => {
    const a = zoned(start, timezone, lang);
    const b = zoned(end, timezone, lang);
    const endText = a.hasSame(b, "day")
      ? b.toFormat("HH:mm")
      : b.toFormat(`${dayPattern(b, lang, now)}, HH:mm`);
    return `${a.toFormat(`${dayPattern(a, lang, now)}, HH:mm`)}–${endText}`;
  });
}

/** The conference day (ISO date) an instant falls on, in the conference's timezone. */
export function dayOf(instant: string | number, timezone: string): string {
  return remembered(`date|${instant}|${timezone}`, () => {
    const dt = typeof instant === "number" ? DateTime.fromMillis(instant) : DateTime.fromISO(instant);
    return dt.setZone(timezone).toISODate() ?? "";
  });
}

/**
 * Joins complete HTML lines with newlines, dropping whole lines from the end (and adding "…") once the
 * text would exceed `max` characters, so a message never breaks Telegram's limit or an HTML tag.
 */
export function fitLines(lines: readonly string[], max: number = MAX_MESSAGE_CHARS): string {
  let out = "";
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max - 2) return out ? `${out}\n…` : "…";
    out = next;
  }
  return out;
}

/** Where to cut `text` so that its first `n` code points end at a paragraph, a line or a word when one is near. */
function niceCut(chars: readonly string[], n: number): number {
  if (n >= chars.length) return chars.length;
  const head = chars.slice(0, n).join("");
  for (const [re, keep] of [
    [/\n\s*\n/g, 0.5],
    [/\n/g, 0.6],
    [/\s/g, 0.7],
  ] as const) {
    let last = -1;
    for (const m of head.matchAll(re)) last = m.index;
    if (last > 0) {
      const cut = Array.from(head.slice(0, last)).length;
      if (cut >= n * keep) return cut;
    }
  }
  return n;
}

/**
 * Cuts plain text into pages whose HTML-escaped length fits `budget(pageIndex)`, cutting between paragraphs,
 * lines or words where it can. Every character is kept (only whitespace at the cuts goes).
 */
export function splitPages(text: string, budget: (page: number) => number): string[] {
  const pages: string[] = [];
  let rest = Array.from(text.trim());
  while (rest.length) {
    const max = Math.max(1, budget(pages.length));
    // The longest prefix whose escaped form fits: escaping only grows text, so search on the prefix length.
    let lo = 1;
    let hi = Math.min(rest.length, max);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (escapeHtml(rest.slice(0, mid).join("")).length <= max) lo = mid;
      else hi = mid - 1;
    }
    const cut = niceCut(rest, lo);
    pages.push(rest.slice(0, cut).join("").trimEnd());
    rest = Array.from(rest.slice(cut).join("").trimStart());
  }
  return pages;
}

/** Only web links become buttons; anything else is left out. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > 1000) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}
