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

  it("keeps, over many gets and sets, what a Map in order of use keeps", () => {
    // The reference: a Map whose order is the order of use, the first key forgotten when full.
    for (const limit of [1, 2, 3, 7]) {
      const lru = new Lru<number, number>(limit);
      const reference = new Map<number, number>();
      let seed = limit;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % 11;
      };
      for (let step = 0; step < 2000; step++) {
        const key = next();
        if (step % 3) {
          const kept = reference.get(key);
          if (kept !== undefined) {
            reference.delete(key);
            reference.set(key, kept);
          }
          expect(lru.get(key)).toBe(kept);
        } else {
          if (reference.has(key)) reference.delete(key);
          else if (reference.size >= limit) reference.delete(reference.keys().next().value as number);
          reference.set(key, step);
          lru.set(key, step);
        }
        expect(lru.size).toBe(reference.size);
      }
      for (const [key, value] of reference) expect(lru.get(key)).toBe(value);
    }
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
