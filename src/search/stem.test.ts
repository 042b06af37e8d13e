import { describe, expect, it } from "vitest";
import { stem } from "./stem.js";

describe("stem", () => {
  it("brings Russian word forms together", () => {
    expect(stem("асинхронного")).toBe(stem("асинхронный"));
    expect(stem("тестирования")).toBe(stem("тестирование"));
    expect(stem("очереди")).toBe(stem("очередь"));
    expect(stem("яндексе")).toBe(stem("яндекс"));
  });

  it("brings English word forms together", () => {
    expect(stem("testing")).toBe(stem("tests"));
    expect(stem("databases")).toBe(stem("database"));
    expect(stem("caching")).toBe(stem("cache"));
  });

  it("leaves short words and numbers alone", () => {
    expect(stem("soa")).toBe("soa");
    expect(stem("3156")).toBe("3156");
    expect(stem("jinja2")).toBe("jinja2");
  });
});
