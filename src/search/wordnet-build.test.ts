import { describe, expect, it } from "vitest";
import { wordnetFrequencies } from "./wordnet-build.js";

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
