/**
 * What a built search index holds: the documents, their words with postings, and the keys by which a query word
 * reaches a word (stems, trigrams, phonetic keys, consonant skeletons, sorted words for prefixes). Built once by
 * build.ts, read by every stage of a search, kept between restarts as a snapshot (src/search/index-cache.ts).
 */
import { deserialize, serialize } from "node:v8";
import { isCyrillicLang, NAME_MASK, type SearchDoc } from "./documents.js";
import { isCyrillic } from "./normalize.js";
import { SortedStrings } from "./sorted-strings.js";
import { stem } from "./stem.js";
import { phoneticKeys, romanizationKey, shortPhoneticKeys, skeletonsOf } from "./translit.js";
import { trigrams } from "./trigrams.js";

/** A document as results show it. */
export type Doc = Pick<SearchDoc, "kind" | "id" | "title" | "name">;

/** A snapshot's stand-in for a SortedStrings (v8.serialize keeps data, not classes). */
interface SortedSnapshot {
  sortedStrings: { strings: string[]; ids: number[] };
}

/**
 * Fields left out of a snapshot: the query memo, and the partial-word keys a search builds on first use (a start
 * neither builds nor stores them; most queries never need them).
 */
const NOT_KEPT: ReadonlySet<string> = new Set([
  "queryStems",
  "gramIndex",
  "commonKeyIndex",
  "romanKeyIndex",
  "nameKeyIndex",
]);

/** The keys by which a name or brand is found respelled by ear (see {@link Vocabulary.sortedKeys}). */
interface NameKeys {
  keys: SortedStrings;
  skeletons: Map<string, number[]>;
  shortKeys: Map<string, number[]>;
}

/** Adds an id to a key's list, once (a word's keys may repeat). */
function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** The index's data; the stages of a search read it, only build.ts writes it. */
export class Vocabulary {
  readonly docs: Doc[] = [];
  /** Per document, its Latin-script and Cyrillic title (speakers: name) as phraseText, for the re-ranking. */
  readonly headings: [latin: string, cyrillic: string][] = [];
  /** Per document, whether it is content (not a break, meal or other entry). */
  readonly content: boolean[] = [];
  readonly terms: string[] = [];
  readonly termIds = new Map<string, number>();
  /**
   * Every term's postings in three flat arrays (a term's run from `postingStart[t]` to `postingStart[t + 1]`,
   * documents ascending): three typed arrays in all rather than three per term, which at FOSDEM size were 50,000
   * objects to build, keep, snapshot and restore. Read through {@link postingDocs} and its siblings.
   */
  postingStart = new Int32Array(1);
  postingDocList = new Int32Array(0);
  postingWeightList = new Float32Array(0);
  /** Per posting, the fields (bits of FIELD_NAMES) the term is in: a glossary phrase must stand in one field. */
  postingMaskList = new Uint16Array(0);
  /**
   * Every document's words of prose (abstracts, biographies, audiences), in the order they are said, stop words
   * left out and −1 between two texts: document d's run from `proseStart[d]` to `proseStart[d + 1]`. How close
   * two query words stand there tells whether the text speaks of them together (score.ts). Read through
   * {@link proseWords}.
   */
  proseStart = new Int32Array(1);
  proseWordList = new Int32Array(0);
  /** Per term, the documents holding it in a track's or room's name. */
  readonly placeDocs = new Map<number, number[]>();
  readonly byStem = new Map<string, number[]>();
  /** Words taken for names or brands (they have phonetic keys). */
  readonly proper = new Set<number>();
  /** Per word, how often it was written in lower case in prose. */
  readonly lowerCount: number[] = [];
  /** Stems of query words, by word (bounded; a memo of searches, not kept in snapshots). */
  queryStems = new Map<string, string[]>();
  /**
   * The words by letter trigram (see {@link byGram}), made on first use: each trigram's run of word ids in one
   * flat array (`gramIds` from `gramStart[n]` to `gramStart[n + 1]` for the trigram numbered n).
   */
  private gramIndex?: Map<string, number>;
  private gramStart?: Int32Array;
  private gramIds?: Int32Array;
  sortedTerms = new SortedStrings([]);
  /** The keys of the names, made on first use (see {@link sortedKeys}). */
  private nameKeyIndex?: NameKeys;
  /** Phonetic keys of the other Latin words of five letters or more (see {@link commonKeys}), made on first use. */
  private commonKeyIndex?: SortedStrings;
  /** The names by {@link romanizationKey} (see {@link romanKeys}), made on first use. */
  private romanKeyIndex?: Map<string, number[]>;
  /** Per-document scratch of the scoring, reused across searches. */
  best = new Float32Array(0);
  total = new Float64Array(0);
  /** Per-term scratch of the typo search, reused across searches. */
  gramCounts = new Uint16Array(0);
  termLengths = new Uint8Array(0);
  /** Languages whose stemmers a Latin query word is stemmed with. */
  readonly latinLangs: string[];
  /** The programme's content languages: which dictionaries translate a query word (cross-language.ts). */
  readonly languages: readonly string[];
  /** Stop words of every content language, dropped from queries. */
  readonly stop: ReadonlySet<string>;

