/**
 * Re-ranking: the index scores words one by one, so documents that hold the same words in the same fields tie,
 * however the words stand in their titles, and ties used to go to programme order. So once the cut-offs have
 * been applied, fuse.js scores how closely the normalized titles (speakers: names) of the best documents hold
 * a query of two or more words as a whole phrase, and a close phrase adds at most {@link PHRASE_BONUS} of a
 * document's own score: enough to order near-ties, never enough to overturn a clear index verdict. Only the
 * documents whose place among the results the bonus can change are compared, at most
 * {@link RERANK_CANDIDATES} of them.
 *
 * Why fuse.js there and not over the whole programme: its Bitap scan costs time linear in every text it
 * searches for every query (plain fuse.js over all fields takes seconds a query at 10,000 sessions, see
 * bench/search.bench.ts), and on its own it knows no stems, translations, phonetic spellings or layouts, so as
 * the retrieval step it would cost more and find less. Over a few dozen short titles it costs tens of
 * microseconds, and it measures what the index cannot: letter-level closeness of the phrase, word order
 * included. The cut-offs are decided on the index score before re-ranking, so what is found (and that
 * nonsense finds nothing) stays the index's call; fuse.js only orders it.
 */
import Fuse from "fuse.js";
import { transliterate } from "../text/romanize.js";
import { knows } from "./candidates.js";
import { isCyrillic } from "./normalize.js";
import type { QueryWord } from "./query.js";
import type { Vocabulary } from "./vocabulary.js";

/** How many of the best documents (above the cut-offs) fuse.js re-ranks by closeness to the query phrase. */
export const RERANK_CANDIDATES = 12;
/**
 * Longest query phrase fuse.js compares, in characters: Bitap works on 32-letter machine words and splits longer
 * patterns into several passes; the first words of a long query order its results well enough.
 */
const MAX_PHRASE = 32;
/** A title that holds the query phrase verbatim scores this share more than the index gave it; less for a looser one. */
export const PHRASE_BONUS = 0.05;
/** fuse.js score (about errors per letter of the phrase) from which a title counts as not close at all. */
const PHRASE_THRESHOLD = 0.4;
const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: PHRASE_THRESHOLD,
  shouldSort: false,
} as const;

/**
 * Re-orders the best documents of `ranked` (sorted, above the cut-offs) by their score raised by up to
 * {@link PHRASE_BONUS} for how closely fuse.js finds the query phrase in their titles or names. Only documents
 * whose place among the first `limit` the bonus can change are compared: those that could still reach the
 * first `limit` (at most {@link RERANK_CANDIDATES}) and lie within the bonus of a neighbour. Scores only go
 * up and by less than the gap to any document left alone, so the order stays sorted by score.
 */
export function rerank(
  v: Vocabulary,
  ranked: [number, number][],
  query: readonly QueryWord[],
  limit: number,
): void {
  // One word is not a phrase: the index has already judged how closely it matched.
  if (query.length < 2 || !ranked.length) return;
  const raise = 1 + PHRASE_BONUS;
  const score = (i: number) => (ranked[i] as [number, number])[1];
  const last = score(Math.min(limit, ranked.length) - 1);
  let k = 0;
  while (k < ranked.length && k < RERANK_CANDIDATES && score(k) * raise >= last) k++;
  const contested: number[] = [];
  for (let i = 0; i < k; i++)
    if ((i > 0 && score(i - 1) <= score(i) * raise) || (i + 1 < k && score(i + 1) * raise >= score(i)))
      contested.push(i);
  if (contested.length < 2) return;

  // A Latin phrase is compared with the English titles, a Cyrillic one with the Russian titles; romanized also
  // with the English ones when it holds a word the programme does not, likely a name spelled by ear
  // ("фласк паттерны" ~ "flask patterns"), as Russian titles keep such names in Latin letters.
  const phrase = query
    .map((q) => q.word)
    .join(" ")
    .slice(0, MAX_PHRASE)
    .trim();
  const headings = contested.map((i) => v.headings[(ranked[i] as [number, number])[0]] as [string, string]);
  const closeness = new Float64Array(contested.length);
  const compare = (lang: 0 | 1, pattern: string) => {
    for (const r of new Fuse(
      headings.map((h) => h[lang]),
      FUSE_OPTIONS,
    ).search(pattern)) {
      const c = 1 - (r.score ?? 1) / PHRASE_THRESHOLD;
      if (c > (closeness[r.refIndex] as number)) closeness[r.refIndex] = c;
    }
  };
  if (/[а-я]/.test(phrase)) {
    compare(1, phrase);
    if (query.some((q) => isCyrillic(q.word) && !knows(v, q.word))) compare(0, transliterate(phrase));
  } else compare(0, phrase);
  contested.forEach((i, j) => {
    const entry = ranked[i] as [number, number];
    entry[1] *= 1 + PHRASE_BONUS * (closeness[j] as number);
  });
  const head = ranked.slice(0, k).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  ranked.splice(0, k, ...head);
}
