import { DateTime } from "luxon";

/** The languages of the bot's interface (locales/). Independent of the content's languages. */
export const LANGS = ["en", "ru"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * A programme text in one or more content languages, keyed by ISO 639-1 code: `{ en: "…", de: "…" }`.
 * At least one key. Texts are PLAIN TEXT (no HTML, no Markdown, entities decoded): loaders turn published
 * markup into plain text that keeps its meaning — paragraphs separated by a blank line, list items as
 * lines starting "• ", links as "label (https://…)" or the bare URL when the label is the URL, code kept as
 * text. Views escape it for Telegram HTML.
 */
export type Text = Record<string, string>;

/**
 * The text for a reader: `text[lang]` when present and non-empty, else the conference's first content
 * language, else any non-empty value; undefined when there is none.
 */
export function pickText(
  text: Text | undefined,
  lang: string,
  languages: readonly string[],
): string | undefined {
  if (!text) return undefined;
  const own = text[lang];
  if (own?.trim()) return own;
  const first = languages[0] === undefined ? undefined : text[languages[0]];
  if (first?.trim()) return first;
  for (const l of languages) if (text[l]?.trim()) return text[l];
  return Object.values(text).find((v) => v.trim());
}

/** Kinds of programme entries. Loaders map a source's free-text type onto these and keep the raw one in `type`. */
export const SESSION_KINDS = [
  "talk",
  "keynote",
  "workshop",
  "lightning",
  "panel",
  "meetup", // content attendees follow
  "opening",
  "closing", // ceremonies: cards, searchable, followable
  "break",
  "meal",
  "other", // coffee, lunch, registration…
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A room of the venue, in the programme's order (the grid's and /schedule's column order). */
export interface Room {
  id: string;
  name: Text;
  /** Seats, where the source gives them (YAML `capacity`, c3voc JSON); organizers may set it with /room. */
  capacity?: number;
}

/** A track ("Rust devroom", "Security"), in the programme's order. */
export interface Track {
  id: string;
  name: Text;
  /** CSS colour (#rrggbb) where the source gives one. */
  color?: string;
}

/** Kinds of session links. */
export const LINK_KINDS = ["video", "slides", "feedback", "chat", "other"] as const;

/** A link of a session: video, slides, feedback, chat room… */
export interface SessionLink {
  url: string;
  title: string;
  kind?: (typeof LINK_KINDS)[number];
}

/** The conference itself. */
export interface Conference {
  name: Text;
  /** IANA timezone in which times are shown, e.g. `Europe/Brussels`. */
  timezone: string;
  /** Content languages (ISO 639-1), first = default for texts without a known language. PyCon: ["en","ru"]. */
  languages: string[];
  venue?: Text;
  city?: Text;
  /** Street address, for /venue. */
  address?: Text;
  /** Map pin for /venue. */
  location?: { latitude: number; longitude: number };
  /** Free-form venue information for /venue (Wi-Fi, how to get there…). */
  info?: Text;
  url?: string;
  /** Free text for attendees, e.g. that the schedule is reconstructed. */
  note?: Text;
  /**
   * Local clock time ("HH:MM") at which one conference day turns into the next; default "00:00".
   * 38C3: "06:00" — an event at 01:30 belongs to the day before.
   */
  dayChange?: string;
  /** Conference days as ISO dates in the conference's timezone (after dayChange). */
  days: string[];
  rooms: Room[];
  tracks: Track[];
}

/** One entry of the schedule. */
export interface Session {
  /**
   * Stable across versions of one source: the event's guid, else its id in the source; hand-written files
   * use slugs. At most 64 characters of [A-Za-z0-9._:~-]. Buttons never carry it (callback data uses the
   * store's short integer key of the session).
   */
  id: string;
  kind: SessionKind;
  /** The source's own type text ("devroom", "Vortrag", "lightningtalk"), when it has one. */
  type?: string;
  title: Text;
  subtitle?: Text;
  /** May be `{}`. */
  abstract: Text;
  audience?: Text;
  /** ISO 8601 instants with a UTC offset. */
  start: string;
  end: string;
  /** Room.id; absent for entries that happen everywhere (e.g. a lunch break). */
  room?: string;
  /** Track.id */
  track?: string;
  /** Languages the session is held in (frab "de, en" → ["de", "en"]). */
  languages?: string[];
  /** Speaker.id, billing order, no duplicates. */
  speakers: string[];
  url?: string;
  links?: SessionLink[];
  /** True when organizers cancelled it; cancelled sessions stay visible, marked. */
  cancelled?: boolean;
}

/** A person who gives sessions. */
export interface Speaker {
  /** pretalx code, else person guid, else the source id; split by name when one id carries several names. */
  id: string;
  name: Text;
  affiliation?: Text;
  bio?: Text;
  url?: string;
}

/** A whole conference programme. */
export interface Programme {
  conference: Conference;
  sessions: Session[];
  speakers: Speaker[];
}

const CONTENT_KINDS: ReadonlySet<SessionKind> = new Set([
  "talk",
  "keynote",
  "workshop",
  "lightning",
  "panel",
  "meetup",
  "opening",
  "closing",
]);

/** Whether attendees follow and search for a kind as content (talk…meetup, opening, closing). */
export function isContentKind(kind: SessionKind): boolean {
  return CONTENT_KINDS.has(kind);
}

/** Minutes after local midnight at which a conference day begins ("06:00" → 360). */
export function dayChangeMinutes(conference: Pick<Conference, "dayChange">): number {
  const m = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(conference.dayChange ?? "");
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** The conference day (ISO date) an instant belongs to, honouring timezone and dayChange. */
export function conferenceDayOf(instant: string | number, conference: Conference): string {
  const dt = (
    typeof instant === "number" ? DateTime.fromMillis(instant) : DateTime.fromISO(instant, { setZone: true })
  ).setZone(conference.timezone);
  const local = dt.hour * 60 + dt.minute < dayChangeMinutes(conference) ? dt.minus({ days: 1 }) : dt;
  return local.toISODate() ?? "";
}

/** The instants [start, end) in ms of a conference day: from its dayChange to the next day's. */
export function dayBounds(day: string, conference: Conference): { start: number; end: number } {
  const change = dayChangeMinutes(conference);
  const start = DateTime.fromISO(day, { zone: conference.timezone }).set({
    hour: Math.floor(change / 60),
    minute: change % 60,
  });
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}

// ---- Loaders (src/programme/formats/) ----
/** Something an imported source does that the bot tolerates; `programme check` lists them grouped and counted. */
export interface SourceWarning {
  /** Stable code for grouping, e.g. "speaker-double-booked", "room-double-booked", "zero-length", "long-event",
   *  "past-midnight", "empty-room", "no-speakers", "duration-format", "markup-in-text", "tzid-without-vtimezone",
   *  "broken-utf8-folding", "duplicate-guid", "speaker-id-split", "duplicate-person", "offset-mismatch". */
  code: string;
  /** Human message naming the event (title + time) or element. */
  message: string;
  /** The session it is about, and values for wording it in another language (the bot's `admin.warning.<code>`). */
  session?: string;
  values?: Record<string, string>;
}
/** What every loader returns (src/programme/formats/index.ts: `parseSchedule(text, {source, timezone?})`). */
export interface ParsedSchedule {
  format: "canonical" | "frab-xml" | "c3voc-json" | "ical";
  programme: Programme;
  warnings: SourceWarning[];
}
