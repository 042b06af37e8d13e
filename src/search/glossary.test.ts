import { describe, expect, it } from "vitest";
import { glossarySize, translateTokens } from "./glossary.js";

const words = (tokens: string[]) => translateTokens(tokens).flatMap((t) => t.alternatives.flat());

describe("translateTokens", () => {
  it("translates Russian programming words in any form into English", () => {
    expect(words(["очереди"])).toContain("queue");
    expect(words(["воркшопы"])).toContain("workshop");
    expect(words(["распределенный"])).toContain("distributed");
    expect(words(["кэш"])).toContain("cache");
    expect(words(["деплоя"])).toContain("deployment");
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

  it("holds a vocabulary of several hundred phrases beside the dictionaries", () => {
    expect(glossarySize()).toBeGreaterThan(800);
  });
});
