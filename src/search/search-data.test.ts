import { describe, expect, it } from "vitest";
import { openedLexicons } from "./lexicon.js";
import { russianForms } from "./ru-forms.js";
import { prepareSearchData } from "./search-data.js";

describe("prepareSearchData", () => {
  it("opens the word lists an English programme's searches read, which no search of this process has opened", () => {
    expect(openedLexicons()).toEqual([]);
    prepareSearchData(["en"]);
    const names = openedLexicons().map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(["ru-en", "en-ru", "en-en", "ru-syn"]));
    // Not the lists of languages neither the programme nor its attendees' queries are in.
    expect(names).not.toContain("ru-fr");
    expect(names).not.toContain("de-syn");
    // A second programme in the same languages: nothing more; a German one adds the German lists.
    prepareSearchData(["en"]);
    expect(openedLexicons().map((l) => l.name)).toEqual(names);
    prepareSearchData(["de", "en"]);
    expect(openedLexicons().map((l) => l.name)).toEqual(expect.arrayContaining(["de-en", "ru-de", "de-syn"]));
    expect(russianForms()?.lemmasOf("ошибок")).toContain("ошибка");
  });
});
