import { describe, expect, it } from "vitest";
import { SAME_SOUND, soundSlips } from "./slips.js";

describe("soundSlips", () => {
  it("puts one letter right at a time, each way, the first letter kept", () => {
    expect(soundSlips("землятрясение")).toContain("землетрясение");
    expect(soundSlips("тестеровщик")).toContain("тестировщик");
    expect(soundSlips("пажар")).toContain("пожар");
    expect(soundSlips("оптимизацыя")).toContain("оптимизация");
    expect(soundSlips("окно").some((w) => !w.startsWith("о"))).toBe(false);
  });

  it("changes only letters that sound alike, and only Cyrillic ones", () => {
    expect(soundSlips("брр")).toEqual([]);
    expect(soundSlips("python")).toEqual([]);
    for (const slip of soundSlips("молоко")) expect(slip).toHaveLength(6);
  });

  it("pairs letters of one script", () => {
    for (const [a, b] of SAME_SOUND) expect(/[a-z]/.test(a)).toBe(/[a-z]/.test(b));
  });
});
