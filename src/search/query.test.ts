import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { interpret, interpretQuery, joinLetterNames, meaningful, phraseText, words } from "./query.js";

const talks = talksProgramme([
  ["tornado", "Tornado web server"],
  ["rust", "Rust in the kernel"],
  ["thu", "Thu and Fri: the hallway track"],
  ["berg", "Packaging done right, as told by Christoph Berg"],
]);
const v = buildVocabulary({
  ...talks,
  speakers: [
    { id: "thadden", name: { en: "Ulrike von Thadden" } },
    { id: "sprundel", name: { en: "Ilja van Sprundel" } },
  ],
});
const read = (query: string) => interpret(v, query, new Map()).map((q) => [q.word, q.factor]);

describe("normalising the query", () => {
  it("splits and folds words as the index holds them, letters apart from digits", () => {
    expect(words("Python3 «Торнадо»")).toEqual(["python", "3", "торнадо"]);
  });

  it("keeps the words that carry meaning and says when all were noise", () => {
    expect(meaningful("the tornado", new Set(["the"]))).toEqual({ words: ["tornado"], noise: false });
    expect(meaningful("the", new Set(["the"]))).toEqual({ words: [], noise: true });
  });

  it("reads a word typed on the other keyboard layout as meant, worth what it is typed right", () => {
    expect(read("ещктфвщ")).toEqual([["tornado", 1]]);
    expect(read("tornado")).toEqual([["tornado", 1]]);
  });

  it("reads a short word like the words around it when the whole query was typed on the other layout", () => {
    const drums = buildVocabulary(
      talksProgramme([
        ["dnb", "Drum'n'Bass set: драм н бейс"],
        ["y", "Generation Y"],
        ["dlang", "The D language"],
      ]),
    );
    const readIn = (query: string) => interpretQuery(drums, query, new Map());
    // "y" alone is a programme word; beside «драм» and «бейс» typed on the Latin layout it is «н».
    expect(readIn("lhfv y ,tqc").words.map((q) => q.word)).toEqual(["драм", "н", "бейс"]);
    expect(readIn("lhfv y ,tqc").text).toBe("драм н бейс");
    expect(readIn("generation y").words.map((q) => q.word)).toEqual(["generation", "y"]);
    // A stop word typed so is dropped like one ("d" is «в»), though the programme holds it as typed.
    expect(readIn("lhfv d ,tqc").words.map((q) => q.word)).toEqual(["драм", "бейс"]);
    expect(readIn("d language").words.map((q) => q.word)).toEqual(["d", "language"]);
    expect(readIn("drum y bass").words.map((q) => q.word)).toEqual(["drum", "y", "bass"]);
  });

  it("writes a run of Latin letters' names in Cyrillic as one word, the acronym said", () => {
    expect(joinLetterNames(["ди", "джей", "ледибёрд"], new Set())).toEqual(["диджей", "ледибёрд"]);
    expect(joinLetterNames(["рэббит", "эм", "кью"], new Set())).toEqual(["рэббит", "эмкью"]);
    // One name alone, a stop word, or a word of other letters is left as it is.
    expect(joinLetterNames(["мишель", "де", "баккер"], new Set())).toEqual(["мишель", "де", "баккер"]);
    expect(joinLetterNames(["те", "же", "ти"], new Set(["те", "же"]))).toEqual(["те", "же", "ти"]);
    expect(joinLetterNames(["эм", "2"], new Set())).toEqual(["эм", "2"]);
  });

  it("reads each word of a query in the layout that reaches the programme", () => {
    expect(read("ещктфвщ server").map(([w]) => w)).toEqual(["tornado", "server"]);
  });

  it("does not take a word of letters for one the other layout would cut a letter off", () => {
    // «Берг» retyped is "<thu": б is the key of "<"; the name as typed sounds like Berg.
    expect(read("Берг").map(([w]) => w)).toEqual(["берг"]);
    expect(read("Кристоф Берг").map(([w]) => w)).toEqual(["кристоф", "берг"]);
  });

  it("does not take a mistyped Latin word for Cyrillic letters no Russian word strings together", () => {
    // "vvqzzk" retyped is «ммйяял» (й after a consonant), "iurii" «шгкшш» (no vowel): neither is read so.
    expect(read("vvqzzk").map(([w]) => w)).toEqual(["vvqzzk"]);
    expect(read("iurii").map(([w]) => w)).toEqual(["iurii"]);
  });

  it("leaves out a surname's particle written in Cyrillic unless the programme writes it so", () => {
    expect(read("де Тадден").map(([w]) => w)).toEqual(["тадден"]);
    expect(read("фон Тадден").map(([w]) => w)).toEqual(["фон", "тадден"]);
    expect(read("Илья ван Спрундел").map(([w]) => w)).toEqual(["илья", "ван", "спрундел"]);
  });

  it("does not read a surname's particle beside other words on the other layout", () => {
    // «де» retyped is "lt", which the programme holds.
    const lt = buildVocabulary({
      ...talksProgramme([["lt", "LT: lightning talks"]]),
      speakers: [{ id: "backker", name: { en: "Michiel De Backker" } }],
    });
    expect(interpret(lt, "де", new Map()).map((q) => q.word)).toEqual(["lt"]);
    expect(interpret(lt, "мишель де баккер", new Map()).map((q) => q.word)).toEqual(["мишель", "баккер"]);
  });

  it("spells a name of letters and digits typed in Cyrillic in Latin letters, where the programme holds it so", () => {
    const av1 = buildVocabulary(talksProgramme([["dav1d", "dav1d: a year later"]]));
    expect(interpret(av1, "дав1д", new Map()).map((q) => q.word)).toEqual(["dav", "1", "d"]);
    expect(interpret(av1, "тест2", new Map()).map((q) => q.word)).toEqual(["тест", "2"]);
  });

  it("drops stop words, and answers nothing for single letters alone", () => {
    expect(read("the kernel").map(([w]) => w)).toEqual(["kernel"]);
    expect(read("a")).toEqual([]);
  });

  it("writes a title as the re-ranking compares phrases: words, no stop words", () => {
    expect(phraseText("Rust in the Kernel!")).toBe("rust kernel");
  });
});

