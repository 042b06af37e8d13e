import { describe, expect, it } from "vitest";
import { isEverydayWord } from "./everyday.js";

describe("everyday words", () => {
  it("are the words a dictionary lists, in English, German and Russian", () => {
    for (const w of ["kitchen", "rules", "kaufen", "кошка", "безопасности"])
      expect(isEverydayWord(w, ["en"]), w).toBe(true);
  });

  it("are forms a dictionary does not list of a word it does", () => {
    // German adjectives and participles inflected; a Russian verb's forms beside its infinitive.
    for (const w of ["gefalschte", "erstellten", "schwierigen", "посмотрим"])
      expect(isEverydayWord(w, ["en", "de"]), w).toBe(true);
  });

  it("are the forms of stop words", () => {
    expect(isEverydayWord("этих", ["ru"])).toBe(true);
  });

  it("are French words on a French programme only, where French is looked up at all", () => {
    expect(isEverydayWord("recette", ["fr", "en"])).toBe(true);
    expect(isEverydayWord("recette", ["en"])).toBe(false);
  });

  it("are not the names of tools and projects, nor compounds and borrowings no dictionary lists", () => {
    for (const w of ["mypy", "pyflakes", "tensorflow", "glasfaserstreit", "микросервисами", "википедии"])
      expect(isEverydayWord(w, ["en", "de", "ru"]), w).toBe(false);
  });
});
