/**
 * Scoring: of the query words that carry meaning, each candidate document scores the IDF-weighted mean over
 * query words of (similarity of the word's best match × weight of the field it is in), in [0, 1]. A word the
 * programme does not hold weighs less in that mean when the best session holds the others strongly (see
 * {@link PartialMatch}). Then the cut-offs: below {@link MIN_SCORE} nothing is confident enough to show, and
 * far below the best is noise.
 */
import { keepBest } from "./best-weights.js";
import {
  phraseDocs as docsOfPhrase,
  joinedDocs,
  type Memo,
  MIN_JOINED_ALONE,
  matchMemo,
  SIM,
  termsOf,
} from "./candidates.js";
import { CONVERGED_SHARE, CONVERGING_MAX_DOCS, Converging } from "./converging.js";
import { compoundDocs, isDictionaryWord, synonymsFor, translateQueryOnce } from "./cross-language.js";
import { directMatches, directTranslations } from "./direct.js";
import { PROSE_MASK } from "./documents.js";
import { isEverydayWord } from "./everyday.js";
import { isFunctionForm } from "./function-words.js";
import { isCyrillic } from "./normalize.js";
import type { QueryWord } from "./query.js";
import { AGREED_MIN, AGREEING_WORDS, SeveralWords } from "./several-words.js";
import { Agreeing } from "./thesaurus.js";
import { SaidTogether } from "./together.js";
import type { Vocabulary } from "./vocabulary.js";

/**
 * At most this many documents hold a specific word ({@link specificDocs}): a word said in one or two places of
 * the programme points at them, whatever the programme's size.
 */
export const SPECIFIC_DOCS = 2;
/** A word reached by stem, sound or typo (or a dictionary's translation) only in prose is worth this share. */
export const INEXACT_IN_PROSE = 0.8;

/** Results below this score are not confident enough to show. */
export const MIN_SCORE = 0.45;
/** Below {@link MIN_SCORE} but at least this, a document may be offered as "did you mean", apart from results. */
export const SUGGEST_MIN = 0.3;
/** At most this many "did you mean" offers. */
const MAX_SUGGESTIONS = 3;
/** Results scoring below this share of the best one are dropped as noise around a clear answer. */
export const RELATIVE_CUTOFF = 0.5;
/** A track or room asked for as such ("rust devroom", "зал Janson") outweighs its name's word in a title. */
const PLACE_BOOST = 1.15;
/** Breaks, meals and other non-content entries score this share: found by name, never above a talk as good. */
const NON_CONTENT_FACTOR = 0.6;
/** A glossary translation other than the first (the usual sense) is worth this share. */
const OTHER_SENSE = 0.97;
/** A query word matched this well somewhere (a title's word, a translation in a title) reaches the programme. */
export const STRONG_MATCH = 0.6;
/** Beside words the best session holds strongly, a word reaching the programme only weakly weighs this share. */
export const WEAK_WORD_SHARE = 0.7;
/** …and a word reaching nothing that no dictionary lists (a borrowing, a derived or jargon form) this share. */
export const UNREAD_WORD_SHARE = 0.85;
/**
 * A word reaching at most this many documents may name what they share ("immersion" beside "cooling"); one said in
 * more is a common word of the programme (history, design, music), which alone carries no query beside a
 * dictionary's word the programme lacks ({@link carriedAlone}).
 */
export const CARRIER_DOCS = 3;
/** A session a common word alone carries scores between this share of {@link MIN_SCORE} and it ({@link belowCutoff}). */
export const CARRIED_ALONE_SHARE = 0.9;

/**
 * What {@link scoreWords} tells a reader following one query through it (scripts/explain-search.ts): never asked
 * for by a search, so the scoring's answers do not depend on it.
 */
export interface ScoreTrace {
  /**
   * Query word `w` read: the programme's words it matches (term → similarity), the documents its glossary or
   * dictionary translations reach, and the documents it reaches in all, `match(d)` its best match × field weight in
   * document `d` (0 when none); `skipped` when the word does not count (a function word's form).
   */
  word(info: {
    w: number;
    matches: ReadonlyMap<number, number>;
    translated: readonly Map<number, number>[];
    docs: readonly number[];
    idf: number;
    match: (d: number) => number;
    skipped?: string;
  }): void;
  /** The denominators weighed: the query's whole rarity, the sessions' (partial match), the converged one. */
  sums(info: { sum: number; sessionSum: number; converged?: number }): void;
  /** Document `d`'s total (Σ idf × match), the denominator it got, its gain by words said together, its score. */
  doc(
    d: number,
    info: { total: number; own: number; gain?: number; alone: boolean; heard: boolean; score: number },
  ): void;
}

