import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isContentKind, LANGS, type Session } from "./model.js";
import { readProgrammeFile } from "./read.js";

const FILE = "data/pycon-ru-2013.yaml";

describe("the shipped PyCon Russia 2013 programme", () => {
  const p = readProgrammeFile(FILE);
  // The page's talks and workshops; the opening and closing are content of their own kinds, without speakers.
  const content = p.sessions.filter(
    (s) => isContentKind(s.kind) && s.kind !== "opening" && s.kind !== "closing",
  );
  const span = (s: Session) => ({ start: Date.parse(s.start), end: Date.parse(s.end) });
  const overlap = (a: Session, b: Session) => span(a).start < span(b).end && span(b).start < span(a).end;

  it("validates and has the page's 22 talks, 3 workshops and 23 speakers", () => {
    expect(content).toHaveLength(25);
    expect(content.filter((s) => s.kind === "talk")).toHaveLength(22);
    expect(content.filter((s) => s.kind === "workshop")).toHaveLength(3);
    expect(p.speakers).toHaveLength(23);
    expect(p.sessions.filter((s) => s.kind === "break").length).toBeGreaterThan(0);
  });

  it("says in the file and in conference.note that times and rooms are reconstructed", () => {
    expect(readFileSync(FILE, "utf8").split("\n").slice(0, 10).join("\n")).toMatch(/RECONSTRUCTED/);
    expect(p.conference.note?.en).toMatch(/reconstructed/);
    expect(p.conference.note?.ru).toMatch(/восстановлены/);
  });

  it("has every text in English and Russian, Russian names in Cyrillic", () => {
    for (const lang of LANGS) {
      for (const s of p.sessions) {
        expect((s.title[lang] ?? "").trim(), `${s.id} title.${lang}`).not.toBe("");
        if (content.includes(s))
          expect((s.abstract[lang] ?? "").trim(), `${s.id} abstract.${lang}`).toBeTruthy();
        if (s.audience) expect((s.audience[lang] ?? "").trim(), `${s.id} audience.${lang}`).not.toBe("");
      }
      for (const sp of p.speakers) {
        expect((sp.name[lang] ?? "").trim(), `${sp.id} name.${lang}`).not.toBe("");
        if (sp.bio) expect((sp.bio[lang] ?? "").trim(), `${sp.id} bio.${lang}`).not.toBe("");
      }
    }
    for (const s of content) expect(s.abstract.ru, s.id).toMatch(/[а-яё]{3}/i);
    for (const sp of p.speakers) expect(sp.name.ru, sp.id).toMatch(/^[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)+$/);
  });

  it("lists each speaker once and gives Lopukhin, Svetlov and Korobov two sessions each", () => {
    const count = (id: string) => p.sessions.filter((s) => s.speakers.includes(id)).length;
    expect(new Set(p.speakers.map((s) => s.name.en)).size).toBe(p.speakers.length);
    expect(p.speakers.filter((s) => /lopu/i.test(s.name.en ?? "")).map((s) => s.id)).toEqual([
      "konstantin-lopukhin",
    ]);
    expect(count("konstantin-lopukhin")).toBe(2);
    expect(count("andrew-svetlov")).toBe(2);
    expect(count("mike-korobov")).toBe(2);
    for (const sp of p.speakers) expect(count(sp.id), sp.id).toBeGreaterThan(0);
    expect(content.filter((s) => s.speakers.length === 2)).toHaveLength(2);
    for (const s of content) expect(s.speakers.length, s.id).toBeGreaterThan(0);
  });

  it("never puts two sessions in one room, or one speaker in two places, at once", () => {
    for (const [i, a] of p.sessions.entries()) {
      for (const b of p.sessions.slice(i + 1)) {
        if (!overlap(a, b)) continue;
        if (a.room) expect(b.room, `${a.id} and ${b.id}`).not.toBe(a.room);
        expect(
          a.speakers.filter((id) => b.speakers.includes(id)),
          `${a.id} and ${b.id}`,
        ).toEqual([]);
      }
    }
  });

  it("holds everything on 25–26 February 2013 in Yekaterinburg time, in time order", () => {
    expect(p.conference.timezone).toBe("Asia/Yekaterinburg");
    expect(p.conference.days).toEqual(["2013-02-25", "2013-02-26"]);
    for (const s of p.sessions) {
      const start = DateTime.fromISO(s.start).setZone(p.conference.timezone);
      const end = DateTime.fromISO(s.end).setZone(p.conference.timezone);
      expect(start.toISODate(), s.id).toBe(end.toISODate());
      expect(p.conference.days, s.id).toContain(start.toISODate());
      expect(start.hour, s.id).toBeGreaterThanOrEqual(8);
      expect(end.hour * 60 + end.minute, s.id).toBeLessThanOrEqual(21 * 60);
      expect(start.offset, s.id).toBe(360);
    }
    const starts = p.sessions.map((s) => Date.parse(s.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("has the opening, the closing and the lunches as entries of their own kinds, and Russian hall names in Cyrillic", () => {
    const kindOf = (id: string) => p.sessions.find((s) => s.id === id)?.kind;
    expect([kindOf("day1-opening"), kindOf("day2-closing")]).toEqual(["opening", "closing"]);
    expect([kindOf("day1-lunch"), kindOf("day2-lunch")]).toEqual(["meal", "meal"]);
    expect(p.sessions.filter((s) => s.kind === "break").map((s) => s.title.en)).not.toContain("Lunch");
    for (const r of p.conference.rooms) expect(r.name.ru, r.id).toMatch(/^Зал [А-Я]$/);
  });

  it("schedules Korobov's porting workshop the evening after his Python 3 talk", () => {
    const talk = p.sessions.find((s) => s.id === "transition-to-python-3");
    const workshop = p.sessions.find((s) => s.id === "python-3-porting-workshop");
    expect(talk && workshop).toBeTruthy();
    if (!talk || !workshop) return;
    expect(workshop.start.slice(0, 10)).toBe(talk.start.slice(0, 10));
    expect(Date.parse(workshop.start)).toBeGreaterThan(Date.parse(talk.end));
  });
});
