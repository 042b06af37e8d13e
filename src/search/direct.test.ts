import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildSearchIndex } from "./index.js";
import { swapLayout } from "./layout.js";

describe("direct search (SearchOptions.direct), the search of the other conferences of a series", () => {
  const index = buildSearchIndex(
    talksProgramme([
      ["flask", "Advanced Flask patterns"],
      ["django", "Django ORM tricks"],
      ["ml", "Machine learning in production"],
      ["postgres", "PostgreSQL replication internals"],
      ["vacuum", "Robot vacuum cleaners at home"],
      ["macos", "Containers on macOS"],
      ["bdd", "Behavior Driven Development"],
    ]),
  );
  const direct = (q: string) => index.search(q, { direct: true }).map((r) => r.id);
  const full = (q: string) => index.search(q).map((r) => r.id);

  it("finds words as typed, by stem, by their beginning, on the other layout, in Latin letters, or by a phrase", () => {
    expect(direct("flask")).toEqual(["flask"]);
    expect(direct("patterns of flask")).toEqual(["flask"]);
    expect(direct("pattern")).toEqual(["flask"]);
    expect(direct("postgr")).toEqual(["postgres"]);
    expect(direct(swapLayout("flask"))).toEqual(["flask"]);
    expect(direct(`advanced ${swapLayout("flask")}`)).toEqual(["flask"]);
    expect(direct("джанго")).toEqual(["django"]);
    expect(direct("машинное обучение")).toEqual(["ml"]);
    // A place word only weighs the others.
    expect(direct("flask devroom")).toEqual(["flask"]);
  });

  it("scores and orders what it finds as the full search does", () => {
    for (const q of [
      "flask",
      "advanced flask patterns",
      "machine learning",
      "postgresql replication",
      "django",
    ])
      expect(index.search(q, { direct: true })).toEqual(index.search(q));
  });

  it("leaves out what only slips, a dictionary, words written as one or an acronym reach", () => {
    // Each of these the full search finds; a direct search finds nothing.
    for (const [q, id] of [
      ["flsak", "flask"],
      ["пылесосы", "vacuum"],
      ["мак ос", "macos"],
      ["BDD", "bdd"],
    ] as const) {
      expect(full(q)[0], q).toBe(id);
      expect(direct(q), q).toEqual([]);
    }
  });

  it("finds nothing for a query only some of whose words the programme holds, nor for nonsense", () => {
    expect(direct("flask ипотека")).toEqual([]);
    expect(direct("qwxzv")).toEqual([]);
    expect(direct("the")).toEqual([]);
    expect(direct("")).toEqual([]);
  });

  it("keeps its scores apart from the full search's", () => {
    expect(direct("flsak")).toEqual([]);
    expect(full("flsak")).toEqual(["flask"]);
    expect(direct("flsak")).toEqual([]);
  });
});
