import { describe, expect, it } from "vitest";
import { AGREED_MATCH, AGREEING_WORDS, SeveralWords } from "./several-words.js";

describe("sessions several query words reach", () => {
  it("counts each word once per document, however many of its ways reach it", () => {
    const several = new SeveralWords(1000);
    for (let w = 0; w < AGREEING_WORDS - 1; w++) {
      several.reach(7, 0.5);
      several.reach(7, 0.9);
      several.next(1);
    }
    expect(several.agreed(7)).toBe(false);
    several.reach(7, 0.4);
    several.next(1);
    expect(several.agreed(7)).toBe(true);
  });

  it("does not count a match worth less than an abstract's translation", () => {
    const several = new SeveralWords(1000);
    for (let w = 0; w < AGREEING_WORDS; w++) {
      several.reach(1, AGREED_MATCH - 0.01);
      several.reach(2, AGREED_MATCH);
      several.next(2);
    }
    expect(several.agreed(1)).toBe(false);
    expect(several.agreed(2)).toBe(true);
  });

  it("does not count common words, which meet in some document by chance", () => {
    // Three words in 100 of 1,000 documents each would meet in one by chance: 0.1³ × 1,000 = 1.
    const common = new SeveralWords(1000);
    // Three in 20 each would not: 0.02³ × 1,000 = 0.008; a fourth common word beside them changes nothing.
    const rare = new SeveralWords(1000);
    for (const df of [100, 100, 100]) {
      common.reach(5, 0.5);
      common.next(df);
    }
    for (const df of [20, 300, 20, 20]) {
      rare.reach(5, 0.5);
      rare.next(df);
    }
    expect(common.agreed(5)).toBe(false);
    expect(rare.agreed(5)).toBe(true);
  });
});