/**
 * Scores every document the query words reach, into `into`; with `direct`, only those they reach as the
 * programme writes them (direct.ts: no slips, sound, dictionary translations or words written as one). A `trace`
 * hears how (explain-search).
 */
export function scoreWords(
  v: Vocabulary,
  query: readonly QueryWord[],
  memo: Memo,
  into: { set(doc: number, score: number): unknown },
  direct = false,
  trace?: ScoreTrace,
): void {
  // An empty query returns before any array is made of it: an empty array's kind differs from a full one's, and
  // meeting it would send the optimized code back to the interpreter.
  if (!query.length) return;
  const words = query.map((q) => q.word);
  // Glossary phrases: documents holding a whole translation count for every query word of the phrase.
  const phraseDocs: Map<number, number>[][] = words.map(() => []);
  // Words a glossary phrase translates are not matched by sound or typo too; a dictionary's word may be a name.
  const strict = words.map(() => false);
  // Words reaching documents by a translation of their own, not only through another's (Translation.pivot).
  const firm = words.map(() => false);
  // Each word's translations, for finding where a text says it (together.ts).
  const translations: string[][][] = words.map(() => []);
  for (const t of direct ? directTranslations(words) : translateQueryOnce(v, words, memo)) {
    const docs = new Map<number, number>();
    // The first translation is the word's usual sense ("безопасность": security before safety).
    t.alternatives.forEach((alt, j) => {
      const sense = (j === 0 ? 1 : OTHER_SENSE) * (t.weight ?? 1);
      keepBest(docs, docsOfPhrase(v, alt, t.lexical ? INEXACT_IN_PROSE : 1), sense);
    });
    if (t.parts) keepBest(docs, compoundDocs(v, t.parts, INEXACT_IN_PROSE, t.lonePart), t.weight ?? 1);
    if (docs.size)
      for (let i = t.start; i < t.start + t.length; i++) {
        phraseDocs[i]?.push(docs);
        translations[i]?.push(...t.alternatives);
        if (!t.lexical) strict[i] = true;
        if (!t.pivot) firm[i] = true;
      }
  }
  // Two neighbouring words the programme writes as one count for both where it does.
  const joined: (Map<number, number> | undefined)[] = words.map(() => undefined);
  for (let i = 0; !direct && i + 1 < words.length; i++) {
    if ((query[i] as QueryWord).optional || (query[i + 1] as QueryWord).optional) continue;
    // Neither word reaching anything alone as well, their join may be heard as loosely as one word would be.
    const lost = (at: number) => {
      if ((phraseDocs[at] as Map<number, number>[]).length) return false;
      for (const sim of matchMemo(v, words[at] as string, strict[at] as boolean, memo, true).values())
        if (sim >= MIN_JOINED_ALONE) return false;
      return true;
    };
    const min = lost(i) && lost(i + 1) ? MIN_JOINED_ALONE : undefined;
    const docs = joinedDocs(v, words[i] as string, words[i + 1] as string, memo, min);
    if (!docs) continue;
    for (const at of [i, i + 1]) {
      const into = joined[at];
      if (!into) joined[at] = new Map(docs);
      else keepBest(into, docs);
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
  const partial = new PartialMatch();
  // A word reaching the programme weakly or not at all may find its synonyms, beside another word (thesaurus.ts).
  let said = 0;
  for (const q of query) if (!q.optional) said++;
  const synonyms = direct || said < 2 ? undefined : new Agreeing();
  // Rare words of the query said by one session point at it, whatever the words the programme lacks (converging.ts).
  const converging = direct || said < 2 ? undefined : new Converging(n);
  // Sessions several query words reach each by its own word or a translation (several-words.ts).
  const several = direct || said < AGREEING_WORDS ? undefined : new SeveralWords(n);
  const matched: Map<number, number>[] = [];
  // Each word reaching the programme: the documents it reaches (carriedAlone).
  const reachedDocs: (readonly number[])[] = [];
  const reachedIdf: number[] = [];
  const together = direct
    ? undefined
    : new SaidTogether((w) => {
        const terms = new Set<number>();
        // Said as such: the word itself or its stem, not a word it begins, a slip or a sound.
        for (const [t, sim] of matched[w] as Map<number, number>) if (sim >= SIM.stem) terms.add(t);
        for (const alt of translations[w] as string[][])
          for (const word of alt) for (const t of termsOf(v, word)) terms.add(t);
        return terms;
      });
  for (let w = 0; w < words.length; w++) {
    // A place word only says what the others name ("databases track"): matched on its own it would favour
    // whatever says "track" in passing, and its absence from a track's sessions must not count against them.
    if ((query[w] as QueryWord).optional) continue;
    const translated = phraseDocs[w] as Map<number, number>[];
    const factor = (query[w] as QueryWord).factor;
    const docs: number[] = [];
    const fuzzy = words.length > 1;
    const word = words[w] as string;
    const matches = direct
      ? directMatches(v, word, memo)
      : matchMemo(v, word, strict[w] as boolean, memo, fuzzy);
    matched[w] = matches;
    // A function word's form says nothing of what the query looks for, unless the programme says it (function-words.ts).
    if (isFunctionForm(word) && !saidAsSuch(matches)) {
      trace?.word({ w, matches, translated: [], docs: [], idf: 0, match: () => 0, skipped: "function form" });
      continue;
    }
    const specific = fuzzy && !direct ? specificDocs(v, word, matches) : undefined;
    matches.forEach((sim, term) => {
      const s = sim * factor;
      creditPostings(v, term, s, sim < 1, best, docs);
      if (place) for (const d of v.placeDocs.get(term) ?? []) credit(best, docs, d, s * PLACE_BOOST);
    });
    for (const map of translated) creditEach(map, SIM.translation * factor, best, docs);
    const also = (query[w] as QueryWord).also;
    if (also) creditEach(also, SIM.translation * factor, best, docs);
    const pair = joined[w];
    if (pair) creditEach(pair, factor, best, docs);
    if (converging) saidDocs(v, converging, w, docs.length, matches, translated, also, pair);
    if (several) reachedAsSaid(v, several, factor, docs.length, matches, translated, also, pair);
    if (trace) {
      const idf = docs.length ? Math.log(1 + n / docs.length) : 0;
      trace.word({ w, matches, translated, docs: [...docs], idf, match: (d) => best[d] as number });
    }
    if (!docs.length) {
      unknownWords++;
      partial.unreached(word);
      synonyms?.unreached(w);
      continue;
    }
    const idf = Math.log(1 + n / docs.length);
    reachedDocs.push(docs);
    reachedIdf.push(idf);
    known += idf;
    knownWords++;
    synonyms?.reached(w, idf, docs, best, STRONG_MATCH);
    const reach = addWord(w, idf, docs, best, total, touched, partial, together);
    partial.reached(idf, reach, specific, firm[w] || matches.size > 0 || also || pair ? undefined : word);
  }
  if (!touched.length) return;
  const alone = direct || said < 2 ? undefined : carriedAlone(reachedDocs, partial);
  const heard = direct || said < 2 ? undefined : heardAlone(v, reachedDocs, reachedIdf, total);
  // A word's synonyms reaching a session (thesaurus.ts) say it is not carried by one word alone.
  const before = alone && synonyms ? [...alone].map((d) => total[d] as number) : undefined;
  synonyms?.credit(
    total,
    (w) => synonymDocs(v, words[w] as string),
    SIM.translation,
    (w) => (query[w] as QueryWord).factor,
    known / knownWords,
  );
  if (alone && before)
    [...alone].forEach((d, i) => {
      if (total[d] !== before[i]) alone.delete(d);
    });
  // A word that matches nothing weighs as much as an average word that does.
  const sum = known + unknownWords * (known / knownWords);
  // Sessions may weigh the words the programme lacks less (people are found by their whole name); not in a
  // direct search, which looks for the query's words as written.
  let sessionSum = sum;
  if (!direct && partial.possible()) {
    const top = bestOf(v, touched, total, true);
    if (top >= 0) sessionSum = Math.min(sum, partial.sum(top) ?? sum);
  }
  // Words said together in a session's prose (together.ts) raise its match: weighed against the whole query, as
  // what they gain is the very words PartialMatch weighs less, and never below the session's own score.
  let gains: Map<number, number> | undefined;
  if (together) {
    const best = bestOf(v, touched, total, false);
    const top = best < 0 ? 0 : (total[best] as number) * (v.content[best] ? 1 : NON_CONTENT_FACTOR);
    gains = together.lift(
      (d) => v.proseWords(d),
      (d) => v.docs[d]?.kind !== "speaker",
      sum,
      total,
      n,
      // A session below both cut-offs, whatever it gains, shows nowhere.
      Math.max(SUGGEST_MIN * sum, RELATIVE_CUTOFF * top),
    );
  }
  // Beside two rare words a session says, a word the programme lacks weighs less there.
  const converged =
    converging && unknownWords && converging.any()
      ? { sum: known + unknownWords * (known / knownWords) * CONVERGED_SHARE, meets: converging }
      : undefined;
  trace?.sums({ sum, sessionSum, ...(converged ? { converged: converged.sum } : {}) });
  writeScores(v, touched, sum, sessionSum, partial, gains, alone, heard, into, converged, several, trace);
}

/**
 * Tells `converging` the documents query word `w` (reaching `reached` documents) is said in as such: its matches
 * by the word itself or its stem, its translations, the titles it spells as an acronym, a word it forms with a
 * neighbour — not a slip, a sound or a part of a longer word, which meet anything by chance.
 */
function saidDocs(
  v: Vocabulary,
  converging: Converging,
  w: number,
  reached: number,
  matches: ReadonlyMap<number, number>,
  translated: readonly Map<number, number>[],
  also: Map<number, number> | undefined,
  pair: Map<number, number> | undefined,
): void {
  if (reached === 0 || reached > CONVERGING_MAX_DOCS) return;
  const typed: number[] = [];
  const translations: number[] = [];
  matches.forEach((sim, term) => {
    if (sim >= SIM.stem) for (const d of v.postingDocs(term)) typed.push(d);
  });
  for (const map of translated) for (const d of map.keys()) translations.push(d);
  // An acronym's spelled-out title and a word written with its neighbour as one say the word as typed.
  if (also) for (const d of also.keys()) typed.push(d);
  if (pair) for (const d of pair.keys()) typed.push(d);
  converging.said(w, reached, typed, translations);
}

/**
 * Tells `several` each document a query word (its `factor`, reaching `reached` documents) reaches as said: its
 * matches by the word itself or its stem, weighed as scored (a stem in prose only at {@link INEXACT_IN_PROSE}), its
 * translations, a word run together or written with its neighbour as one — not a slip, a sound or a part of a longer
 * word.
 */
function reachedAsSaid(
  v: Vocabulary,
  several: SeveralWords,
  factor: number,
  reached: number,
  matches: ReadonlyMap<number, number>,
  translated: readonly Map<number, number>[],
  also: Map<number, number> | undefined,
  pair: Map<number, number> | undefined,
): void {
  const ids = v.postingDocList;
  const weights = v.postingWeightList;
  const masks = v.postingMaskList;
  matches.forEach((sim, term) => {
    if (sim < SIM.stem) return;
    const end = v.postingStart[term + 1] as number;
    for (let i = v.postingStart[term] as number; i < end; i++) {
      const inProseOnly = sim < 1 && ((masks[i] as number) & ~PROSE_MASK) === 0;
      const s = sim * factor * (weights[i] as number);
      several.reach(ids[i] as number, inProseOnly ? s * INEXACT_IN_PROSE : s);
    }
  });
  for (const map of translated)
    map.forEach((w, d) => {
      several.reach(d, SIM.translation * factor * w);
    });
  also?.forEach((w, d) => {
    several.reach(d, SIM.translation * factor * w);
  });
  pair?.forEach((w, d) => {
    several.reach(d, factor * w);
  });
  several.next(reached);
}

/** Whether a query word's matches hold it as the programme says it: itself or its stem, not a slip or a sound. */
function saidAsSuch(matches: Map<number, number>): boolean {
  for (const sim of matches.values()) if (sim >= SIM.stem) return true;
  return false;
}

/**
 * The documents a common word of the query carries alone, when another is a dictionary's word reaching nothing,
 * or only through a translation's translation (PartialMatch.lacksKnownWord): those reached by one query word only, said in more than {@link
 * CARRIER_DOCS} documents. Such a word frames a topic (history, design, music, «школа») and the word the programme
 * lacks names it: «yacht design» is not about the design talks. Undefined when no query word is such a word.
 */
function carriedAlone(
  reached: readonly (readonly number[])[],
  partial: PartialMatch,
): Set<number> | undefined {
  if (reached.length === 0 || !partial.lacksKnownWord()) return undefined;
  const byRare = new Set<number>();
  const reaching = new Map<number, number>();
  for (const docs of reached)
    if (docs.length <= CARRIER_DOCS) for (const d of docs) byRare.add(d);
    else for (const d of docs) reaching.set(d, (reaching.get(d) ?? 0) + 1);
  const out = new Set<number>();
  reaching.forEach((words, d) => {
    if (words === 1 && !byRare.has(d)) out.add(d);
  });
  return out.size ? out : undefined;
}

/**
 * The people one query word alone reaches, and that in their name by how it sounds or by a slip (below {@link
 * SIM.phonetic}), not as the programme writes it, in a query of several words: the others say nothing of them, so the likeness
 * is a coincidence — «скорость гепарда» (a cheetah's speed) is not Hubert — and no "did you mean" either. A whole
 * name, or a name heard well, still finds its person. Undefined when there are none.
 */
function heardAlone(
  v: Vocabulary,
  reached: readonly (readonly number[])[],
  idfs: readonly number[],
  total: Float64Array,
): Set<number> | undefined {
  // Each person reached, with the one word reaching them (−1 when several do).
  const by = new Map<number, number>();
  reached.forEach((docs, w) => {
    for (const d of docs) if (v.docs[d]?.kind === "speaker") by.set(d, by.has(d) ? -1 : w);
  });
  let out: Set<number> | undefined;
  by.forEach((w, d) => {
    // A name's field heard: at least a strong match (an affiliation or a biography says the word as written).
    const match = (total[d] as number) / (idfs[w] as number);
    if (w < 0 || match < STRONG_MATCH || match >= SIM.phonetic - 1e-9) return;
    out ??= new Set();
    out.add(d);
  });
  return out;
}

/** The documents a query word's synonyms reach (thesaurus.ts), each with its best synonym's weight there. */
function synonymDocs(v: Vocabulary, word: string): Map<number, number> {
  const docs = new Map<number, number>();
  for (const t of synonymsFor(v, word))
    t.alternatives.forEach((alt, j) => {
      keepBest(docs, docsOfPhrase(v, alt, INEXACT_IN_PROSE), (j === 0 ? 1 : OTHER_SENSE) * (t.weight ?? 1));
    });
  return docs;
}

/**
 * Adds query word `w`'s matches — its best in each document of `docs` (kept in `best`, then cleared for the next
 * word) — to the documents' `total`s at its rarity `idf`, listing in `touched` each document met first; tells
 * {@link PartialMatch} and {@link SaidTogether} what they gather. The word's best match anywhere. A function of
 * its own (typed arrays, numbers) so that the loop over a broad word's hundreds of documents stays optimized.
 */
function addWord(
  w: number,
  idf: number,
  docs: readonly number[],
  best: Float32Array,
  total: Float64Array,
  touched: number[],
  partial: PartialMatch,
  together: SaidTogether | undefined,
): number {
  let reach = 0;
  together?.word(w, idf, docs.length);
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i] as number;
    const b = best[d] as number;
    if (b > reach) reach = b;
    if (b >= STRONG_MATCH) partial.held.push(d);
    if (total[d] === 0) touched.push(d);
    total[d] = (total[d] as number) + idf * b;
    together?.held(d, w, b);
    best[d] = 0;
  }
  return reach;
}

