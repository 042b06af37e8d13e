import { describe, expect, it } from "vitest";
import { ProgrammeError } from "../errors.js";
import { buildProgramme } from "./build.js";
import type { RawEvent, RawSchedule } from "./raw.js";

const raw = (events: Partial<RawEvent>[], over: Partial<RawSchedule> = {}): RawSchedule => ({
  format: "frab-xml",
  title: "Conf",
  days: [],
  rooms: [],
  tracks: [],
  bios: new Map(),
  events: events.map((e, i) => ({
    where: `event ${i}`,
    title: `Talk ${i}`,
    start: {},
    languages: [],
    persons: [],
    links: [],
    duration: "00:30",
    room: "Hall",
    ...e,
  })),
  warnings: [],
  ...over,
});
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe("buildProgramme: time", () => {
  it("takes the instant over a local clock time that disagrees, and says so", () => {
    const r = buildProgramme(
      raw([{ start: { instant: "2022-12-27T15:00:00-05:00", local: "2022-12-27T15:00" }, clock: "15:00" }], {
        timezone: "Europe/Amsterdam",
      }),
      { source: "x" },
    );
    expect(r.programme.sessions[0]?.start).toBe("2022-12-27T21:00:00+01:00");
    expect(codes(r)).toContain("clock-mismatch");
  });

  it("refuses local clock times without a zone, and reads them in the zone it is given", () => {
    const source = raw([{ start: { local: "2020-02-01T09:30" } }]);
    expect(() => buildProgramme(source, { source: "f.xml" })).toThrow(ProgrammeError);
    expect(() => buildProgramme(source, { source: "f.xml" })).toThrow(/PROGRAMME_TIMEZONE.*--timezone/);
    const r = buildProgramme(source, { source: "f.xml", timezone: "Europe/Brussels" });
    expect(r.programme.sessions[0]).toMatchObject({
      start: "2020-02-01T09:30:00+01:00",
      end: "2020-02-01T10:00:00+01:00",
    });
    expect(() => buildProgramme(source, { source: "f.xml", timezone: "Nowhere/Land" })).toThrow(
      /IANA timezone/,
    );
  });

  it("shows offset-only times in the zone the offsets imply, or the one given", () => {
    const source = raw([
      { start: { instant: "2020-12-27T11:30:00+01:00" } },
      { start: { instant: "2020-12-27T12:30:00+01:00" } },
      { start: { instant: "2020-12-27T12:30:00-05:00" } },
    ]);
    const implied = buildProgramme(source, { source: "x" });
    expect(implied.programme.conference.timezone).toBe("UTC+01:00");
    expect(codes(implied)).toContain("timezone-from-offsets");
    const given = buildProgramme(source, { source: "x", timezone: "Europe/Berlin" });
    expect(given.programme.conference.timezone).toBe("Europe/Berlin");
    expect(codes(given)).not.toContain("timezone-from-offsets");
  });

  it("reads both duration styles, reports the mix, and keeps events it cannot time with a warning", () => {
    const r = buildProgramme(
      raw(
        [
          { start: { instant: "2020-12-27T10:00:00+01:00" }, duration: "0:30" },
          { start: { instant: "2020-12-27T11:00:00+01:00" }, duration: "00:45" },
          { start: { instant: "2020-12-27T12:00:00+01:00" }, duration: "soon" },
          { start: { instant: "garbage" } },
        ],
        { timezone: "Europe/Berlin" },
      ),
      { source: "x" },
    );
    expect(r.programme.sessions.map((s) => s.end)).toEqual([
      "2020-12-27T10:30:00+01:00",
      "2020-12-27T11:45:00+01:00",
      "2020-12-27T12:00:00+01:00",
    ]);
    expect(codes(r)).toEqual(
      expect.arrayContaining(["duration-format", "bad-duration", "unusable-event", "zero-length"]),
    );
  });
});

