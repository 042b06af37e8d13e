import { describe, expect, it } from "vitest";
import { IdPool, safeId, slugify } from "./ids.js";

describe("ids", () => {
  it("keeps a source id within the model's alphabet and length", () => {
    expect(safeId("9c3ebb8c-7716-5130-b9fe-ff8544f5636d")).toBe("9c3ebb8c-7716-5130-b9fe-ff8544f5636d");
    expect(safeId("pretalx-x-38PPT7@pretalx.c3voc.de")).toBe("pretalx-x-38PPT7_pretalx.c3voc.de");
    const long = safeId("x".repeat(100));
    expect(long).toHaveLength(64);
    expect(long).not.toBe(safeId(`${"x".repeat(99)}y`));
  });

  it("slugs names, hashing those without Latin letters", () => {
    expect(slugify("Saal 1")).toBe("saal-1");
    expect(slugify("Amphithéâtre 1600")).toBe("amphitheatre-1600");
    expect(slugify("вареники")).toMatch(/^x[0-9a-f]{6}$/);
  });

  it("hands out each id once, numbering repeats", () => {
    const pool = new IdPool();
    expect([pool.claim("a"), pool.claim("a"), pool.claim("a"), pool.claim("b")]).toEqual([
      "a",
      "a~2",
      "a~3",
      "b",
    ]);
    expect(pool.has("a~2")).toBe(true);
  });
});
