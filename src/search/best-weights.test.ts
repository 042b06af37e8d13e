import { describe, expect, it } from "vitest";
import { keepBest, keepBestOne } from "./best-weights.js";

describe("best weights", () => {
  it("keeps each document's best weight, whichever way came first", () => {
    const docs = new Map([
      [1, 0.5],
      [2, 0.9],
    ]);
    keepBest(
      docs,
      new Map([
        [1, 0.8],
        [2, 0.4],
        [3, 0.3],
      ]),
    );
    expect([...docs].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 0.8],
      [2, 0.9],
      [3, 0.3],
    ]);
  });

  it("weighs what it adds by a share before comparing", () => {
    const docs = new Map([[1, 0.5]]);
    keepBest(docs, new Map([[1, 0.8]]), 0.5);
    expect(docs.get(1)).toBe(0.5);
    keepBest(docs, new Map([[2, 0.8]]), 0.5);
    expect(docs.get(2)).toBe(0.4);
  });

  it("adds one document only where it beats what is held", () => {
    const docs = new Map([[1, 0.5]]);
    keepBestOne(docs, 1, 0.2);
    keepBestOne(docs, 2, 0.2);
    expect(docs.get(1)).toBe(0.5);
    expect(docs.get(2)).toBe(0.2);
  });
});