  constructor(languages: readonly string[], stop: ReadonlySet<string>) {
    this.languages = [...languages];
    this.latinLangs = [...new Set(["en", ...languages.filter((l) => !isCyrillicLang(l))])];
    this.stop = stop;
  }

  /** The documents holding term `t`, ascending (a view: no copy). */
  postingDocs(t: number): Int32Array {
    return this.postingDocList.subarray(this.postingStart[t], this.postingStart[t + 1]);
  }

  /** The best field weight of term `t` in each of {@link postingDocs}' documents. */
  postingWeights(t: number): Float32Array {
    return this.postingWeightList.subarray(this.postingStart[t], this.postingStart[t + 1]);
  }

  /** The fields (bits of FIELD_NAMES) holding term `t` in each of {@link postingDocs}' documents. */
  postingMasks(t: number): Uint16Array {
    return this.postingMaskList.subarray(this.postingStart[t], this.postingStart[t + 1]);
  }

  /** Document `d`'s prose words in order, −1 between two texts (a view: no copy). */
  proseWords(d: number): Int32Array {
    return this.proseWordList.subarray(this.proseStart[d], this.proseStart[d + 1]);
  }

  /** How many documents hold term `t`. */
  postingCount(t: number): number {
    return (this.postingStart[t + 1] as number) - (this.postingStart[t] as number);
  }

  /**
   * The words holding each letter trigram (the typo and infix searches' candidates), built the first time a
   * search needs them: at FOSDEM size a tenth of the index build and a few MB, spared at start-up.
   */
  byGram(gram: string): Int32Array | undefined {
    if (!this.gramIndex) this.indexGrams();
    const n = this.gramIndex?.get(gram);
    if (n === undefined) return undefined;
    return this.gramIds?.subarray(this.gramStart?.[n], this.gramStart?.[n + 1]);
  }

  private indexGrams(): void {
    // Two passes over the words: count each trigram's words, then lay them out (ids ascending in each run).
    const numbers = new Map<string, number>();
    const counts: number[] = [];
    const each = (visit: (n: number, id: number) => void) =>
      this.terms.forEach((term, id) => {
        if (term.length < 3) return;
        for (const g of trigrams(term)) {
          let n = numbers.get(g);
          if (n === undefined) {
            n = counts.length;
            numbers.set(g, n);
            counts.push(0);
          }
          visit(n, id);
        }
      });
    // A trigram twice in a word ("banana") lists the word once: the last word listed per trigram.
    let last: number[] = [];
    each((n, id) => {
      if (last[n] === id) return;
      last[n] = id;
      counts[n] = (counts[n] as number) + 1;
    });
    const start = new Int32Array(counts.length + 1);
    counts.forEach((c, n) => {
      start[n + 1] = (start[n] as number) + c;
    });
    const ids = new Int32Array(start[counts.length] as number);
    const next = start.slice(0, counts.length);
    last = [];
    each((n, id) => {
      if (last[n] === id) return;
      last[n] = id;
      const at = next[n] as number;
      ids[at] = id;
      next[n] = at + 1;
    });
    this.gramStart = start;
    this.gramIds = ids;
    this.gramIndex = numbers;
  }

  /**
   * Phonetic keys of the words taken for names (of the word and of its stem), with the word's id: how a name
   * spelled by ear or in the other script is found. Only a query word the programme does not hold needs them,
   * so they are made on first use, not by every start (a fifth of building the index at FOSDEM size).
   */
  get sortedKeys(): SortedStrings {
    return this.nameKeys().keys;
  }

