import { describe, expect, it } from "vitest";
import { openedLexicons } from "./lexicon.js";
import { russianForms } from "./ru-forms.js";
import { prepareSearchData } from "./search-data.js";

describe("prepareSearchData", () => {
  it("opens the word lists a search reads, which no search of this process has opened yet", () => {
    expect(openedLexicons()).toEqual([]);
    prepareSearchData();
    const names = openedLexicons().map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(["ru-en", "ru-de", "en-ru", "de-en", "en-en", "ru-syn"]));
    // Read again (a second conference's index prepared): nothing more, nothing less.
    prepareSearchData();
    expect(openedLexicons().map((l) => l.name)).toEqual(names);
    expect(russianForms()?.lemmasOf("ошибок")).toContain("ошибка");
  });
});
