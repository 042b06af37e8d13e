import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { diffProgrammes } from "./diff.js";
import { isContentKind, type Session } from "./model.js";
import { readProgrammeFile } from "./read.js";

const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019];
const file = (year: number) => `data/pycon-ru-${year}.yaml`;

describe("the shipped PyCon Russia programmes (converted from the organizers' site)", () => {
  const span = (s: Session) => ({ start: Date.parse(s.start), end: Date.parse(s.end) });
  const overlap = (a: Session, b: Session) => span(a).start < span(b).end && span(b).start < span(a).end;

  it("2013 has the seed page's 22 talks, 3 workshops and 23 speakers, on 24–25 February 2013", () => {
    const p = readProgrammeFile(file(2013));
    const content = p.sessions.filter((s) => isContentKind(s.kind) && s.speakers.length > 0);
    expect(content.filter((s) => s.kind === "talk")).toHaveLength(22);
    expect(content.filter((s) => s.kind === "workshop")).toHaveLength(3);
    expect(p.speakers).toHaveLength(23);
    expect(p.conference.days).toEqual(["2013-02-24", "2013-02-25"]);
    expect(p.conference.languages).toEqual(["ru", "en"]);
  });

  it.each(YEARS)("%i: says it is converted and what was inferred, in both languages", (year) => {
    const p = readProgrammeFile(file(year));
    expect(readFileSync(file(year), "utf8").split("\n").slice(0, 4).join("\n")).toMatch(/convert-pycon-ru/);
    expect(p.conference.note?.en).toMatch(/inferred/);
    expect(p.conference.note?.ru).toMatch(/вывели/);
  });

  it.each(YEARS)("%i: no room holds two sessions at once, no speaker is in two places", (year) => {
    const p = readProgrammeFile(file(year));
    for (const [i, a] of p.sessions.entries())
      for (const b of p.sessions.slice(i + 1)) {
        if (!overlap(a, b)) continue;
        if (a.room) expect(b.room, `${a.id} and ${b.id}`).not.toBe(a.room);
        expect(
          a.speakers.filter((id) => b.speakers.includes(id)),
          `${a.id} and ${b.id}`,
        ).toEqual([]);
      }
  });

  it.each(YEARS)("%i: every session on a conference day, in time order, titled", (year) => {
    const p = readProgrammeFile(file(year));
    for (const s of p.sessions) {
      const start = DateTime.fromISO(s.start).setZone(p.conference.timezone);
      expect(p.conference.days, s.id).toContain(start.toISODate());
      expect((s.title.ru ?? s.title.en ?? "").trim(), s.id).not.toBe("");
    }
    const starts = p.sessions.map((s) => Date.parse(s.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const sp of p.speakers)
      expect(
        p.sessions.some((s) => s.speakers.includes(sp.id)),
        sp.id,
      ).toBe(true);
  });
});

describe("reloading the reconstructed 2013 onto the converted one", () => {
  it("reads as time and hall changes of the same talks, not as removals and additions", () => {
    const before = readProgrammeFile("test/fixtures/pycon-ru-2013-reconstructed.yaml");
    const after = readProgrammeFile(file(2013));
    const diff = diffProgrammes(before, after);
    const followable = (s: Session) => isContentKind(s.kind) && s.speakers.length > 0;
    // Every talk and workshop people could follow is still there, moved to its real time.
    expect(diff.removed.filter(followable).map((s) => s.id)).toEqual([]);
    const moved = diff.changed.filter((c) => followable(c.before));
    expect(moved).toHaveLength(25);
    expect(moved.filter((c) => c.fields.includes("start"))).toHaveLength(25);
    // Only the reconstruction's invented entries go: its opening, closing and breaks.
    for (const s of diff.removed) expect(s.speakers, s.id).toEqual([]);
  });
});
