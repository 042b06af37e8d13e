import { describe, expect, it } from "vitest";
import {
  latinSpellings,
  phoneticKeys,
  romanizationKey,
  shortPhoneticKeys,
  skeletonKeys,
  usualSpelling,
} from "./translit.js";

const sameSound = (a: string, b: string) => phoneticKeys(a).some((k) => phoneticKeys(b).includes(k));

describe("phoneticKeys", () => {
  it("hears French and Dutch names as Russians write them: gu, ill, a final t or d, h after r", () => {
    // Two consonants: a short name's key, looked for whole.
    expect(shortPhoneticKeys("guillaume").some((k) => shortPhoneticKeys("гийом", 3).includes(k))).toBe(true);
    expect(sameSound("guido", "гвидо")).toBe(true);
    expect(sameSound("vincent", "венсан")).toBe(true);
    expect(sameSound("bernard", "бернар")).toBe(true);
    expect(sameSound("rhonda", "ронда")).toBe(true);
    // An English -er is a Russian -р.
    expect(sameSound("alexander", "александр")).toBe(true);
    expect(sameSound("alexander", "александер")).toBe(true);
    // The English spellings still sound as they did.
    expect(sameSound("vincent", "винсент")).toBe(true);
    expect(sameSound("william", "уильям")).toBe(true);
    expect(sameSound("guillaume", "гиллаум")).toBe(true);
  });

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

describe("names across scripts by the rules people use", () => {
  const alike = (a: string, b: string) => phoneticKeys(a).some((k) => phoneticKeys(b).includes(k));
  const shortAlike = (a: string, b: string) =>
    shortPhoneticKeys(a, 3).some((k) => shortPhoneticKeys(b, 3).includes(k));

  it("hears English and German names as Russians write them", () => {
    expect(alike("мюллер", "muller")).toBe(true);
    expect(alike("уотсон", "watson")).toBe(true);
    expect(alike("штайнер", "steiner")).toBe(true);
    expect(alike("йоханнес", "johannes")).toBe(true);
    expect(alike("бурчер", "burtscher")).toBe(true);
    expect(shortAlike("райт", "wright")).toBe(true);
    expect(shortAlike("хьюз", "hughes")).toBe(true);
    expect(alike("лукаш", "lukasz")).toBe(true);
  });

  it("hears Russian names in every common romanization", () => {
    for (const latin of ["zaitsev", "zaytsev", "zajcev"]) expect(alike("зайцев", latin), latin).toBe(true);
    for (const latin of ["shchukin", "schukin", "shukin"]) expect(alike("щукин", latin), latin).toBe(true);
  });

  it("hears a borrowed word's г as a Latin h, wherever it stands", () => {
    expect(alike("гибрид", "hybrid")).toBe(true);
    expect(alike("иоганнес", "johannes")).toBe(true);
    expect(alike("гамбург", "hamburg")).toBe(true);
  });

  it("hears the German, Dutch, Czech, Polish, French and Italian rules", () => {
    // st and sp inside a German compound name, a German h that only lengthens its vowel.
    expect(alike("бернштейн", "bernstein")).toBe(true);
    expect(alike("эйнштейн", "einstein")).toBe(true);
    expect(alike("рёлинг", "rohling")).toBe(true);
    expect(alike("малер", "mahler")).toBe(true);
    // Dutch and Italian gh, Czech ř as рж once its accent is folded away, Polish rz as ж.
    expect(alike("девлигер", "devlieghere")).toBe(true);
    expect(alike("дворжак", "dvorak")).toBe(true);
    expect(alike("пшибыльский", "przybylski")).toBe(true);
    expect(alike("герц", "herz")).toBe(true);
    expect(alike("шварценеггер", "schwarzenegger")).toBe(true);
    // French ch as ш and silent endings, Italian soft c as ч.
    expect(alike("мишель", "michel")).toBe(true);
    expect(alike("вароко", "varoquaux")).toBe(true);
    expect(shortAlike("дюбуа", "dubois")).toBe(true);
    expect(shortAlike("жиро", "giraud")).toBe(true);
    expect(alike("марчелло", "marcello")).toBe(true);
    // Hungarian cs as ч, a French r after ie at the end silent.
    expect(alike("ванча", "vancsa")).toBe(true);
    expect(alike("оливье", "olivier")).toBe(false); // two consonants
    expect(shortAlike("оливье", "olivier")).toBe(true);
  });

  it("hears Polish drz and rz read letter by letter, Hungarian sz, Hindi jh, a French -gue and a name's first x", () => {
    expect(shortAlike("анджей", "andrzej")).toBe(true);
    expect(alike("варжински", "warzynski")).toBe(true);
    expect(alike("джалани", "jhalani")).toBe(true);
    expect(alike("ласло", "laszlo")).toBe(true);
    expect(alike("лукаш", "lukasz")).toBe(true);
    expect(alike("мюрг", "murgue")).toBe(true);
    expect(alike("шочикале", "xochicale")).toBe(true);
    expect(alike("сиань", "xian")).toBe(false); // two consonants
    // Inside a word, or before a consonant, x is кс as before.
    expect(alike("шерокс", "xerox")).toBe(true);
    expect(alike("шмл", "xml")).toBe(false);
  });

  it("reads щ in every romanization of Russian: English, German, French, Polish", () => {
    for (const latin of ["shchukin", "schtschukin", "chtchoukine", "szczukin"])
      expect(alike("щукин", latin), latin).toBe(true);
  });

  it("does not hear a Czech ř where the Russian word says р and ж apart from each other", () => {
    expect(alike("ржавчина", "rawchina")).toBe(false);
  });
});

describe("Latin spellings of a Cyrillic word", () => {
  it("lists the usual spelling first and the others Russians stand for", () => {
    expect(latinSpellings("джава")[0]).toBe("java");
    expect(latinSpellings("солт")).toContain("salt");
    expect(latinSpellings("раст")).toContain("rust");
    expect(latinSpellings("эйрфлоу")).toContain("airflow");
    expect(latinSpellings("кубернетес")[0]).toBe("kubernetes");
    // German and Dutch v: «Фос» Vos, «Фогель» Vogel.
    expect(latinSpellings("фос")).toContain("vos");
    expect(latinSpellings("фогель")).toContain("vogel");
  });

  it("spells ей as an English a (its silent e added at the end) and х as the x it looks like", () => {
    expect(latinSpellings("мейк")).toContain("mak");
    expect(latinSpellings("гейм")).toContain("gam");
    expect(latinSpellings("латех")).toContain("latex");
    expect(latinSpellings("латех")[0]).toBe("lateh");
  });

  it("gives the usual spelling alone, as the list's first", () => {
    for (const word of ["джава", "эйрфлоу", "кубернетес", "щука", "объект", "ью", "", "ассинхронность"])
      expect(usualSpelling(word)).toBe(latinSpellings(word)[0]);
    expect(usualSpelling("abc")).toBeUndefined();
  });

  it("gives a word's spellings again as they were, another word's between", () => {
    const first = [...latinSpellings("солт")];
    latinSpellings("раст");
    expect(latinSpellings("солт")).toEqual(first);
  });

  it("has none for a word of other letters, and a bounded number for a long one", () => {
    expect(latinSpellings("abc")).toEqual([]);
    expect(latinSpellings("ассинхронность").length).toBeLessThanOrEqual(64);
  });
});

describe("one spelling for every romanization of a Russian name", () => {
  const same = (...spellings: string[]) => new Set(spellings.map(romanizationKey)).size === 1;

  it("reads English, German, French, Polish and passport spellings and the Cyrillic as one", () => {
    expect(same("yury", "iurii", "jurij", "yuri", "yuriy", "юрий")).toBe(true);
    expect(same("alexey", "aleksei", "alexej", "алексей")).toBe(true);
    expect(same("yevgeniy", "evgeny", "jewgeni", "евгений")).toBe(true);
    expect(same("ilya", "ilia", "ilja", "илья")).toBe(true);
    expect(same("yulia", "yuliya", "iuliia", "юлия")).toBe(true);
    expect(same("pyotr", "piotr", "petr", "пётр")).toBe(true);
    expect(same("zaitsev", "zaytsev", "zajcev", "зайцев")).toBe(true);
    expect(same("korolev", "korolyov", "koroljow", "королёв")).toBe(true);
    expect(same("ovchinnikov", "owtschinnikow", "овчинников")).toBe(true);
    expect(same("shchukin", "schukin", "szczukin", "щукин")).toBe(true);
    expect(same("kadyrov", "kadirov", "кадыров")).toBe(true);
  });

  it("keeps different names apart and gives words of other letters none", () => {
    expect(same("ivan", "iván", "ivana")).toBe(false);
    expect(same("yury", "yaroslav")).toBe(false);
    expect(romanizationKey("python3")).toBe("");
  });
});
