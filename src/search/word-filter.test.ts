import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { knows } from "./candidates.js";
import { isCyrillic } from "./normalize.js";
import { queryStem } from "./stem.js";
import { latinSpellings } from "./translit.js";
import type { Vocabulary } from "./vocabulary.js";
import { FILTER_MIN_PREFIX, mayHold, WordFilter } from "./word-filter.js";

/** Whether a vocabulary holds a word longer than `prefix` beginning with it, read from its sorted words. */
function begins(v: Vocabulary, prefix: string): boolean {
  if (prefix.length < FILTER_MIN_PREFIX) return false;
  return v.terms.some((t) => t.length > prefix.length && t.startsWith(prefix));
}

/** What a direct search reaches a word by (direct.ts holdsWord), worked out the long way. */
function reaches(v: Vocabulary, word: string): boolean {
  if (knows(v, word)) return true;
  if (/\d/.test(word)) return false;
  if (begins(v, word) || begins(v, queryStem(word))) return true;
  return isCyrillic(word) && latinSpellings(word).some((s) => v.termIds.has(s));
}

describe("the word filter of a direct search", () => {
  const v = buildVocabulary(
    talksProgramme([
      ["flask", "Advanced Flask patterns", "Blueprints and application factories."],
      ["django", "Django ORM tricks", "Querysets, managers and migrations."],
      ["postgres", "PostgreSQL replication internals", "Write-ahead logging in 2024."],
      ["vacuum", "Robot vacuum cleaners at home"],
      ["ru", "Машинное обучение в продакшене", "Нейронные сети и контейнеры."],
    ]),
  );

  it("lets through every word the programme holds as written, by stem, as a beginning or in Latin letters", () => {
    const words = [
      ...v.terms,
      ...v.terms.map((t) => t.slice(0, FILTER_MIN_PREFIX)),
      ...v.terms.map((t) => t.slice(0, -1)),
      "pattern",
      "migration",
      "cleaner",
      "postgr",
      "джанго",
      "фласк",
      "обучения",
      "сеть",
      "2024",
      "replicating",
    ];
    for (const word of words) if (reaches(v, word)) expect(mayHold(v, word), word).toBe(true);
    // The words above the programme does hold, each way.
    for (const word of ["pattern", "postgr", "джанго", "обучения", "replicating", "2024"])
      expect(reaches(v, word), word).toBe(true);
  });

  it("stops nearly every word the programme does not hold", () => {
    const absent: string[] = [];
    for (let i = 0; i < 400; i++) {
      const letters = "bcdfghjklmnpqrstvwxz";
      let w = "";
      for (let j = 0; j < 5 + (i % 6); j++) w += letters[(i * 7 + j * 13 + ((i * j) % 11)) % letters.length];
      if (!reaches(v, w)) absent.push(w);
    }
    for (const w of ["гороскоп", "ипотека", "football", "qwxzv", "kubernetes", "блендер"])
      if (!reaches(v, w)) absent.push(w);
    const passed = absent.filter((w) => mayHold(v, w));
    expect(absent.length).toBeGreaterThan(300);
    expect(passed.length / absent.length).toBeLessThan(0.05);
  });

  it("never forgets a string it was given", () => {
    const filter = new WordFilter(1000);
    const added = Array.from({ length: 1000 }, (_, i) => `word${i * 31}`);
    for (const s of added) filter.add(s);
    for (const s of added) expect(filter.has(s), s).toBe(true);
    const others = Array.from({ length: 1000 }, (_, i) => `other${i}`).filter((s) => filter.has(s));
    expect(others.length).toBeLessThan(60);
  });
});