/**
 * The touched document whose total weighs most (breaks and meals at {@link NON_CONTENT_FACTOR}), the first of
 * equals; only sessions when `sessions`; −1 when none weighs anything.
 */
function bestOf(v: Vocabulary, touched: readonly number[], total: Float64Array, sessions: boolean): number {
  let top = -1;
  let topTotal = 0;
  for (let i = 0; i < touched.length; i++) {
    const d = touched[i] as number;
    const t = (total[d] as number) * (v.content[d] ? 1 : NON_CONTENT_FACTOR);
    if (t > topTotal && (!sessions || v.docs[d]?.kind !== "speaker")) {
      top = d;
      topTotal = t;
    }
  }
  return top;
}

/**
 * Each touched document's score into `into`, its total over the query's whole rarity `sum` (sessions over
 * `sessionSum` when {@link PartialMatch} weighs missing words less, or over what `partial` weighs for a session
 * saying a specific word), or with what it `gains` by words said together when that is more — below the cut-off
 * for a session a common word carries `alone` ({@link carriedAlone}), nothing for a person only `heard`
 * ({@link heardAlone}), over the `converged` sum for a session two rare query words meet in (converging.ts, when
 * that is less); clears the totals for the next search.
 */
function writeScores(
  v: Vocabulary,
  touched: readonly number[],
  sum: number,
  sessionSum: number,
  partial: PartialMatch,
  gains: Map<number, number> | undefined,
  alone: Set<number> | undefined,
  heard: Set<number> | undefined,
  into: { set(doc: number, score: number): unknown },
  converged?: { sum: number; meets: Converging },
  several?: SeveralWords,
  trace?: ScoreTrace,
): void {
  const total = v.total;
  for (let i = 0; i < touched.length; i++) {
    const d = touched[i] as number;
    const session = v.docs[d]?.kind !== "speaker";
    let own = sessionSum < sum && session ? sessionSum : sum;
    if (session && partial.specific) own = Math.min(own, partial.sumHolding(d) ?? own);
    // Not a break or a meal: "free time" is no topic.
    if (session && converged && v.content[d] && converged.sum < own && converged.meets.meets(d))
      own = converged.sum;
    const gain = gains?.get(d);
    let score = Math.max((total[d] as number) / own, gain ? ((total[d] as number) + gain) / sum : 0);
    if (session && v.content[d] && score >= AGREED_MIN && score < MIN_SCORE && several?.agreed(d))
      score = overCutoff(score);
    if (alone?.has(d) && score >= MIN_SCORE) score = belowCutoff(score);
    if (heard?.has(d)) score = 0;
    trace?.doc(d, {
      total: total[d] as number,
      own,
      ...(gain ? { gain } : {}),
      alone: alone?.has(d) ?? false,
      heard: heard?.has(d) ?? false,
      score: v.content[d] ? score : score * NON_CONTENT_FACTOR,
    });
    into.set(d, v.content[d] ? score : score * NON_CONTENT_FACTOR);
    total[d] = 0;
  }
}

