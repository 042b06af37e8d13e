import { describe, expect, it } from "vitest";
import { englishLemmas } from "./english-lemmas.js";

describe("englishLemmas", () => {
  it("undoes plurals, pasts and participles, a final e put back and a doubled consonant undone", () => {
    expect(englishLemmas("libraries")).toContain("library");
    expect(englishLemmas("cookies")).toContain("cookie");
    expect(englishLemmas("boxes")).toContain("box");
    expect(englishLemmas("tokens")).toContain("token");
    expect(englishLemmas("verified")).toContain("verify");
    expect(englishLemmas("scheduling")).toContain("schedule");
    expect(englishLemmas("adding")).toContain("add");
    expect(englishLemmas("stopped")).toContain("stop");
    expect(englishLemmas("class")).toEqual(["class"]);
  });

  it("undoes only plurals for nouns (a name is no verb form)", () => {
    expect(englishLemmas("lifelines", true)).toContain("lifeline");
    expect(englishLemmas("logging", true)).toEqual(["logging"]);
  });
});
