import { describe, expect, it } from "vitest";
import { smallProgramme, talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";

describe("building the vocabulary", () => {
  const v = buildVocabulary(smallProgramme());
  const postings = (word: string) => {
    const id = v.termIds.get(word) as number;
    return [...v.postingDocs(id)].map((d) => v.docs[d]?.id);
  };

  it("makes a document of every session and speaker", () => {
    expect(v.docs.map((d) => d.id)).toEqual([
      "async-io",
      "caching",
      "testing-workshop",
      "ann-lee",
      "bob-ray",
    ]);
  });

  it("posts each word to the documents holding it, in every language of the programme, stop words left out", () => {
    expect(postings("caching")).toEqual(["caching"]);
    expect(postings("кэширование")).toEqual(["caching"]);
    expect(v.termIds.has("the")).toBe(false);
  });

  it("weighs a word by the best field it stands in: a title above an abstract", () => {
    const v2 = buildVocabulary(
      talksProgramme([
        ["in-title", "Caches"],
        ["in-abstract", "Databases", "About caches."],
      ]),
    );
    const id = v2.termIds.get("caches") as number;
    const [title, abstract] = v2.postingWeights(id);
    expect(title).toBeGreaterThan(abstract as number);
  });

  it("gives names phonetic keys and common words none, so only names are found respelled by ear", () => {
    const names = new Set<string>();
    for (const id of v.proper) names.add(v.terms[id] as string);
    expect(names).toContain("lee");
    expect(names).not.toContain("caching");
  });

  it("keeps the stems its words share", () => {
    const id = v.termIds.get("caching") as number;
    expect([...v.byStem.values()].some((ids) => ids.includes(id))).toBe(true);
  });

  it("keeps each document's prose words in order, stop words left out and texts kept apart", () => {
    const v2 = buildVocabulary(
      talksProgramme([
        ["one", "Queues", "A client for AMQP on asyncio."],
        ["two", "Notes"],
      ]),
    );
    const said = (d: number) => [...v2.proseWords(d)].map((t) => (t < 0 ? "|" : v2.terms[t]));
    expect(said(0)).toEqual(["client", "amqp", "asyncio", "|"]);
    expect(said(1)).toEqual([]);
  });
});
