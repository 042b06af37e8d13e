/**
 * Scoring: of the query words that carry meaning, each candidate document scores the IDF-weighted mean over
 * query words of (similarity of the word's best match × weight of the field it is in), in [0, 1]. Then the
 * cut-offs: below {@link MIN_SCORE} nothing is confident enough to show, and far below the best is noise.
 */
import { joinedDocs, type Memo, matchMemo, matchPhrase, SIM } from "./candidates.js";
import { compoundDocs, translateQueryOnce } from "./cross-language.js";
import { directMatches, directTranslations } from "./direct.js";
import { PROSE_MASK } from "./documents.js";
import type { QueryWord } from "./query.js";
import type { Vocabulary } from "./vocabulary.js";

/** A word reached by stem, sound or typo (or a dictionary's translation) only in prose is worth this share. */
export const INEXACT_IN_PROSE = 0.8;

/** Results below this score are not confident enough to show. */
export const MIN_SCORE = 0.45;
/** Below {@link MIN_SCORE} but at least this, a document may be offered as "did you mean", apart from results. */
export const SUGGEST_MIN = 0.3;
/** At most this many "did you mean" offers. */
const MAX_SUGGESTIONS = 3;
/** Results scoring below this share of the best one are dropped as noise around a clear answer. */
const RELATIVE_CUTOFF = 0.5;
/** A track or room asked for as such ("rust devroom", "зал Janson") outweighs its name's word in a title. */
const PLACE_BOOST = 1.15;
/** Breaks, meals and other non-content entries score this share: found by name, never above a talk as good. */
const NON_CONTENT_FACTOR = 0.6;
/** A glossary translation other than the first (the usual sense) is worth this share. */
const OTHER_SENSE = 0.97;
/**
 * Scores every document the query words reach, into `into`; with `direct`, only those they reach as the
 * programme writes them (direct.ts: no slips, sound, dictionary translations or words written as one).
 */
