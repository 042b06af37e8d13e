import { describe, expect, it } from "vitest";
import { benchQueries, freshQueries, mergeProgrammes, syntheticProgramme } from "../../bench/synthetic.js";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { buildSearchIndex } from "./index.js";
import { swapLayout } from "./layout.js";

describe("synthetic programmes for the benchmark", () => {
  it("are the same for the same seed and differ between seeds", () => {
    expect(syntheticProgramme(30, 5)).toEqual(syntheticProgramme(30, 5));
    expect(syntheticProgramme(30, 5)).not.toEqual(syntheticProgramme(30, 6));
  });

  it("have the requested number of bilingual sessions whose speakers exist", () => {
    const p = syntheticProgramme(200, 1);
    expect(p.sessions).toHaveLength(200);
    const ids = new Set(p.speakers.map((s) => s.id));
    for (const s of p.sessions) {
      expect(s.title.en && s.title.ru && s.abstract.en && s.abstract.ru).toBeTruthy();
      for (const id of s.speakers) expect(ids).toContain(id);
    }
  });

  it("are searchable, also mixed with another programme, with a deterministic query mix", () => {
    const p = mergeProgrammes(syntheticProgramme(100, 1), smallProgramme());
    const queries = benchQueries(p, 100);
    expect(queries).toEqual(benchQueries(p, 100));
    const index = buildSearchIndex(p);
    const answered = queries.filter((q) => index.search(q).length > 0).length;
    expect(answered).toBeGreaterThan(50);
  });

  it("give as many never-repeated queries as asked, from the programme's own words, the same for the same seed", () => {
    const p = mergeProgrammes(syntheticProgramme(60, 3), smallProgramme());
    const queries = freshQueries(p, 2_000);
    expect(queries).toHaveLength(2_000);
    expect(new Set(queries).size).toBe(2_000);
    expect(freshQueries(p, 2_000)).toEqual(queries);
    expect(freshQueries(p, 2_000, 14)).not.toEqual(queries);
    // Each word is one of the programme's (a name, a title's or abstract's word, an affiliation), with a typo
    // (a letter dropped or two swapped), or on the other keyboard layout; the rest are brands spelled in Cyrillic
    // and words that are not there, about a fifth of the draws.
    const own = new Set(
      JSON.stringify(p)
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u),
    );
    const near = new Set<string>();
    for (const w of own)
      for (let i = 0; i < w.length; i++) {
        near.add(w.slice(0, i) + w.slice(i + 1));
        near.add(w.slice(0, i) + (w[i + 1] ?? "") + w[i] + w.slice(i + 2));
      }
    const ofProgramme = (w: string) => own.has(w) || near.has(w);
    const wordsOf = (q: string) => q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const drawn = queries.filter(
      (q) => wordsOf(q).every(ofProgramme) || wordsOf(swapLayout(q).toLowerCase()).every((w) => own.has(w)),
    );
    expect(drawn.length).toBeGreaterThan(queries.length * 0.7);
    // Words repeat across queries, as a programme repeats them.
    const words = queries.flatMap((q) => q.split(" "));
    expect(new Set(words).size).toBeLessThan(words.length);
  });
});
