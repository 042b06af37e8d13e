import { describe, expect, it } from "vitest";
import { smallProgramme } from "../test/support/programme-fixture.js";
import { Catalog } from "./catalog.js";
import type { Programme } from "./programme/model.js";
import { buildSearchIndex } from "./search/index.js";

/** A programme with a night session after midnight and a 06:00 day change, in Berlin, in English only. */
function nightProgramme(): Programme {
  const p = smallProgramme();
  p.conference = {
    ...p.conference,
    timezone: "Europe/Berlin",
    languages: ["en"],
    dayChange: "06:00",
    days: ["2030-03-01", "2030-03-02"],
    tracks: [
      { id: "hardware", name: { en: "Hardware" } },
      { id: "art", name: { en: "Art", ru: "Искусство" } },
    ],
  };
  const [a, b, c] = p.sessions;
  if (!a || !b || !c) throw new Error("fixture");
  Object.assign(a, { start: "2030-03-02T01:30:00+01:00", end: "2030-03-02T02:30:00+01:00", track: "art" });
  Object.assign(b, {
    start: "2030-03-01T20:00:00+01:00",
    end: "2030-03-01T21:00:00+01:00",
    track: "hardware",
  });
  Object.assign(c, { start: "2030-03-02T11:00:00+01:00", end: "2030-03-02T12:00:00+01:00" });
  return p;
}

