import { DateTime } from "luxon";
import { z } from "zod";
import { EXPECTED, type IssuePlace, type Problem } from "./errors.js";
import {
  conferenceDayOf,
  LINK_KINDS,
  type Programme,
  SESSION_KINDS,
  type Session,
  type Text,
} from "./model.js";

/** Ids of sessions, speakers, rooms and tracks: hand-written slugs and the ids and guids sources publish. */
const id = z.string().regex(/^[A-Za-z0-9._:~-]{1,64}$/, EXPECTED.id);
const langCode = z.string().regex(/^[a-z]{2}$/, EXPECTED.lang);
const url = z.url({ protocol: /^https?$/, message: EXPECTED.url });

/** A text that must say something in every language it has, and have at least one. */
const text = z
  .record(langCode, z.string().trim().min(1, EXPECTED.text))
  .refine((t) => Object.keys(t).length > 0, EXPECTED.someText);
/** A text that may be empty (an abstract not written yet). */
const optionalText = z.record(langCode, z.string());
const instant = z.iso.datetime({ offset: true, message: EXPECTED.instant });
const isoDate = z.iso.date({ message: EXPECTED.date });

const room = z
  .object({
    id,
    name: text,
    capacity: z
      .number({ message: "a whole number of seats" })
      .int("a whole number of seats")
      .positive("more than 0 seats")
      .optional(),
  })
  .strict();
const track = z
  .object({
    id,
    name: text,
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, EXPECTED.colour)
      .optional(),
  })
  .strict();

const conference = z
  .object({
    name: text,
    timezone: z.string().refine((tz) => DateTime.local().setZone(tz).isValid, EXPECTED.timezone),
    languages: z.array(langCode).min(1, EXPECTED.languages).optional(),
    venue: text.optional(),
    city: text.optional(),
    address: text.optional(),
    location: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .strict()
      .optional(),
    info: text.optional(),
    url: url.optional(),
    note: text.optional(),
    dayChange: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, EXPECTED.clock)
      .optional(),
    days: z.array(isoDate).min(1, EXPECTED.days),
    rooms: z.array(room),
    tracks: z.array(track).default([]),
  })
  .strict();

const link = z
  .object({ url, title: z.string().trim().min(1, EXPECTED.title), kind: z.enum(LINK_KINDS).optional() })
  .strict();

const session = z
  .object({
    id,
    kind: z.enum(SESSION_KINDS),
    type: z.string().trim().min(1, EXPECTED.type).optional(),
    title: text,
    subtitle: text.optional(),
    abstract: optionalText.default({}),
    audience: text.optional(),
    start: instant,
    end: instant,
    room: id.optional(),
    track: id.optional(),
    languages: z.array(langCode).optional(),
    speakers: z.array(id).default([]),
    url: url.optional(),
    links: z.array(link).optional(),
    cancelled: z.boolean().optional(),
  })
  .strict();

const speaker = z
  .object({
    id,
    name: text,
    affiliation: text.optional(),
    bio: text.optional(),
    url: url.optional(),
  })
  .strict();

type Issue = { path: (string | number)[]; message: string; problem: Problem };
type Report = (i: Issue) => void;

/** Every text of a programme with its path, for the language check. */
function* texts(p: Programme): Generator<[(string | number)[], Text | undefined]> {
  const c = p.conference;
  for (const f of ["name", "venue", "city", "address", "info", "note"] as const)
    yield [["conference", f], c[f]];
  for (const [i, r] of c.rooms.entries()) yield [["conference", "rooms", i, "name"], r.name];
  for (const [i, t] of c.tracks.entries()) yield [["conference", "tracks", i, "name"], t.name];
  for (const [i, s] of p.sessions.entries())
    for (const f of ["title", "subtitle", "abstract", "audience"] as const) yield [["sessions", i, f], s[f]];
  for (const [i, s] of p.speakers.entries())
    for (const f of ["name", "affiliation", "bio"] as const) yield [["speakers", i, f], s[f]];
}