/**
 * A score in [{@link AGREED_MIN}, {@link MIN_SCORE}) moved just over the cut-off, in order: onto [MIN_SCORE,
 * MIN_SCORE + {@link AGREED_SPAN}) — shown, and below nearly every session scoring over the cut-off by its own words.
 */
export function overCutoff(score: number): number {
  return MIN_SCORE + (AGREED_SPAN * (score - AGREED_MIN)) / (MIN_SCORE - AGREED_MIN);
}
/** The width of the scores {@link overCutoff} lifts sessions onto. */
const AGREED_SPAN = 0.005;

/**
 * A score of at least {@link MIN_SCORE} moved just below it, in order: [MIN_SCORE, 1] onto [{@link
 * CARRIED_ALONE_SHARE} × MIN_SCORE, MIN_SCORE) — offered as "did you mean", never shown as a result.
 */
export function belowCutoff(score: number): number {
  const above = Math.min(1, (score - MIN_SCORE) / (1 - MIN_SCORE));
  return MIN_SCORE * (CARRIED_ALONE_SHARE + (1 - CARRIED_ALONE_SHARE) * above * 0.99);
}

/**
 * Document `d` matched `match` by one more way: listed in `docs` the first time anything reaches it, its best match
 * kept in `best` (the scoring's per-document scratch).
 */