  /** Consonant skeletons of the names' phonetic keys, with the word's ids; made with {@link sortedKeys}. */
  get skeletons(): ReadonlyMap<string, number[]> {
    return this.nameKeys().skeletons;
  }

  /** Phonetic keys of two consonants of the names of four letters or more, with the word's ids; likewise. */
  get shortKeys(): ReadonlyMap<string, number[]> {
    return this.nameKeys().shortKeys;
  }

  private nameKeys(): NameKeys {
    if (!this.nameKeyIndex) {
      const keys: [string, number][] = [];
      const skeletons = new Map<string, number[]>();
      const shortKeys = new Map<string, number[]>();
      // In the order the words were taken for names, as the lists have always been laid out.
      for (const id of this.proper) {
        const token = this.terms[id] as string;
        const own = phoneticKeys(token);
        for (const key of new Set([...own, ...phoneticKeys(stem(token))])) keys.push([key, id]);
        for (const skeleton of skeletonsOf(own)) push(skeletons, skeleton, id);
        for (const key of shortPhoneticKeys(token)) push(shortKeys, key, id);
      }
      this.nameKeyIndex = { keys: new SortedStrings(keys), skeletons, shortKeys };
    }
    return this.nameKeyIndex;
  }

  /**
   * Phonetic keys of the Latin words of five letters or more not taken for names, heard only when no name
   * answers ("тензорфлоу" finds tensorflow written in lower case); built the first time a search needs them.
   */
  commonKeys(): SortedStrings {
    if (!this.commonKeyIndex) {
      const keys: [string, number][] = [];
      this.terms.forEach((t, id) => {
        if (t.length >= 5 && !this.proper.has(id) && !isCyrillic(t))
          for (const key of phoneticKeys(t)) keys.push([key, id]);
      });
      this.commonKeyIndex = new SortedStrings(keys);
    }
    return this.commonKeyIndex;
  }

  /**
   * The words taken for names by their one spelling across romanizations (Yury, Iurii, Jurij and Юрий alike),
   * three letters or more; built the first time a search needs it.
   */
  romanKeys(): Map<string, number[]> {
    if (!this.romanKeyIndex) {
      const index = new Map<string, number[]>();
      for (const id of this.proper) {
        const key = romanizationKey(this.terms[id] as string);
        if (key.length < 3) continue;
        const list = index.get(key);
        if (list) list.push(id);
        else index.set(key, [id]);
      }
      this.romanKeyIndex = index;
    }
    return this.romanKeyIndex;
  }

  /**
   * Makes now what searches otherwise make on first use: the names' phonetic keys, the other Latin words' keys,
   * the romanizations and the trigrams. At FOSDEM size that is a quarter of a second of CPU, which the first
   * query needing them ("ронахер", a typo, a borrowed word) would wait for; the bot makes them once it serves.
   */
  prepareFirstUse(): void {
    this.nameKeys();
    this.commonKeys();
    this.romanKeys();
    if (!this.gramIndex) this.indexGrams();
  }

  /**
   * The vocabulary as bytes (v8.serialize): every field a search reads, whatever fields it grows, so a restored
   * vocabulary cannot silently miss one. The query memo starts empty.
   */
  snapshot(): Buffer {
    const state: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(this)) {
      if (NOT_KEPT.has(field)) continue;
      state[field] =
        value instanceof SortedStrings
          ? ({ sortedStrings: { strings: value.strings, ids: value.ids } } satisfies SortedSnapshot)
          : value;
    }
    return serialize(state);
  }

  /** A vocabulary from a {@link snapshot}, searching exactly as the one that made it. */
  static restore(bytes: Uint8Array): Vocabulary {
    const state = deserialize(bytes) as Record<string, unknown>;
    const vocabulary = Object.create(Vocabulary.prototype) as Vocabulary;
    for (const [field, value] of Object.entries(state)) {
      const sorted = (value as Partial<SortedSnapshot> | null)?.sortedStrings;
      Object.defineProperty(vocabulary, field, {
        value: sorted ? new SortedStrings([], sorted) : value,
        writable: true,
        enumerable: true,
      });
    }
    Object.defineProperty(vocabulary, "queryStems", { value: new Map(), writable: true, enumerable: true });
    return vocabulary;
  }
}

/** Whether a programme word stands in the name of a person or a company. */
export function isName(v: Vocabulary, term: number): boolean {
  for (const m of v.postingMasks(term)) if (m & NAME_MASK) return true;
  return false;
}
