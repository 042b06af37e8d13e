import { describe, expect, it } from "vitest";
import { talksProgrammeIn } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { matchHeardBack } from "./heard-back.js";
import { buildSearchIndex } from "./index.js";

const talks: [string, string, string][] = [
  ["avast", "Ложные срабатывания в антивирусе", "Классификатор заявок пользователей."],
  ["micro", "Микросервисы на практике", "Как мы распилили монолит."],
  ["dinner", "Праздничный ужин", "Ужин для докладчиков и гостей."],
  ["data", "Данные до конца", "Поучимся считать."],
];
const v = buildVocabulary(talksProgrammeIn("ru", talks));

/** The programme words an English word is heard in, with how well. */
const heard = (word: string) => {
  const out: Record<string, number> = {};
  matchHeardBack(v, word, 0.85, (id, sim) => {
    out[v.terms[id] as string] = sim;
  });
  return out;
};

describe("an English word heard in a Russian programme's borrowings", () => {
  it("finds the Cyrillic spelling, its Russian ending left out", () => {
    expect(heard("antivirus").антивирусе).toBeGreaterThan(0.8);
    expect(heard("microservices").микросервисы).toBeGreaterThan(0.7);
  });

  it("is worth no more than a match by sound", () => {
    for (const sim of Object.values(heard("antivirus"))) expect(sim).toBeLessThanOrEqual(0.85);
  });

  it("never takes a Russian word of its own for a borrowing, nor hears a short word", () => {
    // Heard alike, but the dictionaries say they mean something else.
    expect(heard("dancing")).toEqual({});
    expect(heard("council")).toEqual({});
    expect(heard("pocket")).toEqual({});
    expect(heard("agent")).toEqual({});
    expect(heard("dinner")).toEqual({});
  });

  it("finds a Russian talk by an English word its title writes in Cyrillic", () => {
    const index = buildSearchIndex(talksProgrammeIn("ru", talks));
    expect(index.search("antivirus")[0]?.id).toBe("avast");
    expect(index.search("microservices")[0]?.id).toBe("micro");
  });

  it("hears nothing where no Cyrillic word is spelled alike", () => {
    expect(heard("kubernetes")).toEqual({});
    expect(heard("monitoring")).toEqual({});
  });
});
