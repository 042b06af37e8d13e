import {
  conferenceDayOf,
  dayBounds,
  type Programme,
  pickText,
  type Room,
  type Session,
  type Speaker,
  type Text,
  type Track,
} from "./programme/model.js";
import { buildSearchIndex, type SearchIndex } from "./search/index.js";
import type { ProgrammeKeys } from "./store/programme-store.js";

/** Sessions in time order (ties by id), each start parsed once rather than at every comparison. */
function inTimeOrder(sessions: readonly Session[]): Session[] {
  const at = new Map<string, number>();
  for (const s of sessions) if (!at.has(s.start)) at.set(s.start, Date.parse(s.start));
  const ms = (s: Session) => at.get(s.start) as number;
  return [...sessions].sort((a, b) => ms(a) - ms(b) || a.id.localeCompare(b.id));
}

/** Two-way map between ids and the short keys buttons carry. */
class Keys {
  private readonly byKey = new Map<number, string>();
  constructor(private readonly byId: Map<string, number>) {
    for (const [id, key] of byId) this.byKey.set(key, id);
  }
  key(id: string): number | undefined {
    return this.byId.get(id);
  }
  id(key: number): string | undefined {
    return this.byKey.get(key);
  }
}

/** Keys by position, for a catalogue not backed by a store (they are stable only for one version). */
function positionalKeys(p: Programme): ProgrammeKeys {
  return {
    sessions: new Map(p.sessions.map((s, i) => [s.id, i + 1])),
    speakers: new Map(p.speakers.map((s, i) => [s.id, i + 1])),
  };
}

/** Makes the search index of a programme (buildSearchIndex, or one restored from a snapshot). */
export type Indexer = (programme: Programme) => SearchIndex;

/**
 * The programme as the running bot sees it: lookups by id and by short key, rooms and tracks in order,
 * sessions by conference day, and a search index — built once per load and swapped whole on reload so a
 * request never sees half of two versions.
 */
export class Catalog {
  programme!: Programme;
  private searchIndex?: SearchIndex;
  private sessions = new Map<string, Session>();
  private speakers = new Map<string, Speaker>();
  private bySpeaker = new Map<string, Session[]>();
  private rooms = new Map<string, Room>();
  private tracks = new Map<string, Track>();
  private byDay = new Map<string, Session[]>();
  /** The conference day of each instant written in the programme (a session's start), by that text. */
  private dayByStart = new Map<string, string>();
  /** The conference day the clock was last asked about, with its bounds (ms). */
  private clockDay?: { day: string; start: number; end: number };
  private roomPositions = new Map<string, number>();
  private trackPositions = new Map<string, number>();
  private sessionKeys = new Keys(new Map());
  private speakerKeys = new Keys(new Map());

  /**
   * `keys` come from the store (src/store/programme-store.ts `readKeys`); without them, positions. `indexer`
   * makes every version's search index (the bot restores stored ones: src/search/index-cache.ts).
   */
  constructor(
    programme: Programme,
    keys?: ProgrammeKeys,
    private readonly indexer: Indexer = buildSearchIndex,
    private readonly lazyIndex = false,
  ) {
    this.replace(programme, keys);
  }

  /**
   * The search index of the programme installed. With `lazyIndex` (another conference of a series, searched
   * only when its reader asks or "Also at" looks there) it is built or restored on first use, from the very
   * programme installed with it.
   */
  get index(): SearchIndex {
    if (!this.searchIndex) {
      this.searchIndex = this.indexer(this.programme);
    }
    return this.searchIndex;
  }

  /**
   * Makes the installed index's first-use keys now (see SearchIndex.prepareFirstUse) rather than at the first
   * query needing them. A lazy index not made yet stays unmade: nobody has searched that conference.
   */
  prepareIndex(): void {
    this.searchIndex?.prepareFirstUse?.();
  }

  /** Installs a new version of the programme (after a load or reload). */
  replace(programme: Programme, keys: ProgrammeKeys = positionalKeys(programme)): void {
    const c = programme.conference;
    const sessions = new Map(programme.sessions.map((s) => [s.id, s]));
    const speakers = new Map(programme.speakers.map((s) => [s.id, s]));
    const bySpeaker = new Map<string, Session[]>();
    const byDay = new Map<string, Session[]>(c.days.map((d) => [d, []]));
    const dayByStart = new Map<string, string>();
    for (const s of inTimeOrder(programme.sessions)) {
      for (const id of s.speakers) {
        const list = bySpeaker.get(id);
        if (list) list.push(s);
        else bySpeaker.set(id, [s]);
      }
      // Parallel sessions share their start (FOSDEM: 883 sessions, 191 starts): each start's day is worked out once.
      let day = dayByStart.get(s.start);
      if (day === undefined) {
        day = conferenceDayOf(s.start, c);
        dayByStart.set(s.start, day);
      }
      const list = byDay.get(day);
      if (list) list.push(s);
      else byDay.set(day, [s]);
    }
    const index = this.lazyIndex ? undefined : this.indexer(programme);
    this.programme = programme;
    this.sessions = sessions;
    this.speakers = speakers;
    this.bySpeaker = bySpeaker;
    this.rooms = new Map(c.rooms.map((r) => [r.id, r]));
    this.tracks = new Map((c.tracks ?? []).map((t) => [t.id, t]));
    this.byDay = byDay;
    this.dayByStart = dayByStart;
    this.clockDay = undefined;
    this.roomPositions = new Map(c.rooms.map((r, i) => [r.id, i]));
    this.trackPositions = new Map((c.tracks ?? []).map((t, i) => [t.id, i]));
    this.sessionKeys = new Keys(keys.sessions);
    this.speakerKeys = new Keys(keys.speakers);
    this.searchIndex = index;
  }

