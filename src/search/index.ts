/**
 * Programme search. `buildSearchIndex` turns a programme into an index once per load; `search` then costs in
 * proportion to what a query matches, not to the size of the programme. A search is a pipeline, a stage a file:
 *
 * 1. build.ts (once per programme): every searchable session and speaker a document, their words in a
 *    {@link Vocabulary} with postings and the keys a query word reaches them by.
 * 2. query.ts — normalise the query: its words that carry meaning, each read as typed or on the other keyboard
 *    layout.
 * 3. candidates.ts — find candidates: the vocabulary words each query word reaches (exact, stem, prefix, typo,
 *    phonetic key, consonant skeleton) and how well, and the documents holding a glossary phrase.
 * 4. score.ts — score: the IDF-weighted mean over query words of match × field weight; acronyms.ts adds what
 *    an acronym or its spelled-out form reaches; then the cut-offs. When nothing passes them, the best weak
 *    matches may be offered apart as "did you mean" (`didYouMean`).
 * 5. rerank.ts — rerank: fuse.js orders near-ties among the best by how closely their titles hold the phrase.
 */
import type { Programme } from "../programme/model.js";
import { prepareTitleInitials, scoreAcronyms, spellOutAcronyms } from "./acronyms.js";
import { keepingBetter, typedApart } from "./apart.js";
import { buildVocabulary } from "./build.js";
import { knows, type Memo } from "./candidates.js";
import { compoundParts } from "./cross-language.js";
import { directWords } from "./direct.js";
import { DocScores, type ScoredDocs } from "./doc-scores.js";
import type { ResultKind } from "./documents.js";
import { deriveEnglish } from "./english-derived.js";
import { interpretQuery, type QueryWord } from "./query.js";
import { RERANK_CANDIDATES, rerank } from "./rerank.js";
import { type ScoreTrace, scoreWords, weakMatches } from "./score.js";
import { prepareSearchData } from "./search-data.js";
import { splitJoinedWords } from "./split-words.js";
import { type Doc, Vocabulary } from "./vocabulary.js";
import { reachWithout } from "./without.js";
import { prepareWordFilter } from "./word-filter.js";

export { FIELD_WEIGHTS, type ResultKind } from "./documents.js";
export { PHRASE_BONUS, RERANK_CANDIDATES } from "./rerank.js";
export { MIN_SCORE } from "./score.js";

/** One search hit. `title` (sessions) and `name` (speakers) are the English texts, else the first language's. */
export interface SearchResult {
  kind: ResultKind;
  id: string;
  /** Confidence in [0, 1], higher is better. */
  score: number;
  title?: string;
  name?: string;
}

/** Options of {@link SearchIndex.search}. */
export interface SearchOptions {
  /** At most this many results (default 10). */
  limit?: number;
  /**
   * Only matches of the whole query as the programme writes it (direct.ts): every word that carries meaning as
   * typed or on the other layout, by stem, as a word's beginning, in Latin letters, or within a glossary phrase
   * whose translation the programme holds — none by slips, sound or a dictionary's translation, no acronym
   * spelled out, nothing when a word is not held so (direct.ts directWords). A few look-ups a
   * word: for searching many programmes per query ("Also at" in a series).
   */
  direct?: boolean;
}

/** A programme indexed for search. */
export interface SearchIndex {
  /** Results best first; empty when nothing in the programme matches with confidence. */
  search(query: string, options?: SearchOptions): SearchResult[];
  /**
   * When `search` finds nothing, the few weak matches to offer as "did you mean" — shown apart from results,
   * never as one; empty for nonsense and whenever `search` finds something.
   */
  didYouMean?(query: string): SearchResult[];
  /** How many documents (sessions and speakers) and distinct words the index holds. */
  readonly stats: { documents: number; terms: number };
  /**
   * Makes now the keys searches make on first use (Vocabulary.prepareFirstUse, the title initials, the direct
   * searches' word filter) and reads the data files they read (search-data.ts), so that no query waits for
   * them: for when the bot has started serving. Answers are the same either way.
   */
  prepareFirstUse?(): void;
}

/** How many documents of a direct search's results an index keeps per query ({@link SearchOptions.direct}). */
const DIRECT_KEPT = 12;

/**
 * A query's entry in a map of the latest ones, least recently used first, made by `make` when missing (the map
 * then bounded to {@link SCORED_QUERIES_KEPT}).
 */
function latest<T>(kept: Map<string, T>, query: string, make: () => T): T {
  let entry = kept.get(query);
  if (entry !== undefined) kept.delete(query);
  else {
    entry = make();
    if (kept.size >= SCORED_QUERIES_KEPT) kept.delete(kept.keys().next().value as string);
  }
  kept.set(query, entry);
  return entry;
}

/** How many queries' scores an index keeps (12 bytes a document scored: under 1 MB for 64 broad queries on FOSDEM 2026). */
export const SCORED_QUERIES_KEPT = 64;

/** The pipeline over one vocabulary. */
class Index implements SearchIndex {
  constructor(readonly vocabulary: Vocabulary) {}

  get stats() {
    return { documents: this.vocabulary.docs.length, terms: this.vocabulary.terms.length };
  }

