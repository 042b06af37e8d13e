import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import type { QueryWord } from "./query.js";
import { splitDocs, splitJoinedWords } from "./split-words.js";

const v = buildVocabulary({
  ...talksProgramme([
    ["bank", "Open source at a bank", "How we work."],
    ["capital", "Capital markets data", "Trading one day at a time."],
    ["stack", "A full stack overflow", "Overflows."],
  ]),
  speakers: [{ id: "kazil", name: { en: "Jackie Kazil" }, affiliation: { en: "Capital One" } }],
});
const ids = (docs: Map<number, number> | undefined) =>
  [...(docs?.keys() ?? [])].map((d) => v.docs[d]?.id).sort();

describe("a name typed as one word that the programme writes as two", () => {
  it("finds the documents saying both halves in one field", () => {
    expect(ids(splitDocs(v, "capitalone"))).toEqual(["kazil"]);
    expect(ids(splitDocs(v, "fullstack"))).toEqual(["stack"]);
  });

  it("finds nothing when the halves stand in different fields or are no programme words", () => {
    // "capital" in the title, "one" only in the abstract of the same talk: not one field.
    expect(ids(splitDocs(v, "capitalday"))).toEqual([]);
    expect(splitDocs(v, "openbankx")).toBeUndefined();
  });

  it("gives a query word the programme lacks what its halves reach, and leaves a word it holds", () => {
    const read: QueryWord[] = [
      { word: "capitalone", factor: 1 },
      { word: "capital", factor: 1 },
    ];
    splitJoinedWords(v, read, new Map());
    expect(ids(read[0]?.also)).toEqual(["kazil"]);
    expect(read[1]?.also).toBeUndefined();
  });
});