describe("buildProgramme: ids and content", () => {
  it("keeps a repeated guid apart with a warning, and two guids of one id as two sessions", () => {
    const at = { instant: "2024-11-17T10:00:00+01:00" };
    const r = buildProgramme(
      raw(
        [
          { guid: "g1", id: "57249", start: at },
          { guid: "g2", id: "57249", start: { instant: "2024-11-18T10:00:00+01:00" } },
          { guid: "g1", id: "9", start: { instant: "2024-11-19T10:00:00+01:00" } },
        ],
        { timezone: "Europe/Berlin" },
      ),
      { source: "x" },
    );
    expect(r.programme.sessions.map((s) => s.id)).toEqual(["g1", "g2", "g1~2"]);
    expect(codes(r).filter((c) => c === "duplicate-guid")).toHaveLength(1);
  });

  it("files texts under the session's language, maps kinds and keeps tracks, languages, urls and links", () => {
    const r = buildProgramme(
      raw(
        [
          {
            guid: "a",
            start: { instant: "2024-12-27T10:30:00+01:00" },
            title: "Eröffnung &amp; mehr",
            abstract: "<p>Hallo <a href='https://e.org'>Welt</a></p>",
            description: "**Mehr**",
            type: "Vortrag",
            track: "CCC",
            languages: ["de", "en"],
            url: "https://e.org/a",
            persons: [{ key: "p1", name: "Kim" }],
            links: [{ url: "https://v.org/a.mp4", title: "Video", kind: "video" }],
          },
          { guid: "b", start: { instant: "2024-12-27T11:30:00+01:00" }, languages: ["en"], track: "Art" },
          { guid: "c", start: { instant: "2024-12-27T12:30:00+01:00" }, languages: ["de"], url: "not a url" },
        ],
        {
          timezone: "Europe/Berlin",
          tracks: [{ name: "Art", slug: "art", color: "#F9B000" }, { name: "CCC" }],
        },
      ),
      { source: "x" },
    );
    const [a, b, c] = r.programme.sessions;
    expect(r.programme.conference.languages).toEqual(["de", "en"]);
    expect(r.programme.conference.tracks).toEqual([
      { id: "art", name: { de: "Art" }, color: "#f9b000" },
      { id: "ccc", name: { de: "CCC" } },
    ]);
    expect(a).toMatchObject({
      kind: "talk",
      type: "Vortrag",
      title: { de: "Eröffnung & mehr" },
      abstract: { de: "Hallo Welt (https://e.org)\n\nMehr" },
      track: "ccc",
      languages: ["de", "en"],
      url: "https://e.org/a",
      speakers: ["p1"],
      links: [{ url: "https://v.org/a.mp4", title: "Video", kind: "video" }],
    });
    expect(b?.title).toEqual({ en: "Talk 1" });
    expect(c?.url).toBeUndefined();
    expect(codes(r)).toEqual(expect.arrayContaining(["html-in-text", "markdown-in-text"]));
  });

  it("leaves out rooms without events, saying so", () => {
    const r = buildProgramme(
      raw([{ start: { instant: "2024-12-27T10:30:00+01:00" }, room: "Used" }], {
        timezone: "Europe/Berlin",
        rooms: ["Empty", "Used"],
        days: [
          {
            date: "2024-12-27",
            rooms: [
              { name: "Used", events: 1 },
              { name: "Empty", events: 0 },
            ],
          },
        ],
      }),
      { source: "x" },
    );
    expect(r.programme.conference.rooms).toEqual([{ id: "used", name: { en: "Used" } }]);
    expect(r.warnings.filter((w) => w.code === "empty-room").map((w) => w.message)).toEqual([
      'room "Empty" has no events; left out',
    ]);
  });
});

describe("buildProgramme: nothing to show", () => {
  it("refuses a schedule without events, or without any it can time", () => {
    expect(() => buildProgramme(raw([]), { source: "empty.ics" })).toThrow(/at least one event.*has none/);
    expect(() => buildProgramme(raw([{ start: { instant: "soon" } }]), { source: "x" })).toThrow(
      /usable time/,
    );
  });
});
