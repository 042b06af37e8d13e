import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildSearchIndex } from "./index.js";
import { BufferLexicon, type Lexicon } from "./lexicon.js";
import {
  Agreeing,
  heldSynonyms,
  offeredSynonyms,
  SYNONYM_WEIGHT,
  synonymsOf,
  synonymTranslations,
  UNCONFIRMED_WEIGHT,
} from "./thesaurus.js";

// Lists as data/lexicon/*-syn.tsv write them: a word, then its confirmed synonyms.
const LISTS: Record<string, Lexicon> = {
  en: BufferLexicon.fromText("automobile\tcar|~motorcar\ncar\tautomobile|auto\nsurveillance\tsupervision\n"),
  ru: BufferLexicon.fromText("слежка\tнаблюдение\n"),
  de: BufferLexicon.fromText("fahrrad\trad\n"),
};
const lists = (lang: string) => LISTS[lang];

describe("a word's synonyms", () => {
  it("looks a word up as a lemma, or through the lemmas sharing its stem", () => {
    expect(synonymsOf("car", "en", LISTS.en)).toEqual(["automobile", "auto"]);
    expect(synonymsOf("automobiles", "en", LISTS.en)).toEqual(["car", "~motorcar"]);
    expect(synonymsOf("bicycle", "en", LISTS.en)).toEqual([]);
  });

  it("offers the synonyms the programme holds, weaker than a translation, an unconfirmed one weaker still", () => {
    const programme = {
      languages: ["en"],
      knows: (w: string) => ["car", "motorcar", "observation"].includes(w),
    };
    const t = synonymTranslations("automobiles", 2, programme, 0.9, [], () => [], lists);
    expect(t).toEqual([
      { start: 2, length: 1, alternatives: [["car"]], weight: 0.9 * SYNONYM_WEIGHT, lexical: true },
      {
        start: 2,
        length: 1,
        alternatives: [["motorcar"]],
        weight: 0.9 * UNCONFIRMED_WEIGHT,
        lexical: true,
      },
    ]);
    expect(synonymTranslations("bicycle", 0, programme, 0.9, [], () => [], lists)).toEqual([]);
  });

  it("reaches an English programme from a Russian word by its synonyms' translations, or its translation's synonyms", () => {
    const programme = { languages: ["en"], knows: (w: string) => ["observation", "supervision"].includes(w) };
    const translate = (w: string) => (w === "наблюдение" ? ["observation", "watching"] : []);
    expect(synonymTranslations("слежки", 0, programme, 1, [], translate, lists)[0]?.alternatives).toEqual([
      ["observation"],
    ]);
    // Its own translation, surveillance, the programme lacks; that word's synonym it holds.
    expect(
      synonymTranslations("слежка", 0, programme, 1, ["surveillance"], () => [], lists)[0]?.alternatives,
    ).toEqual([["supervision"]]);
  });

  it("offers every programme in the same languages the same synonyms, each keeping those it holds", () => {
    const offered = offeredSynonyms("automobiles", ["en"], [], () => [], lists);
    expect(offered).toEqual(["car", "~motorcar"]);
    const holding = (words: string[]) => ({ languages: ["en"], knows: (w: string) => words.includes(w) });
    for (const words of [["car"], ["motorcar"], ["car", "motorcar"], []]) {
      const programme = holding(words);
      expect(heldSynonyms("automobiles", offered, 1, programme, 0.9)).toEqual(
        synonymTranslations("automobiles", 1, programme, 0.9, [], () => [], lists),
      );
    }
    expect(heldSynonyms("automobiles", offered, 1, holding(["motorcar"]), 1)[0]?.weight).toBe(
      UNCONFIRMED_WEIGHT,
    );
    // A German programme is offered the German list's synonyms too.
    expect(offeredSynonyms("fahrrad", ["en"], [], () => [], lists)).toEqual([]);
    expect(offeredSynonyms("fahrrad", ["de", "en"], [], () => [], lists)).toEqual(["rad"]);
  });

  it("offers a German word's synonyms as they are only on a programme with German texts", () => {
    const knows = (w: string) => w === "rad";
    expect(synonymTranslations("fahrrad", 0, { languages: ["en"], knows }, 1, [], () => [], lists)).toEqual(
      [],
    );
    expect(
      synonymTranslations("fahrrad", 0, { languages: ["en", "de"], knows }, 1, [], () => [], lists)[0]
        ?.alternatives,
    ).toEqual([["rad"]]);
  });
});

