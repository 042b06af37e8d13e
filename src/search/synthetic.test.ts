import { describe, expect, it } from "vitest";
import { benchQueries, mergeProgrammes, syntheticProgramme } from "../../bench/synthetic.js";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { buildSearchIndex } from "./index.js";

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
});
