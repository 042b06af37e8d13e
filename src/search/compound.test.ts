import { describe, expect, it } from "vitest";
import { joined, listedIn, partLemma, partOf, splitCompound } from "./compound.js";

const WORDS = new Set([
  "solar",
  "zelle",
  "wirkung",
  "wirkungsgrad",
  "grad",
  "fahrkarte",
  "fahr",
  "karte",
  "automat",
]);
const known = (piece: string) =>
  partLemma(piece, (lemma) => (WORDS.has(lemma) ? lemma : undefined)) !== undefined;

describe("splitCompound", () => {
  it("splits a compound into the fewest known parts, linking letters kept on the part", () => {
    expect(splitCompound("solarzellenwirkungsgrad", known)).toEqual(["solar", "zellen", "wirkungsgrad"]);
    expect(splitCompound("fahrkartenautomat", known)).toEqual(["fahrkarten", "automat"]);
  });

  it("keeps a linking ending on the part before it, not inside the next part", () => {
    const words = new Set(["erdbeben", "erkennung", "kennung"]);
    const part = (piece: string) => partLemma(piece, (l) => (words.has(l) ? l : undefined)) !== undefined;
    // "erdbebener|kennung" splits as few, but "er" is the head's beginning, not a linking ending.
    expect(splitCompound("erdbebenerkennung", part)).toEqual(["erdbeben", "erkennung"]);
  });

  it("finds a part's lemma whose final -e the compound drops", () => {
    const words = new Set(["schule", "sprache", "buch"]);
    const lemma = (piece: string) => partLemma(piece, (l) => (words.has(l) ? l : undefined));
    expect(lemma("schul")).toBe("schule");
    expect(lemma("sprach")).toBe("sprache");
    expect(lemma("buc")).toBeUndefined();
  });

  it("takes a three-letter word as a part before the last, never as the last", () => {
    const words = new Set(["zug", "fahrt", "bus", "halt"]);
    const part = (piece: string) => words.has(piece);
    expect(splitCompound("zugfahrt", part)).toEqual(["zug", "fahrt"]);
    expect(splitCompound("haltbus", part)).toBeUndefined();
  });

  it("leaves alone short words, words of one part, and words with an unknown piece", () => {
    expect(splitCompound("automat", known)).toBeUndefined();
    expect(splitCompound("wirkungsgrad", known)).toEqual(["wirkungs", "grad"]);
    expect(splitCompound("solarqwxzautomat", known)).toBeUndefined();
    expect(splitCompound("asdfghjklasdf", known)).toBeUndefined();
  });

  it("finds a part's lemma under a linking ending", () => {
    const lemma = (piece: string) => partLemma(piece, (l) => (WORDS.has(l) ? l : undefined));
    expect(lemma("zellen")).toBe("zelle");
    expect(lemma("wirkungs")).toBe("wirkung");
    expect(lemma("karten")).toBe("karte");
    expect(lemma("xyzzy")).toBeUndefined();
  });
});

describe("listedIn", () => {
  const LIST = [
    "fahr",
    "fahrkarte",
    "fahrkartenautomat",
    "karte",
    "kartell",
    "zelle",
    "zellulose",
    "automat",
    "grad",
  ];
  /** The longest beginning of a text some listed word begins with, by a search of every word. */
  const sharedPrefix = (text: string) =>
    Math.max(
      ...LIST.map((w) => {
        let i = 0;
        while (i < w.length && w[i] === text[i]) i++;
        return i;
      }),
    );

  it("rules out only words the list does not hold, for every piece of a compound and its lemma's forms", () => {
    for (const word of ["fahrkartenautomat", "solarzellenwirkungsgrad", "kartellgradzelle", "zellstoff"]) {
      const listed = listedIn(word, sharedPrefix);
      for (let start = 0; start < word.length; start++)
        for (let end = start + 1; end <= word.length; end++) {
          const piece = word.slice(start, end);
          for (const key of [
            piece,
            `${piece}e`,
            piece.slice(0, -1),
            piece.slice(0, -2),
            `${piece.slice(0, -3)}en`,
          ])
            if (LIST.includes(key)) expect(listed(key, start), `${key} at ${start} of ${word}`).toBe(true);
        }
    }
  });

  it("rules out a piece longer than any listed word's shared beginning", () => {
    const listed = listedIn("kartellgradzelle", sharedPrefix);
    expect(listed("kartellg", 0)).toBe(false);
    expect(listed("kartellgrad", 0)).toBe(false);
    expect(listed("lgrad", 6)).toBe(false);
    expect(listed("zellen", 11)).toBe(true);
  });
});

