import { describe, expect, it } from "vitest";
import { endingAway, queryStem, stem } from "./stem.js";

describe("stem", () => {
  it("brings Russian word forms together", () => {
    expect(stem("асинхронного")).toBe(stem("асинхронный"));
    expect(stem("тестирования")).toBe(stem("тестирование"));
    expect(stem("очереди")).toBe(stem("очередь"));
    expect(stem("яндексе")).toBe(stem("яндекс"));
  });

  it("brings English word forms together", () => {
    expect(stem("testing")).toBe(stem("tests"));
    expect(stem("databases")).toBe(stem("database"));
    expect(stem("caching")).toBe(stem("cache"));
  });

  it("leaves short words and numbers alone", () => {
    expect(stem("soa")).toBe("soa");
    expect(stem("3156")).toBe("3156");
    expect(stem("jinja2")).toBe("jinja2");
  });
});

describe("stem in a content language", () => {
  it("stems Latin words in the given language and Cyrillic words as Russian", () => {
    expect(stem("netzwerke", "de")).toBe(stem("netzwerk", "de"));
    // German borrowed words' plural in -s meets the singular; -is and -us are no plural endings.
    expect(stem("kameras", "de")).toBe(stem("kamera", "de"));
    expect(stem("videos", "de")).toBe(stem("video", "de"));
    expect(stem("kreis", "de")).not.toBe(stem("krei", "de"));
    expect(stem("conteneurs", "fr")).toBe(stem("conteneur", "fr"));
    expect(stem("контейнерах", "de")).toBe(stem("контейнер"));
  });

  it("leaves words alone in a language without a stemmer", () => {
    expect(stem("tietokoneet", "xx")).toBe("tietokoneet");
  });
});

describe("queryStem", () => {
  it("is stem, remembered per word and language", () => {
    for (const [word, lang] of [
      ["асинхронного", "ru"],
      ["testing", "en"],
      ["Sicherheitslücken".toLowerCase(), "de"],
      ["testing", "de"],
      ["py3", "en"],
    ] as const) {
      expect(queryStem(word, lang)).toBe(stem(word, lang));
      expect(queryStem(word, lang)).toBe(stem(word, lang));
    }
    expect(queryStem("testing")).toBe(stem("testing"));
  });

  it("gives a word asked for in every language the stem that language's stem gives it, shared or not", () => {
    // Asked in one language after another, in both orders: a stemmer's stem shared by languages is reused.
    const languages = ["ru", "en", "de", "fr", "uk"];
    for (const order of [languages, [...languages].reverse()])
      for (const word of [
        "безопасности",
        "контейнеры",
        "sicherheit",
        "containers",
        "networking",
        "ab3",
        "зал",
      ]) {
        const w = order === languages ? word : `${word}s`;
        for (const lang of order) expect(queryStem(w, lang), `${w} ${lang}`).toBe(stem(w, lang));
      }
  });
});

describe("endingAway", () => {
  it("takes a word for a form of another whose stem begins it, an ending away", () => {
    expect(endingAway("простоя", stem("простой"))).toBe(true);
    expect(endingAway("простоями", stem("простой"))).toBe(true);
    expect(endingAway("простофиля", stem("простой"))).toBe(false);
    expect(endingAway("пост", stem("простой"))).toBe(false);
    // What is left after «вер-» (of вера) is no ending.
    expect(endingAway("версии", stem("вера"))).toBe(false);
  });
});
