import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { knows, matchMemo, matchPhrase, SIM } from "./candidates.js";

const v = buildVocabulary(
  talksProgramme([
    ["pg", "PostgreSQL replication at scale"],
    ["tf", "TensorFlow on small devices"],
    ["home", "Smart home automation", "A home that is smart."],
    ["split", "Smart meters", "Automation of the home."],
  ]),
);
/** The vocabulary words a query word reaches, with how well. */
const reached = (word: string, fuzzy = false) =>
  Object.fromEntries([...matchMemo(v, word, false, new Map(), fuzzy)].map(([t, sim]) => [v.terms[t], sim]));

describe("finding the words a query word reaches", () => {
  it("reaches a word exactly, by stem, and by prefix, each worth less", () => {
    expect(reached("replication").replication).toBe(SIM.exact);
    expect(reached("replications").replication).toBe(SIM.stem);
    const prefix = reached("postgr").postgresql as number;
    expect(prefix).toBeGreaterThan(0);
    expect(prefix).toBeLessThan(SIM.prefix);
  });

  it("reaches a word with a slip in it by edit distance", () => {
    const typo = reached("replicaton").replication as number;
    expect(typo).toBeGreaterThan(0.8);
    expect(typo).toBeLessThan(SIM.exact);
  });

  it("reaches a name written in Cyrillic by how it sounds", () => {
    expect(reached("тензорфлоу").tensorflow).toBeGreaterThan(0.7);
  });

  it("reaches nothing for a word nothing resembles", () => {
    expect(reached("qwxzv")).toEqual({});
  });

  it("knows a word held exactly or by stem", () => {
    expect(knows(v, "devices")).toBe(true);
    expect(knows(v, "device")).toBe(true);
    expect(knows(v, "kitchen")).toBe(false);
  });

  it("finds a phrase only where its words stand in one field", () => {
    const docs = [...matchPhrase(v, ["smart", "home"]).keys()].map((d) => v.docs[d]?.id);
    expect(docs).toEqual(["home"]);
  });
});
