import { describe, expect, it } from "vitest";
import { DocScores } from "./doc-scores.js";
import { aboveCutoffs, MIN_SCORE } from "./score.js";

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe("a search's scores in per-document arrays", () => {
  it("rank exactly as aboveCutoffs ranks the same scores in a map, for every number kept", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const documents = 5 + Math.floor(next() * 700);
      const map = new Map<number, number>();
      const scores = new DocScores(documents);
      // Scores from a few distinct values (ties) or spread out, some below the cut-offs, set in any order.
      const levels = seed % 2 ? 4 : 1000;
      for (let d = 0; d < documents; d++) {
        if (next() < 0.4) continue;
        const doc = (d * 7919) % documents;
        const score = Math.floor(next() * levels) / levels;
        map.set(doc, score);
        scores.set(doc, score);
      }
      for (const keep of [1, 2, 6, 12, 100, documents + 1]) {
        const copy = new DocScores(documents);
        for (const [d, s] of map) copy.set(d, s);
        expect(copy.ranked(keep), `seed ${seed}, keep ${keep}`).toEqual(aboveCutoffs(map, keep));
      }
      expect(scores.ranked(12)).toEqual(aboveCutoffs(map, 12));
    }
  });

  it("forget every score once ranked, so the next search starts empty", () => {
    const scores = new DocScores(10);
    scores.set(3, 0.9);
    scores.set(4, 0.8);
    expect(scores.ranked(12)).toEqual([
      [3, 0.9],
      [4, 0.8],
    ]);
    expect(scores.ranked(12)).toEqual([]);
    scores.set(4, 0.7);
    expect(scores.ranked(12)).toEqual([[4, 0.7]]);
  });

  it("take a second score of a document as a map does: it replaces the first", () => {
    const scores = new DocScores(4);
    scores.set(1, 0.9);
    scores.set(2, 0.95);
    scores.set(1, 0.99);
    expect(scores.ranked(12)).toEqual([
      [1, 0.99],
      [2, 0.95],
    ]);
  });

  it("are read back as a map reads them: a score set, or undefined", () => {
    const scores = new DocScores(5);
    scores.set(2, 0);
    scores.set(4, 0.5);
    expect([0, 2, 4].map((d) => scores.get(d))).toEqual([undefined, 0, 0.5]);
    scores.take();
    expect(scores.get(4)).toBeUndefined();
  });

  it("are taken out as a list that ranks alike as often as asked, and as the map they were set as", () => {
    const scores = new DocScores(50);
    const map = new Map<number, number>();
    for (let d = 49; d >= 0; d -= 3) {
      const score = ((d * 37) % 11) / 10;
      scores.set(d, score);
      map.set(d, score);
    }
    const taken = scores.take();
    expect(taken.size).toBe(map.size);
    expect(taken.toMap()).toEqual(map);
    expect([...taken.toMap().keys()]).toEqual([...map.keys()]);
    for (const keep of [1, 3, 12, 100]) {
      expect(taken.ranked(keep)).toEqual(aboveCutoffs(map, keep));
      expect(taken.ranked(keep)).toEqual(aboveCutoffs(map, keep));
    }
    // Taking them out leaves the arrays empty for the next search.
    expect(scores.take().size).toBe(0);
    expect(scores.ranked(12)).toEqual([]);
  });

  it("keep nothing when the best is not confident", () => {
    const scores = new DocScores(2);
    scores.set(0, MIN_SCORE - 0.01);
    expect(scores.ranked(12)).toEqual([]);
  });
});
