/**
 * What every format's reader extracts from a source before the shared rules (ids, speakers, times, days,
 * texts, warnings) turn it into a programme (build.ts). Texts are as published: markup not yet converted.
 */
import type { ParsedSchedule, SessionLink, SourceWarning } from "../model.js";

/** A point in time as the source wrote it: an instant with an offset, or a local clock time. */
export interface RawTime {
  /** ISO 8601 with an offset or Z. Wins over `local` when both are there. */
  instant?: string;
  /** "YYYY-MM-DDTHH:MM[:SS]" in the source's timezone. */
  local?: string;
}

/** A person as listed with an event. */
export interface RawPerson {
  /** The source's id of the person: pretalx code, else guid, else id. */
  key?: string;
  name: string;
  /** Biography as published (markup). */
  bio?: string;
}

/** One event of the source. */
export interface RawEvent {
  guid?: string;
  id?: string;
  /** Where the event is in the source, for messages ("day 2024-12-27, room Saal 1"). */
  where: string;
  title: string;
  subtitle?: string;
  abstract?: string;
  description?: string;
  /** The source held numeric character references in this event's texts. */
  charRefs?: boolean;
  type?: string;
  start: RawTime;
  end?: RawTime;
  duration?: string;
  /** The local clock time ("HH:MM") the source wrote beside an instant, to compare with it. */
  clock?: string;
  /** The conference day the source files the event under. */
  dayDate?: string;
  room?: string;
  track?: string;
  languages: string[];
  persons: RawPerson[];
  url?: string;
  links: SessionLink[];
  cancelled?: boolean;
}

/** A day as the source declares it. */
export interface RawDay {
  date: string;
  start?: string;
  end?: string;
  /** Rooms listed under the day, with how many events each holds there. */
  rooms: { name: string; events: number }[];
}

/** A whole source, read but not yet interpreted. */
export interface RawSchedule {
  format: ParsedSchedule["format"];
  title?: string;
  venue?: string;
  city?: string;
  url?: string;
  /** Base for relative links in texts. */
  baseUrl?: string;
  /** The source's timezone name, if any (checked later). */
  timezone?: string;
  /** The source's own day change ("09:00:00"), if any. */
  dayChange?: string;
  days: RawDay[];
  /** Rooms in the source's order (declared lists first, then as events use them). */
  rooms: string[];
  /** Seats of the rooms that declare them (c3voc JSON `conference.rooms[].capacity`), by room name. */
  roomCapacities?: Map<string, number>;
  tracks: { name: string; slug?: string; color?: string }[];
  /** Biographies by person key, from a person list apart from the events (FOSDEM 2026). */
  bios: Map<string, string>;
  events: RawEvent[];
  /** What the reader itself noticed (nested titles, broken folding…). */
  warnings: SourceWarning[];
}
