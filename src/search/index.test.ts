import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EvalCase, passes, readEvalSet } from "../../bench/devset.js";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import type { Programme } from "../programme/model.js";
import { readProgrammeFile } from "../programme/read.js";
import { buildSearchIndex, MIN_SCORE } from "./index.js";
import { swapLayout } from "./layout.js";

function withBreak(): Programme {
  const p = smallProgramme();
  p.sessions.push({
    id: "coffee",
    kind: "break",
    title: { en: "Coffee break: asynchronous coffee", ru: "Кофе-брейк" },
    abstract: { en: "", ru: "" },
    start: "2030-03-01T11:00:00+05:00",
    end: "2030-03-01T11:20:00+05:00",
    speakers: [],
  });
  return p;
}

describe("buildSearchIndex on a small programme", () => {
  const index = buildSearchIndex(withBreak());

  it("finds a session by its English and its Russian title, best first, with English titles", () => {
    const [first] = index.search("distributed caching");
    expect(first).toMatchObject({ kind: "talk", id: "caching", title: "Distributed caching" });
    expect(index.search("распределённое кэширование")[0]?.id).toBe("caching");
  });

  it("finds speakers by name in either script, and by company", () => {
    expect(index.search("Ann Lee")[0]).toMatchObject({ kind: "speaker", id: "ann-lee", name: "Ann Lee" });
    expect(index.search("Энн Ли")[0]?.id).toBe("ann-lee");
    expect(index.search("Яндекс")[0]).toMatchObject({ kind: "speaker", id: "ann-lee" });
  });

  it("reports workshops as workshops and leaves breaks out", () => {
    expect(index.search("мастер-класс тестирование")[0]).toMatchObject({
      kind: "workshop",
      id: "testing-workshop",
    });
    expect(index.search("coffee")).toEqual([]);
    expect(index.search("asynchronous").map((r) => r.id)).not.toContain("coffee");
  });

  it("returns scores in (0, 1], best first, above the cut-off, at most limit results", () => {
    const results = index.search("testing", { limit: 2 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(2);
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect([...results].sort((a, b) => b.score - a.score)).toEqual(results);
  });

  it("answers nothing for empty, filler-only and unknown queries", () => {
    for (const q of ["", "   ", "доклад про", "talk about", "kubernetes", "блокчейн", "zzzz qqqq"])
      expect(index.search(q)).toEqual([]);
  });
});

describe("search on the shipped PyCon Russia 2013 programme", () => {
  const programme = readProgrammeFile("data/pycon-ru-2013.yaml");
  const index = buildSearchIndex(programme);
  const cases: EvalCase[] = readEvalSet(join(import.meta.dirname, "own-queries.tsv"));

  it("has queries of every kind to run", () => {
    const kinds = new Set(cases.map((c) => c.category));
    for (const k of [
      "en",
      "en-typo",
      "name-en",
      "name-ru",
      "ru-topic",
      "ru-brand",
      "layout",
      "company",
      "negative",
    ])
      expect(kinds).toContain(k);
  });

  it.each(cases.map((c) => [c.category, c.query, c] as const))("%s: %s", (_category, query, c) => {
    const results = index.search(query);
    expect(
      passes(c, results),
      `${query} → ${
        results
          .slice(0, 3)
          .map((r) => r.title ?? r.name)
          .join(" | ") || "nothing"
      }`,
    ).toBe(true);
  });

  it("never returns a break or another non-content session", () => {
    const searchable = new Set(
      programme.sessions.filter((s) => ["talk", "keynote", "workshop"].includes(s.kind)).map((s) => s.id),
    );
    for (const q of ["lunch", "обед", "registration", "coffee break", "кофе-брейк", "открытие"])
      for (const r of index.search(q)) if (r.kind !== "speaker") expect(searchable).toContain(r.id);
  });

  it("reads a company written as a domain in Cyrillic like the bare name", () => {
    const pairs: [string, string][] = [
      ["островок.ру", "островок"],
      ["яндекс.ру", "яндекс"],
      ["джетстайл.ру", "джетстайл"],
    ];
    for (const [domain, bare] of pairs) {
      const ids = (q: string) => index.search(q).map((r) => r.id);
      expect(ids(bare).length, bare).toBeGreaterThan(0);
      expect(ids(domain), domain).toEqual(ids(bare));
    }
  });

  it("reads a Russian topic typed on the Latin layout, wholly or one word of it, as typed right", () => {
    // "сетевые приложения" with the Latin layout on, as a user sends it.
    expect(index.search("ctntdst ghbkj;tybz")[0]?.id).toBe("network-apps-from-scratch-workshop");
    expect(index.search("ctntdst приложения")[0]?.id).toBe("network-apps-from-scratch-workshop");
    for (const q of [
      "низкие задержки",
      "статический анализ",
      "доклад про шардинг",
      "тестирование джанго",
      "flask patterns",
      "tornado web",
    ]) {
      const want = index.search(q)[0]?.id;
      expect(want).toBeDefined();
      const words = q.split(" ");
      const oneSwapped = words.map((_, i) => words.map((w, j) => (i === j ? swapLayout(w) : w)).join(" "));
      for (const typed of [swapLayout(q), ...oneSwapped])
        expect(index.search(typed)[0]?.id, typed).toBe(want);
    }
  });

  it("ranks the speaker first for a full name and their session among the results", () => {
    const results = index.search("Armin Ronacher");
    expect(results[0]).toMatchObject({ kind: "speaker", id: "armin-ronacher" });
    expect(results.map((r) => r.id)).toContain("advanced-flask-patterns");
  });
});
