import { describe, expect, it } from "vitest";
import { glossarySize, translateTokens } from "./glossary.js";

const words = (tokens: string[]) => translateTokens(tokens).flatMap((t) => t.alternatives.flat());

describe("translateTokens", () => {
  it("translates Russian programming words in any form into English", () => {
    expect(words(["очереди"])).toContain("queue");
    expect(words(["асинхронного"])).toContain("asynchronous");
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

  it("knows nothing of words outside programming", () => {
    expect(translateTokens(["ракета", "погода"])).toEqual([]);
  });

  it("holds a general vocabulary of a few hundred phrases", () => {
    expect(glossarySize()).toBeGreaterThan(300);
  });
});
