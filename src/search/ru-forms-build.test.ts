import { describe, expect, it } from "vitest";
import {
  conditionHolds,
  formsList,
  formsOf,
  parseDictionary,
  parseSuffixes,
  suffixesList,
} from "./ru-forms-build.js";

/** A hunspell affix file in the Russian dictionary's manner: a noun's and an adjective's endings. */
const AFF = [
  "SET UTF-8",
  "",
  "SFX N Y 3",
  "SFX N   ь     и          ь",
  "SFX N   ь     ях         ь",
  "SFX N   0     ю          ь",
  "",
  "SFX A Y 2",
  "SFX A   ый    ые         [^ж]ый",
  "SFX A   ый    ых         ый",
].join("\n");

describe("hunspell's suffix rules and lemmas, read for the Russian forms list", () => {
  it("reads each rule with nothing written as 0 and letters folded as the index folds them", () => {
    const rules = parseSuffixes(`${AFF}\nSFX Y Y 1\nSFX Y   ать   ёт   ать\n`);
    expect(rules).toHaveLength(6);
    expect(rules[2]).toEqual({ flag: "N", strip: "", add: "ю", condition: "ь" });
    expect(rules[5]).toEqual({ flag: "Y", strip: "ать", add: "ет", condition: "ать" });
    expect(() => parseSuffixes("SFX Y Y 1\nSFX Y ать ет/Z ать")).toThrow(/continuation/);
  });

  it("reads lemmas folded, a homonym's flags together, phrases and numbers left out", () => {
    const lemmas = parseDictionary("5\nСеть/N\nёлка/N\nсеть/A\nкое-что\nmp3/N\n");
    expect([...lemmas]).toEqual([
      ["сеть", "AN"],
      ["елка", "N"],
    ]);
  });

  it("makes a lemma's forms by its flags only where a rule's condition holds", () => {
    const rules = parseSuffixes(AFF);
    expect(formsOf("сеть", "N", rules)).toEqual(["сеть", "сети", "сетях", "сетью"]);
    expect(formsOf("удаленный", "A", rules)).toEqual(["удаленный", "удаленные", "удаленных"]);
    // [^ж]ый: not after ж.
    expect(formsOf("дюжый", "A", rules)).toEqual(["дюжый", "дюжых"]);
    expect(conditionHolds("сеть", ".")).toBe(true);
    expect(conditionHolds("сеть", "[лнр]ь")).toBe(false);
  });

  it("writes the lemmas a list translates sorted by byte, and the rules as tab-separated lines", () => {
    const lemmas = parseDictionary("3\nсеть/N\nабажур\nпаук/N\n");
    expect(formsList(lemmas, (l) => l !== "паук")).toBe("абажур\t-\nсеть\tN\n");
    expect(suffixesList(parseSuffixes(AFF)).split("\n")[2]).toBe("N\t0\tю\tь");
  });
});
