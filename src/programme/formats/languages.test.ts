import { describe, expect, it } from "vitest";
import { conferenceLanguages, parseLanguages } from "./languages.js";

describe("languages", () => {
  it("splits frab's comma lists and reads tags and names", () => {
    expect(parseLanguages("de, en")).toEqual(["de", "en"]);
    expect(parseLanguages("en-US")).toEqual(["en"]);
    expect(parseLanguages("English")).toEqual(["en"]);
    expect(parseLanguages("Deutsch und Englisch")).toEqual(["de", "en"]);
    expect(parseLanguages("")).toEqual([]);
    expect(parseLanguages(null)).toEqual([]);
    expect(parseLanguages("klingon-ish")).toEqual([]);
  });

  it("puts the conference's most used language first", () => {
    expect(conferenceLanguages([["de"], ["en"], ["en", "de"], ["en"], []], "en")).toEqual(["en", "de"]);
    expect(conferenceLanguages([["de"], ["en"]], "en")).toEqual(["de", "en"]);
    expect(conferenceLanguages([[], []], "fr")).toEqual(["fr"]);
  });
});
