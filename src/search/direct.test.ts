import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { matchPhrase } from "./candidates.js";
import { DIRECT_MATCHES_KEPT, directMatches, directPhraseDocs, directWords, keptOf } from "./direct.js";
import { buildSearchIndex } from "./index.js";
import { swapLayout } from "./layout.js";

describe("direct search (SearchOptions.direct), the search of the other conferences of a series", () => {
  const index = buildSearchIndex(
    talksProgramme([
      ["flask", "Advanced Flask patterns"],
      ["django", "Django ORM tricks"],
      ["ml", "Machine learning in production"],
      ["postgres", "PostgreSQL replication internals"],
      ["vacuum", "Robot vacuum cleaners at home"],
      ["macos", "Containers on macOS"],
      ["bdd", "Behavior Driven Development"],
    ]),
  );
  const direct = (q: string) => index.search(q, { direct: true }).map((r) => r.id);
  const full = (q: string) => index.search(q).map((r) => r.id);

  it("finds words as typed, by stem, by their beginning, on the other layout, in Latin letters, or by a phrase", () => {
    expect(direct("flask")).toEqual(["flask"]);
    expect(direct("patterns of flask")).toEqual(["flask"]);
    expect(direct("pattern")).toEqual(["flask"]);
    expect(direct("postgr")).toEqual(["postgres"]);
    expect(direct(swapLayout("flask"))).toEqual(["flask"]);
    expect(direct(`advanced ${swapLayout("flask")}`)).toEqual(["flask"]);
    expect(direct("джанго")).toEqual(["django"]);
    expect(direct("машинное обучение")).toEqual(["ml"]);
    // A place word only weighs the others.
    expect(direct("flask devroom")).toEqual(["flask"]);
  });

  it("scores and orders what it finds as the full search does", () => {
    for (const q of [
      "flask",
      "advanced flask patterns",
      "machine learning",
      "postgresql replication",
      "django",
    ])
      expect(index.search(q, { direct: true })).toEqual(index.search(q));
  });

  it("leaves out what only slips, a dictionary, words written as one or an acronym reach", () => {
    // Each of these the full search finds; a direct search finds nothing.
    for (const [q, id] of [
      ["flsak", "flask"],
      ["пылесосы", "vacuum"],
      ["мак ос", "macos"],
      ["BDD", "bdd"],
    ] as const) {
      expect(full(q)[0], q).toBe(id);
      expect(direct(q), q).toEqual([]);
    }
  });

  it("finds nothing for a query only some of whose words the programme holds, nor for nonsense", () => {
    expect(direct("flask ипотека")).toEqual([]);
    expect(direct("qwxzv")).toEqual([]);
    expect(direct("the")).toEqual([]);
    expect(direct("")).toEqual([]);
  });

  it("keeps its scores apart from the full search's", () => {
    expect(direct("flsak")).toEqual([]);
    expect(full("flsak")).toEqual(["flask"]);
    expect(direct("flsak")).toEqual([]);
  });
});

describe("directWords: whether the programme holds every word of the query as written (a direct search finds nothing otherwise)", () => {
  const programme = talksProgramme([
    ["flask", "Advanced Flask patterns"],
    ["ml", "Machine learning in production"],
  ]);
  const index = buildSearchIndex(programme);
  const vocabulary = buildVocabulary(programme);
  const holds = (q: string) => directWords(vocabulary, q) !== undefined;

  it("holds words as typed, by stem, by their beginning, on the other layout, in Latin letters, or by a phrase", () => {
    expect(holds("flask")).toBe(true);
    expect(holds("advanced patterns of flask")).toBe(true);
    expect(holds("pattern")).toBe(true);
    expect(holds("produc")).toBe(true);
    expect(holds(swapLayout("flask"))).toBe(true);
    expect(holds(`advanced ${swapLayout("flask")}`)).toBe(true);
    expect(holds("фласк")).toBe(true);
    expect(holds("машинное обучение")).toBe(true);
    // A place word only weighs the others.
    expect(holds("flask devroom")).toBe(true);
  });

  it("reads a query by each programme's own stop words, whichever programme asked first", () => {
    // The query's chunks are worked out once for every programme with the same stop words: "les" is one in French.
    const talks = talksProgramme([["g", "Les Paul guitars"]]);
    const english = buildVocabulary(talks);
    const french = buildVocabulary({ ...talks, conference: { ...talks.conference, languages: ["fr"] } });
    const alsoEnglish = buildVocabulary(talksProgramme([["g", "Les Paul guitars"]]));
    const words = (v: typeof english) => directWords(v, "les guitars")?.map((q) => q.word);
    expect(words(english)).toEqual(["les", "guitars"]);
    expect(words(french)).toEqual(["guitars"]);
    expect(words(alsoEnglish)).toEqual(["les", "guitars"]);
    expect(words(french)).toEqual(["guitars"]);
  });

  it("holds no typo, nonsense or stop word, nor a query only some of whose words it holds", () => {
    // The full search reaches the slip; the check, for matches as written, does not.
    expect(index.search("flsak")[0]?.id).toBe("flask");
    expect(holds("flsak")).toBe(false);
    expect(holds("qwxzv")).toBe(false);
    expect(holds("ипотека")).toBe(false);
    expect(holds("flask ипотека")).toBe(false);
    expect(holds("the")).toBe(false);
    expect(holds("")).toBe(false);
  });
});

describe("a direct search's matches remembered across searches", () => {
  const programme = talksProgramme([
    ["flask", "Advanced Flask patterns"],
    ["ml", "Machine learning in production", "Neural networks for developers."],
  ]);

  it("are what is worked out anew, for a word and for a glossary phrase, and the same maps each search", () => {
    const kept = buildVocabulary(programme);
    const fresh = () => buildVocabulary(programme);
    for (const w of ["flask", "pattern", "produc", "фласк", "qwxzv"]) {
      expect(directMatches(kept, w, new Map())).toEqual(directMatches(fresh(), w, new Map()));
      expect(directMatches(kept, w, new Map())).toBe(directMatches(kept, w, new Map()));
    }
    expect(directPhraseDocs(kept, ["machine", "learning"], 1)).toEqual(
      matchPhrase(fresh(), ["machine", "learning"], 1),
    );
    expect(directPhraseDocs(kept, ["networks"], 0.8)).toEqual(matchPhrase(fresh(), ["networks"], 0.8));
    // Another weight in prose is another entry.
    expect(directPhraseDocs(kept, ["networks"], 1)).toEqual(matchPhrase(fresh(), ["networks"], 1));
    expect(directPhraseDocs(kept, ["networks"], 1)).not.toEqual(directPhraseDocs(kept, ["networks"], 0.8));
  });

  it("keep at most DIRECT_MATCHES_KEPT entries a programme", () => {
    const v = buildVocabulary(programme);
    for (let i = 0; i < DIRECT_MATCHES_KEPT + 10; i++) directMatches(v, `w${i}`, new Map());
    expect(keptOf(v).size).toBe(DIRECT_MATCHES_KEPT);
  });
});
