import { describe, expect, it } from "vitest";
import { swapLayout } from "./layout.js";
import { isTypedAsMeant } from "./typed-word.js";

describe("a word typed as meant", () => {
  it("is a Russian stop word or a form of one, which the word lists leave out", () => {
    // Snowball counts человек among Russian function words; «самим» is a form of сами.
    expect(isTypedAsMeant("человек")).toBe(true);
    expect(isTypedAsMeant("человеком")).toBe(true);
    expect(isTypedAsMeant("самим")).toBe(true);
  });

  it("is a form of a Russian lemma no bilingual word list holds as written", () => {
    expect(isTypedAsMeant("синхронизацией")).toBe(true);
    // …nor in any form: the forms dictionary holds every lemma of hunspell's (not "dskj;bnm" retyped).
    expect(isTypedAsMeant("выложить")).toBe(true);
  });

  it("is a word a dictionary lists, Russian in any form or English as written", () => {
    expect(isTypedAsMeant("шахматами")).toBe(true);
    expect(isTypedAsMeant("chess")).toBe(true);
  });

  it("is no word typed on the wrong layout, either way", () => {
    expect(isTypedAsMeant(swapLayout("человеком"))).toBe(false);
    expect(isTypedAsMeant("ghbdtn")).toBe(false);
    expect(isTypedAsMeant(swapLayout("keyboard"))).toBe(false);
  });

  it("is no short Cyrillic word taken for a form alone: English typed on the Russian layout reads so too", () => {
    // "key" typed on the Russian layout is «лун», a form of луна.
    expect(isTypedAsMeant(swapLayout("key"))).toBe(false);
  });
});
