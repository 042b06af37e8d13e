import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { canonicalProgramme } from "../canonical.js";
import type { Programme, Session } from "../model.js";
import { parseProgramme, readProgrammeFile } from "../read.js";
import { convertEdition, kindOfEntry, parseClock, SESSION_IDS_2013, statedEnd } from "./convert.js";

const SITE = "../shared/eval/real/pycon-ru";
const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019];

// ---- An independent reading of the site, with the test's own simple code ----
type Entry = { time?: string; talk?: string; break?: string; speaker?: string; slug?: string };
const siteFile = (year: number, path: string) => readFileSync(join(SITE, String(year), path), "utf8");
const grid = (year: number): Record<string, Record<string, Entry[]>> =>
  parse(siteFile(year, "pages/program/schedule/data.ru.yaml"));
const template = (year: number) => siteFile(year, "layouts/schedule.html").replace(/\{#[\s\S]*?#\}/g, "");
/** Blocks the page renders on a day (commented-out ones are not). */
const rendered = (year: number, day: number): string[] => {
  const section =
    new RegExp(`<section class="day${day}">([\\s\\S]*?)</section>`).exec(template(year))?.[1] ?? "";
  const lists = [...section.matchAll(/for block in \[([^\]]*)\]/g)].flatMap((m) =>
    [...(m[1] as string).matchAll(/'(\w+)'/g)].map((x) => x[1] as string),
  );
  const singles = [...section.matchAll(/render_block\(day\d, '(\w+)'/g)].map((m) => m[1] as string);
  return [...lists, ...singles];
};
/** The `halls_day_N` map: block → English hall name. */
const hallMap = (year: number, day: number): Map<string, string> => {
  const html = template(year);
  const names = new Map(
    [...html.matchAll(/set (\w+) = _\('([^']+)'\)/g)].map((m) => [m[1] as string, m[2] as string]),
  );
  const body = new RegExp(`halls_day_${day} = \\{([^}]*)\\}`).exec(html)?.[1] ?? "";
  return new Map(
    [...body.matchAll(/'(\w+)': (\w+)/g)].map((m) => [m[1] as string, names.get(m[2] as string) ?? ""]),
  );
};
const russian = (year: number, msgid: string) =>
  new RegExp(`msgid "${msgid}"\\nmsgstr "([^"]+)"`).exec(siteFile(year, "translations/ru.po"))?.[1];
/** The first day from the page header, e.g. February 24–25 of the title's year. */
const firstDay = (year: number) => {
  const base = siteFile(year, "layouts/_base.html");
  const month = /class="month">\{\{ _\('(\w+)'\) \}\}/.exec(base)?.[1];
  const day = /class="days">(\d+)/.exec(base)?.[1];
  return DateTime.fromFormat(`${day} ${month} ${year}`, "d MMMM yyyy", {
    locale: "en",
  }).toISODate() as string;
};
const ZONE = (year: number) => (year <= 2015 ? "Asia/Yekaterinburg" : "Europe/Moscow");
const localTime = (year: number, day: number, time: string) => {
  const [h, m] = time.split(/[:.]/).map(Number) as [number, number];
  return DateTime.fromISO(firstDay(year), { zone: ZONE(year) }).plus({ days: day - 1, hours: h, minutes: m });
};
const idOf = (year: number, slug: string) =>
  year === 2013 ? (SESSION_IDS_2013[slug] ?? slug.toLowerCase()) : slug.toLowerCase();

const available = existsSync(SITE);

describe.skipIf(!available)("the PyCon Russia converter on the seven editions", () => {
  const converted = new Map<number, Programme>(
    YEARS.map((y) => [
      y,
      convertEdition(join(SITE, String(y)), y === 2013 ? { sessionIds: SESSION_IDS_2013 } : {}).programme,
    ]),
  );
  const p = (year: number) => converted.get(year) as Programme;

  it.each(YEARS)(
    "%i: one session per entry of the rendered grid (day ends are marks, not sessions)",
    (year) => {
      let expected = 0;
      for (const day of [1, 2]) {
        const g = grid(year)[`day${day}`] ?? {};
        for (const block of rendered(year, day))
          expected += (g[block] ?? []).filter((e) => !/^конец/i.test(String(e.talk ?? e.break))).length;
      }
      expect(p(year).sessions).toHaveLength(expected);
      expect(p(year).conference.days).toHaveLength(2);
    },
  );

  it.each(YEARS)("%i: every talk at its grid time, in the venue's zone, in its hall", (year) => {
    let checked = 0;
    for (const day of [1, 2]) {
      const halls = hallMap(year, day);
      for (const [block, entries] of Object.entries(grid(year)[`day${day}`] ?? {})) {
        if (!rendered(year, day).includes(block)) continue;
        for (const e of entries ?? []) {
          if (!e.slug || !e.talk) continue;
          const s = p(year).sessions.find((x) => x.id === idOf(year, e.slug as string));
          expect(s, `${year} ${e.slug}`).toBeDefined();
          if (!s) continue;
          expect(Date.parse(s.start), `${year} ${e.slug}`).toBe(
            localTime(year, day, String(e.time)).toMillis(),
          );
          const hall = halls.get(block);
          const room = p(year).conference.rooms.find((r) => r.id === s.room);
          if (hall) {
            expect(room?.name.en, `${year} ${e.slug}`).toBe(hall);
            expect(room?.name.ru, `${year} ${e.slug}`).toBe(russian(year, hall));
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("writes 2013–2014 at UTC+6 and 2015 at UTC+5 (Yekaterinburg moved in October 2014), 2016–2019 at UTC+3", () => {
    const offsets = (year: number) => new Set(p(year).sessions.map((s) => s.start.slice(-6)));
    expect(offsets(2013)).toEqual(new Set(["+06:00"]));
    expect(offsets(2014)).toEqual(new Set(["+06:00"]));
    expect(offsets(2015)).toEqual(new Set(["+05:00"]));
    for (const y of [2016, 2017, 2018, 2019]) expect(offsets(y)).toEqual(new Set(["+03:00"]));
    expect(p(2013).conference.days).toEqual(["2013-02-24", "2013-02-25"]);
    expect(p(2013).conference.timezone).toBe("Asia/Yekaterinburg");
    expect(p(2016).conference.timezone).toBe("Europe/Moscow");
  });

  it("follows the Russian grid where the English one swaps the two 2013 keynotes, and says so", () => {
    const at = (id: string) => p(2013).sessions.find((s) => s.id === id)?.start;
    expect(at("building-development-community")).toBe("2013-02-24T12:20:00+06:00");
    expect(at("django-roadmap")).toBe("2013-02-25T17:10:00+06:00");
    expect(p(2013).conference.note?.en).toMatch(/English grid disagrees/);
    expect(p(2013).conference.note?.ru).toMatch(/расходится/);
  });

  it("keeps every 2013 id users follow and takes English texts from the site's English pages", () => {
    const ids = new Set(p(2013).sessions.map((s) => s.id));
    for (const id of Object.values(SESSION_IDS_2013)) expect(ids, id).toContain(id);
    const flask = p(2013).sessions.find((s) => s.id === "advanced-flask-patterns");
    expect(flask).toMatchObject({
      start: "2013-02-24T10:00:00+06:00",
      end: "2013-02-24T11:00:00+06:00",
      room: "large-hall",
    });
    expect(flask?.links?.map((l) => l.kind)).toEqual(["video", "slides"]);
    const tdd = p(2013).sessions.find((s) => s.id === "tdd-python-django");
    expect(tdd?.title.en).toMatch(/^Test Driven Development/);
    expect(tdd?.title.ru).toMatch(/^Разработка через тестирование/);
  });

  it("ends an entry at the next one of its hall or for all halls, at 24:00, or as its title states", () => {
    const s = (year: number, id: string) => p(year).sessions.find((x) => x.id === id) as Session;
    // Korobov's evening workshop runs until the grid's 24:00 mark, the round table until the workshop.
    expect(s(2013, "python-3-porting-workshop").end).toBe("2013-02-25T00:00:00+06:00");
    const roundTable = p(2013).sessions.find((x) => x.kind === "panel") as Session;
    expect([roundTable.start, roundTable.end]).toEqual([
      "2013-02-24T20:30:00+06:00",
      "2013-02-24T21:00:00+06:00",
    ]);
    expect(s(2013, "day1-registrations").end).toBe("2013-02-24T10:00:00+06:00");
    // "(2 часа)", "(до 13.25)" in the titles.
    expect([s(2016, "hettinger2").start, s(2016, "hettinger2").end]).toEqual([
      "2016-07-03T17:00:00+03:00",
      "2016-07-03T19:00:00+03:00",
    ]);
    expect(s(2017, "patrushev").end).toBe("2017-07-17T13:25:00+03:00");
    // 2019's Tech Talks "until 18:25" would run into Hettinger's workshop in the same hall: cut, and said.
    expect(s(2019, "techtalks").end).toBe(s(2019, "hettinger-workshop").start);
    expect(p(2019).conference.note?.en).toMatch(/Tech Talks/);
    for (const year of YEARS)
      for (const x of p(year).sessions)
        expect(Date.parse(x.end), `${year} ${x.id}`).toBeGreaterThan(Date.parse(x.start));
  });

  it("gives registration, breaks, meals, lightning talks, round tables, workshops and the closing their kinds", () => {
    const kinds = (year: number) => p(year).sessions.map((s) => s.kind);
    for (const year of YEARS) {
      expect(kinds(year).filter((k) => k === "lightning").length, String(year)).toBeGreaterThanOrEqual(1);
      expect(kinds(year), String(year)).toContain("break");
      expect(kinds(year), String(year)).toContain("meal");
      expect(p(year).sessions.find((s) => /регистрац/i.test(s.title.ru ?? ""))?.kind).toBe("other");
    }
    expect(kinds(2013).filter((k) => k === "workshop")).toHaveLength(3);
    expect(kinds(2013).filter((k) => k === "talk")).toHaveLength(22);
    expect(kinds(2013).filter((k) => k === "panel")).toHaveLength(1);
    expect(kinds(2017)).toContain("closing");
    for (const year of YEARS)
      for (const s of p(year).sessions)
        if (s.kind === "break" || s.kind === "meal") expect(s.room, `${year} ${s.id}`).toBeUndefined();
  });

  it("splits speakers from free text and matches each person across languages within an edition", () => {
    const speaker = (year: number, id: string) => p(year).speakers.find((s) => s.id === id);
    const sessionsOf = (year: number, id: string) => p(year).sessions.filter((s) => s.speakers.includes(id));
    expect(speaker(2013, "armin-ronacher")?.name).toEqual({ ru: "Armin Ronacher", en: "Armin Ronacher" });
    expect(speaker(2013, "armin-ronacher")?.url).toBe("http://lucumr.pocoo.org");
    expect(speaker(2013, "andrew-svetlov")?.name).toEqual({ ru: "Андрей Светлов", en: "Andrew Svetlov" });
    expect(sessionsOf(2013, "andrew-svetlov")).toHaveLength(2);
    // "Константин Лопухин" on both pages, "Lopukhin"/"Lopuhin" in English: one person.
    expect(p(2013).speakers.filter((s) => /лопухин/i.test(s.name.ru ?? ""))).toHaveLength(1);
    expect(sessionsOf(2013, "konstantin-lopukhin").map((s) => s.kind)).toEqual(["talk", "workshop"]);
    // Several people in one string, with a shared affiliation.
    const tdd = p(2013).sessions.find((s) => s.id === "tdd-python-django");
    expect(tdd?.speakers).toEqual(["ilya-shalyapin", "evgeny-generalov"]);
    expect(speaker(2013, "evgeny-generalov")?.affiliation).toEqual({ ru: "JetStyle", en: "JetStyle" });
    // "Юрий Селиванов, Андрей Светлов и Christian Heimes": three people, each the one of their own talks.
    const core = p(2018).sessions.find((s) => s.id === "core");
    expect(core?.kind).toBe("panel");
    expect(core?.speakers).toEqual(["yury-selivanov", "andrew-svetlov", "christian-heimes"]);
    expect(sessionsOf(2018, "andrew-svetlov").map((s) => s.id)).toEqual(["svetlov", "core"]);
    // A moderator named in the grid only.
    expect(speaker(2016, "grigoriy-petrov")).toMatchObject({
      name: { ru: "Григорий Петров" },
      affiliation: { ru: "VoxImplant" },
    });
    // "Jackie Kazil, Capital One": a person and a company, not two people.
    expect(p(2016).sessions.find((s) => s.id === "kazil")?.speakers).toEqual(["jackie-kazil"]);
    for (const year of YEARS) {
      const names = new Set<string>();
      for (const s of p(year).speakers) {
        expect(s.name.ru ?? s.name.en, `${year} ${s.id}`).toMatch(
          /^\p{Lu}[\p{L}'-]+( \p{Lu}[\p{L}.'-]*){1,3}$/u,
        );
        expect(names.has(s.name.ru ?? ""), `${year} ${s.id} twice`).toBe(false);
        names.add(s.name.ru ?? "");
        expect(sessionsOf(year, s.id).length, `${year} ${s.id}`).toBeGreaterThan(0);
        for (const a of Object.values(s.affiliation ?? {}))
          expect(a.length, `${year} ${s.id}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it("says in both languages what it inferred: ends, halls, time zone", () => {
    for (const year of YEARS) {
      const note = p(year).conference.note;
      expect(note?.en, String(year)).toMatch(/ends are inferred/);
      expect(note?.en, String(year)).toMatch(/Halls follow/);
      expect(note?.ru, String(year)).toMatch(/время окончания мы вывели/);
      expect(note?.ru, String(year)).toContain(ZONE(year));
    }
  });

  it.each(YEARS)(
    "%i: data/pycon-ru-%i.yaml is what the converter writes today, and passes programme check",
    (year) => {
      const file = readProgrammeFile(`data/pycon-ru-${year}.yaml`);
      const fresh = parseProgramme(stringify(canonicalProgramme(p(year))), "converted");
      expect(file).toEqual(fresh);
    },
  );
});

describe("the converter's readings of the site's fields", () => {
  it("reads clock times, with dots, unpadded and 24:00", () => {
    expect(parseClock("9:00")).toBe(540);
    expect(parseClock("15.50")).toBe(950);
    expect(parseClock("24:00")).toBe(1440);
    expect(parseClock("24:30")).toBeUndefined();
    expect(parseClock("noon")).toBeUndefined();
  });

  it("reads ends stated in titles", () => {
    expect(statedEnd("Мастер-класс «Долой Electron» (до 13.25)", 660)).toBe(805);
    expect(statedEnd("Воркшоп «Descriptors» (2 часа)", 1020)).toBe(1140);
    expect(statedEnd("Воркшоп «Hypothesis» (2,5 часа)", 600)).toBe(750);
    expect(statedEnd("Использование сервис-ориентированной архитектуры (SOA)", 600)).toBeUndefined();
  });

  it("classifies the grid's entries", () => {
    expect(kindOfEntry("Регистрация", undefined, false)).toBe("other");
    expect(kindOfEntry("Обед", undefined, true)).toBe("meal");
    expect(kindOfEntry("Перерыв, запись на Lightning Talks", undefined, true)).toBe("break");
    expect(kindOfEntry("Lightning Talks", "lightning-talks-1", true)).toBe("lightning");
    expect(kindOfEntry("Круглый стол: Нужно ли переходить", undefined, false)).toBe("panel");
    expect(kindOfEntry("Пишем свой интерпретатор с использованием RPython", "workshop-rpython", false)).toBe(
      "workshop",
    );
    expect(kindOfEntry("Торжественное закрытие", undefined, true)).toBe("closing");
    expect(kindOfEntry("Афтепати", undefined, true)).toBe("other");
    expect(kindOfEntry("Aiohttp", "svetlov", false)).toBe("talk");
  });
});