  prepareFirstUse(): void {
    this.vocabulary.prepareFirstUse();
    // What the first acronym-like word and the first direct search ("Also at") make of this programme, and
    // the data files every programme's searches read.
    prepareTitleInitials(this.vocabulary);
    prepareWordFilter(this.vocabulary);
    prepareSearchData(this.vocabulary.languages);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 10;
    if (options.direct) return this.results(this.directRanked(query, limit).slice(0, limit));
    const { words, scores } = this.score(query);
    // Neither the results nor re-ranking look further than the best limit or RERANK_CANDIDATES: only those are sorted.
    const ranked = scores.ranked(Math.max(limit, RERANK_CANDIDATES));
    rerank(this.vocabulary, ranked, words, limit);
    return this.results(ranked.slice(0, limit));
  }

  didYouMean(query: string): SearchResult[] {
    const { words, scores } = this.score(query);
    // Only a query with a word the programme holds as typed (or by stem) has a weak match worth offering: one
    // reached by sound or slips alone is how nonsense scores.
    if (!words.some((q) => knows(this.vocabulary, q.word))) return [];
    return this.results(weakMatches(scores.toMap()));
  }

  /**
   * The latest queries scored, least recently used first (at most {@link SCORED_QUERIES_KEPT}): the bot asks
   * {@link didYouMean} of the query {@link search} just found nothing for, a paging button scores its query
   * again, and many attendees type the same few words. The vocabulary never changes, so a query's scores
   * never do; callers only read them.
   */
  private readonly scored = new Map<string, { words: QueryWord[]; scores: ScoredDocs }>();
  /**
   * The same for direct searches ({@link SearchOptions.direct}), asked of every conference of a series: only
   * their best {@link DIRECT_KEPT} documents, which is all a direct search returns (a broad query scores
   * hundreds, and every conference of a series keeps its own).
   */
  private readonly rankedDirect = new Map<string, [doc: number, score: number][]>();

  /** The query read, and every document it reaches with its score (before any cut-off). */
  private score(query: string): { words: QueryWord[]; scores: ScoredDocs } {
    return latest(this.scored, query, () => this.scoreAnew(query));
  }

  /**
   * A direct search's documents above the cut-offs, best first, at least `limit` of them when there are. Near-ties
   * stay in programme order: re-ranking them by the title phrase changed 15 of 4,510 first-two answers at nine
   * conferences (8 of them the same two, swapped) and cost broad queries up to a third of their direct search.
   */
  private directRanked(query: string, limit: number): [doc: number, score: number][] {
    if (limit > DIRECT_KEPT) return this.rankDirect(query, limit);
    return latest(this.rankedDirect, query, () => this.rankDirect(query, DIRECT_KEPT));
  }

  private rankDirect(query: string, keep: number): [doc: number, score: number][] {
    const words = directWords(this.vocabulary, query) ?? [];
    if (!words.length) return [];
    this.directScores ??= new DocScores(this.vocabulary.docs.length);
    scoreWords(this.vocabulary, words, new Map(), this.directScores, true);
    return this.directScores.ranked(keep);
  }

  /** The direct searches' scores, reused: a series asks one of every conference per query. */
  private directScores?: DocScores;

  private scoreAnew(query: string): { words: QueryWord[]; scores: ScoredDocs } {
    this.scores ??= new DocScores(this.vocabulary.docs.length);
    const words = scoreQuery(this.vocabulary, query, this.scores);
    return { words, scores: this.scores.take() };
  }

  /** A search's scores as they are worked out, reused: {@link scoreAnew} takes them out for each query. */
  private scores?: DocScores;

  private results(ranked: readonly [doc: number, score: number][]): SearchResult[] {
    return ranked.map(([d, score]) => ({
      ...(this.vocabulary.docs[d] as Doc),
      score: Math.round(Math.min(1, score) * 1000) / 1000,
    }));
  }
}

/**
 * The pipeline's stages 2–4 for one query: its words read, acronyms spelled out, words run together split,
 * "without" words' -less forms (without.ts) and English derivations found, every document they reach scored into
 * `scores`; returns the words as read. A `trace` hears how the scoring went (the search never passes one:
 * scripts/explain-search.ts does).
 */
export function scoreQuery(
  v: Vocabulary,
  query: string,
  scores: { set(doc: number, score: number): unknown; get(doc: number): number | undefined },
  trace?: ScoreTrace,
): QueryWord[] {
  const memo: Memo = new Map();
  // The stages that read the text read it as read: a query typed on the wrong layout, retyped ("ВЫФ" → "DSA").
  const { words, text } = interpretQuery(v, query, memo);
  spellOutAcronyms(v, text, words, memo);
  splitJoinedWords(v, words, memo);
  reachWithout(v, text, words);
  deriveEnglish(v, words, memo);
  scoreWords(v, words, memo, scores, false, trace);
  // A German compound scores at least what its parts typed apart would (apart.ts).
  const apart = typedApart(words, (w) => compoundParts(v, w));
  if (apart) scoreWords(v, apart, memo, keepingBetter(scores));
  scoreAcronyms(v, text, memo, scores);
  return words;
}

/** Indexes a programme's sessions (of every kind: "lunch" finds the lunch) and speakers. */
export function buildSearchIndex(programme: Programme): SearchIndex {
  return new Index(buildVocabulary(programme));
}

/**
 * A built index as bytes, for a cache (see src/search/index-cache.ts): restoring them with
 * {@link restoreSearchIndex} costs a small part of building the index again.
 */
export function searchIndexSnapshot(index: SearchIndex): Buffer {
  if (!(index instanceof Index)) throw new TypeError("not an index buildSearchIndex made");
  return index.vocabulary.snapshot();
}

/** The index a {@link searchIndexSnapshot} was taken of; throws on bytes that are none. */
export function restoreSearchIndex(bytes: Uint8Array): SearchIndex {
  return new Index(Vocabulary.restore(bytes));
}
