/**
 * The rules every imported format shares: a read source (raw.ts) becomes a programme — times resolved,
 * ids made stable, speakers told apart, texts made plain, days cut at the day change — and everything odd
 * it met is a warning. Every event of the source becomes a session, or a warning says why it could not.
 */
import { ProgrammeError } from "../errors.js";
import type {
  Conference,
  ParsedSchedule,
  Programme,
  Room,
  Session,
  SourceWarning,
  Text,
  Track,
} from "../model.js";
import { checkSessions } from "./checks.js";
import { chooseDayChange, conferenceDays } from "./days.js";
import { guessLanguage } from "./guess-language.js";
import { IdPool, safeId, shortHash, slugify } from "./ids.js";
import { kindOf } from "./kinds.js";
import { conferenceLanguages } from "./languages.js";
import { plainLine, toPlainText } from "./markup.js";
import type { RawEvent, RawSchedule, RawTime } from "./raw.js";
import { buildSpeakers } from "./speakers.js";
import {
  clockOf,
  dayOf,
  fixedZoneName,
  instantMs,
  isIanaZone,
  isoIn,
  localMs,
  mostCommon,
  normaliseZone,
  offsetOf,
  parseDuration,
} from "./time.js";
import { validateImported } from "./validate.js";

/** What parseSchedule is told besides the text. */
export interface ScheduleOptions {
  /** File name or URL, for messages. */
  source: string;
  /** PROGRAMME_TIMEZONE / --timezone: the display timezone, and the zone of local clock times when the source names none. */
  timezone?: string;
}

interface Timed {
  event: RawEvent;
  start: number;
  end: number;
}

const MARKUP_CODES = { html: "html-in-text", markdown: "markdown-in-text" } as const;

