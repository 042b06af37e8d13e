import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BufferLexicon, LEXICON_DIR } from "./lexicon.js";
import { heterocliteLemma, RussianForms, russianForms } from "./ru-forms.js";
import { formsList, formsOf, parseDictionary, parseSuffixes, suffixesList } from "./ru-forms-build.js";

const AFF = [
  "SFX N Y 3",
  "SFX N   ь     и          ь",
  "SFX N   ь     ях         ь",
  "SFX N   0     ю          ь",
  "SFX A Y 2",
  "SFX A   ый    ые         ый",
  "SFX A   ый    ых         ый",
  "SFX V Y 2",
  "SFX V   ать   ет         [^о]ать",
  "SFX V   ать   али        ать",
  "SFX S Y 1",
  "SFX S   0     и          ь",
].join("\n");

/** A forms dictionary made by the build's own code from a small affix file and lemma list. */
function dictionary(dic: string): RussianForms {
  const rules = parseSuffixes(AFF);
  return new RussianForms(
    BufferLexicon.fromText(formsList(parseDictionary(dic), () => true)),
    suffixesList(rules),
  );
}

describe("a Russian word's dictionary forms by a morphological dictionary's suffix rules", () => {
  const forms = dictionary("5\nсеть/N\nудаленный/A\nудаление\nписать/V\nсталь/N\n");

  it("finds the lemma of each form the rules make of it, and a lemma itself", () => {
    const rules = parseSuffixes(AFF);
    for (const [lemma, flags] of [
      ["сеть", "N"],
      ["удаленный", "A"],
      ["писать", "V"],
    ] as const)
      for (const form of formsOf(lemma, flags, rules)) expect(forms.lemmasOf(form)).toContain(lemma);
    expect(forms.lemmasOf("удаление")).toEqual(["удаление"]);
  });

  it("reads a form by its own lemma, not another word sharing its stem", () => {
    expect(forms.lemmasOf("удаленные")).toEqual(["удаленный"]);
  });

  it("needs the lemma to carry the rule's flag and meet its condition", () => {
    // сталь has N, whose ending -ях gives «сталях»; «стали» is a form of it (и) but not of писать's flag V.
    expect(forms.lemmasOf("стали")).toEqual(["сталь"]);
    // A flag the lemma lacks (S: сеть+и) does not make a form of it twice; an unlisted stem is nothing.
    expect(forms.lemmasOf("сетьи")).toEqual([]);
    expect(forms.lemmasOf("пишет")).toEqual([]);
    expect(forms.lemmasOf("колоть")).toEqual([]);
  });

  it("reads a neuter noun in -мя from its forms on -мен-, which hunspell lists as words of their own", () => {
    const real = russianForms();
    expect(real?.lemmasOf("времени")).toContain("время");
    expect(real?.lemmasOf("имен")).toContain("имя");
    expect(real?.lemmasOf("семена")).toContain("семя");
    expect(heterocliteLemma("временем")).toBe("время");
    // A word merely ending so is none: no «смя», «обмя».
    expect(heterocliteLemma("смена")).toBeUndefined();
    expect(heterocliteLemma("обмен")).toBeUndefined();
    expect(real?.lemmasOf("смена")).toEqual(["смена"]);
  });

  it("gives every lemma a form may be of, in the dictionary shipped with the search", () => {
    const real = russianForms();
    expect(real).toBeDefined();
    expect(real?.lemmasOf("удаленные")).toEqual(["удаленный"]);
    expect(real?.lemmasOf("пишет")).toEqual(["писать"]);
    expect(real?.lemmasOf("ошибок")).toEqual(["ошибка"]);
    expect(real?.lemmasOf("программистами")).toEqual(["программист"]);
    expect(real?.lemmasOf("стали")).toEqual(expect.arrayContaining(["сталь", "стать"]));
    expect(real?.lemmasOf("сетях")).toEqual(["сеть"]);
    // Every lemma hunspell lists, not only those a word list translates: a stop word's («жизни» of жизнь), a
    // pronoun's form listed on its own («своими»), a word no bilingual list holds («выложил» of выложить).
    expect(real?.lemmasOf("жизни")).toEqual(["жизнь"]);
    expect(real?.lemmasOf("своими")).toEqual(["своими"]);
    expect(real?.lemmasOf("выложил")).toEqual(["выложить"]);
    // A made-up word has none.
    expect(real?.lemmasOf("флимбрами")).toEqual([]);
  });

  it("tries only the candidates some listed lemma begins as, finding what trying every rule finds", () => {
    const lemmas = new BufferLexicon(readFileSync(join(LEXICON_DIR, "ru-forms.tsv")));
    const suffixes = readFileSync(join(LEXICON_DIR, "ru-suffixes.tsv"), "utf8");
    const pruned = new RussianForms(lemmas, suffixes);
    // The same list, unable to tell how much of a word some lemma begins with: every rule is tried.
    const everyRule = new RussianForms(
      {
        lookup: (key) => lemmas.lookup(key),
        withPrefix: (p, limit, each) => lemmas.withPrefix(p, limit, each),
      },
      suffixes,
    );
    const listed = readFileSync(join(LEXICON_DIR, "ru-forms.tsv"), "utf8")
      .split("\n")
      .filter((_, i) => i % 97 === 0)
      .map((line) => line.split("\t")[0] as string)
      .filter((w) => w.length >= 4);
    const words = listed.flatMap((w) => [
      w,
      // Forms (made-up ones too), and slips: a letter left out, two swapped, one doubled.
      ...["ами", "ов", "ой", "ые", "ет", "ешь", "ся", "и"].map((e) => w.slice(0, -1) + e),
      w.slice(0, 2) + w.slice(3),
      w.slice(0, 1) + w[2] + w[1] + w.slice(3),
      w.slice(0, 3) + w.slice(2),
    ]);
    let found = 0;
    for (const word of words) {
      const lemmasOf = pruned.lemmasOf(word);
      expect(lemmasOf, word).toEqual(everyRule.lemmasOf(word));
      if (lemmasOf.length) found++;
    }
    // Not a comparison of nothing with nothing.
    expect(found).toBeGreaterThan(listed.length);
  });
});
