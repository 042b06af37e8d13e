import { describe, expect, it } from "vitest";
import { SaidTogether, TOGETHER_WINDOW, wordsTogether } from "./together.js";

/** A text of programme words (ids) for query words 0, 1, 2 (terms 10, 11, 12), others 0, −1 between texts. */
const text = (...ids: number[]) => Int32Array.from(ids);
const bits = new Map([
  [10, 1],
  [11, 2],
  [12, 4],
]);
const filler = (n: number) => Array.from({ length: n }, () => 0);

describe("words said together", () => {
  it("finds the query words standing within a few words of one another", () => {
    expect(wordsTogether(text(10, 0, 0, 11), bits, 7, [1, 1, 1])).toBe(3);
    expect(wordsTogether(text(10, 0, 11, 0, 12), bits, 7, [1, 1, 1])).toBe(7);
  });

  it("finds nothing when they stand far apart, in two texts, or when only one is said", () => {
    expect(wordsTogether(text(10, ...filler(TOGETHER_WINDOW), 11), bits, 7, [1, 1, 1])).toBe(0);
    expect(wordsTogether(text(10, -1, 11), bits, 7, [1, 1, 1])).toBe(0);
    expect(wordsTogether(text(10, 10, 0, 10), bits, 7, [1, 1, 1])).toBe(0);
  });

  it("prefers the stretch whose words weigh most, and looks only for the words asked", () => {
    // 0 and 1 together early on, 1 and 2 later: word 2 is the rarer.
    const prose = text(10, 11, ...filler(TOGETHER_WINDOW), 11, 12);
    expect(wordsTogether(prose, bits, 7, [1, 1, 3])).toBe(6);
    expect(wordsTogether(prose, bits, 3, [1, 1, 3])).toBe(3);
  });
});

describe("what sessions saying the query's words together gain", () => {
  const prose = [text(10, 0, 11), text(10, ...filler(TOGETHER_WINDOW), 11), text(10, 11)];
  const lift = (df: number, matches: [number, number][], documents = 100) => {
    const together = new SaidTogether((w) => [10 + w]);
    const total = new Float64Array(3);
    for (const [d, m] of matches)
      for (const w of [0, 1]) {
        together.word(w, 2, df);
        together.held(d, w, m);
        total[d] = (total[d] as number) + 2 * m;
      }
    const gains = together.lift(
      (d) => prose[d] as Int32Array,
      (d) => d !== 2,
      4,
      total,
      documents,
      0,
    );
    return [0, 1, 2].map((d) => gains?.get(d) ?? 0);
  };

  it("raises the prose matches of rare words said together, never beyond a title's", () => {
    const [together, apart] = lift(2, [
      [0, 0.5],
      [1, 0.5],
    ]);
    expect(together).toBeGreaterThan(0);
    // Each word rises from 0.5 towards the ceiling (0.8), not past it: at most 2 × 2 × 0.3.
    expect(together).toBeLessThanOrEqual(1.2);
    expect(apart).toBe(0);
  });

  it("gives nothing to words common enough to meet anywhere, to speakers, or to strong or loose matches", () => {
    expect(lift(20, [[0, 0.5]])[0]).toBe(0);
    expect(lift(2, [[2, 0.5]])[2]).toBe(0);
    expect(lift(2, [[0, 0.9]])[0]).toBe(0);
    expect(lift(2, [[0, 0.2]])[0]).toBe(0);
  });

  it("reads no prose and asks for no word's terms when no two weakly held words are rare enough together", () => {
    const asked: string[] = [];
    const together = new SaidTogether((w) => {
      asked.push(`terms of ${w}`);
      return [10 + w];
    });
    // Two words, each in half of a hundred sessions, meet by chance (50 × 50 ≥ 100); a third, rare but held
    // strongly (a title's word), counts for no pair.
    for (const w of [0, 1]) together.word(w, 0.7, 50);
    together.word(2, 4, 1);
    for (const d of [0, 1]) for (const w of [0, 1]) together.held(d, w, 0.5);
    together.held(0, 2, 1);
    const gains = together.lift(
      (d) => {
        asked.push(`prose of ${d}`);
        return prose[d] as Int32Array;
      },
      () => true,
      4,
      new Float64Array(3),
      100,
      0,
    );
    expect(gains).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it("looks at no session that could not reach the floor", () => {
    const together = new SaidTogether((w) => [10 + w]);
    const total = new Float64Array(3);
    for (const w of [0, 1]) {
      together.word(w, 2, 2);
      together.held(0, w, 0.5);
    }
    total[0] = 2;
    const gains = together.lift(
      (d) => prose[d] as Int32Array,
      () => true,
      4,
      total,
      100,
      10,
    );
    expect(gains).toBeUndefined();
  });
});