/** The content languages: as declared, else every language the texts use, in order of first use. */
export function contentLanguages(
  p: Omit<Programme, "conference"> & {
    conference: Omit<Programme["conference"], "languages"> & { languages?: string[] };
  },
): string[] {
  if (p.conference.languages?.length) return [...p.conference.languages];
  const used = new Set<string>();
  for (const [, t] of texts(p as Programme)) for (const l of Object.keys(t ?? {})) used.add(l);
  return used.size ? [...used] : ["en"];
}

function checkIds(p: Programme, issue: Report): void {
  const unique = (items: { id: string }[], where: (string | number)[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined)
        issue({
          path: [...where, i, "id"],
          message: `a unique id ("${item.id}" is also ${where.at(-1)}[${first}])`,
          problem: { code: "duplicate-id", values: { id: item.id } },
        });
      else seen.set(item.id, i);
    });
  };
  unique(p.conference.rooms, ["conference", "rooms"]);
  unique(p.conference.tracks, ["conference", "tracks"]);
  unique(p.sessions, ["sessions"]);
  unique(p.speakers, ["speakers"]);
}

/** Rooms or tracks as places named in a problem. */
function named(items: readonly { id: string; name: Text }[], kind: "room" | "track"): IssuePlace[] {
  return items.map((r) => ({ kind, id: r.id, name: r.name }));
}

/** A speaker's name in the conference's first language, else the id. */
function speakerName(p: Programme, id: string): string {
  const s = p.speakers.find((x) => x.id === id);
  return (s && (s.name[p.conference.languages[0] ?? ""] ?? Object.values(s.name)[0])) || id;
}

/** A session as a place named in a problem: its title, times and room. */
function sessionPlace(s: Session): IssuePlace {
  return {
    kind: "session",
    id: s.id,
    name: s.title,
    start: s.start,
    end: s.end,
    ...(s.room ? { room: s.room } : {}),
  };
}

/** References, languages, order: what every programme, hand-written or imported, must get right. */
function checkReferences(p: Programme, issue: Report): void {
  checkIds(p, issue);
  const languages = new Set(p.conference.languages);
  for (const [path, t] of texts(p))
    for (const l of Object.keys(t ?? {}))
      if (!languages.has(l))
        issue({
          path: [...path, l],
          message: `a language of the conference (${[...languages].join(", ")}), not "${l}"`,
          problem: { code: "foreign-language", values: { lang: l, languages: [...languages].join(", ") } },
        });
  const rooms = new Set(p.conference.rooms.map((r) => r.id));
  const tracks = new Set(p.conference.tracks.map((t) => t.id));
  const speakers = new Set(p.speakers.map((s) => s.id));
  p.sessions.forEach((s, i) => {
    if (Date.parse(s.end) < Date.parse(s.start))
      issue({
        path: ["sessions", i, "end"],
        message: `a time not before start (${s.start})`,
        problem: { code: "end-before-start" },
      });
    if (s.room !== undefined && !rooms.has(s.room))
      issue({
        path: ["sessions", i, "room"],
        message: `one of the rooms (${[...rooms].slice(0, 10).join(", ")}${rooms.size > 10 ? ", …" : ""}), not "${s.room}"`,
        problem: { code: "unknown-room", values: { room: s.room, rooms: named(p.conference.rooms, "room") } },
      });
    if (s.track !== undefined && !tracks.has(s.track))
      issue({
        path: ["sessions", i, "track"],
        message: `one of the tracks (${[...tracks].slice(0, 10).join(", ")}${tracks.size > 10 ? ", …" : ""}), not "${s.track}"`,
        problem: {
          code: "unknown-track",
          values: { track: s.track, tracks: named(p.conference.tracks, "track") },
        },
      });
    const seen = new Set<string>();
    s.speakers.forEach((id, j) => {
      if (!speakers.has(id))
        issue({
          path: ["sessions", i, "speakers", j],
          message: `a speaker id, not "${id}"`,
          problem: { code: "unknown-speaker", values: { speaker: id } },
        });
      else if (seen.has(id))
        issue({
          path: ["sessions", i, "speakers", j],
          message: `each speaker once ("${id}" is listed twice)`,
          problem: { code: "speaker-twice", values: { speaker: speakerName(p, id) } },
        });
      seen.add(id);
    });
  });
}

