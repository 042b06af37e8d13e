/**
 * frab schedule XML — what pretalx, frab, pentabarf (FOSDEM), the CCC hub, wafer (DebConf) and c3voc's merges
 * publish: `<schedule><conference/><day><room><event>…`. Read with fast-xml-parser; only an event's direct
 * children count (39C3 nests `<attachment><title>` inside events, which must not become the event's title).
 */
import { decodeXML } from "entities";
import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { ProgrammeError } from "../errors.js";
import type { SessionLink, SourceWarning } from "../model.js";
import { parseLanguages } from "./languages.js";
import { cutText } from "./limits.js";
import { makeLink, uniqueLinks } from "./links.js";
import type { RawDay, RawEvent, RawPerson, RawSchedule } from "./raw.js";

type Node = string | { [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded by us (decodeXML), so that numeric character references can be noticed first.
  processEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // No isArray: children() reads one element or many alike (and asking for paths costs a third of the parse).
});

function isObject(n: unknown): n is { [key: string]: unknown } {
  return typeof n === "object" && n !== null && !Array.isArray(n);
}

/** The raw (undecoded) text of an element: its string, or its `#text` when it has attributes. */
function rawText(n: unknown): string {
  if (typeof n === "string") return n;
  if (typeof n === "number" || typeof n === "boolean") return String(n);
  if (isObject(n)) return rawText(n["#text"]);
  return "";
}

/** The decoded text of an element. */
function text(n: unknown): string {
  const s = rawText(n);
  return s.includes("&") ? decodeXML(s) : s;
}

/** A decoded attribute of an element. */
function attr(n: unknown, name: string): string | undefined {
  if (!isObject(n)) return undefined;
  const v = n[`@${name}`];
  return typeof v === "string" ? decodeXML(v) : undefined;
}