function credit(best: Float32Array, docs: number[], d: number, match: number): void {
  if (best[d] === 0) docs.push(d);
  if (match > (best[d] as number)) best[d] = match;
}

/**
 * {@link credit} for every document holding programme word `term`, matched `s` times its field's weight; an
 * `inexact` match (by stem, sound or typo) in prose only at {@link INEXACT_IN_PROSE} of that, as prose says much
 * in passing ("knitting" is not a talk whose abstract says "tight-knit"). Reads the postings in place; a
 * function of its own, on typed arrays and numbers only, so that it stays optimized whatever else a query holds.
 */
function creditPostings(
  v: Vocabulary,
  term: number,
  s: number,
  inexact: boolean,
  best: Float32Array,
  docs: number[],
): void {
  const ids = v.postingDocList;
  const weights = v.postingWeightList;
  const masks = v.postingMaskList;
  const end = v.postingStart[term + 1] as number;
  for (let i = v.postingStart[term] as number; i < end; i++) {
    const inProseOnly = inexact && ((masks[i] as number) & ~PROSE_MASK) === 0;
    credit(
      best,
      docs,
      ids[i] as number,
      inProseOnly ? s * (weights[i] as number) * INEXACT_IN_PROSE : s * (weights[i] as number),
    );
  }
}

