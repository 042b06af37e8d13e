/**
 * Direct matches: the query's words as the programme writes them — as typed or on the other keyboard layout, by
 * stem, as a word's beginning, a Cyrillic word in Latin letters, a glossary phrase by its translation — and no
 * other way: no slips, sound, name skeletons, parts of words, dictionary translations, acronyms or words written
 * as one. The search of the other conferences of a series ("Also at", src/bot/views/series.ts) asks for these
 * only: it offers a match of the whole query as written, and it searches several programmes per query, so it
 * must cost a few look-ups per word where the full search works out every reading.
 */
import { knows, type Memo, phraseDocs, SIM, sameStem } from "./candidates.js";
import { type Translation, translateTokens } from "./glossary.js";
import { Lru, perOwner } from "./lru.js";
import { isCyrillic } from "./normalize.js";
import { SHARED_WORDS_KEPT, sharedByWord } from "./per-word.js";
import { isPlaceWord } from "./places.js";
import {
  chunkWords,
  LAYOUT_PENALTY,
  meaningfulOf,
  NO_STOP,
  type QueryWord,
  retypedChunkWords,
} from "./query.js";
import { queryStem } from "./stem.js";
import { latinSpellings } from "./translit.js";
import type { Vocabulary } from "./vocabulary.js";
import { mayHold } from "./word-filter.js";

/** Shortest query word (or stem) taken as the beginning of a programme word. */
const MIN_PREFIX = 4;
/** At most this many programme words a beginning reaches (as the full search's prefix matches). */
const MAX_PREFIX_TERMS = 40;

// What does not depend on the programme is worked out once per query text, whichever index asks (per-word.ts):
// a series asks each of its conferences the same query.

/** The glossary's translations of a list of query words (the same for every programme). */
function glossaryOf(list: readonly string[]): Translation[] {
  return glossaryOfText(list.join(" "));
}

/** {@link glossaryOf} by the words joined with spaces (no query word holds one). */
const glossaryOfText = sharedByWord((text) => translateTokens(text.split(" ")));

/**
 * The glossary's translations a direct search scores: not the query's own words as one of a phrase's
 * alternatives ("open source" is a phrase of the glossary, and its own English one): a document holding them is
 * found by them as written, and better (SIM.exact or SIM.stem against SIM.translation), so matching the phrase
 * again in every document holding its words would change no score.
 */
export function directTranslations(list: readonly string[]): Translation[] {
  const out: Translation[] = [];
  for (const t of glossaryOf(list)) {
    const own = list.slice(t.start, t.start + t.length).join(" ");
    // The first alternative stays whatever it is: it is the usual sense, worth more than the others.
    const alternatives = t.alternatives.filter((alt, j) => j === 0 || alt.join(" ") !== own);
    if (alternatives.length)
      out.push(alternatives.length === t.alternatives.length ? t : { ...t, alternatives });
  }
  return out;
}

/** Whether the vocabulary holds a word longer than `prefix` that begins with it (four letters or more). */
function begins(v: Vocabulary, prefix: string): boolean {
  if (prefix.length < MIN_PREFIX) return false;
  let found = false;
  v.sortedTerms.withPrefix(prefix, 2, (term) => {
    if (term.length > prefix.length) found = true;
  });
  return found;
}

/** Whether the vocabulary holds a Cyrillic word in Latin letters, as written («джанго» django). */
function spelledInLatin(v: Vocabulary, word: string): boolean {
  if (!isCyrillic(word)) return false;
  for (const spelling of latinSpellings(word)) if (v.termIds.has(spelling)) return true;
  return false;
}

/**
 * Whether a query word reaches the programme directly: as written or by stem, as the beginning of a longer word
 * (the word or its stem), or in Latin letters. A look-up or a binary search each, no match list built.
 */
function holdsWord(v: Vocabulary, word: string): boolean {
  // Most programmes of a series hold none of a query's words: the filter says so in a probe a key.
  if (!mayHold(v, word)) return false;
  if (knows(v, word)) return true;
  if (/\d/.test(word)) return false;
  const stem = queryStem(word);
  return begins(v, word) || (stem !== word && begins(v, stem)) || spelledInLatin(v, word);
}

