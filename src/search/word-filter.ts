/**
 * A programme's words in a Bloom filter, for the direct search that a series asks of every other conference per
 * query ("Also at", direct.ts): most conferences hold none of a query's words, and finding that out through the
 * vocabulary's maps and sorted words — the word, its stems, its beginning, up to 64 Latin spellings of a Cyrillic
 * word — cost more than the search of those that hold them (a few dozen look-ups per word, each in another
 * programme's large tables). The filter answers "not held" in one cache line a key; what it lets through is
 * checked in full, so a direct search finds exactly what it found without it.
 */
import { isCyrillic } from "./normalize.js";
import { queryStem } from "./stem.js";
import { latinSpellings } from "./translit.js";
import type { Vocabulary } from "./vocabulary.js";

/** Shortest beginning of a programme word a direct search looks for (direct.ts MIN_PREFIX). */
export const FILTER_MIN_PREFIX = 4;
/** Bits of filter per key (about 2% of absent keys pass, in 32-bit blocks of three bits a key). */
const BITS_PER_KEY = 12;

/** FNV-1a of a string's UTF-16 units. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/** A 32-bit hash well mixed (murmur3's finalizer): its top bits pick the block, its low 15 the three bits. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A blocked Bloom filter of strings: `has` is false only for a string never added. */
export class WordFilter {
  private readonly blocks: Uint32Array;
  private readonly shift: number;

  /** A filter sized for about `keys` strings. */
  constructor(keys: number) {
    // A power of two of blocks, at most 2^17 so that the block's bits never overlap the three bits' own.
    let log = 4;
    while (log < 17 && 2 ** log * 32 < keys * BITS_PER_KEY) log++;
    this.blocks = new Uint32Array(2 ** log);
    this.shift = 32 - log;
  }

  /** Adds a string by its {@link fnv} hash. */
  addHash(h: number): void {
    const x = mix(h);
    this.blocks[x >>> this.shift] = (this.blocks[x >>> this.shift] as number) | bitsOf(x);
  }

  /** Whether a string of this {@link fnv} hash may have been added. */
  hasHash(h: number): boolean {
    const x = mix(h);
    const bits = bitsOf(x);
    return ((this.blocks[x >>> this.shift] as number) & bits) === bits;
  }

  /** Adds a string. */
  add(s: string): void {
    this.addHash(fnv(s));
  }

  /** Whether a string may have been added. */
  has(s: string): boolean {
    return this.hasHash(fnv(s));
  }
}

function bitsOf(x: number): number {
  return (1 << (x & 31)) | (1 << ((x >>> 5) & 31)) | (1 << ((x >>> 10) & 31));
}

/**
 * The filter of a vocabulary's words, their beginnings of {@link FILTER_MIN_PREFIX} letters or more (shorter than
 * the word) and their stems: everything a query word reaches directly by (direct.ts holdsWord).
 */
export function buildWordFilter(v: Vocabulary): WordFilter {
  let keys = v.byStem.size;
  for (const term of v.terms) keys += Math.max(1, term.length - FILTER_MIN_PREFIX + 1);
  const filter = new WordFilter(keys);
  for (const term of v.terms) {
    // A beginning's hash is the word's hash so far: one pass over its letters adds them all.
    let h = 0x811c9dc5;
    for (let i = 0; i < term.length; i++) {
      h = Math.imul(h ^ term.charCodeAt(i), 16777619);
      if (i + 1 >= FILTER_MIN_PREFIX || i + 1 === term.length) filter.addHash(h);
    }
  }
  for (const s of v.byStem.keys()) filter.addHash(fnv(s));
  return filter;
}

const filters = new WeakMap<Vocabulary, WordFilter>();

/**
 * Makes a vocabulary's word filter now (its first direct search would), for an index's first-use work (index.ts
 * prepareFirstUse).
 */
export function prepareWordFilter(v: Vocabulary): void {
  filterOf(v);
}

/** A vocabulary's {@link buildWordFilter}, made on its first direct search. */
function filterOf(v: Vocabulary): WordFilter {
  let f = filters.get(v);
  if (!f) {
    f = buildWordFilter(v);
    filters.set(v, f);
  }
  return f;
}

/** A query word's keys as the filter hashes them, worked out once for every programme of a series. */
interface WordKeys {
  word: number;
  /** Per language, the hash of the word's stem in it. */
  stems: Map<string, number>;
  /** For a Cyrillic word, the hashes of its Latin spellings. */
  spellings?: Int32Array;
  digit: boolean;
  cyrillic: boolean;
}

/** Bounded memo of {@link WordKeys} by word (emptied when full). */
const remembered = new Map<string, WordKeys>();
const REMEMBERED = 2_000;

function keysOf(word: string): WordKeys {
  let keys = remembered.get(word);
  if (!keys) {
    if (remembered.size >= REMEMBERED) remembered.clear();
    keys = { word: fnv(word), stems: new Map(), digit: /\d/.test(word), cyrillic: isCyrillic(word) };
    remembered.set(word, keys);
  }
  return keys;
}

/** The hash of a word's stem in a language (see {@link WordKeys.stems}). */
function stemHash(keys: WordKeys, word: string, lang: string): number {
  let h = keys.stems.get(lang);
  if (h === undefined) {
    h = fnv(queryStem(word, lang));
    keys.stems.set(lang, h);
  }
  return h;
}

/**
 * Whether a query word may reach the vocabulary directly: false only when it does not (direct.ts holdsWord: not
 * as written, by any of its stems, as the beginning of a longer word — itself or its English stem —, nor, for a
 * Cyrillic word, in Latin letters).
 */
export function mayHold(v: Vocabulary, word: string): boolean {
  const f = filterOf(v);
  const keys = keysOf(word);
  if (f.hasHash(keys.word)) return true;
  // The stems candidates.ts stemsOf looks a word up by: Russian for a Cyrillic word, else each Latin language's.
  if (keys.cyrillic) {
    if (f.hasHash(stemHash(keys, word, "ru"))) return true;
  } else for (const lang of v.latinLangs) if (f.hasHash(stemHash(keys, word, lang))) return true;
  if (keys.digit) return false;
  if (keys.cyrillic) {
    if (f.hasHash(stemHash(keys, word, "en"))) return true;
    keys.spellings ??= Int32Array.from(latinSpellings(word), fnv);
    for (const h of keys.spellings) if (f.hasHash(h)) return true;
  }
  return false;
}
