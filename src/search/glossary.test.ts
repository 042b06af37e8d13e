import { afterEach, describe, expect, it, vi } from "vitest";
import { GLOSSED_KEPT, glossaryPhrases, glossarySize, glossaryStems, translateTokens } from "./glossary.js";

const words = (tokens: string[]) => translateTokens(tokens).flatMap((t) => t.alternatives.flat());

describe("translateTokens", () => {
  it("translates Russian programming words in any form into English", () => {
    expect(words(["очереди"])).toContain("queue");
    expect(words(["воркшопы"])).toContain("workshop");
    expect(words(["распределенный"])).toContain("distributed");
    expect(words(["кэш"])).toContain("cache");
    expect(words(["деплоя"])).toContain("deployment");
  });

  it("does not take another word the dictionary lists for a glossary word stemmed alike", () => {
    // Snowball stems «платье» (a dress) as «плата» (a circuit board); «платы» is a form of плата.
    expect(words(["плата"])).toContain("board");
    expect(words(["платы"])).toContain("board");
    expect(words(["платье"])).not.toContain("board");
  });

  it("translates English words into Russian", () => {
    expect(words(["testing"])).toContain("тестирование");
  });

  it("matches phrases of several words as a whole and reports what they cover", () => {
    const found = translateTokens(["реляционной", "базе", "данных"]);
    const phrase = found.find((t) => t.length === 2);
    expect(phrase).toMatchObject({ start: 1, length: 2 });
    expect(phrase?.alternatives).toContainEqual(["database"]);
  });

  it("knows general vocabulary beyond programming, but not every word", () => {
    expect(words(["погода"])).toContain("weather");
    expect(words(["спутники"])).toContain("satellite");
    expect(translateTokens(["ипотека", "гороскоп"])).toEqual([]);
  });

  it("translates between Russian, English, German and French, in every direction", () => {
    expect(words(["безопасность"])).toEqual(expect.arrayContaining(["security", "sicherheit", "securite"]));
    expect(words(["firewall"])).toEqual(expect.arrayContaining(["межсетевой", "pare", "feu"]));
    expect(words(["sicherheit"])).toContain("security");
  });

  it("puts a word's usual sense first", () => {
    expect(translateTokens(["безопасность"])[0]?.alternatives[0]).toEqual(["security"]);
  });

  it("leaves stop words out of phrases, so they can be found in an index that holds none", () => {
    const found = translateTokens(["хранение", "данных"]).find((t) => t.length === 2);
    expect(found?.alternatives).toContainEqual(["stockage", "donnees"]);
  });

  it("leaves out only a phrase's own language's stop words: another language's is a word there", () => {
    // "ai" is French for "have", a stop word in French texts, but English for artificial intelligence.
    expect(translateTokens(["ии"])[0]?.alternatives).toContainEqual(["ai"]);
  });

  it("holds a vocabulary of several hundred phrases beside the dictionaries", () => {
    expect(glossarySize()).toBeGreaterThan(800);
  });
});

describe("the glossary's stems as the bundle carries them", () => {
  const queries = [
    ["очереди", "задач"],
    ["реляционной", "базе", "данных"],
    ["testing"],
    ["sicherheit"],
    ["спутники"],
  ];
  /** The glossary module loaded afresh with `stems` as scripts/build.mjs defines them. */
  async function withBuiltStems(stems: Record<string, string>) {
    vi.resetModules();
    vi.stubGlobal("__GLOSSARY_STEMS__", JSON.stringify(stems));
    return import("./glossary.js");
  }
  afterEach(() => vi.unstubAllGlobals());

  it("translate every query as the stems worked out at start do", async () => {
    const built = await withBuiltStems(glossaryStems());
    expect(built.glossarySize()).toBe(glossarySize());
    for (const q of queries) expect(built.translateTokens(q)).toEqual(translateTokens(q));
  });

  it("are what a start reads: other stems translate otherwise", async () => {
    const wrong = Object.fromEntries(Object.keys(glossaryStems()).map((k) => [k, "zzzz"]));
    const built = await withBuiltStems(wrong);
    expect(built.translateTokens(["очереди"])).toEqual([]);
  });
});

describe("glossaryPhrases", () => {
  it("is translateTokens, remembered for a list of tokens", () => {
    for (const tokens of [["машинное", "обучение"], ["очереди", "задач"], ["qwxzv"], ["безопасность"]]) {
      const found = glossaryPhrases(tokens);
      expect(found).toEqual(translateTokens(tokens));
      expect(glossaryPhrases([...tokens])).toBe(found);
    }
  });

  it("keeps at most GLOSSED_KEPT lists, forgetting the least recently used", () => {
    const first = glossaryPhrases(["безопасность", "сетей"]);
    for (let i = 0; i < GLOSSED_KEPT; i++) glossaryPhrases([`слово${i}`]);
    const again = glossaryPhrases(["безопасность", "сетей"]);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
