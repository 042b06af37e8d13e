import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { heardBeginnings, heardCost } from "./heard.js";
import { LEXICON_DIR } from "./lexicon.js";

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

  it("hears ой as the German eu and äu (au once folded), and х as an x", () => {
    expect(cost("дойч", "deutsch")).toBeLessThan(0.5);
    // ой as au 0.3, as eu 0.2; з as s 0.2.
    expect(cost("хойзер", "hauser")).toBeCloseTo(0.5);
    expect(cost("хойзер", "heuser")).toBeCloseTo(0.4);
    expect(cost("латех", "latex")).toBeCloseTo(0.3);
    expect(cost("хойзер", "hiser")).toBeGreaterThanOrEqual(0.8);
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

  it("rules a word out before the alignment only when the alignment would: costs within a bound unchanged", () => {
    // English words, each against a Cyrillic spelling by ear of itself, with a slip, and of its neighbours in
    // the list (sharing its beginning), whole, by stems with an ending, and inside a longer word.
    const english = readFileSync(join(LEXICON_DIR, "en-ru.tsv"), "utf8")
      .split("\n")
      .map((line) => line.split("\t")[0] as string)
      .filter((w, i) => i % 101 === 0 && /^[a-z]{4,12}$/.test(w));
    const byEar: [RegExp, string][] = [
      [/sh/g, "ш"],
      [/ch/g, "ч"],
      [/th/g, "т"],
      [/ph/g, "ф"],
      [/ck/g, "к"],
      [/oo/g, "у"],
      [/ee/g, "и"],
      [/x/g, "кс"],
      [/j/g, "дж"],
      [/w/g, "в"],
      [/y/g, "й"],
      [/q/g, "к"],
    ];
    const letters: Record<string, string> = Object.fromEntries(
      [..."abcdefghiklmnoprstuvz"].map((l, i) => [l, "абкдефгхиклмнопрстувз"[i] as string]),
    );
    const heard = (w: string) =>
      [...byEar.reduce((out, [latin, cyrillic]) => out.replace(latin, cyrillic), w)]
        .map((l) => letters[l] ?? l)
        .join("");
    let within = 0;
    let beyond = 0;
    english.forEach((latin, k) => {
      const spelled = heard(latin);
      const slipped = spelled.slice(0, 2) + spelled.slice(3);
      for (const cyrillic of [spelled, slipped])
        for (const other of [latin, english[k + 1] ?? latin, `${latin}ing`, `re${latin}`]) {
          const stems = cyrillic.length > 5 ? [cyrillic.length - 1, cyrillic.length - 2] : [];
          for (const [s, tail, inside] of [
            [[], 0, false],
            [stems, 4, false],
            [stems, 4, true],
          ] as const) {
            const whole = heardCost(cyrillic, other, 1000, s, tail, inside);
            for (const bound of [0.2, 0.4, 0.8, 1.2, 2, 3]) {
              const cost = heardCost(cyrillic, other, bound, s, tail, inside);
              expect(cost, `${cyrillic} ${other} ${bound}`).toBe(
                whole <= bound ? whole : Number.POSITIVE_INFINITY,
              );
              if (whole <= bound) within++;
              else beyond++;
            }
          }
        }
    });
    // Both kinds of answer were asked for, many times.
    expect(within).toBeGreaterThan(500);
    expect(beyond).toBeGreaterThan(500);
  });

  it("gives the Latin beginnings a word's spellings start with", () => {
    expect(heardBeginnings("джанго")).toEqual(expect.arrayContaining(["jan", "gan"]));
    expect(heardBeginnings("хоумлаб")).toEqual(expect.arrayContaining(["hom", "how"]));
    expect(heardBeginnings("менеджер")).toEqual(expect.arrayContaining(["men", "man"]));
    for (const b of heardBeginnings("квант")) expect(b).toMatch(/^(k|c|ck)/);
  });
});
