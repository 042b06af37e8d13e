import { describe, expect, it } from "vitest";
import { cutText } from "./cut.js";

describe("cutText", () => {
  it("keeps short text, trimmed", () => {
    expect(cutText("  flask \n", 200)).toBe("flask");
  });

  it("cuts at a code point, never inside a surrogate pair", () => {
    expect(cutText("🐍🐍🐍", 2)).toBe("🐍🐍");
    expect(cutText(`${"a".repeat(5)}🐍`, 6)).toBe("aaaaa🐍");
  });

  it("looks only at the head of a huge text", () => {
    const huge = `asyncio ${"x".repeat(50_000_000)}`;
    expect(cutText(huge, 12)).toBe("asyncio xxxx");
  });
});
