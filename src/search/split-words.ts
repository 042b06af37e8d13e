/**
 * A name typed as one word that the programme writes as two: companies and products are often run together by
 * people who type them ("capitalone" for Capital One, "githubactions", "deutschebahn"). Such a query word,
 * unknown to the programme, reaches the documents saying its two halves one after the other in a field, as a
 * translation would. The other way round — two query words the programme writes as one ("level up" LevelUp) —
 * is candidates.ts's joinedDocs.
 */
import { keepBest } from "./best-weights.js";
import { knows, type Memo, matchMemo, phraseDocs } from "./candidates.js";
import type { QueryWord } from "./query.js";
import type { Vocabulary } from "./vocabulary.js";

/** Shortest word split, and shortest half: a half of two letters is too often a chance piece ("up", "on"). */
const MIN_SPLIT = 6;
const MIN_HALF = 3;
/** What the halves are worth said only in abstracts or biographies (as score.ts's INEXACT_IN_PROSE). */
const IN_PROSE = 0.8;
/** The word's own matches must all be below this for it to be split: a slip or a part of a word is no name. */
const WEAK = 0.8;

/**
 * Gives each Latin query word the programme does not hold (nor its stem), nor reaches well otherwise, the
 * documents saying two programme words it splits into, side by side in one field ({@link QueryWord.also},
 * weighed as a translation): "capitalone" → the speaker from Capital One.
 */
export function splitJoinedWords(v: Vocabulary, read: readonly QueryWord[], memo: Memo): void {
  for (const q of read) {
    if (q.optional || q.word.length < MIN_SPLIT || !/^[a-z]+$/.test(q.word) || knows(v, q.word)) continue;
    let strong = false;
    for (const sim of matchMemo(v, q.word, false, memo, read.length > 1).values())
      if (sim >= WEAK) strong = true;
    if (strong) continue;
    const docs = splitDocs(v, q.word);
    if (!docs) continue;
    const also = q.also ?? new Map<number, number>();
    keepBest(also, docs);
    q.also = also;
  }
}

/**
 * The documents saying a word's two halves one after the other in one field, each with the field's weight (the
 * split with the most such documents: "capitalone" capital + one), or undefined when no split is so said.
 */
export function splitDocs(v: Vocabulary, word: string): Map<number, number> | undefined {
  let best: Map<number, number> | undefined;
  for (let i = MIN_HALF; i + MIN_HALF <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (!v.termIds.has(a) || !v.termIds.has(b)) continue;
    // Said only in prose, as a dictionary's translation is: less (a name is written in a name or a heading).
    const docs = phraseDocs(v, [a, b], IN_PROSE);
    if (docs.size && docs.size > (best?.size ?? 0)) best = docs;
  }
  return best;
}
