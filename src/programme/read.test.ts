import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { ProgrammeError, type ProgrammeIssue } from "./errors.js";
import type { Programme } from "./model.js";
import { parseProgramme, readProgrammeFile, validateProgramme } from "./read.js";

/** The problems a document has, as `path: message` lines. */
function problems(doc: unknown): string[] {
  try {
    validateProgramme(doc, "p.yaml");
  } catch (e) {
    if (e instanceof ProgrammeError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

function edited(edit: (p: Programme) => void): Programme {
  const p = smallProgramme();
  edit(p);
  return p;
}

/** The issues validating a document finds. */
function issuesOf(doc: unknown): ProgrammeIssue[] {
  try {
    validateProgramme(doc, "p.yaml");
  } catch (e) {
    if (e instanceof ProgrammeError) return e.issues;
    throw e;
  }
  return [];
}

describe("problems in words any language can give", () => {
  it("gives each issue its problem code and the session it is in, as the file has it", () => {
    const p = smallProgramme();
    const doc = JSON.parse(JSON.stringify(p));
    doc.sessions[1].room = "nowhere";
    doc.sessions[0].kind = "lecture";
    expect(issuesOf(doc)[0]).toMatchObject({
      path: "sessions[0].kind",
      problem: { code: "one-of", values: { got: '"lecture"' } },
      place: { kind: "session", id: p.sessions[0]?.id, name: p.sessions[0]?.title, field: "kind" },
    });
    doc.sessions[0].kind = "talk";
    expect(issuesOf(doc)[0]).toMatchObject({
      path: "sessions[1].room",
      problem: { code: "unknown-room", values: { room: "nowhere" } },
      place: { kind: "session", start: p.sessions[1]?.start, end: p.sessions[1]?.end, field: "room" },
    });
  });
});

describe("programme validation", () => {
  it("accepts a valid programme, YAML or JSON", () => {
    expect(problems(smallProgramme())).toEqual([]);
    expect(parseProgramme(stringify(smallProgramme()), "p.yaml")).toEqual(smallProgramme());
    expect(parseProgramme(JSON.stringify(smallProgramme()), "p.json")).toEqual(smallProgramme());
  });

  it("reports every field problem at once, with its path, what was expected and what was found", () => {
    const found = problems(
      edited((p) => {
        const [a, b] = p.sessions as [Programme["sessions"][0], Programme["sessions"][0]];
        a.start = "next tuesday";
        (b as { kind: string }).kind = "party";
        (p.speakers[0] as { name: unknown }).name = {};
        p.conference.timezone = "Mars/Olympus";
        (p.conference as unknown as Record<string, unknown>).colour = "blue";
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'sessions[0].start: expected an ISO 8601 date-time with UTC offset, got "next tuesday"',
        'sessions[1].kind: expected one of "talk"|"keynote"|"workshop"|"lightning"|"panel"|"meetup"|"opening"|"closing"|"break"|"meal"|"other", got "party"',
        "speakers[0].name: expected a text in at least one language, got {}",
        'conference.timezone: expected an IANA timezone, got "Mars/Olympus"',
        "conference: no fields other than the known ones, got colour",
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it("checks references, ids, order and days across the whole programme", () => {
    const found = problems(
      edited((p) => {
        const [a, b, c] = p.sessions as [
          Programme["sessions"][0],
          Programme["sessions"][0],
          Programme["sessions"][0],
        ];
        a.room = "hall-z";
        b.speakers = ["nobody"];
        c.id = "async-io";
        c.end = c.start;
        const speaker = p.speakers[0];
        if (speaker) speaker.id = "Ann Lee";
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'sessions[0].room: expected one of the rooms (hall-a, hall-b), not "hall-z"',
        'sessions[1].speakers[0]: expected a speaker id, not "nobody"',
        'sessions[2].id: expected a unique id ("async-io" is also sessions[0])',
        "sessions[2].end: expected a time after start (2030-03-01T18:00:00+05:00)",
        expect.stringMatching(/^speakers\[0\]\.id: expected an id of at most 64 latin letters/),
      ]),
    );
  });

  it("accepts source ids and guids up to 64 characters, new kinds, tracks, languages and links", () => {
    const p = edited((p) => {
      p.conference.dayChange = "06:00";
      p.conference.tracks = [{ id: "rust", name: { en: "Rust devroom" }, color: "#ff8800" }];
      const a = p.sessions[0] as Programme["sessions"][0];
      a.id = "6f1c2f8e-5b7a-4d7e-9b1e-0a4c7f7d9e21";
      a.kind = "lightning";
      a.type = "lightningtalk";
      a.track = "rust";
      a.languages = ["de", "en"];
      a.url = "https://example.org/talk";
      a.links = [{ url: "https://video.example.org/1.mp4", title: "Video", kind: "video" }];
      a.abstract = { en: "x".repeat(9000) };
      (p.speakers[0] as Programme["speakers"][0]).id = "pretalx:ABC.def~9";
      a.speakers = ["pretalx:ABC.def~9"];
      (p.sessions[2] as Programme["sessions"][0]).speakers = ["pretalx:ABC.def~9"];
    });
    expect(problems(p)).toEqual([]);
    expect(problems(edited((p) => ((p.sessions[0] as { id: string }).id = "a".repeat(65))))).toEqual([
      expect.stringMatching(/^sessions\[0\]\.id: expected an id of at most 64/),
    ]);
  });

  it("files texts only under the conference's languages, and takes the languages used when none are declared", () => {
    expect(
      problems(
        edited((p) => ((p.sessions[0] as { title: Record<string, string> }).title.de = "Asynchrones IO")),
      ),
    ).toEqual(['sessions[0].title.de: expected a language of the conference (en, ru), not "de"']);
    const undeclared = smallProgramme() as unknown as { conference: Record<string, unknown> };
    delete undeclared.conference.languages;
    expect(validateProgramme(undeclared, "p.yaml").conference.languages).toEqual(["en", "ru"]);
    expect(problems(edited((p) => ((p.sessions[0] as { title: unknown }).title = { EN: "x" })))).toEqual([
      expect.stringMatching(/^sessions\[0\]\.title(\.EN)?: expected an ISO 639-1 language code/),
    ]);
  });

  it("refuses the same speaker twice in one session", () => {
    expect(
      problems(edited((p) => ((p.sessions[0] as { speakers: string[] }).speakers = ["ann-lee", "ann-lee"]))),
    ).toEqual(['sessions[0].speakers[1]: expected each speaker once ("ann-lee" is listed twice)']);
  });

  it("refuses a room or a speaker in two places at once, but not a cancelled session", () => {
    const clash = edited((p) => {
      const b = p.sessions[1];
      if (b) {
        b.room = "hall-a";
        b.speakers = ["ann-lee"];
      }
    });
    expect(problems(clash)).toEqual([
      'sessions[1].room: expected a free room ("hall-a" has sessions[0] "async-io" then)',
      'sessions[1].start: expected a time when ann-lee is free (also in sessions[0] "async-io")',
    ]);
    const cancelled = clash.sessions[1];
    if (cancelled) cancelled.cancelled = true;
    expect(problems(clash)).toEqual([]);
  });

  it("refuses a session outside the conference's days, judged in its timezone", () => {
    const found = problems(
      edited((p) => {
        const a = p.sessions[0];
        // 23:30 UTC on 28 Feb is already 1 March in Yekaterinburg: on a conference day.
        if (a) [a.start, a.end] = ["2030-02-28T23:30:00Z", "2030-03-01T00:10:00Z"];
        const b = p.sessions[1];
        if (b) [b.start, b.end] = ["2030-03-02T10:00:00+05:00", "2030-03-02T10:40:00+05:00"];
      }),
    );
    expect(found).toEqual([
      "sessions[1].start: expected a time on a conference day (2030-03-01), not 2030-03-02",
    ]);
  });

  it("names the file and the line of a YAML syntax error, and a file it cannot read", () => {
    const dir = tempDir();
    const file = join(dir, "broken.yaml");
    writeFileSync(file, "conference:\n  name: { en: X\nsessions: []\n");
    expect(() => readProgrammeFile(file)).toThrow(ProgrammeError);
    expect(() => readProgrammeFile(file)).toThrow(new RegExp(`${file}: line \\d+:`));
    const issues = (() => {
      try {
        readProgrammeFile(file);
      } catch (e) {
        return e instanceof ProgrammeError ? e.issues : [];
      }
      return [];
    })();
    // The parser's own "at line 2, column 9:" is left to the path; no message ends in a dangling colon.
    for (const i of issues) {
      expect(i.message).not.toMatch(/(:|at line \d+, column \d+)\s*$/);
      expect(i.problem).toMatchObject({ code: "yaml", values: { line: expect.any(Number) } });
    }
    expect(issues.length).toBeGreaterThan(0);
    expect(() => readProgrammeFile(join(dir, "missing.yaml"))).toThrow(
      /missing\.yaml: \(root\): a readable file/,
    );
  });
});