function absoluteUrl(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  try {
    const url = new URL(s);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The zones a source's times are read and shown in; refuses local-only times without any zone. */
function resolveZones(raw: RawSchedule, opts: ScheduleOptions, warn: (w: SourceWarning) => void) {
  let optionZone: string | undefined;
  if (opts.timezone) {
    optionZone = normaliseZone(opts.timezone);
    if (!optionZone)
      throw new ProgrammeError(opts.source, [
        {
          path: "timezone",
          message: `an IANA timezone such as Europe/Brussels or an offset such as UTC+01:00, got "${opts.timezone}"`,
        },
      ]);
  }
  let sourceZone = raw.timezone?.trim() || undefined;
  if (sourceZone && !isIanaZone(sourceZone)) {
    const fixed = normaliseZone(sourceZone);
    warn({
      code: "unknown-timezone",
      message: `the source's timezone "${sourceZone}" is not an IANA timezone${fixed ? `; read as ${fixed}` : "; ignored"}`,
    });
    sourceZone = fixed;
  }
  const localOnly = raw.events.filter((e) => !e.start.instant && e.start.local).length;
  const localZone = sourceZone ?? optionZone;
  if (localOnly && !localZone)
    throw new ProgrammeError(opts.source, [
      {
        path: "timezone",
        message: `a timezone: ${localOnly} events have local clock times only and the source names no timezone; set PROGRAMME_TIMEZONE (or pass --timezone), e.g. PROGRAMME_TIMEZONE=Europe/Brussels`,
        problem: { code: "needs-timezone" },
      },
    ]);
  return { optionZone, sourceZone, localZone };
}

// Instants outside these years are typos or garbage, not conference times (and beyond what Date can print).
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

function toMs(t: RawTime | undefined, zone: string | undefined): number {
  if (!t) return Number.NaN;
  const ms = t.instant ? instantMs(t.instant) : t.local && zone ? localMs(t.local, zone) : Number.NaN;
  return ms >= EARLIEST && ms < LATEST ? ms : Number.NaN;
}

/** Start and end of every event; events without a usable start are reported and left out. */
function resolveTimes(events: RawEvent[], localZone: string | undefined, warn: (w: SourceWarning) => void) {
  const timed: Timed[] = [];
  const styles = { "h:mm": 0, "hh:mm": 0, other: 0 };
  for (const event of events) {
    const start = toMs(event.start, localZone);
    const title = plainLine(event.title) || "(untitled)";
    if (Number.isNaN(start)) {
      warn({
        code: "unusable-event",
        message: `"${title}" (${event.where}) has no usable start time (${JSON.stringify(event.start)}); left out`,
      });
      continue;
    }
    let end = toMs(event.end, localZone);
    if (Number.isNaN(end)) {
      const d = parseDuration(event.duration);
      if (d) {
        styles[d.style]++;
        end = start + d.minutes * 60_000;
      } else {
        warn({
          code: "bad-duration",
          message: `"${title}" (${event.where}) has no usable duration or end (${JSON.stringify(event.duration ?? null)}); shown without one`,
        });
        end = start;
      }
    }
    if (end < start) {
      warn({
        code: "bad-duration",
        message: `"${title}" (${event.where}) ends before it starts; shown without duration`,
      });
      end = start;
    }
    if (event.clock && event.start.instant && localZone) {
      const clock = event.clock.trim().padStart(5, "0").slice(0, 5);
      if (/^\d\d:\d\d$/.test(clock) && clockOf(start, localZone) !== clock)
        warn({
          code: "clock-mismatch",
          message: `"${title}" (${event.where}) says ${event.start.instant} but starts at ${clock} local time; the instant is used`,
        });
    }
    timed.push({ event, start, end });
  }
  if (styles["h:mm"] && styles["hh:mm"])
    warn({
      code: "duration-format",
      message: `durations are written both as "0:30" (${styles["h:mm"]} events) and "00:30" (${styles["hh:mm"]} events); both are read`,
    });
  return timed;
}

/** Rooms with events, in the source's order; empty ones are reported. */
function buildRooms(raw: RawSchedule, timed: Timed[], lang: string, warn: (w: SourceWarning) => void) {
  const used = new Set(timed.map((t) => t.event.room?.trim()).filter((r): r is string => !!r));
  const order = [
    ...new Set([...raw.rooms.map((r) => r.trim()), ...timed.map((t) => t.event.room?.trim() ?? "")]),
  ];
  const pool = new IdPool();
  const rooms: Room[] = [];
  const idByName = new Map<string, string>();
  for (const name of order) {
    if (!name) continue;
    if (!used.has(name)) {
      warn({ code: "empty-room", message: `room "${name}" has no events; left out` });
      continue;
    }
    const id = pool.claim(slugify(name));
    idByName.set(name, id);
    const capacity = raw.roomCapacities?.get(name);
    rooms.push({ id, name: { [lang]: name }, ...(capacity ? { capacity } : {}) });
  }
  for (const day of raw.days)
    for (const r of day.rooms)
      if (!r.events && used.has(r.name.trim()))
        warn({ code: "empty-room", message: `room "${r.name}" has no events on ${day.date}` });
  return { rooms, idByName };
}

/** Tracks that sessions use, declared ones first in their order, with colours where given. */
function buildTracks(raw: RawSchedule, timed: Timed[], lang: string) {
  const used = new Set(timed.map((t) => t.event.track?.trim()).filter((t): t is string => !!t));
  const declared = new Map(raw.tracks.map((t) => [t.name.trim(), t]));
  const pool = new IdPool();
  const tracks: Track[] = [];
  const idByName = new Map<string, string>();
  for (const name of [...new Set([...declared.keys(), ...used])]) {
    if (!used.has(name)) continue;
    const d = declared.get(name);
    const id = pool.claim(d?.slug ? safeId(d.slug) : slugify(name));
    idByName.set(name, id);
    const color = d?.color && /^#[0-9a-f]{6}$/i.test(d.color) ? d.color.toLowerCase() : undefined;
    tracks.push({ id, name: { [lang]: plainLine(name) }, ...(color ? { color } : {}) });
  }
  return { tracks, idByName };
}

/** An event's abstract and description as one plain text; markup is reported. */
function eventText(t: Timed, baseUrl: string | undefined, warn: (w: SourceWarning) => void): string {
  const e = t.event;
  const parts: string[] = [];
  let refs = e.charRefs ?? false;
  for (const [field, value] of [
    ["abstract", e.abstract],
    ["description", e.description],
  ] as const) {
    const plain = toPlainText(value, baseUrl);
    refs ||= plain.charRefs;
    if (plain.markup !== "plain")
      warn({
        code: MARKUP_CODES[plain.markup],
        message: `the ${field} of "${plainLine(e.title)}" (${e.where}) is ${plain.markup === "html" ? "HTML" : "Markdown"}; shown as plain text`,
      });
    const text = plain.text;
    if (!text) continue;
    const prev = parts[parts.length - 1];
    if (prev && (text === prev || text.startsWith(prev))) parts[parts.length - 1] = text;
    else if (!prev?.includes(text)) parts.push(text);
  }
  if (refs)
    warn({
      code: "char-refs-in-text",
      message: `"${plainLine(e.title)}" (${e.where}) writes characters as numeric character references; decoded`,
    });
  return parts.join("\n\n");
}

/** Stable session ids: the guid, else the source id, else a hash; repeats are reported and kept apart. */
function sessionIds(timed: Timed[], warn: (w: SourceWarning) => void): string[] {
  const pool = new IdPool();
  return timed.map(({ event: e, start }) => {
    const from = e.guid?.trim() ? "guid" : e.id?.trim() ? "id" : undefined;
    const base =
      from === "guid"
        ? safeId(e.guid ?? "")
        : from === "id"
          ? safeId(e.id ?? "")
          : `e-${shortHash(`${e.title}\n${start}`)}`;
    if (pool.has(base) && from)
      warn({
        code: from === "guid" ? "duplicate-guid" : "duplicate-id",
        message: `${from} ${from === "guid" ? e.guid : e.id} is used again by "${plainLine(e.title)}" (${e.where}); kept as a separate session`,
      });
    return pool.claim(base);
  });
}

/** Turns a read source into a programme and the warnings about it. */
export function buildProgramme(raw: RawSchedule, opts: ScheduleOptions): ParsedSchedule {
  const warnings: SourceWarning[] = [...raw.warnings];
  const warn = (w: SourceWarning) => warnings.push(w);
  const { optionZone, sourceZone, localZone } = resolveZones(raw, opts, warn);
  const timed = resolveTimes(raw.events, localZone, warn);
  if (!timed.length)
    throw new ProgrammeError(opts.source, [
      {
        path: "",
        message: `a schedule with at least one event (${raw.events.length ? "none of its events has a usable time" : "it has none"})`,
        problem: { code: raw.events.length ? "no-timed-events" : "no-events" },
      },
    ]);

  const offsets = raw.events
    .map((e) => e.start.instant && offsetOf(e.start.instant))
    .filter((o) => o !== undefined);
  const implied = mostCommon(offsets as number[]);
  const timezone = optionZone ?? sourceZone ?? fixedZoneName(implied ?? 0);
  if (!optionZone && !sourceZone)
    warn({
      code: "timezone-from-offsets",
      message: `the source names no timezone; times are shown in ${timezone}, which its offsets imply (set PROGRAMME_TIMEZONE to name one)`,
    });

  const dayChange = chooseDayChange(
    raw.days,
    raw.dayChange,
    timed.map((t) => ({ start: t.start, dayDate: t.event.dayDate })),
    timezone,
  );
  // Sources that name no language at all (iCalendar, FOSDEM 2020) get their texts' language guessed.
  const declared = timed.some((t) => t.event.languages.length);
  const textLangs = timed.map((t) => {
    if (declared) return t.event.languages;
    const guess = guessLanguage(`${t.event.title} ${t.event.abstract ?? ""} ${t.event.description ?? ""}`);
    return guess ? [guess] : [];
  });
  const languages = conferenceLanguages(textLangs, "en");
  const lang = languages[0] ?? "en";
  const { speakers, perEvent } = buildSpeakers(
    timed.map((t) => t.event),
    raw.bios,
    lang,
    warn,
  );
  const { rooms, idByName: roomIds } = buildRooms(raw, timed, lang, warn);
  const { tracks, idByName: trackIds } = buildTracks(raw, timed, lang);
  const ids = sessionIds(timed, warn);

  const sessions: Session[] = timed.map((t, i) => {
    const e = t.event;
    const textLang = textLangs[i]?.find((l) => languages.includes(l)) ?? lang;
    const inLang = (s: string): Text => ({ [textLang]: s });
    const title = plainLine(e.title);
    const id = ids[i] ?? "";
    if (!title)
      warn({ code: "untitled", message: `an event (${e.where}) has no title; shown by its id ${id}` });
    const abstract = eventText(t, raw.baseUrl, warn);
    const subtitle = plainLine(e.subtitle);
    const type = plainLine(e.type);
    const sessionSpeakers = perEvent[i] ?? [];
    const room = e.room?.trim() ? roomIds.get(e.room.trim()) : undefined;
    const track = e.track?.trim() ? trackIds.get(e.track.trim()) : undefined;
    const url = absoluteUrl(e.url);
    const s: Session = {
      id,
      kind: kindOf(type, title, sessionSpeakers.length > 0),
      ...(type ? { type } : {}),
      title: inLang(title || id),
      ...(subtitle ? { subtitle: inLang(subtitle) } : {}),
      abstract: abstract ? inLang(abstract) : {},
      start: isoIn(t.start, timezone),
      end: isoIn(t.end, timezone),
      ...(room ? { room } : {}),
      ...(track ? { track } : {}),
      ...(e.languages.length ? { languages: [...e.languages] } : {}),
      speakers: sessionSpeakers,
      ...(url ? { url } : {}),
      ...(e.links.length ? { links: e.links } : {}),
      ...(e.cancelled ? { cancelled: true } : {}),
    };
    return s;
  });

  const conference: Conference = {
    name: { [lang]: plainLine(raw.title) || opts.source.replace(/^.*[\\/]/, "") },
    timezone,
    languages,
    ...(raw.venue?.trim() ? { venue: { [lang]: plainLine(raw.venue) } } : {}),
    ...(raw.city?.trim() ? { city: { [lang]: plainLine(raw.city) } } : {}),
    ...(absoluteUrl(raw.url) ? { url: absoluteUrl(raw.url) } : {}),
    ...(dayChange !== "00:00" ? { dayChange } : {}),
    days: [],
    rooms,
    tracks,
  };
  conference.days = conferenceDays(
    timed.map((t) => t.start),
    raw.days.map((d) => d.date),
    timezone,
    dayChange,
  );
  const programme: Programme = { conference, sessions, speakers };
  for (const [i, t] of timed.entries()) {
    const s = sessions[i];
    const day = s && dayOf(t.start, timezone, dayChange);
    if (s && t.event.dayDate && day !== t.event.dayDate)
      warn({
        code: "day-mismatch",
        message: `"${plainLine(t.event.title)}" (${t.event.where}) starts ${s.start}, which is on ${day}; filed under ${day}`,
      });
  }
  // One by one: spreading 100,000 warnings into push() overflows the stack.
  for (const w of checkSessions(programme)) warnings.push(w);
  return { format: raw.format, programme: validateImported(programme, opts.source), warnings };
}
