import { describe, expect, it } from "vitest";
import { isCyrillic, isNoise, normalizeText, subTokens, tokenize, tokenizeText } from "./normalize.js";

describe("normalizeText", () => {
  it("folds Unicode compatibility forms and case, and ё to е", () => {
    expect(normalizeText("ＰＥＰ Распределённый")).toBe("pep распределенный");
  });

  it("drops Latin diacritics, keeping Cyrillic й and ё apart from them", () => {
    expect(normalizeText("Sécurité Müller Straße Øresund")).toBe("securite muller strasse oresund");
    expect(normalizeText("Йод ёж")).toBe("йод еж");
  });

  it("splits French elisions off and drops other apostrophes inside words", () => {
    expect(tokenize("l’authentification d'accès qu'il")).toEqual([
      "l",
      "authentification",
      "d",
      "acces",
      "qu",
      "il",
    ]);
    expect(tokenize("hacker's don't")).toEqual(["hackers", "dont"]);
  });

  it("drops apostrophes inside words and unifies кеш/кэш", () => {
    expect(normalizeText("hacker's database")).toBe("hackers database");
    expect(normalizeText("Кеширование")).toBe("кэширование");
  });
});

describe("tokenize", () => {
  it("splits on punctuation and hyphens, keeping dotted numbers whole", () => {
    expect(tokenize("Django 1.6 and beyond: веб-приложения!")).toEqual([
      "django",
      "1.6",
      "and",
      "beyond",
      "веб",
      "приложения",
    ]);
  });

  it("splits letter-digit mixes only on request", () => {
    expect(tokenize("Jinja2")).toEqual(["jinja2"]);
    expect(subTokens("jinja2")).toEqual(["jinja", "2"]);
    expect(subTokens("django")).toEqual([]);
    expect(subTokens("1.6")).toEqual([]);
  });
});

describe("tokenizeText", () => {
  it("marks capitalized words inside sentences and words with inner capitals as names", () => {
    const words = tokenizeText("Materialized views using Redis. The PyPy project, SOA and more.");
    const proper = words.filter((w) => w.proper).map((w) => w.token);
    expect(proper).toEqual(["redis", "pypy", "soa"]);
  });

  it("treats the first word of a text or sentence as an ordinary word", () => {
    expect(tokenizeText("Advanced Flask patterns").map((w) => w.proper)).toEqual([false, true, false]);
  });
});

describe("noise words", () => {
  it("knows stop words and query fillers in both languages", () => {
    for (const w of ["доклад", "про", "talk", "about", "кто", "рассказывает", "the", "и"])
      expect(isNoise(w)).toBe(true);
    for (const w of ["шардинг", "flask", "go", "api"]) expect(isNoise(w)).toBe(false);
  });

  it("drops Russian question words, prepositions and pronoun forms no stop list holds, not topic words", () => {
    for (const w of ["почему", "насколько", "вместо", "среди", "нами"]) expect(isNoise(w)).toBe(true);
    // "How many" stands in titles ("How many developers does it take…").
    for (const w of ["время", "путешествия", "безопасность", "поверх", "сколько"])
      expect(isNoise(w)).toBe(false);
  });

  it("tells Cyrillic words from Latin ones", () => {
    expect(isCyrillic("яндекс")).toBe(true);
    expect(isCyrillic("yandex")).toBe(false);
  });
});