/** {@link credit} for each document of `weights` (document → a field's weight), matched `s` times that weight. */
function creditEach(weights: Map<number, number>, s: number, best: Float32Array, docs: number[]): void {
  weights.forEach((w, d) => {
    credit(best, docs, d, s * w);
  });
}

/**
 * The documents holding a specific query word, or undefined when it is none. A word is specific when the programme
 * says it as typed (or by its stem, or with one slip in a Latin word of {@link MIN_SPECIFIC_SLIPPED} letters or more)
 * in at most {@link SPECIFIC_DOCS} documents, and neither it nor the programme's
 * word it meets is a word of everyday language (everyday.ts): a tool, a library, a project, a term («mypy»,
 * «pyflakes», «Glasfaserstreit»). Said in passing in an abstract, an everyday word may mean anything; a specific
 * word means the one thing it names, wherever it is said. Words shorter than a dictionary can tell from a jumble
 * or an acronym are never specific.
 */
function specificDocs(
  v: Vocabulary,
  word: string,
  matches: ReadonlyMap<number, number>,
): number[] | undefined {
  if (word.length < MIN_SPECIFIC_LETTERS) return undefined;
  const docs: number[] = [];
  const terms: string[] = [];
  // One slip in a long Latin word is as good as the word ("frontrea" Frontera); a shorter one may be another word,
  // and a Cyrillic one is heard, not typed.
  const slipped =
    word.length >= MIN_SPECIFIC_SLIPPED && !isCyrillic(word)
      ? SIM.typo * (1 - 1 / word.length) - 1e-6
      : SIM.stem;
  for (const [term, sim] of matches) {
    if (sim < SIM.stem && sim < slipped) continue;
    terms.push(v.terms[term] as string);
    for (const d of v.postingDocs(term)) {
      if (docs.includes(d)) continue;
      if (docs.length === SPECIFIC_DOCS) return undefined;
      docs.push(d);
    }
  }
  if (!docs.length || isEverydayWord(word, v.languages)) return undefined;
  return terms.some((t) => t !== word && isEverydayWord(t, v.languages)) ? undefined : docs;
}
/** Shortest specific word (as isDictionaryWord: shorter ones no dictionary tells from jumbles or acronyms). */
const MIN_SPECIFIC_LETTERS = 4;
/** Shortest word whose one slip still says a specific word ({@link specificDocs}). */
const MIN_SPECIFIC_SLIPPED = 7;