  /** The conference's IANA timezone. */
  get timezone(): string {
    return this.programme.conference.timezone;
  }

  /** The conference's content languages, first = default. */
  get languages(): readonly string[] {
    return this.programme.conference.languages;
  }

  /** A programme text for a reader of `lang` (see {@link pickText}); "" when there is none. */
  text(text: Text | undefined, lang: string): string {
    return pickText(text, lang, this.languages) ?? "";
  }

  /** A session by id (cancelled ones included), or undefined. */
  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** A speaker by id, or undefined. */
  speaker(id: string): Speaker | undefined {
    return this.speakers.get(id);
  }

  /** The short key that buttons carry for a session; 0 (which no button accepts) when it has none. */
  sessionKey(id: string): number {
    return this.sessionKeys.key(id) ?? 0;
  }

  /** The id a session key was given to, also for a session since removed from the programme. */
  sessionIdByKey(key: number): string | undefined {
    return this.sessionKeys.id(key);
  }

  /** The session a button's key names, when it is in the programme now. */
  sessionByKey(key: number): Session | undefined {
    const id = this.sessionKeys.id(key);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** The short key that buttons carry for a speaker; 0 (which no button accepts) when they have none. */
  speakerKey(id: string): number {
    return this.speakerKeys.key(id) ?? 0;
  }

  /** The speaker a button's key names, when they are in the programme now. */
  speakerByKey(key: number): Speaker | undefined {
    const id = this.speakerKeys.id(key);
    return id === undefined ? undefined : this.speakers.get(id);
  }

  /** A speaker's sessions in time order. */
  sessionsOf(speakerId: string): Session[] {
    return [...(this.bySpeaker.get(speakerId) ?? [])];
  }

  /** The speakers of a session, in billing order. */
  speakersOf(session: Session): Speaker[] {
    return session.speakers.flatMap((id) => this.speakers.get(id) ?? []);
  }

  /** A room's position in the programme's order of rooms (-1 when unknown or absent). */
  roomPosition(id: string | undefined): number {
    return id === undefined ? -1 : (this.roomPositions.get(id) ?? -1);
  }

  /** A track's position in the programme's order of tracks (-1 when unknown or absent). */
  trackPosition(id: string | undefined): number {
    return id === undefined ? -1 : (this.trackPositions.get(id) ?? -1);
  }

  /** A room by id. */
  room(id: string | undefined): Room | undefined {
    return id === undefined ? undefined : this.rooms.get(id);
  }

  /** A track by id. */
  track(id: string | undefined): Track | undefined {
    return id === undefined ? undefined : this.tracks.get(id);
  }

  /** A room's display name for a reader of `lang` (the id when the room is unknown). */
  roomName(roomId: string | undefined, lang: string): string | undefined {
    if (!roomId) return undefined;
    return pickText(this.rooms.get(roomId)?.name, lang, this.languages) ?? roomId;
  }

  /** A track's display name for a reader of `lang` (the id when the track is unknown). */
  trackName(trackId: string | undefined, lang: string): string | undefined {
    if (!trackId) return undefined;
    return pickText(this.tracks.get(trackId)?.name, lang, this.languages) ?? trackId;
  }

  /** The conference day (ISO date) a session or an instant belongs to, honouring dayChange. */
  dayOf(what: Session | string | number): string {
    const instant = typeof what === "object" ? what.start : what;
    // A session's day was worked out when the programme was installed: lists ask it of every line they show.
    if (typeof instant === "string")
      return this.dayByStart.get(instant) ?? conferenceDayOf(instant, this.programme.conference);
    // The clock's instant: every view asks whether today is a conference day; the answer holds until the day ends.
    const known = this.clockDay;
    if (known && instant >= known.start && instant < known.end) return known.day;
    const day = conferenceDayOf(instant, this.programme.conference);
    const bounds = dayBounds(day, this.programme.conference);
    if (instant >= bounds.start && instant < bounds.end) this.clockDay = { day, ...bounds };
    return day;
  }

  /** The sessions of a conference day in time order (cancelled ones included). */
  sessionsOn(day: string): Session[] {
    return [...(this.byDay.get(day) ?? [])];
  }

  /** The conference days in order: the declared ones, plus any day a session falls on outside them. */
  get days(): string[] {
    return [...this.byDay.keys()].sort();
  }
}
