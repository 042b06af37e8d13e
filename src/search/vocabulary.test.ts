import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { Vocabulary } from "./vocabulary.js";

describe("a vocabulary's snapshot", () => {
  const v = buildVocabulary(smallProgramme());
  const restored = Vocabulary.restore(v.snapshot());

  it("restores every field a search reads, sorted look-ups included", () => {
    expect(restored.terms).toEqual(v.terms);
    expect(restored.termIds).toEqual(v.termIds);
    expect(restored.postingWeights).toEqual(v.postingWeights);
    const prefixed: string[] = [];
    restored.sortedTerms.withPrefix("cach", 10, (s) => prefixed.push(s));
    expect(prefixed).toEqual(["caches", "caching"]);
  });

  it("starts its query memo empty", () => {
    v.queryStems.set("x", ["x"]);
    expect(Vocabulary.restore(v.snapshot()).queryStems.size).toBe(0);
  });

  it("throws on bytes that are no snapshot", () => {
    expect(() => Vocabulary.restore(Buffer.from("not a snapshot"))).toThrow();
  });
});

describe("a vocabulary's first-use keys", () => {
  it("are the same made ahead by prepareFirstUse as made by the first search needing them", () => {
    const ahead = buildVocabulary(smallProgramme());
    ahead.prepareFirstUse();
    const onUse = buildVocabulary(smallProgramme());
    expect(ahead.sortedKeys).toEqual(onUse.sortedKeys);
    expect(ahead.sortedKeys.strings.length).toBeGreaterThan(0);
    expect(ahead.skeletons).toEqual(onUse.skeletons);
    expect(ahead.shortKeys).toEqual(onUse.shortKeys);
    expect(ahead.commonKeys()).toEqual(onUse.commonKeys());
    expect(ahead.romanKeys()).toEqual(onUse.romanKeys());
    for (const gram of ["cac", "asy", "ing"]) expect(ahead.byGram(gram)).toEqual(onUse.byGram(gram));
  });
});
