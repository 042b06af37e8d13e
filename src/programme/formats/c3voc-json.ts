/**
 * c3voc / pretalx schedule JSON: `{ schedule: { conference: { days: [{ rooms: { name: [event…] } }] } } }`,
 * the JSON twin of frab XML (https://c3voc.de/schedule/schema.json).
 */
import { ProgrammeError } from "../errors.js";
import type { SessionLink } from "../model.js";
import { parseLanguages } from "./languages.js";
import { makeLink, uniqueLinks } from "./links.js";
import type { RawDay, RawEvent, RawPerson, RawSchedule } from "./raw.js";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function persons(e: Obj): RawPerson[] {
  return list(e.persons).flatMap((p): RawPerson[] => {
    if (typeof p === "string") return [{ name: p }];
    if (!isObj(p)) return [];
    const key = str(p.code) || str(p.guid) || str(p.id) || undefined;
    return [
      {
        key,
        name: str(p.public_name) || str(p.name) || str(p.full_public_name),
        bio: str(p.biography) || undefined,
      },
    ];
  });
}

function links(e: Obj, base: string | undefined): SessionLink[] {
  const out: (SessionLink | undefined)[] = [];
  for (const field of ["links", "attachments"])
    for (const l of list(e[field]))
      out.push(
        typeof l === "string"
          ? makeLink(l, undefined, base)
          : isObj(l)
            ? makeLink(str(l.url) || str(l.href), str(l.title), base, str(l.type))
            : undefined,
      );
  out.push(
    makeLink(str(e.feedback_url), "Feedback", base),
    makeLink(str(e.video_download_url), "Video", base),
  );
  return uniqueLinks(out);
}

function readEvent(e: Obj, dayDate: string, roomName: string): RawEvent {
  const date = str(e.date);
  const guid = str(e.guid) || undefined;
  const id = str(e.id) || undefined;
  return {
    guid,
    id,
    where: `day ${dayDate}, room ${roomName || "(none)"}, event ${guid ?? id ?? "?"}`,
    title: str(e.title),
    subtitle: str(e.subtitle),
    abstract: str(e.abstract),
    description: str(e.description),
    type: str(e.type),
    start: { instant: date || undefined, local: undefined },
    duration: str(e.duration),
    clock: date ? str(e.start) || undefined : undefined,
    dayDate: dayDate || undefined,
    room: roomName || str(e.room) || undefined,
    track: (isObj(e.track) ? str(e.track.name) : str(e.track)) || undefined,
    languages: parseLanguages(str(e.language)),
    persons: persons(e),
    url: str(e.url) || undefined,
    links: links(e, undefined),
  };
}

/** Reads c3voc schedule JSON; throws a ProgrammeError when it is not JSON or has no conference. */
export function readC3vocJson(json: string, source: string): RawSchedule {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new ProgrammeError(source, [
      {
        path: "",
        message: `valid JSON (${(e as Error).message})`,
        problem: { code: "bad-format", values: { format: "JSON", error: (e as Error).message } },
      },
    ]);
  }
  const schedule = isObj(doc) ? doc.schedule : undefined;
  const c = isObj(schedule) ? schedule.conference : undefined;
  if (!isObj(schedule) || !isObj(c))
    throw new ProgrammeError(source, [
      {
        path: "schedule.conference",
        message: "a c3voc schedule JSON object",
        problem: { code: "not-a-schedule", values: { format: "c3voc JSON" } },
      },
    ]);
  const baseUrl = str(schedule.base_url) || str(c.base_url) || str(c.url) || undefined;
  const rooms: string[] = list(c.rooms)
    .map((r) => (isObj(r) ? str(r.name) : str(r)).trim())
    .filter(Boolean);
  const roomCapacities = new Map<string, number>();
  for (const r of list(c.rooms))
    if (isObj(r) && Number.isInteger(r.capacity) && (r.capacity as number) > 0)
      roomCapacities.set(str(r.name).trim(), r.capacity as number);
  const days: RawDay[] = [];
  const events: RawEvent[] = [];
  for (const d of list(c.days)) {
    if (!isObj(d)) continue;
    const date = str(d.date);
    const day: RawDay = {
      date,
      start: str(d.day_start) || undefined,
      end: str(d.day_end) || undefined,
      rooms: [],
    };
    for (const [name, evs] of Object.entries(isObj(d.rooms) ? d.rooms : {})) {
      const roomEvents = list(evs).filter(isObj);
      if (name.trim() && !rooms.includes(name.trim())) rooms.push(name.trim());
      day.rooms.push({ name, events: roomEvents.length });
      for (const e of roomEvents) events.push(readEvent(e, date, name.trim()));
    }
    days.push(day);
  }
  return {
    format: "c3voc-json",
    title: str(c.title) || str(c.acronym) || undefined,
    venue: str(c.venue) || undefined,
    city: str(c.city) || undefined,
    url: str(c.url) || baseUrl,
    baseUrl,
    timezone: str(c.time_zone_name) || undefined,
    dayChange: str(c.day_change) || undefined,
    days,
    rooms,
    roomCapacities,
    tracks: list(c.tracks)
      .filter(isObj)
      .map((t) => ({ name: str(t.name), slug: str(t.slug) || undefined, color: str(t.color) || undefined })),
    bios: new Map(),
    events,
    warnings: [],
  };
}
