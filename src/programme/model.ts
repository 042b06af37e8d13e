/** The languages the bot speaks; every programme text exists in each. */
export const LANGS = ["en", "ru"] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every supported language. */
export type Localized = Record<Lang, string>;

/** Kinds of programme entries; only talks, keynotes and workshops have speakers. */
export const SESSION_KINDS = ["talk", "keynote", "workshop", "break", "other"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A room of the venue, referenced by sessions through its id. */
export interface Room {
  id: string;
  name: Localized;
}

/** The conference itself: what it is, where, and in which timezone its times are shown. */
export interface Conference {
  name: Localized;
  /** IANA timezone, e.g. `Asia/Yekaterinburg`. */
  timezone: string;
  venue?: Localized;
  city?: Localized;
  url?: string;
  /** Free text for attendees, e.g. that the schedule is reconstructed. */
  note?: Localized;
  /** Conference days as ISO dates (`2013-02-25`) in the conference's timezone. */
  days: string[];
  rooms: Room[];
}

/** One entry of the schedule. `start`/`end` are ISO 8601 instants with a UTC offset. */
export interface Session {
  /** Readable slug that stays the same across edits of the file. */
  id: string;
  kind: SessionKind;
  title: Localized;
  abstract: Localized;
  audience?: Localized;
  start: string;
  end: string;
  /** Room id, absent for entries that happen everywhere (e.g. a lunch break). */
  room?: string;
  /** Speaker ids in the order they are billed. */
  speakers: string[];
  /** True when organizers cancelled it; cancelled sessions stay visible, marked. */
  cancelled?: boolean;
}

/** A person who gives sessions. */
export interface Speaker {
  id: string;
  name: Localized;
  affiliation?: Localized;
  bio?: Localized;
  url?: string;
}

/** A whole conference programme, as loaded from a file and stored in SQLite. */
export interface Programme {
  conference: Conference;
  sessions: Session[];
  speakers: Speaker[];
}

/** Whether a session kind is something attendees subscribe to and search for. */
export function isContentKind(kind: SessionKind): boolean {
  return kind === "talk" || kind === "keynote" || kind === "workshop";
}
