import { describe, expect, it } from "vitest";
import { lowerBound, SortedStrings } from "./sorted-strings.js";

describe("SortedStrings", () => {
  const sorted = new SortedStrings([
    ["postgres", 0],
    ["post", 1],
    ["python", 2],
    ["postgis", 3],
  ]);
  const withPrefix = (prefix: string, limit = 10) => {
    const out: [string, number][] = [];
    sorted.withPrefix(prefix, limit, (s, id) => out.push([s, id]));
    return out;
  };

  it("finds every string beginning with a prefix, itself included, in order", () => {
    expect(withPrefix("post")).toEqual([
      ["post", 1],
      ["postgis", 3],
      ["postgres", 0],
    ]);
    expect(withPrefix("py")).toEqual([["python", 2]]);
    expect(withPrefix("ruby")).toEqual([]);
  });

  it("stops at the limit", () => {
    expect(withPrefix("post", 2)).toHaveLength(2);
  });

  it("tells where the strings beginning with a prefix start, or where they would", () => {
    // In order: post, postgis, postgres, python.
    expect(sorted.lowerBound("post")).toBe(0);
    expect(sorted.lowerBound("postg")).toBe(1);
    expect(sorted.lowerBound("postgr")).toBe(2);
    expect(sorted.lowerBound("py")).toBe(3);
    expect(sorted.strings[sorted.lowerBound("posx")]).toBe("python");
    expect(sorted.lowerBound("ruby")).toBe(4);
    expect(sorted.lowerBound("")).toBe(0);
  });

  it("takes its order back from a snapshot as it was", () => {
    const again = new SortedStrings([], { strings: sorted.strings, ids: sorted.ids });
    const out: number[] = [];
    again.withPrefix("postg", 10, (_s, id) => out.push(id));
    expect(out).toEqual([3, 0]);
  });
});

describe("lowerBound", () => {
  it("is where a string would stand among sorted ones: the first not before it", () => {
    const sorted = ["apple", "banana", "band", "bandit", "cherry"];
    expect(lowerBound(sorted, "band")).toBe(2);
    expect(lowerBound(sorted, "bana")).toBe(1);
    expect(lowerBound(sorted, "a")).toBe(0);
    expect(lowerBound(sorted, "zebra")).toBe(5);
    expect(lowerBound([], "x")).toBe(0);
  });
});
