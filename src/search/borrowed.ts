/**
 * Borrowed words no dictionary lists, matched to the programme's own words by their Latin spellings: most new
 * Russian tech words are English ones written in Cyrillic («изогении» isogenies, «фишинг» phishing), often
 * two of them run together («селфхостинг» self-hosting, «чатбот» chat bot). A word's likeliest spellings
 * (translit.ts) are looked for as the beginning of a programme word, its Russian ending left out, and split in
 * two where both halves are programme words.
 */
import { editDistance } from "./distance.js";
import { stem } from "./stem.js";
import { latinSpellings } from "./translit.js";

/** What the matching needs to know of the programme. */
export interface Spellings {
  /** Whether the programme holds a word exactly. */
  has(term: string): boolean;
  /** Calls back with the programme's words starting with a text, at most `limit` of them. */
  withPrefix(prefix: string, limit: number, each: (term: string) => void): void;
}

/** Spellings of a word tried, the likeliest first. */
const SPELLINGS = 8;
/** Shortest Cyrillic word taken for a borrowed one. */
const MIN_BORROWED = 5;
/** Letters a spelling and a programme word must begin alike with: a borrowing keeps the word's beginning. */
const SAME_BEGINNING = 3;
/** Programme words looked at per beginning. */
const CANDIDATES = 60;
/** Edits per letter tolerated between a spelling and the programme word (vowels and doubled letters move). */
const CLOSE = 0.2;
/** A programme word may go on past the spelled stem by this many letters (an English ending: -ies, -ing). */
const TAIL = 4;
/** Shortest half of a word split in two. */
const MIN_HALF = 3;

/**
 * The programme words (or pairs of them) a Cyrillic word no dictionary knows may be the Latin spelling of,
 * each a phrase of one or two words, closest first; empty for a word too short or not spelled like any.
 */
export function borrowedSpellings(word: string, programme: Spellings): string[][] {
  const out: string[][] = [];
  if (word.length < MIN_BORROWED || !/^[а-яё]+$/.test(word)) return out;
  const add = (phrase: string[]) => {
    if (!out.some((p) => p.join(" ") === phrase.join(" "))) out.push(phrase);
  };
  const russianStem = stem(word, "ru");
  const whole = latinSpellings(word).slice(0, SPELLINGS);
  // An adjective's stem without its suffix -н- («геостационарные» → геостационар-): the English one ends in
  // a vowel or -y there (geostationary).
  const stems = [russianStem];
  if (russianStem.endsWith("н") && russianStem.length > MIN_BORROWED + 1)
    stems.push(russianStem.slice(0, -1));
  // The stem without its Russian ending, spelled, begins the English word («изогении» → isogen → isogenies).
  for (const spelled of stems.flatMap((s) => latinSpellings(s).slice(0, SPELLINGS))) {
    if (spelled.length < MIN_BORROWED - 1) continue;
    const found: [string, number][] = [];
    programme.withPrefix(spelled.slice(0, SAME_BEGINNING), CANDIDATES, (term) => {
      if (term.length > spelled.length + TAIL || term.length < spelled.length) return;
      const d = editDistance(spelled, term.slice(0, spelled.length), Math.floor(CLOSE * spelled.length));
      if (Number.isFinite(d)) found.push([term, d]);
    });
    found.sort((a, b) => a[1] - b[1] || a[0].length - b[0].length);
    for (const [term] of found.slice(0, 2)) add([term]);
  }
  // Two words run together, each a programme word as spelled («селфхостинг» → self + hosting).
  for (const spelled of whole)
    for (let i = MIN_HALF; i + MIN_HALF <= spelled.length; i++) {
      const a = spelled.slice(0, i);
      const b = spelled.slice(i);
      if (programme.has(a) && programme.has(b)) add([a, b]);
    }
  return out.slice(0, 4);
}
