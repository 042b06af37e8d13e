import { describe, expect, it } from "vitest";
import { AGREED_MATCH, AGREEING_WORDS, SeveralWords } from "./several-words.js";

describe("sessions several query words reach", () => {
  it("counts each word once per document, however many of its ways reach it", () => {
    const several = new SeveralWords();
    for (let w = 0; w < AGREEING_WORDS - 1; w++) {
      several.reach(7, 0.5);
      several.reach(7, 0.9);
      several.next();
    }
    expect(several.agreed(7)).toBe(false);
    several.reach(7, 0.4);
    several.next();
    expect(several.agreed(7)).toBe(true);
  });

  it("does not count a match worth less than an abstract's translation", () => {
    const several = new SeveralWords();
    for (let w = 0; w < AGREEING_WORDS; w++) {
      several.reach(1, AGREED_MATCH - 0.01);
      several.reach(2, AGREED_MATCH);
      several.next();
    }
    expect(several.agreed(1)).toBe(false);
    expect(several.agreed(2)).toBe(true);
  });
});
