import { describe, expect, it } from "vitest";
import { transliterate } from "./romanize.js";

describe("transliterate", () => {
  it("romanizes Cyrillic in the passport style", () => {
    expect(transliterate("Светлов")).toBe("svetlov");
    expect(transliterate("Сухарев")).toBe("sukharev");
    expect(transliterate("Щукин")).toBe("shchukin");
    expect(transliterate("Прокофьев")).toBe("prokofev");
  });

  it("leaves Latin and digits as they are", () => {
    expect(transliterate("python 3")).toBe("python 3");
  });
});
