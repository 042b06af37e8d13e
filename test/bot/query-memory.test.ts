import { describe, expect, it } from "vitest";
import { QueryMemory } from "../../src/bot/query-memory.js";

describe("QueryMemory", () => {
  it("gives short stable keys that only their owner can use", () => {
    const memory = new QueryMemory(10);
    const key = memory.remember(1, "x".repeat(5000));
    expect(key).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(memory.remember(1, "x".repeat(5000))).toBe(key);
    expect(memory.recall(1, key)).toBe("x".repeat(5000));
    expect(memory.recall(2, key)).toBeUndefined();
    expect(memory.recall(1, "AAAAAAAA")).toBeUndefined();
  });

  it("forgets the least recently used beyond its capacity", () => {
    const memory = new QueryMemory(2);
    const a = memory.remember(1, "a");
    const b = memory.remember(1, "b");
    memory.recall(1, a);
    memory.remember(1, "c");
    expect(memory.size).toBe(2);
    expect(memory.recall(1, a)).toBe("a");
    expect(memory.recall(1, b)).toBeUndefined();
  });
});