/** What only a hand-edited file must get right: days, positive lengths, no clashes. */
function checkHandWritten(p: Programme, issue: Report): void {
  const days = new Set(p.conference.days);
  const spans = p.sessions.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
  p.sessions.forEach((s, i) => {
    const span = spans[i];
    if (span && span.end === span.start)
      issue({
        path: ["sessions", i, "end"],
        message: `a time after start (${s.start})`,
        problem: { code: "no-length" },
      });
    const day = conferenceDayOf(s.start, p.conference);
    if (day && !days.has(day))
      issue({
        path: ["sessions", i, "start"],
        message: `a time on a conference day (${[...days].join(", ")}), not ${day}`,
        problem: { code: "not-a-day", values: { day, days: [...days].join(", ") } },
      });
  });
  // Clashes: a room or a speaker in two places at once (cancelled sessions free their slot).
  // Sorted by start, each session is compared only with those that begin before it ends.
  const order = p.sessions.map((_, i) => i).sort((a, b) => (spans[a]?.start ?? 0) - (spans[b]?.start ?? 0));
  for (let x = 0; x < order.length; x++) {
    for (let y = x + 1; y < order.length; y++) {
      const [i, j] = [order[x] as number, order[y] as number];
      const [a, b, sa, sb] = [p.sessions[i], p.sessions[j], spans[i], spans[j]];
      if (!a || !b || !sa || !sb) continue;
      if (sb.start >= sa.end) break;
      if (a.cancelled || b.cancelled || !(sa.start < sb.end && sb.start < sa.end)) continue;
      const [first, second] = i < j ? [i, j] : [j, i];
      const firstSession = p.sessions[first] as typeof a;
      const room = p.conference.rooms.find((r) => r.id === a.room);
      if (a.room && a.room === b.room)
        issue({
          path: ["sessions", second, "room"],
          message: `a free room ("${a.room}" has sessions[${first}] "${firstSession.id}" then)`,
          problem: {
            code: "room-taken",
            values: {
              room: room ? { kind: "room", id: room.id, name: room.name } : a.room,
              other: sessionPlace(firstSession),
            },
          },
        });
      const shared = a.speakers.filter((id) => b.speakers.includes(id));
      if (shared.length)
        issue({
          path: ["sessions", second, "start"],
          message: `a time when ${shared.join(", ")} is free (also in sessions[${first}] "${firstSession.id}")`,
          problem: {
            code: "speaker-busy",
            values: {
              speakers: shared.map((id) => speakerName(p, id)).join(", "),
              other: sessionPlace(firstSession),
            },
          },
        });
    }
  }
}

const structure = z.object({ conference, sessions: z.array(session), speakers: z.array(speaker) }).strict();

/** Fills what a file may leave out: the content languages. */
function withLanguages(p: z.output<typeof structure>): Programme {
  return { ...p, conference: { ...p.conference, languages: contentLanguages(p) } } as Programme;
}

// Marked so that error reports do not append the offending value: these messages already name it.
// The problem rides along for the bot, which words it in the organizer's language.
const consistency =
  (ctx: z.RefinementCtx) =>
  ({ problem, ...i }: Issue) =>
    ctx.addIssue({ code: "custom", params: { consistency: true, problem }, ...i });

/**
 * The zod schema of a hand-edited programme file (canonical YAML/JSON): every field, every cross-reference,
 * conference days and clashes. Strict: every problem is reported, and the file is refused whole.
 */
export const programmeSchema = structure
  .superRefine((p, ctx) => {
    const report = consistency(ctx);
    const programme = withLanguages(p);
    checkReferences(programme, report);
    checkHandWritten(programme, report);
  })
  .transform(withLanguages);

/**
 * The schema of a programme a loader built from a published schedule: fields and references as strict as
 * a file's, but clashes, zero-length events and days are the organizers' truth (loaders warn about them).
 */
export const importedProgrammeSchema = structure
  .superRefine((p, ctx) => checkReferences(withLanguages(p), consistency(ctx)))
  .transform(withLanguages);
