import { describe, expect, it } from "vitest";
import { countWarnings, formatWarnings, groupWarnings } from "./warnings.js";

const ws = [
  { code: "no-speakers", message: "a" },
  { code: "empty-room", message: "r" },
  { code: "no-speakers", message: "b" },
  { code: "no-speakers", message: "c" },
];

describe("warnings", () => {
  it("groups by code, largest group first, and counts", () => {
    expect(groupWarnings(ws).map((g) => [g.code, g.count])).toEqual([
      ["no-speakers", 3],
      ["empty-room", 1],
    ]);
    expect(countWarnings(ws)).toEqual({ "no-speakers": 3, "empty-room": 1 });
  });

  it("prints a few examples per group and says how many more", () => {
    expect(formatWarnings(ws, 2)).toEqual([
      "  no-speakers ×3",
      "    a",
      "    b",
      "    … and 1 more (--all lists them)",
      "  empty-room ×1",
      "    r",
    ]);
    expect(formatWarnings(ws, Number.POSITIVE_INFINITY)).toHaveLength(6);
  });
});
