import { DateTime } from "luxon";
import { z } from "zod";
import { type Programme, SESSION_KINDS } from "./model.js";

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "a slug of lowercase latin letters, digits and dashes (at most 48)");
/**
 * Longest texts, in characters. They keep every message the bot builds from the programme (a card with all its
 * speakers, a page of the schedule) within Telegram's 4,096 characters; the PyCon Russia 2013 file uses at most
 * about half of each.
 */
export const TEXT_LIMITS = {
  name: 120,
  title: 200,
  room: 40,
  affiliation: 120,
  audience: 300,
  note: 600,
  bio: 800,
  abstract: 2000,
  speakersPerSession: 6,
} as const;

const text = (max: number) =>
  z.string().trim().min(1, "a non-empty text").max(max, `a text of at most ${max} characters`);
const localized = (max: number) => z.object({ en: text(max), ru: text(max) }).strict();
const optionalText = (max: number) =>
  z
    .object({
      en: z.string().max(max, `a text of at most ${max} characters`),
      ru: z.string().max(max, `a text of at most ${max} characters`),
    })
    .strict();
const instant = z.iso.datetime({ offset: true, message: "an ISO 8601 date-time with UTC offset" });
const isoDate = z.iso.date({ message: "an ISO date (YYYY-MM-DD)" });

const room = z.object({ id: slug, name: localized(TEXT_LIMITS.room) }).strict();

const conference = z
  .object({
    name: localized(TEXT_LIMITS.name),
    timezone: z.string().refine((tz) => DateTime.local().setZone(tz).isValid, "an IANA timezone"),
    venue: localized(TEXT_LIMITS.affiliation).optional(),
    city: localized(TEXT_LIMITS.name).optional(),
    url: z.url().optional(),
    note: localized(TEXT_LIMITS.note).optional(),
    days: z.array(isoDate).min(1, "at least one day"),
    rooms: z.array(room).min(1, "at least one room"),
  })
  .strict();

const session = z
  .object({
    id: slug,
    kind: z.enum(SESSION_KINDS),
    title: localized(TEXT_LIMITS.title),
    abstract: optionalText(TEXT_LIMITS.abstract),
    audience: localized(TEXT_LIMITS.audience).optional(),
    start: instant,
    end: instant,
    room: slug.optional(),
    speakers: z
      .array(slug)
      .max(TEXT_LIMITS.speakersPerSession, `at most ${TEXT_LIMITS.speakersPerSession} speakers`)
      .default([]),
    cancelled: z.boolean().optional(),
  })
  .strict();

const speaker = z
  .object({
    id: slug,
    name: localized(TEXT_LIMITS.name),
    affiliation: localized(TEXT_LIMITS.affiliation).optional(),
    bio: localized(TEXT_LIMITS.bio).optional(),
    url: z.url().optional(),
  })
  .strict();

type Issue = { path: (string | number)[]; message: string };

/** Cross-field rules that a per-field schema cannot express: references, order, clashes. */
function checkConsistency(p: Programme, issue: (i: Issue) => void): void {
  const unique = (items: { id: string }[], where: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined)
        issue({ path: [where, i, "id"], message: `a unique id ("${item.id}" is also ${where}[${first}])` });
      else seen.set(item.id, i);
    });
  };
  unique(p.conference.rooms, "rooms");
  unique(p.sessions, "sessions");
  unique(p.speakers, "speakers");
  const rooms = new Set(p.conference.rooms.map((r) => r.id));
  const speakers = new Set(p.speakers.map((s) => s.id));
  const days = new Set(p.conference.days);
  const tz = p.conference.timezone;
  const spans = p.sessions.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));

  p.sessions.forEach((s, i) => {
    const span = spans[i];
    if (!span) return;
    if (span.end <= span.start)
      issue({ path: ["sessions", i, "end"], message: `a time after start (${s.start})` });
    const day = DateTime.fromISO(s.start).setZone(tz).toISODate();
    if (day && days.size && !days.has(day))
      issue({
        path: ["sessions", i, "start"],
        message: `a time on a conference day (${[...days].join(", ")}), not ${day}`,
      });
    if (s.room !== undefined && !rooms.has(s.room))
      issue({
        path: ["sessions", i, "room"],
        message: `one of the rooms (${[...rooms].join(", ")}), not "${s.room}"`,
      });
    s.speakers.forEach((id, j) => {
      if (!speakers.has(id))
        issue({ path: ["sessions", i, "speakers", j], message: `a speaker id, not "${id}"` });
    });
  });

  // Clashes: a room or a speaker in two places at once (cancelled sessions free their slot).
  for (let i = 0; i < p.sessions.length; i++) {
    for (let j = i + 1; j < p.sessions.length; j++) {
      const a = p.sessions[i];
      const b = p.sessions[j];
      const sa = spans[i];
      const sb = spans[j];
      if (!a || !b || !sa || !sb || a.cancelled || b.cancelled) continue;
      if (!(sa.start < sb.end && sb.start < sa.end)) continue;
      if (a.room && a.room === b.room)
        issue({
          path: ["sessions", j, "room"],
          message: `a free room ("${a.room}" has sessions[${i}] "${a.id}" then)`,
        });
      const shared = a.speakers.filter((id) => b.speakers.includes(id));
      if (shared.length)
        issue({
          path: ["sessions", j, "start"],
          message: `a time when ${shared.join(", ")} is free (also in sessions[${i}] "${a.id}")`,
        });
    }
  }
}

/** The zod schema of a programme file: every field and every cross-reference. */
export const programmeSchema = z
  .object({
    conference,
    sessions: z.array(session),
    speakers: z.array(speaker),
  })
  .strict()
  .superRefine((p, ctx) =>
    // Marked so that error reports do not append the offending value: these messages already name it.
    checkConsistency(p as Programme, (i) =>
      ctx.addIssue({ code: "custom", params: { consistency: true }, ...i }),
    ),
  );
