import { describe, expect, it } from "vitest";
import { Lru, perOwner } from "./lru.js";

describe("Lru", () => {
  it("keeps at most its limit, forgetting the least recently used first", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.size).toBe(2);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });

  it("replaces a kept value without growing", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.set("a", 10);
    expect(lru.size).toBe(2);
    lru.set("c", 3); // b is the least recent now
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(10);
  });

  it("makes a missing value once and then returns the kept one", () => {
    const lru = new Lru<string, string[]>(8);
    let made = 0;
    const make = () => {
      made++;
      return ["x"];
    };
    const first = lru.remember("k", make);
    expect(lru.remember("k", make)).toBe(first);
    expect(made).toBe(1);
  });

  it("refuses a limit below one", () => {
    expect(() => new Lru(0)).toThrow(RangeError);
  });
});

describe("perOwner", () => {
  it("makes one value per owner, on its first use, and hands the same one back after", () => {
    let made = 0;
    const of = perOwner<object, Lru<string, number>>(() => {
      made++;
      return new Lru(4);
    });
    const a = {};
    const b = {};
    expect(made).toBe(0);
    const kept = of(a);
    kept.set("x", 1);
    expect(of(a)).toBe(kept);
    expect(of(a).get("x")).toBe(1);
    expect(of(b)).not.toBe(kept);
    expect(of(b).get("x")).toBeUndefined();
    expect(made).toBe(2);
  });
});