describe("joined", () => {
  const TERMS = ["batterierecycling", "smartwatches", "weltordnung", "weltraum", "smart", "watch"].sort();
  const withPrefix = (prefix: string, limit: number, each: (term: string) => void) => {
    for (const t of TERMS.filter((t) => t.startsWith(prefix)).slice(0, limit)) each(t);
  };

  it("finds two words written as one, with a linking ending between and an inflection after", () => {
    expect(joined("batterie", ["recycling"], withPrefix)).toEqual(["batterierecycling"]);
    expect(joined("smart", ["phone", "watch"], withPrefix)).toEqual(["smartwatches"]);
    expect(joined("welt", ["ordnung"], withPrefix)).toEqual(["weltordnung"]);
  });

  it("finds the words among many that begin with the first word, wherever they stand", () => {
    const terms = [
      "datenbank",
      "datenbanken",
      "datenpunkte",
      "datensatz",
      "datenschutz",
      "datenschutzes",
      "datenzentrum",
    ];
    const each = (prefix: string, limit: number, call: (term: string) => void) => {
      for (const t of terms.filter((t) => t.startsWith(prefix)).slice(0, limit)) call(t);
    };
    expect(joined("daten", ["schutz"], each)).toEqual(["datenschutz", "datenschutzes"]);
    expect(joined("daten", ["bank", "zentrum"], each)).toEqual(["datenbank", "datenbanken", "datenzentrum"]);
    expect(joined("daten", ["satzung"], each)).toEqual([]);
  });

  it("finds nothing when the programme has no such word, nor a longer word beginning so", () => {
    expect(joined("welt", ["raumfahrt"], withPrefix)).toEqual([]);
    expect(joined("smart", ["phone"], withPrefix)).toEqual([]);
    expect(joined("ab", ["cd"], withPrefix)).toEqual([]);
  });
});

describe("partOf", () => {
  it("finds a word as the first or the last part of a longer word, with the share it covers", () => {
    expect(partOf("rollstuhl", ["rollstuhlgerechte"])).toEqual([["rollstuhlgerechte", 9 / 17]]);
    expect(partOf("zahnburste", ["bambuszahnbursten"])).toEqual([["bambuszahnbursten", 10 / 17]]);
  });

  it("finds a word beside a short part of a name", () => {
    expect(partOf("alchemy", ["sqlalchemy"])).toEqual([["sqlalchemy", 0.7]]);
    expect(partOf("rabbit", ["rabbitmq"])).toEqual([["rabbitmq", 0.75]]);
  });

  it("leaves a word in the middle, one with too little around it, or a short word", () => {
    expect(partOf("zahn", ["bambuszahnbursten"])).toEqual([]);
    expect(partOf("stuhl", ["rollstuhlgerechte"])).toEqual([]);
    expect(partOf("rollstuhl", ["rollstuhls"])).toEqual([]);
    expect(partOf("alchemy", ["xalchemy"])).toEqual([]);
    expect(partOf("rol", ["rollstuhl"])).toEqual([]);
  });

  it("takes a last part only after a word when told what is one: an English word ends words it is no part of", () => {
    const front = (letters: string) => ["bambus", "smart"].includes(letters);
    expect(partOf("city", ["capacity", "smartcity"], 3, front)).toEqual([["smartcity", 4 / 9]]);
    expect(partOf("zahnburste", ["bambuszahnbursten"], 3, front)).toEqual([["bambuszahnbursten", 10 / 17]]);
    expect(partOf("sport", ["transport"], 3, front)).toEqual([]);
    // A word ruled out leaves its place empty: one of a smaller share does not take it.
    expect(partOf("city", ["capacity", "velocity", "smartcity"], 2, front)).toEqual([]);
    // A first part is a beginning whatever follows it.
    expect(partOf("rollstuhl", ["rollstuhlgerechte"], 3, front)).toEqual([["rollstuhlgerechte", 9 / 17]]);
  });
});
