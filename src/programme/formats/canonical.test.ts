import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProgrammeError } from "../errors.js";
import { parseCanonical } from "./canonical.js";

describe("parseCanonical", () => {
  it("reads the hand-edited YAML with no warnings", () => {
    const r = parseCanonical(readFileSync("data/pycon-ru-2013.yaml", "utf8"), "data/pycon-ru-2013.yaml");
    expect(r.format).toBe("canonical");
    expect(r.warnings).toEqual([]);
    expect(r.programme.sessions.length).toBeGreaterThan(20);
  });

  it("stays strict: a broken field is refused, naming the file", () => {
    expect(() => parseCanonical("conference: 1\nsessions: []\nspeakers: []\n", "x.yaml")).toThrow(
      ProgrammeError,
    );
  });
});
