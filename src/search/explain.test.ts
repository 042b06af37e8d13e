import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { explainQuery, explanationText, wantedDocs } from "./explain.js";
import { buildSearchIndex } from "./index.js";

const programme = talksProgramme([
  ["volcano", "Listening to volcanoes", "Seismic sensors on a volcano, built from scratch."],
  ["bees", "Beekeeping with sensors", "Hives, weights and temperatures."],
  ["tls", "The sorry state of TLS", "Certificates, ciphers and what breaks."],
  ["maps", "Maps of the city", "Tiles, layers and routing."],
]);
const v = buildVocabulary(programme);
const index = buildSearchIndex(programme);

describe("explaining a query", () => {
  it("finds the wanted documents as an evaluation set names them, case folded", () => {
    expect(wantedDocs(v, "T:listening TO|T:Maps").map((d) => v.docs[d]?.title)).toEqual([
      "Listening to volcanoes",
      "Maps of the city",
    ]);
    expect(wantedDocs(v, "NONE")).toEqual([]);
  });

  it("gives the search's own scores and results", () => {
    const e = explainQuery(v, "volcano sensors", wantedDocs(v, "T:Listening"));
    const found = index.search("volcano sensors");
    expect(e.results[0]?.label).toBe(`T:${found[0]?.title}`);
    expect(e.wanted[0]?.score).toBeCloseTo(found[0]?.score ?? 0, 3);
    expect(e.wanted[0]?.rank).toBe(1);
  });

  it("says per word how many documents it reaches and what it is worth in the wanted one", () => {
    const e = explainQuery(v, "volcano sensors", wantedDocs(v, "T:Listening"));
    const [volcano, sensors] = e.words;
    expect(volcano?.docs).toBe(1);
    expect(sensors?.docs).toBe(2);
    expect(volcano?.wanted[0]?.match).toBeGreaterThan(0.9); // its title, by stem
    expect(volcano?.wanted[0]?.fields).toContain("title");
    expect(e.wanted[0]?.total).toBeGreaterThan(0);
  });

  it("shows a Russian word's dictionary translations and their reach", () => {
    const e = explainQuery(v, "вулканы", wantedDocs(v, "T:Listening"));
    const alternatives = e.words[0]?.translations.flatMap((t) => t.alternatives.map((a) => a.words));
    expect(alternatives).toContain("volcano");
    expect(e.words[0]?.forms).toContain("вулкан");
    expect(e.wanted[0]?.rank).toBe(1);
  });

  it("says so when nothing is found, in its text", () => {
    const e = explainQuery(v, "qwzzyx", []);
    expect(e.results).toEqual([]);
    expect(explanationText(e)).toMatch(/nothing found/);
    expect(e.words[0]?.docs).toBe(0);
  });
});
