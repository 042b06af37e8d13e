import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildSearchIndex } from "./index.js";
import { BufferLexicon } from "./lexicon.js";
import { BROADER_WEIGHT, NARROWER_WEIGHT, relatedTranslations, relatedWords, SYNONYM } from "./synonyms.js";

// A list as en-related.tsv writes it: synonyms, then ^broader, then ~narrower terms.
const list = BufferLexicon.fromText(
  ["car\tautomobile|auto|^vehicle|~taxi|~convertible", "forecast\tprediction|^statement|~outlook", ""].join(
    "\n",
  ),
);

describe("related English words", () => {
  it("looks a word up as a lemma, or through the lemmas sharing its stem", () => {
    expect(relatedWords("car", list)).toEqual(["automobile", "auto", "^vehicle", "~taxi", "~convertible"]);
    expect(relatedWords("forecasts", list)).toEqual(["prediction", "^statement", "~outlook"]);
    expect(relatedWords("bicycle", list)).toEqual([]);
  });

  it("offers only the related words the programme holds, one translation per relation, a broader one worth least", () => {
    const programme = { knows: (w: string) => ["auto", "vehicle", "taxi"].includes(w) };
    const found = relatedTranslations(["cars"], 2, programme, 0.9, undefined, list);
    expect(found.map((t) => t.alternatives)).toEqual([[["auto"]], [["taxi"]], [["vehicle"]]]);
    expect(found.every((t) => t.start === 2 && t.length === 1 && t.lexical)).toBe(true);
    expect(found.map((t) => t.weight)).toEqual([0.9 * 0.9, 0.9 * NARROWER_WEIGHT, 0.9 * BROADER_WEIGHT]);
  });

  it("keeps to the relations asked for, and finds nothing for a word the list lacks", () => {
    const programme = { knows: () => true };
    expect(relatedTranslations(["car"], 0, programme, 1, [SYNONYM], list).map((t) => t.alternatives)).toEqual(
      [[["automobile"], ["auto"]]],
    );
    expect(relatedTranslations(["qwxzv"], 0, programme, 1, undefined, list)).toEqual([]);
  });
});

describe("English words in other words, on a programme", () => {
  const index = buildSearchIndex(
    talksProgramme([
      ["bikes", "Repairing old bicycles", "Spokes, chains and brakes."],
      ["clinic", "Software for the family physician", "Appointments and records."],
      ["waste", "Sorting waste with a camera", "Recycling plastic."],
      ["doctors", "What doctors need from software", "Interviews."],
    ]),
  );
  const first = (q: string) => index.search(q)[0]?.id;

  it("finds a talk by a synonym, a narrower or a broader term of a query word it does not hold", () => {
    expect(first("bike repair")).toBe("bikes");
    expect(first("software for medics")).toBe("clinic");
    expect(first("garbage sorting camera")).toBe("waste");
  });

  it("looks no further for a word the programme holds: the talk saying it is the answer", () => {
    expect(index.search("doctor software").map((r) => r.id)).toEqual(["doctors"]);
  });

  it("finds nothing for nonsense", () => {
    expect(index.search("qwxzv blorf")).toEqual([]);
  });
});
