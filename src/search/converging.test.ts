import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { CONVERGING_MAX_DOCS, Converging } from "./converging.js";
import { interpret } from "./query.js";
import { aboveCutoffs, scoreWords } from "./score.js";
import type { Vocabulary } from "./vocabulary.js";

describe("Converging: where two rare query words meet", () => {
  it("meets where two words said there would meet in one document less than once by chance", () => {
    const c = new Converging(100);
    c.said(0, 3, [7, 8, 9], []);
    c.said(1, 20, [7, 40], []);
    expect(c.any()).toBe(true);
    expect(c.meets(7)).toBe(true); // 3 × 20 < 100
    expect(c.meets(8)).toBe(false); // one word only
    expect(c.meets(40)).toBe(false);
  });

  it("does not meet where words common enough meet by chance anyway", () => {
    const c = new Converging(100);
    c.said(0, 10, [1, 2], []);
    c.said(1, 10, [1, 3], []);
    expect(c.meets(1)).toBe(false); // 10 × 10 is not below 100
  });

  it("leaves out words said in more than a few dozen documents", () => {
    const c = new Converging(1_000_000);
    c.said(0, CONVERGING_MAX_DOCS + 1, [1], []);
    c.said(1, 1, [1], []);
    expect(c.any()).toBe(false);
    expect(c.meets(1)).toBe(false);
  });

  it("needs one of the two said as typed: two translations may meet by a loose sense of each", () => {
    const c = new Converging(100);
    c.said(0, 1, [], [5, 6]);
    c.said(1, 1, [], [5]);
    c.said(2, 1, [6], []);
    expect(c.meets(5)).toBe(false);
    expect(c.meets(6)).toBe(true);
  });
});

describe("scoring a query whose rare words meet in one session", () => {
  const talks = buildVocabulary(
    talksProgramme([
      ["redis", "Redis, the hacker's database", "An in-memory database whose keys expire."],
      ["tls", "The sorry state of TLS", "Certificates, ciphers and what breaks."],
      ["orm", "An ORM for humans", "Mapping tables to objects."],
      ["async", "What happens inside asynchronous code", "Event loops and coroutines."],
      ["deploy", "Deploying on a thousand servers", "Fabric, salt and their limits."],
      ["games", "Games in the browser", "Canvas, sound and input."],
      ["history", "A history of the hackerspaces", "From garages to clubs."],
      ["maps", "Maps of the city", "Tiles, layers and routing."],
    ]),
  );
  const found = (query: string, v: Vocabulary = talks) => {
    const memo = new Map();
    const into = new Map<number, number>();
    scoreWords(v, interpret(v, query, memo), memo, into);
    return aboveCutoffs(into).map(([d]) => v.docs[d]?.id);
  };

  it("finds it though the query's other words, known to a dictionary, are nowhere in the programme", () => {
    // "memory", "key" and "hackers" meet in the Redis talk; "value", "store" and "tricks" are the asker's words.
    expect(found("in-memory key value store for hackers")[0]).toBe("redis");
    expect(found("tls certificates tips and tricks")[0]).toBe("tls");
  });

  it("finds nothing when the rare words are said by different sessions", () => {
    expect(found("hackers expire value store")).toEqual(["redis"]);
    expect(found("hackers coroutines value store")).toEqual([]);
    expect(found("tls coroutines tips and tricks")).toEqual([]);
  });

  it("finds nothing for one word beside words the programme lacks", () => {
    expect(found("memory of a goldfish")).toEqual([]);
    expect(found("layers of a wedding cake")).toEqual([]);
  });
});
