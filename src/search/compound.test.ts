import { describe, expect, it } from "vitest";
import { partLemma, splitCompound } from "./compound.js";

const WORDS = new Set([
  "solar",
  "zelle",
  "wirkung",
  "wirkungsgrad",
  "grad",
  "fahrkarte",
  "fahr",
  "karte",
  "automat",
]);
const known = (piece: string) =>
  partLemma(piece, (lemma) => (WORDS.has(lemma) ? lemma : undefined)) !== undefined;

describe("splitCompound", () => {
  it("splits a compound into the fewest known parts, linking letters kept on the part", () => {
    expect(splitCompound("solarzellenwirkungsgrad", known)).toEqual(["solar", "zellen", "wirkungsgrad"]);
    expect(splitCompound("fahrkartenautomat", known)).toEqual(["fahrkarten", "automat"]);
  });

  it("leaves alone short words, words of one part, and words with an unknown piece", () => {
    expect(splitCompound("automat", known)).toBeUndefined();
    expect(splitCompound("wirkungsgrad", known)).toEqual(["wirkungs", "grad"]);
    expect(splitCompound("solarqwxzautomat", known)).toBeUndefined();
    expect(splitCompound("asdfghjklasdf", known)).toBeUndefined();
  });

  it("finds a part's lemma under a linking ending", () => {
    const lemma = (piece: string) => partLemma(piece, (l) => (WORDS.has(l) ? l : undefined));
    expect(lemma("zellen")).toBe("zelle");
    expect(lemma("wirkungs")).toBe("wirkung");
    expect(lemma("karten")).toBe("karte");
    expect(lemma("xyzzy")).toBeUndefined();
  });
});
