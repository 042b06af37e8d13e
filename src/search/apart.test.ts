import { describe, expect, it } from "vitest";
import { talksProgrammeIn } from "../../test/support/programme-fixture.js";
import type { Programme } from "../programme/model.js";
import { keepingBetter, typedApart } from "./apart.js";
import { buildSearchIndex, MIN_SCORE } from "./index.js";

describe("typedApart", () => {
  const parts = (word: string) => (word === "hauswand" ? ["haus", "wand"] : word === "ab" ? ["a"] : []);

  it("puts a compound's parts where it stood, with its factor", () => {
    expect(
      typedApart(
        [
          { word: "bunte", factor: 1 },
          { word: "hauswand", factor: 0.95 },
        ],
        parts,
      ),
    ).toEqual([
      { word: "bunte", factor: 1 },
      { word: "haus", factor: 0.95 },
      { word: "wand", factor: 0.95 },
    ]);
  });

  it("has nothing to score again when no word splits into two parts or more, or only a place word would", () => {
    expect(typedApart([{ word: "bunte", factor: 1 }], parts)).toBeUndefined();
    expect(typedApart([{ word: "ab", factor: 1 }], parts)).toBeUndefined();
    expect(typedApart([{ word: "hauswand", factor: 1, optional: true }], parts)).toBeUndefined();
  });
});

describe("keepingBetter", () => {
  it("raises a document's score, never lowers it", () => {
    const scores = new Map([[1, 0.5]]);
    const into = keepingBetter(scores);
    into.set(1, 0.4);
    into.set(2, 0.3);
    expect([...scores]).toEqual([
      [1, 0.5],
      [2, 0.3],
    ]);
    into.set(1, 0.7);
    expect(scores.get(1)).toBe(0.7);
  });
});

/** A German programme where "Kurs" stands in several titles and "Imkerei" in one. */
function programme(): Programme {
  return talksProgrammeIn("de", [
    ["bees", "Imkerei in der Stadt", "Bienenvölker auf dem Dach."],
    ["garden", "Gemüse im Garten", "Tomaten und Bohnen."],
    ["linux", "Kurs: Linux für Einsteiger", "Die Shell kennenlernen."],
    ["networks", "Kurs über Netzwerke", "Routing und Switching."],
    ["rust", "Ein Kurs zu Rust", "Ownership verstehen."],
    ["stats", "Ein Kurs in Statistik", "Regression und Varianz."],
    ["voting", "Wahlcomputer prüfen", "Was die Maschinen zählen."],
    ["satellites", "Satelliten selbst bauen", "Ein Cubesat im Keller."],
  ]);
}

describe("a German compound asked alone", () => {
  const index = buildSearchIndex(programme());

  it("scores what its parts typed apart do: the talk holding its rare part comes first", () => {
    const joined = index.search("Imkereikurs");
    const apart = index.search("Imkerei Kurs");
    expect(joined[0]?.id).toBe("bees");
    expect(joined[0]?.score).toBe(apart[0]?.score);
    expect(joined[0]?.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it("finds nothing by a part the programme says nowhere beside a common one", () => {
    expect(index.search("Tauchkurs").map((r) => r.id)).toEqual([]);
  });
});
