import { describe, expect, it } from "vitest";
import type { SourceWarning } from "../model.js";
import type { RawEvent, RawPerson } from "./raw.js";
import { buildSpeakers } from "./speakers.js";

const event = (title: string, persons: RawPerson[]): RawEvent => ({
  where: title,
  title,
  start: {},
  languages: [],
  persons,
  links: [],
});

describe("buildSpeakers", () => {
  it("keeps one id's people apart by name, two ids with one name apart, and a repeat in one event once", () => {
    const warnings: SourceWarning[] = [];
    const { speakers, perEvent } = buildSpeakers(
      [
        event("Awareness", [
          { key: "0", name: "Theresa" },
          { key: "0", name: "Rafiot" },
        ]),
        event("Factorio", [
          { key: "0", name: "Theresa" },
          { key: "7", name: "Andreas" },
          { key: "7", name: "Andreas" },
        ]),
        event("Other", [{ key: "8", name: "Andreas", bio: "<p>Second <b>one</b></p>" }, { name: "Jo Doe" }]),
      ],
      new Map([["7", "First Andreas"]]),
      "en",
      (w) => warnings.push(w),
    );
    expect(speakers.map((s) => [s.id, s.name.en, s.bio?.en])).toEqual([
      ["0~theresa", "Theresa", undefined],
      ["0~rafiot", "Rafiot", undefined],
      ["7", "Andreas", "First Andreas"],
      ["8", "Andreas", "Second one"],
      ["jo-doe", "Jo Doe", undefined],
    ]);
    expect(perEvent).toEqual([
      ["0~theresa", "0~rafiot"],
      ["0~theresa", "7"],
      ["8", "jo-doe"],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["speaker-id-split", "duplicate-person"]);
    expect(warnings[0]?.message).toContain('person id "0" carries 2 names (Theresa, Rafiot)');
  });

  it("shows a person listed twice under two ids in one event once", () => {
    const warnings: SourceWarning[] = [];
    const { perEvent } = buildSpeakers(
      [
        event("Merged", [
          { key: "1", name: "Kim" },
          { key: "b2", name: "Kim" },
        ]),
      ],
      new Map(),
      "de",
      (w) => warnings.push(w),
    );
    expect(perEvent).toEqual([["1"]]);
    expect(warnings.map((w) => w.code)).toEqual(["duplicate-person"]);
  });
});
