import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { interpret } from "./query.js";
import { aboveCutoffs, MIN_SCORE, SUGGEST_MIN, scoreWords, weakMatches } from "./score.js";

const v = buildVocabulary(
  talksProgramme([
    ["title", "Kubernetes operators"],
    ["abstract", "Cloud platforms", "We deploy with kubernetes operators."],
    ["other", "Rust in the kernel"],
  ]),
);
function scores(query: string): Record<string, number> {
  const memo = new Map();
  const into = new Map<number, number>();
  scoreWords(v, interpret(v, query, memo), memo, into);
  return Object.fromEntries([...into].map(([d, s]) => [v.docs[d]?.id, s]));
}

describe("scoring candidates", () => {
  it("scores in [0, 1], a title match above the same words in an abstract", () => {
    const s = scores("kubernetes operators");
    expect(s.title).toBeLessThanOrEqual(1);
    expect(s.title).toBeGreaterThan(s.abstract as number);
    expect(s.other).toBeUndefined();
  });

  it("counts a query word that matches nothing against every document", () => {
    expect(scores("kubernetes zzqx").title).toBeLessThan(scores("kubernetes").title as number);
  });
});

describe("the cut-offs", () => {
  it("keep nothing when the best is not confident", () => {
    expect(aboveCutoffs(new Map([[0, MIN_SCORE - 0.01]]))).toEqual([]);
  });

  it("drop what scores far below the best, and sort the rest best first, ties in programme order", () => {
    const ranked = aboveCutoffs(
      new Map([
        [3, 0.9],
        [1, 0.9],
        [2, 0.95],
        [0, 0.46],
      ]),
    );
    expect(ranked).toEqual([
      [2, 0.95],
      [1, 0.9],
      [3, 0.9],
    ]);
  });

  it("keep the best few asked for as they rank among all, ties at the last place in programme order", () => {
    const scores = new Map<number, number>();
    for (let d = 0; d < 500; d++) scores.set((d * 37) % 500, 0.5 + ((d * 13) % 40) / 100);
    const all = aboveCutoffs(scores);
    for (const keep of [1, 2, 6, 12, 499, 500, 600])
      expect(aboveCutoffs(scores, keep)).toEqual(all.slice(0, keep));
  });
});

describe("weak matches offered as «did you mean»", () => {
  it("are the best below the confidence cut-off, none when something passes it or nothing comes close", () => {
    expect(weakMatches(new Map([[0, MIN_SCORE - 0.05]]))).toEqual([[0, MIN_SCORE - 0.05]]);
    expect(weakMatches(new Map([[0, MIN_SCORE]]))).toEqual([]);
    expect(weakMatches(new Map([[0, SUGGEST_MIN - 0.01]]))).toEqual([]);
  });

  it("are at most three", () => {
    const scores = new Map([0, 1, 2, 3, 4].map((d) => [d, 0.4] as [number, number]));
    expect(weakMatches(scores)).toHaveLength(3);
  });
});
