import type { QueryWord } from "./query.js";

/**
 * German compounds typed apart. A compound asked alone ("Hypnosekurs") is scored as one query word whose parts
 * share its weight (cross-language.ts compoundDocs), so a talk holding one part in its title ("Hypnose für
 * Anfänger") stays under the cut-off though the same parts typed apart ("Hypnose Kurs") find it: typed apart,
 * each part weighs by its rarity, and a common part the talk lacks ("Kurs") weighs less beside a rare one it
 * holds (score.ts PartialMatch). The search scores the query a second time with its compounds typed apart and
 * keeps each document's better score.
 */

/**
 * The query with each word `parts` splits replaced by its parts (same factor, in order), or undefined when no
 * word splits — then there is nothing to score again.
 */
export function typedApart(
  words: readonly QueryWord[],
  parts: (word: string) => readonly string[],
): QueryWord[] | undefined {
  let split = false;
  const out: QueryWord[] = [];
  for (const q of words) {
    const found = q.optional ? [] : parts(q.word);
    if (found.length < 2) {
      out.push(q);
      continue;
    }
    split = true;
    for (const word of found) out.push({ word, factor: q.factor });
  }
  return split ? out : undefined;
}

/** Scores written into `scores` only where they beat the score a document already has there. */
export function keepingBetter(scores: {
  get(doc: number): number | undefined;
  set(doc: number, score: number): unknown;
}): { set(doc: number, score: number): void } {
  return {
    set(doc, score) {
      if ((scores.get(doc) ?? Number.NEGATIVE_INFINITY) < score) scores.set(doc, score);
    },
  };
}
