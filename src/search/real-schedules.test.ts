/**
 * Search over the real schedules in ../shared/eval/real/, loaded by the format loaders as the bot loads them:
 * our own query sets (own-queries-*.tsv, none from a shared development set), the shared FOSDEM 2020
 * development set, and nonsense that must find nothing in any of the fourteen schedules.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { passes, readEvalSet } from "../../bench/devset.js";
import { REAL_DIR, realFiles } from "../../test/support/real-schedules.js";
import { readScheduleFile } from "../programme/formats/index.js";
import { type Programme, pickText } from "../programme/model.js";
import { buildSearchIndex, type SearchResult } from "./index.js";

const EVAL = join(REAL_DIR, "..");

/** Local clock times without a zone: FOSDEM 2020 needs the timezone, as with PROGRAMME_TIMEZONE. */
const TIMEZONES: Record<string, string> = { "fosdem-2020.pentabarf.xml": "Europe/Brussels" };

function load(file: string): Programme {
  return readScheduleFile(join(REAL_DIR, file), { timezone: TIMEZONES[file] }).programme;
}

/** The track's and room's names of a session result. */
function placeOf(p: Programme) {
  const sessions = new Map(p.sessions.map((s) => [s.id, s]));
  const name = (list: { id: string; name: Record<string, string> }[], id?: string) =>
    pickText(list.find((x) => x.id === id)?.name, "en", p.conference.languages);
  return (r: SearchResult) => {
    const s = sessions.get(r.id);
    return s && { track: name(p.conference.tracks, s.track), room: name(p.conference.rooms, s.room) };
  };
}

const SETS: [schedule: string, queries: string][] = [
  ["fosdem-2026-prelim.pretalx-fosdem.xml", join(import.meta.dirname, "own-queries-fosdem2026.tsv")],
  ["38c3.hub.frab.xml", join(import.meta.dirname, "own-queries-38c3.tsv")],
  ["debconf23.wafer.frab.xml", join(import.meta.dirname, "own-queries-debconf23.tsv")],
  ["jev22-everything.c3voc.json", join(import.meta.dirname, "own-queries-jev22.tsv")],
  ["lca2020.ics", join(import.meta.dirname, "own-queries-lca2020.tsv")],
  ["jres2022.ics", join(import.meta.dirname, "own-queries-jres2022.tsv")],
  ["fosdem-2020.pentabarf.xml", join(EVAL, "search-fosdem2020-dev.tsv")],
];

describe.each(SETS)("search on %s", (schedule, queries) => {
  const programme = load(schedule);
  const index = buildSearchIndex(programme);
  const where = placeOf(programme);
  const cases = readEvalSet(queries);

  it("has queries to run", () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.category, c.query, c] as const))("%s: %s", (_category, query, c) => {
    const results = index.search(query);
    const got = results
      .slice(0, 3)
      .map((r) => `${r.kind}:${r.title ?? r.name}`)
      .join(" | ");
    expect(passes(c, results, where), `${query} → ${got || "nothing"}`).toBe(true);
  });
});

describe("nonsense and words of no session on every real schedule", () => {
  const NONSENSE = [
    "qwxzv",
    "фывапролдж",
    "гороскоп",
    "ипотека",
    "свадьба",
    "маникюр",
    "horoscope",
    "mortgage",
  ];
  it.each(realFiles())("%s finds nothing", (schedule) => {
    const index = buildSearchIndex(load(schedule));
    for (const q of NONSENSE) expect(index.search(q), q).toEqual([]);
  });
});
