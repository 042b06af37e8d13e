import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import type { Programme } from "../programme/model.js";
import { readProgrammeFile } from "../programme/read.js";
import { buildSearchIndex } from "./index.js";
import { sharedByWord, sharedByWordIn } from "./per-word.js";

describe("work shared by every index, per word", () => {
  it("works a word's answer out once, and hands every later caller that answer", () => {
    const asked: string[] = [];
    const keys = sharedByWord((word) => {
      asked.push(word);
      return [...word].reverse();
    });
    const first = keys("python");
    expect(first).toEqual(["n", "o", "h", "t", "y", "p"]);
    expect(keys("python")).toBe(first);
    expect(keys("django")).toEqual([..."ognajd"]);
    expect(asked).toEqual(["python", "django"]);
  });

  it("remembers answers that are false, empty or undefined too", () => {
    let calls = 0;
    const never = sharedByWord((): boolean | undefined => {
      calls++;
      return calls % 2 ? undefined : false;
    });
    expect(never("a")).toBeUndefined();
    expect(never("a")).toBeUndefined();
    expect(never("b")).toBe(false);
    expect(never("b")).toBe(false);
    expect(calls).toBe(2);
  });

  it("keeps at most its limit, forgetting the least recently used word first", () => {
    const asked: string[] = [];
    const upper = sharedByWord((word) => {
      asked.push(word);
      return word.toUpperCase();
    }, 2);
    upper("a");
    upper("b");
    upper("a"); // b is now the least recent
    upper("c");
    upper("a");
    upper("b");
    expect(asked).toEqual(["a", "b", "c", "b"]);
  });

  it("keeps a word's answer per set of languages", () => {
    const asked: string[] = [];
    const lists = sharedByWordIn((word, languages) => {
      asked.push(`${word}/${languages.join("+")}`);
      return languages.includes("de") ? [`${word}-de`] : [word];
    });
    expect(lists("zug", ["en"])).toEqual(["zug"]);
    expect(lists("zug", ["de", "en"])).toEqual(["zug-de"]);
    expect(lists("zug", ["en"])).toEqual(["zug"]);
    expect(asked).toEqual(["zug/en", "zug/de+en"]);
  });

  it("leaves each programme's answers as it finds them alone, whatever another programme asked first", () => {
    // Russian and English programmes: what one index worked out of a word, another reuses, and still meets only
    // its own words. Each programme's answers are taken first on an index that alone has asked these queries.
    const pycon = readProgrammeFile("data/pycon-ru-2013.yaml");
    const english = talksProgramme([
      ["t1", "Async Python in practice", "Event loops, asyncio and Django channels"],
      ["t2", "Machine learning for search", "Ranking with gradient boosting"],
      ["t3", "Kubernetes at scale", "Containers, operators and the network"],
    ]);
    const queries = [
      "пайтон",
      "асинхронность",
      "джанго",
      "машинное обучение",
      "ещкштп",
      "сети",
      "qwxzv",
      "async",
    ];
    const answers = (p: Programme) => {
      const index = buildSearchIndex(p);
      return queries.map((q) => [index.search(q), index.search(q, { direct: true, limit: 2 })]);
    };
    const englishAlone = answers(english);
    const pyconAfter = answers(pycon);
    expect(answers(english)).toEqual(englishAlone);
    expect(englishAlone.flat(2).length).toBeGreaterThan(0);
    expect(pyconAfter.flat(2).length).toBeGreaterThan(englishAlone.flat(2).length);
  });
});
