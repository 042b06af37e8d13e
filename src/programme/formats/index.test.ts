import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  frabFacts,
  icsFacts,
  jsonFacts,
  REAL_DIR,
  realFiles,
  type SourceFacts,
} from "../../../test/support/real-schedules.js";
import { ProgrammeError } from "../errors.js";
import { conferenceDayOf, type ParsedSchedule } from "../model.js";
import { parseSchedule, readScheduleFile } from "./index.js";

const FOSDEM_2020 = "fosdem-2020.pentabarf.xml";
// FOSDEM 2020 publishes local clock times only: it needs a timezone, like PROGRAMME_TIMEZONE.
const optionsFor = (file: string) => (file === FOSDEM_2020 ? { timezone: "Europe/Brussels" } : {});
const cache = new Map<string, ParsedSchedule>();
const load = (file: string) => {
  let parsed = cache.get(file);
  if (!parsed) {
    parsed = readScheduleFile(join(REAL_DIR, file), optionsFor(file));
    cache.set(file, parsed);
  }
  return parsed;
};

function factsOf(file: string): SourceFacts & { speakerLines?: number } {
  if (file.endsWith(".xml")) return frabFacts(file, optionsFor(file).timezone);
  if (file.endsWith(".json")) return jsonFacts(file);
  return icsFacts(file);
}

const times = (events: { start: number; end: number }[]) =>
  events.map((e) => `${new Date(e.start).toISOString()} ${new Date(e.end).toISOString()}`).sort();

describe("every real schedule", () => {
  it.each(realFiles())("%s loads with the source's sessions, times, rooms and speakers", (file) => {
    const { programme: p, format } = load(file);
    const facts = factsOf(file);
    expect(format).toBe(file.endsWith(".xml") ? "frab-xml" : file.endsWith(".json") ? "c3voc-json" : "ical");
    expect(p.sessions).toHaveLength(facts.events.length);
    expect(times(p.sessions.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) })))).toEqual(
      times(facts.events),
    );
    // Titles at their start times (iCalendar from pretalx writes "Title - Speaker": compared apart).
    if (!file.endsWith(".ics")) {
      const titled = (list: { title: string; start: number }[]) =>
        list.map((e) => `${e.start} ${e.title}`).sort();
      expect(
        titled(
          p.sessions.map((s) => ({ title: Object.values(s.title)[0] ?? "", start: Date.parse(s.start) })),
        ),
      ).toEqual(titled(facts.events));
    }
    const roomNames = p.conference.rooms.map((r) => Object.values(r.name)[0]);
    expect(new Set(roomNames)).toEqual(
      new Set([...facts.rooms].filter((r) => facts.events.some((e) => e.room === r))),
    );
    // Every session's room is the one the source files it under.
    const roomName = new Map(p.conference.rooms.map((r) => [r.id, Object.values(r.name)[0]]));
    expect(p.sessions.map((s) => (s.room ? roomName.get(s.room) : "")).sort()).toEqual(
      facts.events.map((e) => e.room).sort(),
    );
    if (facts.persons.size) expect(p.speakers).toHaveLength(facts.persons.size);
    if (facts.speakerLines !== undefined && facts.speakerLines > 0)
      expect(p.sessions.filter((s) => s.speakers.length).length).toBe(facts.speakerLines);
    // Ids are unique and within the model's alphabet; every reference resolves.
    expect(new Set(p.sessions.map((s) => s.id)).size).toBe(p.sessions.length);
    for (const s of p.sessions) expect(s.id).toMatch(/^[A-Za-z0-9._:~-]{1,64}$/);
    const speakerIds = new Set(p.speakers.map((s) => s.id));
    expect(speakerIds.size).toBe(p.speakers.length);
    for (const s of p.sessions) {
      for (const id of s.speakers) expect(speakerIds.has(id)).toBe(true);
      expect(new Set(s.speakers).size).toBe(s.speakers.length);
      expect(Date.parse(s.end)).toBeGreaterThanOrEqual(Date.parse(s.start));
      expect(p.conference.days).toContain(conferenceDayOf(s.start, p.conference));
    }
  });
});

describe("the DiVOC twins", () => {
  it("give the same sessions at the same times in XML, JSON and iCalendar", () => {
    const [xml, json, ics] = [
      "divoc-r2r-2021.pretalx.frab.xml",
      "divoc-r2r-2021.pretalx.c3voc.json",
      "divoc-r2r-2021.pretalx.ics",
    ].map((f) => load(f).programme);
    const slots = (p: typeof xml) =>
      (p?.sessions ?? [])
        .map((s) => `${Date.parse(s.start)}-${Date.parse(s.end)} ${Object.values(s.title)[0]?.trim()}`)
        .sort();
    expect(slots(xml)).toHaveLength(45);
    expect(slots(json)).toEqual(slots(xml));
    // The iCalendar twin writes "Title - Speaker"; pretalx's speakers come off the title again.
    expect(slots(ics)).toEqual(slots(xml));
    expect(xml?.sessions.map((s) => s.id).sort()).toEqual(json?.sessions.map((s) => s.id).sort());
  });
});