/** {@link holdsWord} for one vocabulary, remembered for one query: its readings ask of the same words again. */
function heldIn(v: Vocabulary): (word: string) => boolean {
  const seen = new Map<string, boolean>();
  return (word) => {
    let held = seen.get(word);
    if (held === undefined) {
      held = holdsWord(v, word);
      seen.set(word, held);
    }
    return held;
  };
}

/**
 * The programme words a query word reaches directly ({@link holdsWord}), each with how well (the full search's
 * similarities: exact, stem, prefix, a Latin spelling as a name heard); remembered for the rest of one search.
 */
export function directMatches(v: Vocabulary, word: string, memo: Memo): Map<number, number> {
  const key = `=${word}`;
  let found = memo.get(key);
  if (!found) {
    found = keptOf(v).remember(key, () => matchDirectly(v, word));
    memo.set(key, found);
  }
  return found;
}

/**
 * How many of a programme's direct matches (a query word's, a glossary phrase's documents) are remembered from
 * one search to the next, as candidates.ts remembers the full search's: a series asks every conference, and
 * attendees repeat words. A few kB each; the most a common translation reaches ("development" at FOSDEM 2026:
 * some 300 documents) about 15 kB.
 */
export const DIRECT_MATCHES_KEPT = 1_000;
/** A vocabulary's remembered direct matches (see {@link DIRECT_MATCHES_KEPT}); their readers never change them. */
export const keptOf = perOwner<Vocabulary, Lru<string, Map<number, number>>>(
  () => new Lru(DIRECT_MATCHES_KEPT),
);

/**
 * The documents holding a glossary phrase's translation (candidates.ts matchPhrase), remembered across a
 * vocabulary's searches (candidates.ts phraseDocs): a query word's translations are the same every time it is
 * asked.
 */
export function directPhraseDocs(
  v: Vocabulary,
  phrase: readonly string[],
  inProse: number,
): Map<number, number> {
  return phraseDocs(v, phrase, inProse);
}

/** {@link directMatches} worked out. */
function matchDirectly(v: Vocabulary, word: string): Map<number, number> {
  const out = new Map<number, number>();
  const add = (term: number, sim: number) => {
    if ((out.get(term) ?? 0) < sim) out.set(term, sim);
  };
  const exact = v.termIds.get(word);
  if (exact !== undefined) add(exact, SIM.exact);
  for (const t of sameStem(v, word)) {
    // A name is only ever written one way: "knitting" is not the project Knit, though stemmed alike.
    if (!v.lowerCount[t] && word.length > (v.terms[t] as string).length + 2) continue;
    add(t, SIM.stem);
  }
  if (/\d/.test(word)) return out;
  for (const prefix of new Set([word, queryStem(word)]))
    if (prefix.length >= MIN_PREFIX)
      v.sortedTerms.withPrefix(prefix, MAX_PREFIX_TERMS, (term, id) => {
        if (term.length > prefix.length) add(id, SIM.prefix * Math.sqrt(prefix.length / term.length));
      });
  if (!out.size && isCyrillic(word))
    for (const spelling of latinSpellings(word)) {
      const id = v.termIds.get(spelling);
      if (id !== undefined) add(id, SIM.phonetic);
    }
  return out;
}

/**
 * Whether every word of a list reaches the programme directly, or lies within a glossary phrase whose
 * translation it holds (worked out only for a list with a word held no other way).
 */
function heldWords(v: Vocabulary, list: readonly string[], holds: (word: string) => boolean): boolean {
  if (!list.length) return false;
  let glossed: Set<number> | undefined;
  for (let i = 0; i < list.length; i++) {
    if (holds(list[i] as string)) continue;
    if (!glossed) {
      glossed = new Set();
      for (const t of glossaryOf(list))
        if (t.alternatives.some((alt) => alt.every((w) => knows(v, w))))
          for (let j = t.start; j < t.start + t.length; j++) glossed.add(j);
    }
    if (!glossed.has(i)) return false;
  }
  return true;
}

/** A whitespace-separated word of the query: its words as typed, and as retyped on the other layout. */
interface Chunk {
  chunk: string;
  typed: string[];
  /** The words as retyped, worked out when needed. */
  retyped?: string[];
  /** Whether it names a kind of place only ("зал", "devroom"). */
  place: boolean;
}

