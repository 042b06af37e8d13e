import { describe, expect, it } from "vitest";
import { spelledAcronyms } from "./letter-names.js";

describe("spelledAcronyms", () => {
  it("reads a word made of English letter names as the acronym they spell", () => {
    expect(spelledAcronyms("диджей")).toEqual(["dj"]);
    expect(spelledAcronyms("айти")).toEqual(["it"]);
    expect(spelledAcronyms("эйчар")).toEqual(["hr"]);
    expect(spelledAcronyms("эсэмэс")).toContain("sms");
  });

  it("reads Russian letter names too", () => {
    expect(spelledAcronyms("бэгэпэ")).toContain("bgp");
  });

  it("takes a case ending back to the nominative", () => {
    expect(spelledAcronyms("диджеем")).toEqual(["dj"]);
    expect(spelledAcronyms("диджеи")).toEqual(["dj"]);
    expect(spelledAcronyms("эйчару")).toContain("hr");
  });

  it("spells nothing from a word not wholly made of letter names", () => {
    expect(spelledAcronyms("питон")).toEqual([]);
    expect(spelledAcronyms("данные")).toEqual([]);
    expect(spelledAcronyms("эмакс")).toEqual([]);
  });
});