describe("Catalog", () => {
  it("files sessions under conference days by the day change, in time order", () => {
    const catalog = new Catalog(nightProgramme());
    expect(catalog.sessionsOn("2030-03-01").map((s) => s.id)).toEqual(["caching", "async-io"]);
    expect(catalog.sessionsOn("2030-03-02").map((s) => s.id)).toEqual(["testing-workshop"]);
    expect(catalog.dayOf(Date.parse("2030-03-02T00:30:00Z"))).toBe("2030-03-01");
    expect(catalog.days).toEqual(["2030-03-01", "2030-03-02"]);
  });

  it("files parallel sessions (one start, written alike or with another offset) under one day, ties by id", () => {
    const p = nightProgramme();
    const [a, b, c] = p.sessions;
    if (!a || !b || !c) throw new Error("fixture");
    // Three sessions at one instant, one of them written in UTC: the same day, in id order; a speaker's
    // sessions in time order whatever order the programme lists them in.
    Object.assign(a, { start: "2030-03-02T11:00:00+01:00", speakers: ["ann-lee"] });
    Object.assign(b, { start: "2030-03-02T10:00:00Z", speakers: ["ann-lee"] });
    Object.assign(c, { start: "2030-03-02T11:00:00+01:00", speakers: ["ann-lee"] });
    const catalog = new Catalog(p);
    expect(catalog.sessionsOn("2030-03-02").map((s) => s.id)).toEqual([
      "async-io",
      "caching",
      "testing-workshop",
    ]);
    expect(catalog.sessionsOn("2030-03-01")).toEqual([]);
    expect(catalog.sessionsOf("ann-lee").map((s) => s.id)).toEqual([
      "async-io",
      "caching",
      "testing-workshop",
    ]);
    expect(catalog.dayOf(b)).toBe("2030-03-02");
    b.start = "2030-03-02T04:00:00Z";
    catalog.replace(p);
    expect(catalog.sessionsOf("ann-lee").map((s) => s.id)).toEqual([
      "caching",
      "async-io",
      "testing-workshop",
    ]);
    expect(catalog.sessionsOn("2030-03-01").map((s) => s.id)).toEqual(["caching"]);
  });

  it("tells the clock's conference day across day changes and midnights, whichever way the clock goes", () => {
    const catalog = new Catalog(nightProgramme());
    const at = (iso: string) => catalog.dayOf(Date.parse(iso));
    // 06:00 in Berlin (UTC+1) is 05:00 UTC: the conference day turns then, not at midnight.
    expect(at("2030-03-01T12:00:00Z")).toBe("2030-03-01");
    expect(at("2030-03-01T23:30:00Z")).toBe("2030-03-01");
    expect(at("2030-03-02T04:59:59Z")).toBe("2030-03-01");
    expect(at("2030-03-02T05:00:00Z")).toBe("2030-03-02");
    expect(at("2030-03-02T04:00:00Z")).toBe("2030-03-01");
    expect(at("2030-03-03T05:00:00Z")).toBe("2030-03-03");
    // A session's start, as written, files it as at install.
    expect(catalog.dayOf("2030-03-02T01:30:00+01:00")).toBe("2030-03-01");
    catalog.replace({
      ...nightProgramme(),
      conference: { ...nightProgramme().conference, dayChange: "00:00" },
    });
    expect(at("2030-03-02T04:00:00Z")).toBe("2030-03-02");
    expect(catalog.dayOf("2030-03-02T01:30:00+01:00")).toBe("2030-03-02");
  });

  it("names rooms and tracks in the reader's language, else the conference's first", () => {
    const catalog = new Catalog(nightProgramme());
    expect(catalog.trackName("art", "ru")).toBe("Искусство");
    expect(catalog.trackName("hardware", "ru")).toBe("Hardware");
    expect(catalog.roomName("hall-a", "ru")).toBe("Зал A");
    expect(catalog.trackName(undefined, "en")).toBeUndefined();
    expect(catalog.text({ en: "Title" }, "ru")).toBe("Title");
  });

  it("maps short keys both ways, and unknown keys to nothing", () => {
    const keys = {
      sessions: new Map([
        ["async-io", 7],
        ["caching", 3],
        ["testing-workshop", 12],
        ["gone", 5],
      ]),
      speakers: new Map([
        ["ann-lee", 2],
        ["bob-ray", 9],
      ]),
    };
    const catalog = new Catalog(smallProgramme(), keys);
    expect(catalog.sessionKey("caching")).toBe(3);
    expect(catalog.sessionByKey(12)?.id).toBe("testing-workshop");
    expect(catalog.sessionByKey(5)).toBeUndefined();
    expect(catalog.sessionIdByKey(5)).toBe("gone");
    expect(catalog.sessionByKey(99)).toBeUndefined();
    expect(catalog.speakerByKey(9)?.id).toBe("bob-ray");
    expect(catalog.speakerKey("nobody")).toBe(0);
  });
  it("with a lazy index, indexes only when a search needs it, and the programme installed then", () => {
    const indexed: Programme[] = [];
    const indexer = (p: Programme) => {
      indexed.push(p);
      return buildSearchIndex(p);
    };
    const first = smallProgramme();
    const catalog = new Catalog(first, undefined, indexer, true);
    expect(indexed).toEqual([]);
    expect(catalog.index.search("caching")[0]?.id).toBe("caching");
    catalog.index.search("testing");
    expect(indexed).toEqual([first]);
    const next = smallProgramme();
    next.sessions = next.sessions.filter((s) => s.id !== "caching");
    catalog.replace(next);
    expect(indexed).toEqual([first]);
    expect(catalog.index.search("caching").map((r) => r.id)).not.toContain("caching");
    expect(indexed).toEqual([first, next]);
    expect(new Catalog(first, undefined, indexer).index).toBeDefined();
    expect(indexed).toEqual([first, next, first]);
  });

  it("makes its index's first-use keys ahead, answering the same; a lazy index is not made for it", () => {
    const queries = ["ann lee", "энн ли", "cachng", "асинк", "testing workshop"];
    const ahead = new Catalog(smallProgramme());
    ahead.prepareIndex();
    const onUse = new Catalog(smallProgramme());
    for (const q of queries) expect(ahead.index.search(q)).toEqual(onUse.index.search(q));
    const indexed: Programme[] = [];
    const lazy = new Catalog(
      smallProgramme(),
      undefined,
      (p) => {
        indexed.push(p);
        return buildSearchIndex(p);
      },
      true,
    );
    lazy.prepareIndex();
    expect(indexed).toEqual([]);
  });
});
