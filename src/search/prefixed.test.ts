import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildSearchIndex } from "./index.js";
import { lexicon } from "./lexicon.js";
import { prefixedCompound } from "./prefixed.js";

/** A programme of these words, as prefixedCompound asks of one. */
function programmeOf(words: string[]) {
  const set = new Set(words);
  return {
    knows: (w: string) => set.has(w),
    has: (w: string) => set.has(w),
    withPrefix: (prefix: string, limit: number, each: (term: string) => void) => {
      for (const w of [...set]
        .sort()
        .filter((t) => t.startsWith(prefix))
        .slice(0, limit))
        each(w);
    },
  };
}
const ruEn = lexicon("ru", "en");
const translations = (w: string) => ruEn?.lookup(w) ?? [];

describe("Russian words of a shortened first word and a second", () => {
  it("finds the parts beside each other: a listed word's translation begins the first, a borrowing heard the second", () => {
    if (!ruEn) throw new Error("the Russian–English list is missing");
    // вело|шеринг: велосипед → bike; шеринг heard as sharing.
    expect(
      prefixedCompound("велошеринг", programmeOf(["bike", "sharing", "data"]), ruEn, translations),
    ).toContainEqual(["bike", "sharing"]);
    // тех|долг: техника → technique…, технический → technical; долг → debt.
    expect(
      prefixedCompound("техдолг", programmeOf(["technical", "debt"]), ruEn, translations),
    ).toContainEqual(["technical", "debt"]);
  });

  it("finds one programme word holding both, a beginning heard when no listed word has it, before the parts apart", () => {
    if (!ruEn) throw new Error("the Russian–English list is missing");
    const found = prefixedCompound(
      "нейроразнообразие",
      programmeOf(["neural", "neurodiversity", "diversity"]),
      ruEn,
      translations,
    );
    expect(found[0]).toEqual(["neurodiversity"]);
  });

  it("finds nothing for a word that splits into nothing the programme holds, or too short a borrowing", () => {
    if (!ruEn) throw new Error("the Russian–English list is missing");
    expect(prefixedCompound("велошеринг", programmeOf(["bike", "hosting"]), ruEn, translations)).toEqual([]);
    expect(prefixedCompound("квазибрындец", programmeOf(["quasi", "brand"]), ruEn, translations)).toEqual([]);
    // фон|довый: «довый» is no borrowing of "david".
    expect(prefixedCompound("фондовый", programmeOf(["background", "david"]), ruEn, translations)).toEqual(
      [],
    );
  });

  it("gives a dozen phrases at most, each once, one programme word holding both parts first", () => {
    if (!ruEn) throw new Error("the Russian–English list is missing");
    // вело|шеринг beside sixty programme words beginning as bike does, and one word holding both parts.
    const many = Array.from({ length: 60 }, (_, i) => `bikez${String.fromCharCode(97 + (i % 26))}${i}`);
    const found = prefixedCompound(
      "велошеринг",
      programmeOf([...many, "bike", "sharing", "bikesharing"]),
      ruEn,
      translations,
    );
    expect(found).toHaveLength(12);
    expect(found[0]).toEqual(["bikesharing"]);
    expect(new Set(found.map((p) => p.join(" "))).size).toBe(found.length);
    expect(found.slice(1).every((p) => p.length === 2 && p[1] === "sharing")).toBe(true);
  });

  it("finds the talk in search, below the words typed in English", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["bikes", "Bike sharing in European cities", "Trips and docks."],
        ["debt", "Paying back technical debt", "Refactoring."],
      ]),
    );
    expect(index.search("велошеринг")[0]?.id).toBe("bikes");
    expect(index.search("техдолг")[0]?.id).toBe("debt");
    expect(index.search("велошеринг")[0]?.score ?? 1).toBeLessThan(
      index.search("bike sharing")[0]?.score ?? 0,
    );
  });
});