describe("a real Russian word", () => {
  // Each title holds the other layout's reading of a Russian word: «самим» is "cfvbv", «человеком» "xtkjdtrjv".
  const jumbles = buildVocabulary(
    talksProgramme([
      ["cfvbv", "The cfvbv toolkit"],
      ["xtkjdtrjv", "Xtkjdtrjv: a file format"],
      ["kernel", "Rust in the kernel"],
    ]),
  );
  const readIn = (query: string) => interpret(jumbles, query, new Map()).map((q) => q.word);

  it("reads as typed even when its other-layout reading is a programme word", () => {
    // Forms of Russian stop words, which the word lists leave out.
    expect(readIn("человеком")).toEqual(["человеком"]);
    expect(readIn("самим")).toEqual(["самим"]);
  });

  it("reads as typed beside words of the other script", () => {
    expect(readIn("kernel человеком")).toEqual(["kernel", "человеком"]);
  });

  it("leaves genuine wrong-layout input to be read on the other layout", () => {
    expect(readIn("cfvbv")).toEqual(["cfvbv"]);
    expect(readIn("луктуд")).toEqual(["kernel"]);
  });
});

describe("a word the glossary translates", () => {
  it("reads as typed, however short, even when its other-layout reading is a programme word", () => {
    // «ИИ» retypes to "bb", which a title holds; the glossary's AI is what was meant.
    const ai = buildVocabulary(
      talksProgramme([
        ["ai", "Sovereign AI"],
        ["bb", "BB codes in forums"],
      ]),
    );
    expect(interpret(ai, "ИИ", new Map()).map((q) => q.word)).toEqual(["ии"]);
  });
});
