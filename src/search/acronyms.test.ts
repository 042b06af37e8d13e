import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { acronymOfQuery, initials, spelledOut } from "./acronyms.js";
import { buildVocabulary } from "./build.js";
import { buildSearchIndex } from "./index.js";

const programme = talksProgramme([
  ["ftth", "What could go wrong with FTTH"],
  ["bdd", "Behavior Driven Development in Python"],
  ["c", "Tools for C/C++ development"],
]);
const v = buildVocabulary(programme);

describe("acronyms", () => {
  it("are the initials of words", () => {
    expect(initials(["fiber", "to", "the", "home"])).toBe("ftth");
  });

  it("are found from their spelled-out form, stop words counted or not", () => {
    expect(acronymOfQuery(v, "fiber to the home")).toBe("ftth");
    expect(acronymOfQuery(v, "fiber home")).toBeUndefined();
  });

  it("find the titles that spell them out, of words of three letters or more", () => {
    expect(spelledOut(v, "bdd").map((d) => v.docs[d]?.id)).toEqual(["bdd"]);
    expect(spelledOut(v, "ctd")).toEqual([]);
  });

  it("lead a search both ways", () => {
    const index = buildSearchIndex(programme);
    expect(index.search("fiber to the home")[0]?.id).toBe("ftth");
    expect(index.search("bdd")[0]?.id).toBe("bdd");
    expect(index.search("cd")).toEqual([]);
  });
});
