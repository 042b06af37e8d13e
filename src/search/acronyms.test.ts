import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { acronymOfQuery, initials, spelledOut } from "./acronyms.js";
import { buildVocabulary } from "./build.js";
import { buildSearchIndex } from "./index.js";

const programme = talksProgramme([
  ["ftth", "What could go wrong with FTTH"],
  ["bdd", "Behavior Driven Development in Python"],
  ["c", "Tools for C/C++ development"],
  ["dsa", "The Fediverse and the EU's Digital Services Act: a panel"],
  ["fedi", "Moderation on the Fediverse"],
  ["sas", "JSON Databases and Small ActivityPub Servers"],
  ["sim", "Vehicle Dynamics Sim: accurately simulated"],
  ["bci", "Legal Aspects of Brain-Computer Interfaces"],
  ["hdcp", "The master key", "How the HDCP keys leaked."],
  ["bbb", "BBB for teaching online"],
]);
const v = buildVocabulary(programme);

describe("acronyms", () => {
  it("are the initials of words", () => {
    expect(initials(["fiber", "to", "the", "home"])).toBe("ftth");
  });

  it("are found from their spelled-out form, stop words counted or not", () => {
    expect(acronymOfQuery(v, "fiber to the home")).toBe("ftth");
    expect(acronymOfQuery(v, "fiber home")).toBeUndefined();
  });

  it("find the titles that spell them out, of words of three letters or more", () => {
    expect(spelledOut(v, "bdd").map((d) => v.docs[d]?.id)).toEqual(["bdd"]);
    expect(spelledOut(v, "ctd")).toEqual([]);
  });

  it("are not spelled out across a stop word or punctuation", () => {
    expect(spelledOut(v, "das")).toEqual([]);
    expect(spelledOut(v, "dsa").map((d) => v.docs[d]?.id)).toEqual(["dsa"]);
  });

  it("are found from the words as typed, a hyphenated one as one, or a camel-cased word's parts", () => {
    expect(acronymOfQuery(v, "High-bandwidth Digital Content Protection")).toBe("hdcp");
    expect(acronymOfQuery(v, "BigBlueButton")).toBe("bbb");
  });

  it("are no word the programme also writes in lower case and a dictionary lists", () => {
    const w = buildVocabulary(
      talksProgramme([
        ["hot", "Hot/Cold Flame Graphs", "Replicas in Hot Standby, the Hot Standby's lag and its hot paths."],
        ["dpl", "Bits from the DPL"],
      ]),
    );
    // HOT is a word ("hot paths"), not what "history of tattoos" spells out; the DPL is said only in capitals.
    expect(acronymOfQuery(w, "history of tattoos")).toBeUndefined();
    expect(acronymOfQuery(w, "Debian Project Leader")).toBe("dpl");
  });

  it("are not the initials of two words", () => {
    const w = buildVocabulary(talksProgramme([["av", "Escalation in AV products"]]));
    expect(acronymOfQuery(w, "age verification")).toBeUndefined();
  });

  it("lead a search both ways", () => {
    const index = buildSearchIndex(programme);
    expect(index.search("fiber to the home")[0]?.id).toBe("ftth");
    expect(index.search("bdd")[0]?.id).toBe("bdd");
    expect(index.search("cd")).toEqual([]);
    expect(index.search("BigBlueButton")[0]?.id).toBe("bbb");
  });

  it("count, written in capitals, beside the other words of a query, in the singular or plural", () => {
    const index = buildSearchIndex(programme);
    expect(index.search("DSA Fediverse")[0]?.id).toBe("dsa");
    expect(index.search("DSA")[0]?.id).toBe("dsa");
    expect(index.search("BCIs")[0]?.id).toBe("bci");
  });

  it("count beside other words when they have no vowel, typed in Latin or Cyrillic letters", () => {
    const index = buildSearchIndex(programme);
    expect(index.search("bdd python")[0]?.id).toBe("bdd");
    expect(index.search("бдд")[0]?.id).toBe("bdd");
    expect(index.search("БДД в питоне")[0]?.id).toBe("bdd");
    expect(index.search("ДСА")[0]?.id).toBe("dsa");
    // A Russian word is no acronym, whatever letters its initials are.
    expect(index.search("бед")).toEqual([]);
  });
});
