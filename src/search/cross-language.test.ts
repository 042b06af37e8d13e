import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import type { Programme } from "../programme/model.js";
import { buildSearchIndex } from "./index.js";

const TALKS: [string, string, string?][] = [
  ["volcanoes", "Monitoring volcanoes with open hardware", "Seismic sensors on a mountain."],
  ["vacuum", "Hacking a robot vacuum cleaner", "Root on the device."],
  ["tickets", "Reverse engineering ticket machines", "What the vending machine at the station does."],
  ["solar", "Improving solar cell efficiency", "Measurements on panels."],
  ["weddings", "Event planning software", "From conferences to a wedding."],
  ["railway", "Open data for the railway", "Timetables and delays."],
];

/** The same talks given in German. */
function germanProgramme(): Programme {
  const p = talksProgramme([
    ["solar", "Den Wirkungsgrad von Solarzellen verbessern", "Messungen an Modulen."],
    ["tickets", "Fahrkarten am Automaten kaufen", "Was der Automat am Bahnhof tut."],
    ["gardens", "Gemüse im Garten", "Tomaten und Bohnen."],
  ]);
  p.conference.languages = ["de"];
  for (const s of p.sessions) {
    s.title = { de: s.title.en as string };
    s.abstract = { de: s.abstract?.en as string };
  }
  return p;
}

describe("cross-language search with the dictionaries' word lists", () => {
  const index = buildSearchIndex(talksProgramme(TALKS));

  it("finds an English talk by a Russian word for its topic, in any form", () => {
    expect(index.search("вулканы")[0]?.id).toBe("volcanoes");
    expect(index.search("вулкан")[0]?.id).toBe("volcanoes");
    expect(index.search("пылесосы")[0]?.id).toBe("vacuum");
  });

  it("finds an English talk by a German word, a German compound split into its parts included", () => {
    expect(index.search("Fahrkartenautomat")[0]?.id).toBe("tickets");
    expect(index.search("Vulkane")[0]?.id).toBe("volcanoes");
    expect(index.search("Solarzellenwirkungsgrad")[0]?.id).toBe("solar");
  });

  it("finds a phrase a dictionary lists as one, in any form", () => {
    expect(index.search("железная дорога")[0]?.id).toBe("railway");
    expect(index.search("железной дороги")[0]?.id).toBe("railway");
  });

  it("scores a translated word below the word itself", () => {
    const direct = index.search("volcanoes")[0]?.score ?? 0;
    const translated = index.search("вулканы")[0]?.score ?? 1;
    expect(translated).toBeLessThan(direct);
  });

  it("finds nothing for nonsense, nor for a translation said only in passing in an abstract", () => {
    for (const q of ["квазибрындец", "Blumpfkraxelung", "qwxzv", "гороскоп", "свадьба"])
      expect(index.search(q), q).toEqual([]);
  });

  it("splits a German compound over German talks too", () => {
    const german = buildSearchIndex(germanProgramme());
    expect(german.search("Solarzellenwirkungsgrad")[0]?.id).toBe("solar");
    expect(german.search("Fahrkartenautomat")[0]?.id).toBe("tickets");
    expect(german.search("Blumpfkraxelung")).toEqual([]);
  });
});
