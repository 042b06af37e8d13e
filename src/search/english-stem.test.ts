import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stemmer } from "@orama/stemmers/english";
import { describe, expect, it } from "vitest";
import { APP_ROOT } from "../app-root.js";
import { englishStem } from "./english-stem.js";

/** The English words of a dictionary's word list (its headwords and their translations' words). */
function dictionaryWords(file: string): string[] {
  const words = new Set<string>();
  for (const line of readFileSync(join(APP_ROOT, "data", "lexicon", file), "utf8").split("\n"))
    for (const w of line.toLowerCase().split(/[^a-z]+/)) if (w) words.add(w);
  return [...words];
}

/** Strings of letters the rules test for (vowels, y, s, l, z, w, x and doubled consonants), by a fixed seed. */
function oddWords(count: number): string[] {
  const letters = "aeiouyslztbcdgnrwxmp";
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = "";
    const length = 1 + Math.floor(next() * 12);
    for (let j = 0; j < length; j++) w += letters[Math.floor(next() * letters.length)];
    out.push(w);
  }
  return out;
}

describe("englishStem", () => {
  it("stems every English word of a dictionary's word list as @orama/stemmers does", () => {
    const words = dictionaryWords("en-ru.tsv");
    expect(words.length).toBeGreaterThan(30_000);
    const differ = words.filter((w) => englishStem(w) !== stemmer(w));
    expect(differ).toEqual([]);
  });

  it("stems odd letter strings as the package does too, the -sion/-tion quirk included", () => {
    const differ = oddWords(50_000).filter((w) => englishStem(w) !== stemmer(w));
    expect(differ).toEqual([]);
    expect(englishStem("connections")).toBe(stemmer("connections"));
    expect(["yelling", "relational", "hopeful", "adjustment", "controll", "ab"].map(englishStem)).toEqual([
      "yell",
      "relat",
      "hope",
      "adjust",
      "control",
      "ab",
    ]);
  });
});
