import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { derivedWords, deriveEnglish } from "./english-derived.js";
import { interpret } from "./query.js";
import { aboveCutoffs, scoreWords } from "./score.js";

describe("derivedWords", () => {
  it("gives the words WordNet derives from a word or its lemma, or it from them", () => {
    expect(derivedWords("verification")).toContain("verify");
    expect(derivedWords("authentication")).toContain("authenticate");
    expect(derivedWords("crawler")).toContain("crawl");
    expect(derivedWords("adding")).toEqual(expect.arrayContaining(["add", "addition"]));
  });

  it("gives nothing for a word WordNet does not list, a short one or one not in Latin letters", () => {
    expect(derivedWords("kubernetes")).toEqual([]);
    expect(derivedWords("add")).toEqual([]);
    expect(derivedWords("проверка")).toEqual([]);
  });
});

describe("a query word the programme says by another part of speech", () => {
  const v = buildVocabulary(
    talksProgramme([
      ["tls", "How Python verifies a certificate chain", "SSLError, now what?"],
      ["crawl", "How we crawl the web", "Politeness, queues and frontiers."],
      ["orm", "An ORM for humans", "Mapping tables to objects."],
      ["games", "Games in the browser", "Canvas, sound and input."],
      ["housing", "Housing in the city", "Why the rent keeps rising."],
    ]),
  );
  const found = (query: string) => {
    const memo = new Map();
    const words = interpret(v, query, memo);
    deriveEnglish(v, words, memo);
    const into = new Map<number, number>();
    scoreWords(v, words, memo, into);
    return aboveCutoffs(into).map(([d]) => v.docs[d]?.id);
  };

  it("finds the session by the word derived from it", () => {
    expect(found("verification")).toEqual(["tls"]);
    expect(found("crawler")).toEqual(["crawl"]);
    expect(found("certificate verification")[0]).toBe("tls");
  });

  it("counts a derived word only where a heading says it, not said in passing in an abstract", () => {
    expect(found("rental")).toEqual([]);
    expect(found("rent")).toEqual(["housing"]);
  });

  it("leaves a word the programme says alone, and finds nothing by a word with no derived form there", () => {
    const memo = new Map();
    const words = interpret(v, "crawl tables", memo);
    deriveEnglish(v, words, memo);
    expect(words.map((q) => q.also)).toEqual([undefined, undefined]);
    expect(found("authentication")).toEqual([]);
  });
});
