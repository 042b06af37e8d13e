import { describe, expect, it } from "vitest";
import { wordnetDerived, wordnetFrequencies, wordnetSynsets } from "./wordnet-build.js";

describe("WordNet's corpus counts", () => {
  it("adds up a word's tagged senses over its parts of speech, multi-word lemmas spelled with spaces", () => {
    const used = wordnetFrequencies(
      [
        "remote%5:00:00:far:00 1 10",
        "remote%3:00:00:: 2 3",
        "remote%1:06:00:: 1 0",
        "boat_train%1:06:00:: 1 1",
        "broken line",
        "",
      ].join("\n"),
    );
    expect(used.get("remote")).toBe(13);
    expect(used.get("boat train")).toBe(1);
    expect(used.has("broken line")).toBe(false);
  });
});

describe("WordNet's derived forms", () => {
  // Two senses of "volcano" (the second derives "volcanic"), and "volcanic" pointing back, as WordNet writes them.
  const data = {
    n: [
      "09470550 17 n 01 volcano 0 001 @ 09224911 n 0000 | a fissure in the earth's crust",
      "09472597 17 n 01 volcano 0 002 @ 09359803 n 0000 + 02826170 a 0101 | a mountain formed by volcanic material",
    ].join("\n"),
    a: "02826170 01 a 01 volcanic(a) 0 002 + 09472597 n 0101 \\ 09472597 n 0101 | of or relating to volcanos",
  };
  const index = {
    n: "  1 This header line is not a word\nvolcano n 2 3 @ + ~ 2 1 09470550 09472597  ",
    a: "volcanic a 1 2 + \\ 1 0 02826170  ",
  };

  it("lists the words derived from a word or it from them in any sense, as the lists spell words", () => {
    const derived = wordnetDerived(index, wordnetSynsets(data));
    expect(derived.get("volcano")).toEqual(["volcanic"]);
    expect(derived.get("volcanic")).toEqual(["volcano"]);
  });
});
