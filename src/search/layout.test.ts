import { describe, expect, it } from "vitest";
import { hasLayoutKeys, swapLayout } from "./layout.js";

describe("swapLayout", () => {
  it("retypes Latin keys as the Russian letters on them", () => {
    expect(swapLayout("ghbdtn")).toBe("привет");
    expect(swapLayout("cdtnkjd")).toBe("светлов");
  });

  it("retypes Russian letters as the Latin keys", () => {
    expect(swapLayout("адфыл")).toBe("flask");
    expect(swapLayout("ьщтпщ")).toBe("mongo");
  });

  it("maps the punctuation keys that carry х ъ ж э б ю ё, both ways", () => {
    expect(swapLayout("[]';,.`")).toBe("хъэжбюё");
    expect(swapLayout("[ ] ; ' , . `")).toBe("х ъ ж э б ю ё");
    expect(swapLayout("х ъ ж э б ю ё")).toBe("[ ] ; ' , . `");
    expect(swapLayout("[jhjij")).toBe("хорошо");
    expect(swapLayout("k;tn")).toBe("лжет");
    expect(swapLayout("'nj")).toBe("это");
    expect(swapLayout(",fps")).toBe("базы");
    expect(swapLayout("j,]trn")).toBe("объект");
    expect(swapLayout("`krf")).toBe("ёлка");
  });

  it("keeps case and the shifted punctuation of capitals", () => {
    expect(swapLayout("Hjyf[th")).toBe("Ронахер");
    expect(swapLayout("{JHJIJ")).toBe("ХОРОШО");
    expect(swapLayout("Ronacher")).toBe("Кщтфсрук");
  });

  it("is its own inverse and leaves digits and spaces alone", () => {
    for (const s of ["pep 3156", "статический анализ", "Django 1.6", "[]';,.`"])
      expect(swapLayout(swapLayout(s))).toBe(s);
    expect(swapLayout("3156 ")).toBe("3156 ");
  });

  it("tells whether a text has anything to swap", () => {
    expect(hasLayoutKeys("3156")).toBe(false);
    expect(hasLayoutKeys("pep")).toBe(true);
    expect(hasLayoutKeys("ё")).toBe(true);
  });
});