/**
 * What the query words weigh when the best session matches only some of them. Attendees describe a topic in
 * two to five words of which one or two reach the programme («прокат велосипедов»: bike hire, where the
 * programme says bike sharing); weighing every word alike, the words it lacks held the talk on bikes below the
 * cut-off. So when the best session holds a word of the query strongly (at least {@link STRONG_MATCH}), a word
 * reaching the programme only weakly (a slip, a sound, in passing) counts at {@link WEAK_WORD_SHARE} of its
 * weight, and one reaching nothing that no dictionary lists (a borrowed, derived or jargon form the search
 * cannot read: «терабитный») at {@link UNREAD_WORD_SHARE}; a dictionary's word reaching nothing keeps its full
 * weight — what it means is known, and the programme has none of it (wedding in «свадебное платье»). Neither
 * counts for more than the average word the programme holds strongly, so a weak word's high IDF (few, fuzzy
 * matches) does not outweigh the rest. The weights are the same for every session, so the order of sessions
 * never changes: only whether the best is confident enough to show. One word alone, or words all held strongly,
 * score as before; nonsense reaches nothing strongly. The one exception is a specific word (specificDocs): the
 * one or two sessions saying it hold it strongly wherever they say it ({@link PartialMatch.sumHolding}), so
 * «mypy at scale» finds the talk whose abstract names mypy — and «mypy» among two other words it does not.
 */
