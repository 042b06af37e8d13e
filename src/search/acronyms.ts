/**
 * Acronyms against their spelled-out form, both ways: "fiber to the home" finds the talk on FTTH, and "bdd"
 * finds "Behavior Driven Development". A stage beside scoring: it adds the documents it reaches to the scores
 * of the query as typed, worth what a translation is.
 */
import { type Memo, matchMemo, SIM } from "./candidates.js";
import { isCyrillic } from "./normalize.js";
import { type QueryWord, words } from "./query.js";
import { scoreWords } from "./score.js";
import type { Vocabulary } from "./vocabulary.js";

/** Acronyms are two to six letters. */
const ACRONYM = /^[a-zа-я]{2,6}$/;

/** The initials of words ("fiber to the home" → "ftth"). */
export function initials(text: readonly string[]): string {
  return text.map((w) => w[0]).join("");
}

/**
 * The vocabulary's acronym a query of several words spells out: the initials of all its words, or of those
 * that are not stop words, when the programme holds that acronym as a name (written in capitals: FTTH, BER).
 */
export function acronymOfQuery(v: Vocabulary, query: string): string | undefined {
  const all = words(query).filter((w) => !/\d/.test(w));
  if (all.length < 2) return undefined;
  for (const candidate of [initials(all), initials(all.filter((w) => !v.stop.has(w)))]) {
    if (!ACRONYM.test(candidate)) continue;
    const id = v.termIds.get(candidate);
    if (id !== undefined && v.proper.has(id)) return candidate;
  }
  return undefined;
}

/**
 * The documents whose titles spell out an acronym the programme does not hold as a word: consecutive title
 * words (stop words left out, three letters or more) whose initials are the acronym, in its script.
 */
export function spelledOut(v: Vocabulary, acronym: string): number[] {
  const script = isCyrillic(acronym) ? 1 : 0;
  const titles = titleInitials(v);
  const out: number[] = [];
  for (let d = 0; d < titles.length; d++)
    if ((titles[d] as [string, string])[script].includes(acronym)) out.push(d);
  return out;
}

/** Per vocabulary, each document's title initials (Latin, Cyrillic), a space for a word too short to count. */
const initialsCache = new WeakMap<Vocabulary, [string, string][]>();

function titleInitials(v: Vocabulary): [string, string][] {
  let out = initialsCache.get(v);
  if (!out) {
    const of = (heading: string) =>
      heading
        .split(" ")
        .map((w) => (w.length >= 3 ? w[0] : " "))
        .join("");
    out = v.headings.map(([latin, cyrillic]) => [of(latin), of(cyrillic)]);
    initialsCache.set(v, out);
  }
  return out;
}

/** Adds to `scores` the documents an acronym or its spelled-out form reaches (see the file's comment). */
export function scoreAcronyms(
  v: Vocabulary,
  query: string,
  read: readonly QueryWord[],
  memo: Memo,
  scores: Map<number, number>,
): void {
  const raise = (d: number, s: number) => {
    if ((scores.get(d) ?? 0) < s) scores.set(d, s);
  };
  const acronym = acronymOfQuery(v, query);
  if (acronym) {
    const found = new Map<number, number>();
    scoreWords(v, [{ word: acronym, factor: 1 }], memo, found);
    for (const [d, s] of found) raise(d, s * SIM.translation);
  }
  const only = read.length === 1 ? read[0] : undefined;
  if (only && only.word.length >= 3 && ACRONYM.test(only.word) && !matchMemo(v, only.word, false, memo).size)
    for (const d of spelledOut(v, only.word)) raise(d, SIM.translation * only.factor);
}
