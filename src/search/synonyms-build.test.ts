import { describe, expect, it } from "vitest";
import { relatedLines, wordnetRelated, wordnetSenseCounts } from "./synonyms-build.js";
import { wordnetSynsets } from "./wordnet-build.js";

describe("WordNet's sense counts", () => {
  it("counts each sense of a word by its part of speech and number, satellites as adjectives", () => {
    const counts = wordnetSenseCounts(
      ["car%1:06:00:: 1 71", "car%1:06:01:: 2 2", "remote%5:00:00:far:00 1 10", "broken line", ""].join("\n"),
    );
    expect(counts.get("car|n|1")).toBe(71);
    expect(counts.get("car|n|2")).toBe(2);
    expect(counts.get("remote|a|1")).toBe(10);
    expect(counts.size).toBe(3);
  });
});

describe("WordNet's related words", () => {
  // "car": a usual sense (an automobile, under motor vehicle, over cab and convertible) and a rare one (a railway
  // car, under wheeled vehicle); "auto" and "automobile" share the usual sense.
  const data = {
    n: [
      "02958343 06 n 03 car 0 auto 0 automobile 0 003 @ 03791235 n 0000 ~ 02930766 n 0000 ~ 03100490 n 0000 | a motor vehicle",
      "02959942 06 n 02 car 1 railcar 0 001 @ 04576211 n 0000 | a wheeled vehicle adapted to the rails of railroad",
      "03791235 06 n 02 motor_vehicle 0 automotive_vehicle 0 000 | a self-propelled wheeled vehicle",
      "04576211 06 n 02 wheeled_vehicle 0 wagon 0 000 | a vehicle that moves on wheels",
      "02930766 06 n 02 cab 0 taxi 0 001 @ 02958343 n 0000 | a car driven by a person whose job is to take passengers",
      "03100490 06 n 01 convertible 0 000 | a car that has top that can be folded or removed",
    ].join("\n"),
  };
  const index = {
    n: [
      "  1 This header line is not a word",
      "car n 2 2 @ ~ 2 1 02958343 02959942  ",
      "taxi n 1 1 @ 1 0 02930766  ",
    ].join("\n"),
  };
  const counts = new Map([
    ["car|n|1", 71],
    ["car|n|2", 2],
  ]);
  const used = (w: string) => ({ automobile: 10, auto: 5, taxi: 9, cab: 3 })[w] ?? 0;
  const related = wordnetRelated(index, wordnetSynsets(data), counts, used);

  it("takes a word's usual senses only, with their synonyms, the words one level above and below", () => {
    expect(related.get("car")).toEqual({
      synonyms: ["automobile", "auto"],
      broader: [],
      narrower: ["taxi", "cab", "convertible"],
    });
  });

  it("keeps the first sense of a word whose senses were never tagged, and only single words", () => {
    // Above the car: motor_vehicle, two words, is not kept; above the taxi: the car.
    expect(related.get("car")?.broader).toEqual([]);
    expect(related.get("taxi")).toEqual({
      synonyms: ["cab"],
      broader: ["automobile", "auto", "car"],
      narrower: [],
    });
  });

  it("writes sorted lines with each relation's mark", () => {
    expect(relatedLines(related)).toEqual([
      "car\tautomobile|auto|~taxi|~cab|~convertible",
      "taxi\tcab|^automobile|^auto|^car",
    ]);
  });
});