/** A direct child element (the first, when it repeats). */
function child(n: unknown, name: string): unknown {
  if (!isObject(n)) return undefined;
  const v = n[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The direct children of one name, as a list. */
function children(n: unknown, name: string): Node[] {
  if (!isObject(n)) return [];
  const v = n[name];
  if (v === undefined || v === "") return [];
  return (Array.isArray(v) ? v : [v]) as Node[];
}

function persons(event: unknown): RawPerson[] {
  return children(child(event, "persons"), "person").map((p) => {
    const name = isObject(p) && child(p, "name") !== undefined ? text(child(p, "name")) : text(p);
    const key = attr(p, "code") ?? attr(p, "guid") ?? attr(p, "id");
    return { key, name };
  });
}

function links(event: unknown, base: string | undefined): SessionLink[] {
  const out: (SessionLink | undefined)[] = [];
  for (const l of children(child(event, "links"), "link")) {
    const title = isObject(l) && child(l, "title") !== undefined ? text(child(l, "title")) : text(l);
    out.push(makeLink(attr(l, "href"), title, base, text(child(l, "type")) || undefined));
  }
  for (const a of children(child(event, "attachments"), "attachment")) {
    const title = isObject(a) && child(a, "title") !== undefined ? text(child(a, "title")) : text(a);
    out.push(
      makeLink(attr(a, "href"), title, base, attr(a, "type") ?? (text(child(a, "type")) || undefined)),
    );
  }
  for (const field of ["feedback_url", "video_download_url"])
    out.push(makeLink(text(child(event, field)), field === "feedback_url" ? "Feedback" : "Video", base));
  return uniqueLinks(out);
}

/** `<title>` elements nested below an event's direct children (attachments, links): reported, never used. */
function nestedTitles(event: unknown): string[] {
  const out: string[] = [];
  for (const [list, item] of [
    ["attachments", "attachment"],
    ["links", "link"],
  ] as const)
    for (const a of children(child(event, list), item)) {
      const t = child(a, "title");
      if (t !== undefined && text(t)) out.push(text(t));
    }
  return out;
}

/** "HH:MM" local clock time plus a day date → a local date-time, the next date when before the day change. */
function localStart(dayDate: string, clock: string, dayChange: string | undefined): string | undefined {
  const m = /^(\d{1,2}):(\d{2})/.exec(clock.trim());
  if (!m || !/^\d{4}-\d{2}-\d{2}$/.test(dayDate)) return undefined;
  const hhmm = `${m[1]?.padStart(2, "0")}:${m[2]}`;
  const change = dayChange?.trim().slice(0, 5).padStart(5, "0");
  const date =
    change && hhmm < change ? (DateTime.fromISO(dayDate).plus({ days: 1 }).toISODate() ?? dayDate) : dayDate;
  return `${date}T${hhmm}`;
}

function readEvent(
  e: unknown,
  day: { date: string; where: string },
  roomName: string,
  conf: { dayChange?: string; baseUrl?: string },
  warn: (w: SourceWarning) => void,
): RawEvent {
  const title = text(child(e, "title"));
  const where = `${day.where}, room ${roomName || "(none)"}, event ${attr(e, "guid") ?? attr(e, "id") ?? "?"}`;
  const nested = nestedTitles(e);
  if (nested.length)
    warn({
      code: "nested-attachment-title",
      message: `"${title}" (${where}) holds nested titles (${nested.map((t) => `"${t}"`).join(", ")}); the event's own <title> is used`,
    });
  const ownRoom = text(child(e, "room"));
  if (ownRoom && roomName && ownRoom !== roomName)
    warn({
      code: "room-name-mismatch",
      message: `"${title}" (${where}) names its room "${ownRoom}" inside <room name="${roomName}">; filed under "${roomName}"`,
    });
  const date = text(child(e, "date"));
  const clock = text(child(e, "start"));
  const abstractRaw = rawText(child(e, "abstract"));
  const descriptionRaw = rawText(child(e, "description"));
  const track = child(e, "track");
  return {
    guid: attr(e, "guid"),
    id: attr(e, "id"),
    where,
    title,
    subtitle: text(child(e, "subtitle")),
    abstract: text(child(e, "abstract")),
    description: text(child(e, "description")),
    charRefs: abstractRaw.includes("&#") || descriptionRaw.includes("&#"),
    type: text(child(e, "type")),
    start: {
      instant: date || undefined,
      local: localStart(day.date, clock, conf.dayChange),
    },
    duration: text(child(e, "duration")),
    clock: date ? clock : undefined,
    dayDate: day.date || undefined,
    room: roomName || ownRoom || undefined,
    track: text(track) || undefined,
    languages: parseLanguages(text(child(e, "language"))),
    persons: persons(e),
    url: text(child(e, "url")) || undefined,
    links: links(e, conf.baseUrl),
  };
}

/**
 * The elements still open where the text ended, outermost first, from fast-xml-parser's message for them
 * ("Invalid '[ "schedule", "day" ]' found."); undefined for any other error. At most the innermost 6.
 */
function unclosedTags(message: string | undefined): string[] | undefined {
  const list = /^Invalid '(\[[\s\S]*\])' found\.?(?::\d+:\d+)?$/.exec(message ?? "")?.[1];
  if (!list) return undefined;
  try {
    const tags = JSON.parse(list) as unknown;
    return Array.isArray(tags) && tags.length ? tags.map(String).slice(-6) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads frab schedule XML; throws a ProgrammeError when it is not well-formed or not a schedule. */
export function readFrabXml(xml: string, source: string): RawSchedule {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (e) {
    const err = (e as { err?: { msg?: string; line?: number } }).err;
    const open = unclosedTags(err?.msg ?? (e as Error).message);
    const lines = open ? xml.split("\n").length : 0;
    const where = open ? `line ${lines}` : err?.line ? `line ${err.line}` : "";
    const error = open
      ? `the file ends at line ${lines} with ${open.map((t) => `<${t}>`).join(" ")} still open; expected ${[
          ...open,
        ]
          .reverse()
          .map((t) => `</${t}>`)
          .join("")} — is it cut off?`
      : cutText(err?.msg ?? (e as Error).message);
    throw new ProgrammeError(source, [
      {
        path: where,
        message: `well-formed XML (${error})`,
        problem: { code: "bad-format", values: { format: "XML", error } },
      },
    ]);
  }
  const schedule = child(doc, "schedule");
  if (!isObject(schedule))
    throw new ProgrammeError(source, [
      {
        path: "",
        message: "a frab schedule XML with a <schedule> root element",
        problem: { code: "not-a-schedule", values: { format: "frab XML" } },
      },
    ]);
  const warnings: SourceWarning[] = [];
  const warn = (w: SourceWarning) => warnings.push(w);
  const c = child(schedule, "conference");
  const baseUrl = text(child(c, "base_url")) || text(child(c, "url")) || undefined;
  const dayChange = text(child(c, "day_change")) || undefined;
  const tracks = [
    ...children(schedule, "tracks").flatMap((t) => children(t, "track")),
    ...children(c, "track"),
  ].map((t) => ({ name: attr(t, "name") ?? text(t), slug: attr(t, "slug"), color: attr(t, "color") }));
  const bios = new Map<string, string>();
  for (const p of children(child(schedule, "persons"), "person")) {
    const key = attr(p, "code") ?? attr(p, "guid") ?? attr(p, "id");
    const bio = text(child(p, "biography")) || text(child(p, "abstract"));
    if (key && bio) bios.set(key, bio);
  }

  const days: RawDay[] = [];
  const rooms: string[] = [];
  const events: RawEvent[] = [];
  for (const [i, d] of children(schedule, "day").entries()) {
    const date = attr(d, "date") ?? "";
    const day: RawDay = { date, start: attr(d, "start"), end: attr(d, "end"), rooms: [] };
    const dayInfo = { date, where: `day ${date || i + 1}` };
    for (const r of children(d, "room")) {
      const name = (attr(r, "name") ?? "").trim();
      const roomEvents = children(r, "event");
      if (name && !rooms.includes(name)) rooms.push(name);
      day.rooms.push({ name, events: roomEvents.length });
      for (const e of roomEvents) events.push(readEvent(e, dayInfo, name, { dayChange, baseUrl }, warn));
    }
    days.push(day);
  }
  return {
    format: "frab-xml",
    title: text(child(c, "title")) || text(child(c, "acronym")) || undefined,
    venue: text(child(c, "venue")) || undefined,
    city: text(child(c, "city")) || undefined,
    url: text(child(c, "url")) || baseUrl,
    baseUrl,
    timezone: text(child(c, "time_zone_name")) || undefined,
    dayChange,
    days,
    rooms,
    tracks,
    bios,
    events,
    warnings,
  };
}