class PartialMatch {
  /** Documents holding some query word at least {@link STRONG_MATCH}. */
  readonly held: number[] = [];
  /** Whether some query word is specific (specificDocs). */
  specific = false;
  /** Every query word reaching the programme: its IDF, its best match anywhere and, when specific, who says it. */
  private readonly words: { idf: number; reach: number; holders?: readonly number[] }[] = [];
  /** The words reaching nothing. */
  private readonly lacking: string[] = [];
  /** The words reaching the programme only through a translation's translation (Translation.pivot). */
  private readonly pivoted: string[] = [];
  /** Of {@link lacking}, whether a dictionary lists each: looked up once, when weighed. */
  private known?: boolean[];

  /** A query word reaching the programme: its IDF, its best match anywhere and, when specific, who says it. */
  reached(idf: number, reach: number, holders?: readonly number[], pivoted?: string): void {
    this.words.push(holders ? { idf, reach, holders } : { idf, reach });
    if (holders) this.specific = true;
    if (pivoted) this.pivoted.push(pivoted);
  }

  /** A query word reaching nothing. */
  unreached(word: string): void {
    this.lacking.push(word);
  }

  /**
   * Whether the programme lacks some query word a dictionary lists: one reaching nothing, or reaching only through
   * a translation's translation — «кредит» → credit → Kreide (chalk, "auf Kreide": on credit) in a quilting
   * workshop's abstract says no more of what the programme holds than nothing.
   */
  lacksKnownWord(): boolean {
    this.known ??= this.lacking.map(isDictionaryWord);
    return this.known.includes(true) || this.pivoted.some(isDictionaryWord);
  }

  /** Whether some words reach the programme strongly and others do not. */
  possible(): boolean {
    let strong = 0;
    for (const w of this.words) if (w.reach >= STRONG_MATCH) strong++;
    return strong > 0 && this.words.length + this.lacking.length > strong;
  }

  /** The denominator of the weighted mean for sessions when `top` is the best session; undefined when as before. */
  sum(top: number): number | undefined {
    if (!this.possible() || !this.held.includes(top)) return undefined;
    return this.weighed((w) => (w.reach >= STRONG_MATCH ? w.idf : undefined));
  }

  /**
   * The denominator for session `d` when it says a specific word of the query; undefined when it says none, or
   * when it holds every word. A specific word counts as held strongly by the sessions that say it, weighing what
   * the best place saying it can give: an abstract the share of a title it is worth, so that the word there
   * carries a session as a title would, and the other words weigh as beside any word held strongly. A title still
   * outranks an abstract saying it, and a session not saying it is weighed as before.
   */
  sumHolding(d: number): number | undefined {
    if (!this.words.some((w) => w.holders?.includes(d))) return undefined;
    const held = (w: { idf: number; reach: number; holders?: readonly number[] }) =>
      w.holders?.includes(d) ? w.idf * Math.min(1, w.reach) : w.reach >= STRONG_MATCH ? w.idf : undefined;
    if (this.lacking.length === 0 && this.words.every((w) => held(w) !== undefined)) return undefined;
    return this.weighed(held);
  }

  /** The sum of the words' weights when `strong` gives those of the words held strongly (undefined: the others). */
  private weighed(
    strong: (w: { idf: number; reach: number; holders?: readonly number[] }) => number | undefined,
  ): number {
    let sum = 0;
    let count = 0;
    for (const w of this.words) {
      const s = strong(w);
      if (s !== undefined) [sum, count] = [sum + s, count + 1];
    }
    const average = sum / count;
    for (const w of this.words)
      if (strong(w) === undefined) sum += WEAK_WORD_SHARE * Math.min(w.idf, average);
    this.known ??= this.lacking.map(isDictionaryWord);
    for (const known of this.known) sum += (known ? 1 : UNREAD_WORD_SHARE) * average;
    return sum;
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
