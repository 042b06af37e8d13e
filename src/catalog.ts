import type { Lang, Programme, Session, Speaker } from "./programme/model.js";
import { buildSearchIndex, type SearchIndex } from "./search/index.js";

/**
 * The programme as the running bot sees it: lookups by id and a search index, built once per load and
 * swapped whole on reload so a request never sees half of two versions.
 */
export class Catalog {
  programme!: Programme;
  index!: SearchIndex;
  private sessions = new Map<string, Session>();
  private speakers = new Map<string, Speaker>();
  private bySpeaker = new Map<string, Session[]>();

  constructor(programme: Programme) {
    this.replace(programme);
  }

  /** Installs a new version of the programme (after a load or reload). */
  replace(programme: Programme): void {
    const sessions = new Map(programme.sessions.map((s) => [s.id, s]));
    const speakers = new Map(programme.speakers.map((s) => [s.id, s]));
    const bySpeaker = new Map<string, Session[]>();
    for (const s of programme.sessions)
      for (const id of s.speakers) bySpeaker.set(id, [...(bySpeaker.get(id) ?? []), s]);
    const index = buildSearchIndex(programme);
    this.programme = programme;
    this.sessions = sessions;
    this.speakers = speakers;
    this.bySpeaker = bySpeaker;
    this.index = index;
  }

  /** The conference's IANA timezone. */
  get timezone(): string {
    return this.programme.conference.timezone;
  }

  /** A session by id (cancelled ones included), or undefined. */
  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** A speaker by id, or undefined. */
  speaker(id: string): Speaker | undefined {
    return this.speakers.get(id);
  }

  /** A speaker's sessions in time order. */
  sessionsOf(speakerId: string): Session[] {
    return [...(this.bySpeaker.get(speakerId) ?? [])].sort(
      (a, b) => Date.parse(a.start) - Date.parse(b.start),
    );
  }

  /** The speakers of a session, in billing order. */
  speakersOf(session: Session): Speaker[] {
    return session.speakers.flatMap((id) => this.speakers.get(id) ?? []);
  }

  /** A room's display name in a language (the id when the room is unknown). */
  roomName(roomId: string | undefined, lang: Lang): string | undefined {
    if (!roomId) return undefined;
    return this.programme.conference.rooms.find((r) => r.id === roomId)?.name[lang] ?? roomId;
  }
}
