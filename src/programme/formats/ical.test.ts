import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_DIR } from "../../../test/support/real-schedules.js";
import { buildProgramme } from "./build.js";
import { decodeIcsBytes, readIcal } from "./ical.js";

const real = (file: string) => {
  const { text, warnings } = decodeIcsBytes(readFileSync(join(REAL_DIR, file)));
  return buildProgramme(readIcal(text, file, warnings), { source: file });
};

describe("decodeIcsBytes", () => {
  it("unfolds before decoding, so a fold inside a UTF-8 character decodes, and reports it", () => {
    const e = new TextEncoder().encode("SUMMARY:Numérique\r\n");
    // Split "é" (0xC3 0xA9) across a fold.
    const at = e.indexOf(0xa9);
    const folded = new Uint8Array([...e.slice(0, at), 0x0d, 0x0a, 0x20, ...e.slice(at)]);
    const r = decodeIcsBytes(folded);
    expect(r.text).toBe("SUMMARY:Numérique\n");
    expect(r.warnings.map((w) => w.code)).toEqual(["broken-utf8-folding"]);
    expect(decodeIcsBytes(new TextEncoder().encode("A:b\r\n c\r\r\n")).text).toBe("A:bc\n");
  });

  it("decodes JRES 2022, whose folds split characters, without a single replacement character", () => {
    const { programme, warnings } = real("jres2022.ics");
    expect(JSON.stringify(programme)).not.toContain("\uFFFD");
    expect(warnings.map((w) => w.code)).toContain("broken-utf8-folding");
    // It names no language; its texts are French, and filed so.
    expect(programme.conference.languages[0]).toBe("fr");
    expect(programme.sessions.some((s) => s.title.fr?.startsWith("182 - Numérique"))).toBe(true);
  });
});

describe("readIcal", () => {
  it("reads a TZID without VTIMEZONE as the IANA zone (linux.conf.au, Brisbane, UTC+10) and warns", () => {
    const { programme, warnings } = real("lca2020.ics");
    expect(programme.conference.timezone).toBe("Australia/Brisbane");
    const w = warnings.find((x) => x.code === "tzid-without-vtimezone");
    expect(w?.message).toContain("Australia/Brisbane");
    const welcome = programme.sessions.find((s) => s.title.en === "Wednesday Welcome");
    expect(welcome?.start).toBe("2020-01-15T09:00:00+10:00");
    const names = new Map(programme.speakers.map((s) => [s.id, s.name.en]));
    expect(welcome?.speakers.map((id) => names.get(id))).toEqual(["Joel Addison"]);
    expect(welcome?.abstract.en).toBe("Opening Remarks and Housekeeping");
  });

  it("takes pretalx's speakers off its 'Title - Speaker' summaries", () => {
    const { programme } = real("divoc-r2r-2021.pretalx.ics");
    const first = (t: Record<string, string>) => Object.values(t)[0];
    const opening = programme.sessions.find((s) => first(s.title) === "Opening");
    const names = new Map(programme.speakers.map((s) => [s.id, first(s.name)]));
    expect(opening?.speakers.map((id) => names.get(id))).toEqual(["hexchen", "NicKira"]);
    expect(opening?.start).toBe("2021-04-02T10:00:00+02:00");
  });

  it("reads UTC and floating times, DURATION and CANCELLED", () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "X-WR-TIMEZONE:Europe/Paris",
      "BEGIN:VEVENT",
      "UID:a@x",
      "SUMMARY:Utc",
      "DTSTART:20220517T090000Z",
      "DURATION:PT1H30M",
      "STATUS:CANCELLED",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:b@x",
      "SUMMARY:Floating",
      "DTSTART:20220517T110000",
      "DTEND:20220517T113000",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const { programme } = buildProgramme(readIcal(ics, "x.ics"), { source: "x.ics" });
    expect(programme.sessions.map((s) => [s.id, s.start, s.end, s.cancelled ?? false])).toEqual([
      ["a_x", "2022-05-17T11:00:00+02:00", "2022-05-17T12:30:00+02:00", true],
      ["b_x", "2022-05-17T11:00:00+02:00", "2022-05-17T11:30:00+02:00", false],
    ]);
  });

  it("refuses text that is no calendar", () => {
    expect(() => readIcal("BEGIN:VCALENDAR\nnonsense", "bad.ics")).toThrow(/bad\.ics.*iCalendar/s);
  });
});