export function scoreWords(
  v: Vocabulary,
  query: readonly QueryWord[],
  memo: Memo,
  into: Map<number, number>,
  direct = false,
): void {
  const words = query.map((q) => q.word);
  if (!words.length) return;
  // Glossary phrases: documents holding a whole translation count for every query word of the phrase.
  const phraseDocs: Map<number, number>[][] = words.map(() => []);
  // Words a glossary phrase translates are not matched by sound or typo too; a dictionary's word may be a name.
  const strict = words.map(() => false);
  for (const t of direct ? directTranslations(words) : translateQueryOnce(v, words, memo)) {
    const docs = new Map<number, number>();
    // The first translation is the word's usual sense ("безопасность": security before safety).
    t.alternatives.forEach((alt, j) => {
      const sense = (j === 0 ? 1 : OTHER_SENSE) * (t.weight ?? 1);
      for (const [d, w] of matchPhrase(v, alt, t.lexical ? INEXACT_IN_PROSE : 1))
        if ((docs.get(d) ?? 0) < w * sense) docs.set(d, w * sense);
    });
    if (t.parts)
      for (const [d, w] of compoundDocs(v, t.parts, INEXACT_IN_PROSE))
        if ((docs.get(d) ?? 0) < w * (t.weight ?? 1)) docs.set(d, w * (t.weight ?? 1));
    if (docs.size)
      for (let i = t.start; i < t.start + t.length; i++) {
        phraseDocs[i]?.push(docs);
        if (!t.lexical) strict[i] = true;
      }
  }
  // Two neighbouring words the programme writes as one count for both where it does.
  const joined: (Map<number, number> | undefined)[] = words.map(() => undefined);
  for (let i = 0; !direct && i + 1 < words.length; i++) {
    if ((query[i] as QueryWord).optional || (query[i + 1] as QueryWord).optional) continue;
    const docs = joinedDocs(v, words[i] as string, words[i + 1] as string, memo);
    if (!docs) continue;
    for (const at of [i, i + 1]) {
      const into = joined[at];
      if (!into) joined[at] = new Map(docs);
      else for (const [d, s] of docs) if ((into.get(d) ?? 0) < s) into.set(d, s);
    }
  }
  const n = v.docs.length;
  const total = v.total;
  const best = v.best;
  const touched: number[] = [];
  const place = query.some((q) => q.optional);
  let known = 0;
  let knownWords = 0;
  let unknownWords = 0;
  for (let w = 0; w < words.length; w++) {
    // A place word only says what the others name ("databases track"): matched on its own it would favour
    // whatever says "track" in passing, and its absence from a track's sessions must not count against them.
    if ((query[w] as QueryWord).optional) continue;
    const translated = phraseDocs[w] as Map<number, number>[];
    const factor = (query[w] as QueryWord).factor;
    const docs: number[] = [];
    const credit = (d: number, v: number) => {
      if (best[d] === 0) docs.push(d);
      if (v > (best[d] as number)) best[d] = v;
    };
    const fuzzy = words.length > 1;
    const word = words[w] as string;
    const matches = direct
      ? directMatches(v, word, memo)
      : matchMemo(v, word, strict[w] as boolean, memo, fuzzy);
    for (const [term, sim] of matches) {
      const ids = v.postingDocs(term);
      const fw = v.postingWeights(term);
      const s = sim * factor;
      if (sim >= 1) for (let i = 0; i < ids.length; i++) credit(ids[i] as number, s * (fw[i] as number));
      else {
        // Prose says much in passing: a word reached only by stem, sound or typo there is weaker evidence
        // ("knitting" is not a talk whose abstract says "tight-knit").
        const masks = v.postingMasks(term);
        for (let i = 0; i < ids.length; i++) {
          const inProseOnly = ((masks[i] as number) & ~PROSE_MASK) === 0;
          credit(ids[i] as number, s * (fw[i] as number) * (inProseOnly ? INEXACT_IN_PROSE : 1));
        }
      }
      if (place) for (const d of v.placeDocs.get(term) ?? []) credit(d, s * PLACE_BOOST);
    }
    for (const map of translated) for (const [d, fw] of map) credit(d, SIM.translation * factor * fw);
    for (const [d, fw] of (query[w] as QueryWord).also ?? []) credit(d, SIM.translation * factor * fw);
    for (const [d, s] of joined[w] ?? []) credit(d, s * factor);
    if (!docs.length) {
      unknownWords++;
      continue;
    }
    const idf = Math.log(1 + n / docs.length);
    known += idf;
    knownWords++;
    for (const d of docs) {
      if (total[d] === 0) touched.push(d);
      total[d] = (total[d] as number) + idf * (best[d] as number);
      best[d] = 0;
    }
  }
  if (!touched.length) return;
  // A word that matches nothing weighs as much as an average word that does.
  const sum = known + unknownWords * (known / knownWords);
  for (const d of touched) {
    const score = (total[d] as number) / sum;
    into.set(d, v.content[d] ? score : score * NON_CONTENT_FACTOR);
    total[d] = 0;
  }
}
/**
 * The scored documents above the cut-offs, best first (ties in programme order), the best `keep` of them; empty
 * when none is confident.
 */
export function aboveCutoffs(
  scores: Map<number, number>,
  keep = Number.POSITIVE_INFINITY,
): [doc: number, score: number][] {
  const all = new Float64Array(scores.size);
  let n = 0;
  let top = 0;
  for (const s of scores.values()) {
    all[n++] = s;
    if (s > top) top = s;
  }
  if (top < MIN_SCORE) return [];
  let floor = Math.max(MIN_SCORE, top * RELATIVE_CUTOFF);
  // A broad query scores hundreds ("open source": 650 above the cut-offs at FOSDEM 2026): the floor rises to
  // the keep-th best score (a native sort of numbers), so only those are paired and sorted.
  if (n > keep) floor = Math.max(floor, all.sort()[n - keep] as number);
  const out: [number, number][] = [];
  scores.forEach((s, d) => {
    if (s >= floor) out.push([d, s]);
  });
  out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return out.length > keep ? out.slice(0, keep) : out;
}

/**
 * When nothing is confident enough to show, the best weak matches (at least {@link SUGGEST_MIN}, and within the
 * relative cut-off of the best of them) to offer as "did you mean"; empty when there are results or none close.
 */
export function weakMatches(scores: Map<number, number>): [doc: number, score: number][] {
  let top = 0;
  for (const s of scores.values()) if (s > top) top = s;
  if (top >= MIN_SCORE || top < SUGGEST_MIN) return [];
  const floor = Math.max(SUGGEST_MIN, top * RELATIVE_CUTOFF);
  return [...scores]
    .filter(([, s]) => s >= floor)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_SUGGESTIONS);
}
