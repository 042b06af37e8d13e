import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { isFunctionForm } from "./function-words.js";
import { buildSearchIndex } from "./index.js";

describe("forms of Russian function words no stop list holds", () => {
  it("are the forms of a stop word's pronoun the morphological dictionary knows", () => {
    // The stop list holds «свою», «сам», «какая»; people write the other forms.
    for (const form of ["своими", "своего", "своих", "самом", "какую"])
      expect(isFunctionForm(form)).toBe(true);
  });

  it("are not words of their own sharing a stop word's stem, names, short words or the stop words themselves", () => {
    // «больших» (big) of «больше», «почты» (mail) of «почти»: a word list translates them.
    expect(isFunctionForm("больших")).toBe(false);
    expect(isFunctionForm("почты")).toBe(false);
    // A name sharing a short stop word's stem («над»), and no Russian word at all.
    expect(isFunctionForm("надим")).toBe(false);
    // «ест» (eats) of «есть»: too short to tell.
    expect(isFunctionForm("ест")).toBe(false);
    // A stop word is dropped from the query already; a Latin word is none.
    expect(isFunctionForm("свою")).toBe(false);
    expect(isFunctionForm("owns")).toBe(false);
  });

  it("weigh nothing against a session when the programme lacks them, and count where it holds them", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["cpu", "Design a processor on an FPGA", "From gates to a core."],
        ["garden", "Vegetables in a city garden", "Tomatoes."],
      ]),
    );
    const alone = index.search("процессор")[0];
    expect(alone?.id).toBe("cpu");
    // «своими» is said, not looked for: the talk scores as for the topic word alone…
    expect(index.search("процессор своими")[0]).toEqual(alone);
    // …where a word of meaning the programme lacks weighs against it.
    expect(index.search("процессор зелёный")[0]?.score ?? 0).toBeLessThan(alone?.score ?? 0);
    // Nothing else: a function word's form alone still finds nothing.
    expect(index.search("своими")).toEqual([]);

    const russian = talksProgramme([
      ["own", "Как написать свой отладчик", ""],
      ["other", "Отладчик в Python 3.6", ""],
    ]);
    russian.conference.languages = ["ru"];
    for (const s of russian.sessions) s.title = { ru: s.title.en as string };
    expect(buildSearchIndex(russian).search("отладчик своими")[0]?.id).toBe("own");
  });
});
