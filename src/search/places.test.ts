import { describe, expect, it } from "vitest";
import { isPlaceWord } from "./places.js";

describe("isPlaceWord", () => {
  it("knows the words for tracks, devrooms, rooms and halls in English, German, French and Russian", () => {
    for (const w of [
      "devroom",
      "track",
      "room",
      "hall",
      "stage",
      "saal",
      "salle",
      "amphi",
      "трек",
      "зал",
      "зале",
    ])
      expect(isPlaceWord(w), w).toBe(true);
  });

  it("takes exact forms only, so a topic sharing a stem is not a place", () => {
    for (const w of ["tracking", "roomba", "rust", "залив"]) expect(isPlaceWord(w), w).toBe(false);
  });
});