describe("timezones", () => {
  it("refuses FOSDEM 2020 without a timezone, saying how to give one", () => {
    const bytes = readFileSync(join(REAL_DIR, FOSDEM_2020));
    let error: unknown;
    try {
      parseSchedule(bytes, { source: FOSDEM_2020 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProgrammeError);
    expect((error as Error).message).toMatch(/PROGRAMME_TIMEZONE/);
    expect((error as Error).message).toMatch(/--timezone/);
  });

  it("loads FOSDEM 2020 with one, at Brussels time", () => {
    const p = load(FOSDEM_2020).programme;
    expect(p.conference.timezone).toBe("Europe/Brussels");
    const welcome = p.sessions.find((s) => s.id === "9025");
    expect(welcome?.start).toBe("2020-02-01T09:30:00+01:00");
  });

  it("shows offset-only sources in the zone their offsets imply, or in the one given", () => {
    expect(load("rc3-channels-2020.pretalx.c3voc.json").programme.conference.timezone).toBe("UTC+01:00");
    expect(load("divoc-r2r-2021.pretalx.c3voc.json").programme.conference.timezone).toBe("UTC+02:00");
    const given = readScheduleFile(join(REAL_DIR, "36c3-merged.voc.frab.xml"), { timezone: "Europe/Berlin" });
    expect(given.programme.conference.timezone).toBe("Europe/Berlin");
    expect(given.programme.sessions[0]?.start).toMatch(/\+01:00$/);
  });

  it("takes DebConf's UTC instants over its local clock times, shown in Kolkata", () => {
    const p = load("debconf23.wafer.frab.xml").programme;
    expect(p.conference.timezone).toBe("Asia/Kolkata");
    const opening = p.sessions.find((s) => s.title.en === "Opening Ceremony");
    expect(opening?.start).toBe("2023-09-10T10:30:00+05:30");
    // Its days are the Indian calendar days, not the UTC ones the source names.
    expect(p.conference.days[0]).toBe("2023-09-10");
  });

  it("cuts 38C3's days at 06:00", () => {
    const c = load("38c3.hub.frab.xml").programme.conference;
    expect(c.dayChange).toBe("06:00");
    expect(c.days).toEqual(["2024-12-27", "2024-12-28", "2024-12-29", "2024-12-30"]);
  });
});

describe("warnings where the README says", () => {
  // file → warning codes its README entry describes
  const expected: Record<string, string[]> = {
    "fosdem-2020.pentabarf.xml": ["html-in-text", "empty-room", "no-speakers"],
    "fosdem-2026-prelim.pretalx-fosdem.xml": [
      "html-in-text",
      "empty-room",
      "duplicate-person",
      "no-speakers",
    ],
    "38c3.hub.frab.xml": ["markdown-in-text", "past-midnight", "long-event", "no-speakers"],
    "36c3-merged.voc.frab.xml": [
      "duplicate-guid",
      "speaker-id-split",
      "duration-format",
      "zero-length",
      "room-name-mismatch",
      "empty-room",
      "html-in-text",
      "char-refs-in-text",
      "past-midnight",
      "timezone-from-offsets",
    ],
    "39c3-prelim-20251206.hub.frab.xml": ["nested-attachment-title", "past-midnight"],
    "debconf23.wafer.frab.xml": ["day-mismatch", "empty-room", "no-speakers"],
    "denog16.pretalx.frab.xml": ["char-refs-in-text"],
    "divoc-r2r-2021.pretalx.frab.xml": ["char-refs-in-text", "past-midnight"],
    "divoc-r2r-2021.pretalx.c3voc.json": ["timezone-from-offsets"],
    "jev22-everything.c3voc.json": [
      "duration-format",
      "empty-room",
      "html-in-text",
      "long-event",
      "clock-mismatch",
    ],
    "rc3-channels-2020.pretalx.c3voc.json": ["timezone-from-offsets", "html-in-text"],
    "lca2020.ics": ["tzid-without-vtimezone", "html-in-text"],
    "jres2022.ics": ["tzid-without-vtimezone", "broken-utf8-folding"],
    "divoc-r2r-2021.pretalx.ics": [],
  };
  it.each(Object.entries(expected))("%s", (file, codes) => {
    const found = new Set(load(file).warnings.map((w) => w.code));
    for (const code of codes) expect(found, code).toContain(code);
    if (file === "divoc-r2r-2021.pretalx.ics") {
      // The clean baseline: a proper VTIMEZONE, nothing about zones or folding.
      expect(found).not.toContain("tzid-without-vtimezone");
      expect(found).not.toContain("broken-utf8-folding");
    }
  });
});

describe("broken copies of real schedules", () => {
  // A seeded generator: the same mutations on every run.
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const mutate = (bytes: Buffer, i: number): Buffer => {
    const copy = Buffer.from(bytes);
    const at = Math.floor(random() * copy.length);
    if (i % 3 === 0) return copy.subarray(0, at); // truncated
    if (i % 3 === 1) {
      for (let k = 0; k < 20; k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      return copy; // bytes flipped
    }
    return Buffer.concat([
      copy.subarray(0, at),
      Buffer.from(random() < 0.5 ? "<x>" : ":\n;"),
      copy.subarray(at),
    ]);
  };

  it.each([
    "denog16.pretalx.frab.xml",
    "rc3-channels-2020.pretalx.c3voc.json",
    "divoc-r2r-2021.pretalx.ics",
    "lca2020.ics",
  ])("%s: each one either loads or is refused with a ProgrammeError naming the source", (file) => {
    const bytes = readFileSync(join(REAL_DIR, file));
    let refused = 0;
    for (let i = 0; i < 30; i++) {
      try {
        const { programme } = parseSchedule(mutate(bytes, i), { source: `broken-${file}` });
        expect(programme.sessions.length).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(ProgrammeError);
        expect((e as ProgrammeError).file).toBe(`broken-${file}`);
        refused++;
      }
    }
    // Every truncation at least is refused: a half-downloaded schedule never loads as a smaller one.
    expect(refused).toBeGreaterThanOrEqual(10);
  });
});
