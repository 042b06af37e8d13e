import { DateTime } from "luxon";
import type { Conference, Programme, Session, Speaker } from "./model.js";

/** Drops undefined fields so that JSON output does not depend on how an object was built. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** An instant written in the conference's timezone with its offset, to the second: `2013-02-25T10:00:00+06:00`. */
export function toZonedIso(instant: string | number, timezone: string): string {
  const dt =
    typeof instant === "number" ? DateTime.fromMillis(instant) : DateTime.fromISO(instant, { setZone: true });
  return dt.setZone(timezone).toISO({ suppressMilliseconds: true }) ?? String(instant);
}

/**
 * The one canonical form of a programme: fixed key order, times in the conference's timezone, no undefined
 * fields. Loading and exporting both go through it, which makes export → load → export an identity.
 */
export function canonicalProgramme(p: Programme): Programme {
  const c = p.conference;
  const conference: Conference = compact({
    name: c.name,
    timezone: c.timezone,
    languages: [...c.languages],
    venue: c.venue,
    city: c.city,
    address: c.address,
    location: c.location && { latitude: c.location.latitude, longitude: c.location.longitude },
    info: c.info,
    url: c.url,
    note: c.note,
    dayChange: c.dayChange && c.dayChange !== "00:00" ? c.dayChange : undefined,
    days: [...c.days],
    rooms: c.rooms.map((r) => compact({ id: r.id, name: r.name, capacity: r.capacity })),
    tracks: (c.tracks ?? []).map((t) => compact({ id: t.id, name: t.name, color: t.color })),
  });
  const sessions: Session[] = p.sessions.map((s) =>
    compact({
      id: s.id,
      kind: s.kind,
      type: s.type,
      title: s.title,
      subtitle: s.subtitle,
      abstract: s.abstract,
      audience: s.audience,
      start: toZonedIso(s.start, c.timezone),
      end: toZonedIso(s.end, c.timezone),
      room: s.room,
      track: s.track,
      languages: s.languages?.length ? [...s.languages] : undefined,
      speakers: [...s.speakers],
      url: s.url,
      links: s.links?.length
        ? s.links.map((l) => compact({ url: l.url, title: l.title, kind: l.kind }))
        : undefined,
      cancelled: s.cancelled ? true : undefined,
    }),
  );
  const speakers: Speaker[] = p.speakers.map((s) =>
    compact({ id: s.id, name: s.name, affiliation: s.affiliation, bio: s.bio, url: s.url }),
  );
  return { conference, sessions, speakers };
}
