/**
 * Acronyms said letter by letter and written so in Cyrillic («диджей» DJ, «айти» IT, «пиар» PR, «эйчар» HR,
 * «эсэмэс» SMS): the English names of Latin letters as Russians write them, and the Russian names of the same
 * letters («эсэр», «бэгэпэ»). A word read whole as a string of letter names, in any case form, gives the
 * acronyms it spells.
 */

/** Each Latin letter's names in Cyrillic: English ones, then Russian ones. */
const NAMES: Record<string, readonly string[]> = {
  a: ["эй", "а"],
  b: ["би", "бэ", "бе"],
  c: ["си", "цэ", "це"],
  d: ["ди", "дэ", "де"],
  e: ["и", "е", "э"],
  f: ["эф", "еф"],
  g: ["джи", "гэ", "ге", "же"],
  h: ["эйч", "эйдж", "аш", "ха"],
  i: ["ай", "и"],
  j: ["джей", "жи", "йот"],
  k: ["кей", "ка"],
  l: ["эл", "эль", "ел"],
  m: ["эм", "ем"],
  n: ["эн", "ен"],
  o: ["оу", "о"],
  p: ["пи", "пэ", "пе"],
  q: ["кью", "ку"],
  r: ["ар", "эр", "ер"],
  s: ["эс", "ес"],
  t: ["ти", "тэ", "те"],
  u: ["ю", "у"],
  v: ["ви", "вэ", "ве"],
  w: ["дабл-ю", "дабльвэ", "дубльвэ"],
  x: ["экс", "икс"],
  y: ["уай", "вай", "игрек"],
  z: ["зи", "зед", "зэт", "зет"],
};

/** Per Cyrillic name, the letters it names. */
const LETTERS = new Map<string, string[]>();
for (const [letter, names] of Object.entries(NAMES))
  for (const name of names) LETTERS.set(name, [...(LETTERS.get(name) ?? []), letter]);
const LONGEST_NAME = Math.max(...[...LETTERS.keys()].map((n) => n.length));

/** The Latin letters a Cyrillic word names whole («икс» x, «си» c), none for another word or a one-letter name. */
export function lettersNamed(word: string): readonly string[] {
  return word.length < 2 ? [] : (LETTERS.get(word) ?? []);
}

/** Case endings a Russian noun takes, and what its nominative ends in before them («диджей» → «диджеем»). */
const ENDINGS: readonly (readonly [ending: string, nominative: string])[] = [
  ["ями", "й"],
  ["ами", ""],
  ["ем", "й"],
  ["ом", ""],
  ["ев", "й"],
  ["ов", ""],
  ["ям", "й"],
  ["ям", ""],
  ["ам", ""],
  ["ях", "й"],
  ["ах", ""],
  ["я", "й"],
  ["ю", "й"],
  ["е", "й"],
  ["а", ""],
  ["у", ""],
  ["ы", ""],
  ["и", "й"],
  ["и", ""],
];

/** Most acronyms spelled from one word (a string of names is often read more than one way). */
const MAX_ACRONYMS = 8;
/** Fewest letters an acronym spelled so has, and most. */
const MIN_LETTERS = 2;
const MAX_LETTERS = 6;

/** The acronyms a string of letter names spells, whole; empty when it is not one. */
function spell(word: string): string[] {
  // spelled[i]: the acronyms of word's first i letters.
  const spelled: string[][] = [[""]];
  for (let i = 0; i < word.length; i++) {
    const before = spelled[i];
    if (!before?.length) continue;
    for (let len = 1; len <= LONGEST_NAME && i + len <= word.length; len++)
      for (const letter of LETTERS.get(word.slice(i, i + len)) ?? []) {
        const after = spelled[i + len] ?? [];
        spelled[i + len] = after;
        for (const b of before)
          if (b.length < MAX_LETTERS && after.length < MAX_ACRONYMS && !after.includes(b + letter))
            after.push(b + letter);
      }
  }
  return (spelled[word.length] ?? []).filter((a) => a.length >= MIN_LETTERS);
}

/**
 * The acronyms a Cyrillic word spells by its letters' names, as typed or with a case ending taken back to the
 * nominative («диджеем» → диджей → dj), fewest letters first (the names read most whole).
 */
export function spelledAcronyms(word: string): string[] {
  const forms = [word];
  for (const [ending, nominative] of ENDINGS)
    if (word.length > ending.length + 2 && word.endsWith(ending))
      forms.push(word.slice(0, word.length - ending.length) + nominative);
  const out = new Set<string>();
  for (const form of forms) for (const a of spell(form.replace(/-/g, ""))) out.add(a);
  return [...out].sort((a, b) => a.length - b.length);
}
