import { describe, expect, it } from "vitest";
import { borrowedSpellings, type Spellings } from "./borrowed.js";

/** A programme's words, sorted as the index keeps them. */
function programme(words: string[]): Spellings {
  const sorted = [...words].sort();
  return {
    has: (t) => sorted.includes(t),
    withPrefix: (prefix, limit, each) => {
      for (const t of sorted.filter((t) => t.startsWith(prefix)).slice(0, limit)) each(t);
    },
  };
}

describe("borrowedSpellings", () => {
  const words = programme([
    "isogenies",
    "isogeny",
    "phishing",
    "self",
    "hosting",
    "chat",
    "bot",
    "telemetry",
    "drones",
    "fishing",
    "manifest",
    "geostationary",
  ]);

  it("finds a borrowed word by its Latin spelling, whatever its Russian ending", () => {
    expect(borrowedSpellings("изогении", words)).toContainEqual(["isogenies"]);
    expect(borrowedSpellings("телеметрия", words)[0]).toEqual(["telemetry"]);
    expect(borrowedSpellings("дронами", words)[0]).toEqual(["drones"]);
    expect(borrowedSpellings("фишинг", words).flat()).toContain("phishing");
    expect(borrowedSpellings("геостационарные", words)[0]).toEqual(["geostationary"]);
  });

  it("finds two borrowed words run together as the two words the programme writes", () => {
    expect(borrowedSpellings("селфхостинг", words)).toContainEqual(["self", "hosting"]);
    expect(borrowedSpellings("чатбот", words)).toContainEqual(["chat", "bot"]);
  });

  it("finds nothing for a word spelled like no programme word, nor for short or non-Cyrillic words", () => {
    expect(borrowedSpellings("маникюр", words)).toEqual([]);
    expect(borrowedSpellings("фывапролдж", words)).toEqual([]);
    expect(borrowedSpellings("бот", words)).toEqual([]);
    expect(borrowedSpellings("hosting", words)).toEqual([]);
  });
});
