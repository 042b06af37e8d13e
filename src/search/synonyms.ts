/**
 * English words in other words: a query word the programme does not hold looks for its synonyms and its broader
 * and narrower terms in the programme (WordNet's, data/lexicon/en-related.tsv, built by synonyms-build.ts):
 * "forecast" finds a talk on prediction, "vehicle" one on cars, "sedan" one on cars. Each relation is worth less
 * than a translation, and a broader term least: "animal" is a poor name for a talk on dogs.
 */
import type { Translation } from "./glossary.js";
import { type Lexicon, lexicon } from "./lexicon.js";
import { queryStem } from "./stem.js";
import { BROADER, NARROWER } from "./synonyms-build.js";

/** A synonym's relation mark: none. */
export const SYNONYM = "";

/** What a related word is worth, relative to a dictionary translation, by relation. */
export const SYNONYM_WEIGHT = 0.9;
export const NARROWER_WEIGHT = 0.85;
export const BROADER_WEIGHT = 0.8;

/** Lemmas sharing a word's stem looked at, when the word is no lemma itself ("servers" → server). */
const MAX_LEMMAS = 8;

/** What {@link relatedTranslations} needs of the programme. */
export interface Holds {
  /** Whether the programme holds a word, as written or by stem. */
  knows(word: string): boolean;
}

/**
 * A word's related words, synonyms first, then broader and narrower terms marked {@link BROADER} and
 * {@link NARROWER}: its own when it is a lemma of the list, else those of the lemmas sharing its stem ("servers"
 * → server).
 */
export function relatedWords(word: string, list: Lexicon | undefined = lexicon("en", "related")): string[] {
  if (!list || word.length < 3) return [];
  const own = list.lookup(word);
  if (own.length) return own;
  const s = queryStem(word, "en");
  if (s.length < 3) return [];
  const out: string[] = [];
  list.withPrefix(s, MAX_LEMMAS, (lemma, related) => {
    if (queryStem(lemma, "en") === s) for (const r of related) if (!out.includes(r)) out.push(r);
  });
  return out;
}

/**
 * The related words of an English word (or of a translation of a query word) that the programme holds, as
 * translations of the query word at `start`, one per relation of `relations`: synonyms at {@link SYNONYM_WEIGHT},
 * narrower terms at {@link NARROWER_WEIGHT}, broader at {@link BROADER_WEIGHT} of `weight`; one of `words`
 * itself is left out (the index finds it as it is).
 */
export function relatedTranslations(
  words: readonly string[],
  start: number,
  programme: Holds,
  weight: number,
  relations: readonly string[] = [SYNONYM, NARROWER, BROADER],
  list?: Lexicon,
): Translation[] {
  const by: Record<string, string[][]> = { [SYNONYM]: [], [BROADER]: [], [NARROWER]: [] };
  for (const word of words)
    for (const r of relatedWords(word, list)) {
      const mark = r[0] === BROADER || r[0] === NARROWER ? r[0] : SYNONYM;
      const term = mark ? r.slice(1) : r;
      const alternatives = by[mark] as string[][];
      if (!relations.includes(mark)) continue;
      if (!words.includes(term) && programme.knows(term) && !alternatives.some((a) => a[0] === term))
        alternatives.push([term]);
    }
  const out: Translation[] = [];
  for (const [mark, share] of [
    [SYNONYM, SYNONYM_WEIGHT],
    [NARROWER, NARROWER_WEIGHT],
    [BROADER, BROADER_WEIGHT],
  ] as const) {
    const alternatives = by[mark] as string[][];
    if (alternatives.length)
      out.push({ start, length: 1, alternatives, weight: weight * share, lexical: true });
  }
  return out;
}