describe("crediting a synonym only where another query word agrees", () => {
  // Word 1's synonyms are in documents 0 and 1 (a title: weight 1).
  const synonymsOfWord1 = (w: number) =>
    new Map(
      w === 1
        ? [
            [0, 1],
            [1, 1],
          ]
        : [],
    );

  it("adds a synonym's gain over the word's own match, only in documents another word reaches", () => {
    const agreeing = new Agreeing();
    // Word 0 reaches document 0 only (0.5, weakly), word 1 nothing.
    agreeing.reached(0, 2, [0], [0.5, 0, 0], 0.6);
    agreeing.unreached(1);
    const total = new Float64Array([1, 0, 0]);
    agreeing.credit(total, synonymsOfWord1, 0.9, () => 1, 2);
    // Document 0 gains word 1's synonym at the average IDF; document 1, which only the synonym reaches, nothing.
    expect(total[0]).toBeCloseTo(1 + 2 * 0.9);
    expect(total[1]).toBe(0);
  });

  it("gains only what the synonym adds over the word's own match there", () => {
    const agreeing = new Agreeing();
    agreeing.reached(0, 2, [0], [0.9, 0, 0], 0.95);
    agreeing.reached(1, 3, [0], [0.5, 0, 0], 0.95);
    const total = new Float64Array([2 * 0.9 + 3 * 0.5, 0, 0]);
    agreeing.credit(total, synonymsOfWord1, 0.9, () => 1, 2);
    expect(total[0]).toBeCloseTo(2 * 0.9 + 3 * 0.5 + 3 * (0.9 - 0.5));
  });

  it("looks up no synonym of a word that reaches some document strongly: the programme says it in its words", () => {
    const agreeing = new Agreeing();
    agreeing.reached(0, 2, [0], [0.9, 0, 0], 0.6);
    agreeing.reached(1, 2, [2], [0, 0, 0.95], 0.6);
    const total = new Float64Array([1.8, 0, 1.9]);
    const asked: number[] = [];
    agreeing.credit(
      total,
      (w) => {
        asked.push(w);
        return synonymsOfWord1(w);
      },
      0.9,
      () => 1,
      2,
    );
    expect(asked).toEqual([]);
    expect([...total]).toEqual([1.8, 0, 1.9]);
  });

  it("credits nothing where a word's synonyms are all that reach a document", () => {
    const agreeing = new Agreeing();
    agreeing.unreached(0);
    agreeing.unreached(1);
    const total = new Float64Array([0, 0, 0]);
    agreeing.credit(
      total,
      () => new Map([[0, 1]]),
      0.9,
      () => 1,
      1,
    );
    expect([...total]).toEqual([0, 0, 0]);
  });
});

describe("a topic in other words, on a programme (the built lists)", () => {
  const index = buildSearchIndex(
    talksProgramme([
      ["doctors", "What doctors need from software", "Interviews in clinics."],
      ["trash", "Sorting rubbish with a camera", "Recycling plastic."],
      ["teens", "Adolescents learning to code", "A school club."],
    ]),
  );
  const search = (q: string) => index.search(q).map((r) => [r.id, r.score]);

  it("finds a talk by a synonym of a query word it lacks, confidently where the query's other words agree", () => {
    for (const [q, id] of [
      ["physician software", "doctors"],
      ["trash camera", "trash"],
      ["teenagers code", "teens"],
    ]) {
      const [first] = search(q as string);
      expect(first?.[0]).toBe(id);
      // Without the synonym the word agreeing alone makes half a match.
      expect(first?.[1]).toBeGreaterThan(0.7);
    }
  });

  it("finds nothing by a synonym alone, nor beside a word that reaches nothing", () => {
    expect(search("physician")).toEqual([]);
    expect(search("teenagers")).toEqual([]);
    expect(search("physician horoscope")).toEqual([]);
  });

  it("finds nothing for nonsense", () => {
    expect(search("qwxzv blorf")).toEqual([]);
  });
});
