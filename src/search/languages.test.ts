import { describe, expect, it } from "vitest";
import { isCyrillicLanguage, stemmerOf, stopwordsOf } from "./languages.js";

describe("content languages", () => {
  it("stems German and French words in their own language", () => {
    const de = stemmerOf("de");
    const fr = stemmerOf("fr");
    expect(de?.("sicherheitslücken")).toBe(de?.("sicherheitslücke"));
    expect(fr?.("réseaux")).toBe(fr?.("réseau"));
  });

  it("has no stemmer for a language it does not know", () => {
    expect(stemmerOf("xx")).toBeUndefined();
  });

  it("lists each language's stop words, without apostrophe forms", () => {
    expect(stopwordsOf("fr")).toContain("les");
    expect(stopwordsOf("de")).toContain("und");
    expect(stopwordsOf("en").some((w) => w.includes("'"))).toBe(false);
    expect(stopwordsOf("xx")).toEqual([]);
  });

  it("knows which languages are written in Cyrillic", () => {
    expect(isCyrillicLanguage("ru")).toBe(true);
    expect(isCyrillicLanguage("uk")).toBe(true);
    expect(isCyrillicLanguage("de")).toBe(false);
  });
});
