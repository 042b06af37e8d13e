import { describe, expect, it } from "vitest";
import { heardBeginnings, heardCost } from "./heard.js";

const cost = (cyrillic: string, latin: string, stems: number[] = [], tail = 0) =>
  heardCost(cyrillic, latin, 5, stems, tail);

describe("how closely a Cyrillic word is heard as a Latin one", () => {
  it("costs nothing for the usual spellings of letters and pairs", () => {
    expect(cost("джава", "java")).toBe(0);
    expect(cost("пайтон", "python")).toBeLessThan(0.3);
    expect(cost("коучинг", "coaching")).toBe(0);
    expect(cost("шпигель", "spiegel")).toBeGreaterThan(0);
    expect(cost("шахта", "schacht", [4], 4)).toBe(0);
  });

  it("costs little for a silent e, a doubled letter, ee for и, a for е", () => {
    expect(cost("эскейп", "escape")).toBeLessThan(0.5);
    expect(cost("гринлет", "greenlet")).toBeLessThan(0.5);
    expect(cost("кирил", "kirill")).toBeLessThan(0.5);
    expect(cost("менеджер", "manager")).toBeLessThan(1);
  });

  it("hears ей as the Greek and German eu, a little less than as ey", () => {
    expect(cost("нейро", "neuro")).toBeCloseTo(0.3);
    expect(cost("фрейд", "freud")).toBeCloseTo(0.3);
    expect(heardBeginnings("нейро", 4)).toContain("neur");
  });

  it("hears о as an English a before l («смолток» smalltalk)", () => {
    expect(cost("смолток", "smalltalk")).toBeLessThan(0.9);
    expect(cost("фолбэк", "fallback")).toBeLessThan(0.8);
    expect(heardBeginnings("смолток")).toContain("sma");
  });

  it("hears ау as the English ou and ow («клауд» cloud, «даун» down)", () => {
    expect(cost("клауд", "cloud")).toBe(0);
    expect(cost("даун", "down")).toBe(0);
  });

  it("weighs a stem as the beginning of a longer word, a tenth per letter left", () => {
    expect(cost("хоумлаб", "homelabs")).toBeGreaterThan(1);
    expect(cost("хоумлаб", "homelabs", [7], 4)).toBeCloseTo(cost("хоумлаб", "homelab") + 0.1);
    // The stem of «серверы» against "servers": the Russian ending left, the English one added.
    expect(cost("серверы", "servers", [6], 4)).toBeLessThan(cost("серверы", "servers"));
    expect(cost("серверы", "serverless", [6], 2)).toBeGreaterThan(1);
  });

  it("is one edit per letter otherwise, and Infinity past the bound", () => {
    expect(cost("кластер", "blaster")).toBe(1);
    expect(heardCost("кластер", "toaster", 1.5)).toBe(Number.POSITIVE_INFINITY);
    expect(heardCost("флырбщ", "flurry", 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("is the same within a lower bound as within a higher one, and whatever word was weighed before", () => {
    // The bound only cuts the alignment short: a cost within it is the whole alignment's, however high the
    // bound; a word's spellings, worked out once, are not another word's.
    const pairs: [string, string, number[], number][] = [
      ["гринлеты", "greenlets", [7], 4],
      ["хоумлаб", "homelabing", [7], 4],
      ["фарплан", "fahrplan", [], 0],
      ["менеджер", "manager", [], 0],
      ["ссылка", "sslkey", [5], 2],
      ["коучинговые", "coaching", [7], 4],
      ["ьъ", "hh", [], 0],
      ["кирилл", "kirill", [], 0],
      ["эйчар", "hr", [], 0],
    ];
    const whole = pairs.map(([c, l, stems, tail]) => heardCost(c, l, 100, stems, tail));
    for (const bound of [0, 0.2, 0.4, 0.7, 1, 2])
      pairs.forEach(([c, l, stems, tail], i) => {
        const within = (whole[i] as number) <= bound ? whole[i] : Number.POSITIVE_INFINITY;
        expect(heardCost(c, l, bound, stems, tail)).toBe(within);
        // Weighed again after another word, and against a longer Latin word in between.
        heardCost("эластиксерч", "elasticsearchification", 3);
        expect(heardCost(c, l, bound, stems, tail)).toBe(within);
      });
    // Inside a longer word: beginning anywhere in it.
    expect(heardCost("фарплан", "eventfahrplan", 1, [], 0, true)).toBe(heardCost("фарплан", "fahrplan", 1));
  });

  it("gives the Latin beginnings a word's spellings start with", () => {
    expect(heardBeginnings("джанго")).toEqual(expect.arrayContaining(["jan", "gan"]));
    expect(heardBeginnings("хоумлаб")).toEqual(expect.arrayContaining(["hom", "how"]));
    expect(heardBeginnings("менеджер")).toEqual(expect.arrayContaining(["men", "man"]));
    for (const b of heardBeginnings("квант")) expect(b).toMatch(/^(k|c|ck)/);
  });
});
