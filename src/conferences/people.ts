import type { Text } from "../programme/model.js";
import { phoneticKeys } from "../search/translit.js";
import { transliterate } from "../text/romanize.js";

/** A name's spellings (one per language it is written in), each as its words' phonetic keys and initials. */
type Spelling = { keys: string[][]; initials: string[] }[];

const cache = new WeakMap<object, Spelling>();

function spellings(name: Text): Spelling {
  const cached = cache.get(name);
  if (cached) return cached;
  const texts = typeof name === "string" ? [name] : Object.values(name).filter((v): v is string => !!v);
  const out: Spelling = [];
  for (const text of new Set(texts)) {
    const words = text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-zа-яё]+/)
      .filter(Boolean);
    if (words.length < 2) continue;
    // Short words have no phonetic key (too few consonants): they match as romanized.
    const keys = words.map((w) => {
      const phonetic = phoneticKeys(w);
      return phonetic.length ? phonetic : [`=${transliterate(w)}`];
    });
    out.push({ keys, initials: words.map((w) => transliterate(w)[0] ?? "") });
  }
  cache.set(name, out);
  return out;
}

/**
 * Whether two names are one person across editions and scripts (Андрей Светлов, Andrew Svetlov, Andrey
 * Svetlov): a word of one sounds like a word of the other (the project's phonetic keys, src/search/translit.ts)
 * and another word of each begins with the same letter once romanized. Names of one word never match.
 */
export function samePerson(a: Text, b: Text): boolean {
  for (const x of spellings(a))
    for (const y of spellings(b))
      for (const [i, kx] of x.keys.entries())
        for (const [j, ky] of y.keys.entries()) {
          if (!kx.some((k) => ky.includes(k))) continue;
          const restX = x.initials.filter((_, n) => n !== i);
          const restY = y.initials.filter((_, n) => n !== j);
          if (restX.some((c) => c && restY.includes(c))) return true;
        }
  return false;
}