/**
 * The query's chunks (words that are all noise left out); the word after a place word is kept whatever it is.
 * They depend on the programme's stop words alone (its content languages'), so they are worked out once per
 * query for every index with the same ones, as a series asks each of its conferences in turn; shared, their
 * retyped words too: read them, never change them.
 */
function chunksOf(v: Vocabulary, query: string): readonly Chunk[] {
  return chunksKept.remember(`${stopId(v.stop)}\t${query}`, () => {
    const out: Chunk[] = [];
    let afterPlace = false;
    for (const chunk of query.split(/\s+/)) {
      const typed: string[] = meaningfulOf(chunkWords(chunk), afterPlace ? NO_STOP : v.stop).words;
      afterPlace = typed.length > 0 && isPlaceWord(typed[typed.length - 1] as string);
      if (typed.length) out.push({ chunk, typed, place: typed.every(isPlaceWord) });
    }
    return out;
  });
}

/** The chunks of the latest queries, by stop words and query ({@link chunksOf}). */
const chunksKept = new Lru<string, readonly Chunk[]>(SHARED_WORDS_KEPT);

/** Per set of stop words, a number that every equal set shares: vocabularies of one language build equal sets. */
const stopIds = new WeakMap<ReadonlySet<string>, number>();
/** The numbers given, by a set's words in order. */
const stopNumbers = new Map<string, number>();

/** The number of a set of stop words ({@link stopIds}), the same for every set of the same words. */
function stopId(stop: ReadonlySet<string>): number {
  let id = stopIds.get(stop);
  if (id === undefined) {
    const words = [...stop].sort().join(" ");
    id = stopNumbers.get(words) ?? stopNumbers.size;
    stopNumbers.set(words, id);
    stopIds.set(stop, id);
  }
  return id;
}

/** A chunk's meaningful words retyped on the other layout (letters the punctuation keys leave alone dropped). */
function retyped(v: Vocabulary, c: Chunk): string[] {
  c.retyped ??= meaningfulOf(retypedChunkWords(c.chunk), v.stop).words.filter(
    (w) => w.length > 1 || /\d/.test(w),
  );
  return c.retyped;
}

/**
 * The query read for direct matches: per whitespace-separated word, its words as typed when the programme holds
 * them all directly, else as retyped on the other layout (worth {@link LAYOUT_PENALTY}) when it holds those; a
 * glossary phrase may span words, typed or retyped ("машинное обучение"). Undefined when some word carrying
 * meaning it holds no such way. A place word ("зал", "devroom") only weighs the others, and need not be held,
 * unless it is all there is; the word after one is kept even when it reads as a stop word ("hall a"), as the
 * full search reads it.
 */
export function directWords(v: Vocabulary, query: string): QueryWord[] | undefined {
  const chunks = chunksOf(v, query);
  if (!chunks.length) return undefined;
  const needed = chunks.some((c) => !c.place);
  const holds = heldIn(v);
  // Each chunk as typed unless only its retyping is held; failing that, every chunk retyped.
  const mixed = chunks.map(
    (c) => !c.typed.every(holds) && retyped(v, c).length > 0 && heldWords(v, retyped(v, c), holds),
  );
  const readings = [mixed];
  if (mixed.some((swapped, i) => !swapped && retyped(v, chunks[i] as Chunk).length))
    readings.push(chunks.map((c) => retyped(v, c).length > 0));
  for (const swapped of readings) {
    const out: QueryWord[] = [];
    const check: string[] = [];
    chunks.forEach((c, i) => {
      const list = swapped[i] ? retyped(v, c) : c.typed;
      for (const word of list) out.push({ word, factor: swapped[i] ? LAYOUT_PENALTY : 1 });
      if (!needed || !c.place) check.push(...list);
    });
    if (!heldWords(v, check, holds)) continue;
    // Single letters say nothing on their own ("c"); beside other words they may ("hall b", "plan 9").
    if (out.every((q) => q.word.length === 1 && !/\d/.test(q.word))) return undefined;
    if (needed) for (const q of out) if (isPlaceWord(q.word)) q.optional = true;
    return out;
  }
  return undefined;
}
