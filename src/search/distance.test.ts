import { describe, expect, it } from "vitest";
import { editDistance, substitutionCost } from "./distance.js";

describe("editDistance", () => {
  it("counts a swap of neighbouring letters, a missing and an extra letter as one edit each", () => {
    expect(editDistance("redsi", "redis", 2)).toBe(1);
    expect(editDistance("celry", "celery", 2)).toBe(1);
    expect(editDistance("flassk", "flask", 2)).toBe(1);
  });

  it("charges more for a substitution of keys that are not neighbours", () => {
    expect(substitutionCost("r", "t")).toBe(1);
    expect(substitutionCost("ф", "ы")).toBe(1);
    expect(substitutionCost("a", "e")).toBe(1.5);
    expect(editDistance("flaak", "flask", 2)).toBe(1);
    expect(editDistance("scala", "scale", 2)).toBe(1.5);
  });

  it("takes i for y (and и for ы) as a slip: they sound the same", () => {
    expect(editDistance("jupiter", "jupyter", 1)).toBe(1);
    expect(substitutionCost("и", "ы")).toBe(1);
    expect(substitutionCost("i", "o")).toBe(1); // neighbours on the keyboard
    expect(substitutionCost("i", "e")).toBe(1.5);
  });

  it("takes an unstressed Russian vowel written for another as a slip of spelling", () => {
    expect(editDistance("тестеровщик", "тестировщик", 1)).toBe(1);
    expect(editDistance("землятрясение", "землетрясение", 1)).toBe(1);
    expect(editDistance("пажар", "пожар", 1)).toBe(1);
    // Other letters far apart on the keyboard are another word.
    expect(substitutionCost("т", "к")).toBe(1.5);
  });

  it("gives up past the bound", () => {
    expect(editDistance("kubernetes", "redis", 2)).toBe(Number.POSITIVE_INFINITY);
    expect(editDistance("react", "reach", 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("is zero for equal words", () => {
    expect(editDistance("tornado", "tornado", 1)).toBe(0);
  });
});
