import { describe, expect, it } from "vitest";
import { phoneticKeys, skeletonKeys } from "./translit.js";

const sameSound = (a: string, b: string) => phoneticKeys(a).some((k) => phoneticKeys(b).includes(k));

describe("phoneticKeys", () => {
  it("gives Latin brands and their Cyrillic spellings by ear a common key", () => {
    expect(sameSound("python", "пайтон")).toBe(true);
    expect(sameSound("python", "питон")).toBe(true);
    expect(sameSound("django", "джанго")).toBe(true);
    expect(sameSound("celery", "селери")).toBe(true);
    expect(sameSound("mongoengine", "монгоэнджин")).toBe(true);
    expect(sameSound("jetstyle", "джетстайл")).toBe(true);
    expect(sameSound("yandex", "яндекс")).toBe(true);
  });

  it("covers the spelling variants of transliteration (ch/х, kh, x/кс, j/й, ie/ье)", () => {
    expect(sameSound("ronacher", "ронахер")).toBe(true);
    expect(sameSound("sukharev", "сухарев")).toBe(true);
    expect(sameSound("suharev", "сухарев")).toBe(true);
    expect(sameSound("prokofjev", "прокофьев")).toBe(true);
    expect(sameSound("prokofiev", "прокофьев")).toBe(true);
    expect(sameSound("lindsay", "линдсей")).toBe(true);
  });

  it("hears names of other origins: German st/sp and z, French j, a w that ends a vowel", () => {
    expect(sameSound("steinberg", "штайнберг")).toBe(true);
    expect(sameSound("zimmermann", "циммерман")).toBe(true);
    expect(sameSound("jean", "жан")).toBe(false); // too short a key to say anything
    expect(sameSound("jacques", "жак")).toBe(false);
    expect(sameSound("tensorflow", "тензорфлоу")).toBe(true);
    expect(sameSound("poettering", "поттеринг")).toBe(true);
    expect(sameSound("torvalds", "торвальдс")).toBe(true);
  });

  it("keeps words that sound different apart", () => {
    expect(sameSound("react", "ракета")).toBe(false);
    expect(sameSound("flask", "фляга")).toBe(false);
  });

  it("gives short words, numbers and mixed tokens no key", () => {
    expect(phoneticKeys("soa")).toEqual([]);
    expect(phoneticKeys("3156")).toEqual([]);
    expect(phoneticKeys("jinja2")).toEqual([]);
  });
});

describe("skeletonKeys", () => {
  it("gives names whose vowels are heard differently the same consonants", () => {
    expect(skeletonKeys("michael")).toContain(skeletonKeys("майкл")[0]);
  });

  it("gives no skeleton of fewer than three consonants", () => {
    expect(skeletonKeys("ivan")).toEqual([]);
  });
});
