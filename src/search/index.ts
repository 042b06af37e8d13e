/**
 * Programme search. `buildSearchIndex` turns a programme into an inverted index once per load; `search` then
 * costs in proportion to what a query matches, not to the size of the programme.
 *
 * Index: every searchable session (talk, keynote, workshop) and every speaker is a document; each field's
 * words go into a vocabulary with postings (document → best field weight). Around the vocabulary sit the
 * ways a query word can reach a vocabulary word: exact, same stem, prefix, typo (trigram candidates, then a
 * bounded edit distance), phonetic key (Cyrillic ↔ Latin spelling), and glossary translation (ru ↔ en).
 *
 * Query: each word of the query is read as typed or retyped on the other keyboard layout, whichever reaches the
 * vocabulary better (the retyped reading loses ties and is worth a little less), so a query typed wholly or
 * partly in the wrong layout ("ещктфвщ", "ещктфвщ кэш") reads as meant. Of the words that carry meaning, each
 * document scores the IDF-weighted mean over query words of (similarity of the match × weight of the field).
 * Scores lie in [0, 1]; below a confidence cut-off nothing is returned.
 *
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
import { deserialize, serialize } from "node:v8";
import Fuse from "fuse.js";
import type { Programme } from "../programme/model.js";
import { transliterate } from "../text/romanize.js";
import { editDistance } from "./distance.js";
import {
  documentLanguages,
  FIELD_NAMES,
  FIELD_WEIGHTS,
  isCyrillicLang,
  type ResultKind,
  type SearchDoc,
  searchDocuments,
} from "./documents.js";
import { translateTokens } from "./glossary.js";
import { stopwordsOf } from "./languages.js";
import { hasLayoutKeys, swapLayout } from "./layout.js";
import {
  FILLERS,
  forgetFoldedWords,
  isCyrillic,
  isNoise,
  isTitleCase,
  STOPWORDS,
  subTokens,
  tokenize,
  tokenizeText,
} from "./normalize.js";
import { isPlaceWord } from "./places.js";
import { stem } from "./stem.js";
import { phoneticKeys, skeletonKeys, skeletonsOf } from "./translit.js";

export { FIELD_WEIGHTS, type ResultKind } from "./documents.js";

/** The bits of the prose fields: abstracts, biographies, audiences. */
const PROSE_MASK = FIELD_NAMES.reduce(
  (m, f, bit) => (f === "abstract" || f === "bio" || f === "audience" ? m | (1 << bit) : m),
  0,
);
/** A word reached by stem, sound or typo only in prose is worth this share of the match. */
const INEXACT_IN_PROSE = 0.8;

/** Per field mask (a bit per field of FIELD_NAMES), the weight of the best field in it. */
const MASK_WEIGHT = new Float32Array(1 << FIELD_NAMES.length);
for (let m = 1; m < MASK_WEIGHT.length; m++)
  FIELD_NAMES.forEach((f, bit) => {
    if (m & (1 << bit) && FIELD_WEIGHTS[f] > (MASK_WEIGHT[m] as number)) MASK_WEIGHT[m] = FIELD_WEIGHTS[f];
  });

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
}

/** A programme indexed for search. */
export interface SearchIndex {
  /** Results best first; empty when nothing in the programme matches with confidence. */
  search(query: string, options?: SearchOptions): SearchResult[];
  /** How many documents (sessions and speakers) and distinct words the index holds. */
  readonly stats: { documents: number; terms: number };
}

/** How much a query word's match is worth by how it was reached. */
const SIM = {
  exact: 1,
  stem: 0.95,
  translation: 0.9,
  phonetic: 0.85,
  /** Upper bound of a prefix match; scaled down by how much of the word the prefix covers. */
  prefix: 0.9,
  /** A name whose consonants alone sound alike ("Майкл" ~ "Michael"). */
  skeleton: 0.75,
  /**
   * Upper bound of a typo match, scaled down by edits per letter: one slip in a long word still counts in an
   * abstract (0.95 × 7/8 × 0.55 ≥ MIN_SCORE), in a short one ("spring" for "sprint") only in a title or name.
   */
  typo: 0.95,
} as const;

const HAS_DIGIT = /\d/;

/** What one occurrence of a word says of its being a name (a person, a company, a product). */
enum Evidence {
  None,
  /** In a name field, with inner capitals, or in the other script than its text's. */
  Name,
  /** Capitalized inside a sentence. */
  Capitalized,
  /** Written in lower case in prose. */
  LowerCase,
  /** Capitalized where a sentence begins, or in a Title Case title. */
  Initial,
}

/** The name evidence of an occurrence; German capitalizes every noun, so its capitals say nothing. */
function nameEvidence(
  role: string,
  proper: boolean,
  capitalized: boolean,
  mixed: boolean,
  capitalizesNouns: boolean,
  otherScript: boolean,
): Evidence {
  if (role === "kind") return Evidence.None;
  if (role === "names" || mixed || otherScript) return Evidence.Name;
  if (!capitalized) return role === "text" ? Evidence.LowerCase : Evidence.None;
  if (capitalizesNouns) return Evidence.None;
  return proper ? Evidence.Capitalized : Evidence.Initial;
}

/** Results below this score are not confident enough to show. */
export const MIN_SCORE = 0.45;
/** Results scoring below this share of the best one are dropped as noise around a clear answer. */
const RELATIVE_CUTOFF = 0.5;
/** A word read on the other keyboard layout is worth this much of its match, and loses ties to the word as typed. */
const LAYOUT_PENALTY = 0.95;
/** A word that retypes to letters around , ; ' [ ] reads on the other layout only this much as well. */
const BROKEN_WORD = 0.7;
const PUNCTUATION_INSIDE = /\p{L}[,;'[\]`]+\p{L}/u;
const MAX_PREFIX_TERMS = 40;
/** How much of a phonetic match's worth depends on how close the romanized spelling is to the word. */
const SPELLING_WEIGHT = 0.15;
/** A common word heard in a Cyrillic one is worth this share of a name heard so. */
const COMMON_BY_EAR = 0.9;
/** …and only when its romanized spelling is this close to the common word (edits per letter). */
const COMMON_SPELLING = 0.4;

/** A Latin word spelled closer to how a Russian romanizes it by ear ("proxmox" → "proksmoks"). */
function spelledAsHeard(word: string): string {
  return word
    .replace(/x/g, "ks")
    .replace(/ck/g, "k")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/c(?![eiy])/g, "k");
}
/** Vocabulary words a typo is compared with by edit distance, those sharing the most trigrams with it. */
const MAX_TYPO_CANDIDATES = 150;
/** A known word in at most this many documents may still be a typo for another when the query has more words. */
const RARE_DOCS = 3;
/** A track or room asked for as such ("rust devroom", "зал Janson") outweighs its name's word in a title. */
const PLACE_BOOST = 1.15;
/** Breaks, meals and other non-content entries score this share: found by name, never above a talk as good. */
const NON_CONTENT_FACTOR = 0.9;
/** A glossary translation other than the first (the usual sense) is worth this share. */
const OTHER_SENSE = 0.97;
/** Fields of prose, where how often a word is said tells how much a text is about it. */
const PROSE: ReadonlySet<string> = new Set(["abstract", "bio"]);
/**
 * BM25 saturation (k1, b) scaled so a word said once in a text of average length keeps its field's weight:
 * weight × (TF_BASE + (1 − TF_BASE) × BM25 term factor), the factor being 1 there and at most k1 + 1.
 */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const TF_BASE = 0.92;
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
 * A word of the query as it will be matched, and what a match of it is worth (less when read on the other
 * layout). An optional word (one naming a kind of place: "devroom", "зал") is not matched itself: it makes the
 * names of tracks and rooms weigh more for the other words.
 */
interface QueryWord {
  word: string;
  factor: number;
  optional?: boolean;
}

/** Vocabulary matches of query words, computed once per search: key "+word" (glossary phrase) or "-word". */
type Memo = Map<string, Map<number, number>>;

/** A text's normalized tokens, mixed letter-digit ones split ("python3" → "python", "3"), as the index holds them. */
function words(text: string): string[] {
  return tokenize(text).flatMap((t) => {
    const parts = subTokens(t);
    return parts.length ? parts : [t];
  });
}

/** No stop words: the words after a place word are all kept ({@link meaningful}). */
const NO_STOP: ReadonlySet<string> = new Set();

/**
 * The words of a query text that carry meaning, and whether it had words that all were noise (stop words of
 * English, Russian or a content language; fillers). With {@link NO_STOP}, stop words are kept too.
 */
function meaningful(text: string, stop: ReadonlySet<string>): { words: string[]; noise: boolean } {
  const all = words(text);
  const kept = all.filter((t) => (stop === NO_STOP ? !FILLERS.has(t) : !isNoise(t) && !stop.has(t)));
  return { words: kept, noise: all.length > 0 && kept.length === 0 };
}

/** A text as fuse.js compares phrases: normalized words (stop words left out) separated by single spaces. */
function phraseText(text: string): string {
  return words(text)
    .filter((t) => !STOPWORDS.has(t))
    .join(" ");
}

type Doc = Pick<SearchDoc, "kind" | "id" | "title" | "name">;

/** Largest number of edits tolerated in a word of this length. */
function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/** Strings kept in order, each with an id, for prefix look-ups by binary search. */
class SortedStrings {
  readonly strings: string[];
  readonly ids: number[];

  constructor(entries: [string, number][], sorted?: { strings: string[]; ids: number[] }) {
    if (sorted) {
      this.strings = sorted.strings;
      this.ids = sorted.ids;
      return;
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.strings = entries.map((e) => e[0]);
    this.ids = entries.map((e) => e[1]);
  }

  /** Calls back with each string starting with prefix (itself included) and its id, at most limit of them. */
  withPrefix(prefix: string, limit: number, each: (s: string, id: number) => void): void {
    let lo = 0;
    let hi = this.strings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.strings[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.strings.length && i < lo + limit; i++) {
      const s = this.strings[i] as string;
      if (!s.startsWith(prefix)) break;
      each(s, this.ids[i] as number);
    }
  }
}

/** Fields an index needs only while it is built: left out of its snapshot. */
const BUILD_ONLY: ReadonlySet<string> = new Set([
  "buildDocs",
  "buildWeights",
  "buildMasks",
  "keys",
  "named",
  "capitalizedCount",
  "initial",
  "stemLangs",
  "fieldStop",
  "avgChars",
  "queryStems",
  "enStems",
]);

/** A snapshot's stand-in for a SortedStrings (v8.serialize keeps data, not classes). */
interface SortedSnapshot {
  sortedStrings: { strings: string[]; ids: number[] };
}

class Index implements SearchIndex {
  private readonly docs: Doc[] = [];
  /** Per document, its Latin-script and Cyrillic title (speakers: name) as {@link phraseText}, for the re-ranking. */
  private readonly headings: [latin: string, cyrillic: string][] = [];
  /** Per document, whether it is content (not a break, meal or other entry). */
  private readonly content: boolean[] = [];
  private readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** Postings while documents are added (in id order, so a term's current document is its last entry). */
  private readonly buildDocs: number[][] = [];
  private readonly buildWeights: number[][] = [];
  private readonly buildMasks: number[][] = [];
  private postingDocs: Int32Array[] = [];
  private postingWeights: Float32Array[] = [];
  /** Per posting, the fields (bits of FIELD_NAMES) the term is in: a glossary phrase must stand in one field. */
  private postingMasks: Uint16Array[] = [];
  /** Per term, the documents holding it in a track's or room's name. */
  private readonly placeDocs = new Map<number, number[]>();
  private readonly byStem = new Map<string, number[]>();
  /** Phonetic keys of the words seen as proper names, with the word's id. */
  private readonly keys: [string, number][] = [];
  /** Consonant skeletons of proper names, with the word's id. */
  private readonly skeletons = new Map<string, number[]>();
  private readonly proper = new Set<number>();
  /** Words that are names wherever they stand: in people's and companies' names, "PyPy", another script. */
  private readonly named = new Set<number>();
  /** Per word, how often it was capitalized inside a sentence, and how often written in lower case in prose. */
  private readonly capitalizedCount: number[] = [];
  private readonly lowerCount: number[] = [];
  /** Stems of query words, by word (bounded). */
  private readonly queryStems = new Map<string, string[]>();
  /** Per word, its stem as {@link stem} gives it by default, when its first language stemmed it so. */
  private readonly enStems: (string | undefined)[] = [];
  /** Per word, the languages other than English it has been stemmed in ("de,fr"). */
  private readonly stemLangs: (string | undefined)[] = [];
  /** Words seen capitalized where a sentence begins (or in a Title Case title). */
  private readonly initial = new Set<number>();
  private readonly byGram = new Map<string, number[]>();
  private sortedTerms = new SortedStrings([]);
  private sortedKeys = new SortedStrings([]);
  private sortedCommonKeys = new SortedStrings([]);
  private best = new Float32Array(0);
  private total = new Float64Array(0);
  private gramCounts = new Uint16Array(0);
  private termLengths = new Uint8Array(0);
  /** Stop words per content language (with English and Russian), not indexed. */
  private readonly fieldStop = new Map<string, ReadonlySet<string>>();
  /** Languages whose stemmers a Latin query word is stemmed with. */
  private readonly latinLangs: string[];
  /** Stop words of every content language, dropped from queries. */
  readonly stop: ReadonlySet<string>;

  /** Average length in characters of each prose field, for the term frequency weighting. */
  private readonly avgChars: Map<string, number>;

  constructor(languages: readonly string[], avgChars: Map<string, number>) {
    this.avgChars = avgChars;
    this.latinLangs = [...new Set(["en", ...languages.filter((l) => !isCyrillicLang(l))])];
    const stop = new Set<string>();
    for (const lang of languages) {
      const set = new Set([...STOPWORDS, ...words(stopwordsOf(lang).join(" "))]);
      this.fieldStop.set(lang, set);
      for (const w of set) stop.add(w);
    }
    this.stop = stop;
  }

  get stats() {
    return { documents: this.docs.length, terms: this.terms.length };
  }

  /**
   * The finished index as bytes (v8.serialize): every field a search reads, whatever fields the index grows,
   * so a restored index cannot silently miss one. Build-only fields are left out; the query memo starts empty.
   */
  snapshot(): Buffer {
    const state: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(this)) {
      if (BUILD_ONLY.has(field)) continue;
      state[field] =
        value instanceof SortedStrings
          ? ({ sortedStrings: { strings: value.strings, ids: value.ids } } satisfies SortedSnapshot)
          : value;
    }
    return serialize(state);
  }

  /** An index from a {@link snapshot}, searching exactly as the one that made it. */
  static restore(bytes: Uint8Array): Index {
    const state = deserialize(bytes) as Record<string, unknown>;
    const index = Object.create(Index.prototype) as Index;
    for (const [field, value] of Object.entries(state)) {
      const sorted = (value as Partial<SortedSnapshot> | null)?.sortedStrings;
      Object.defineProperty(index, field, {
        value: sorted ? new SortedStrings([], sorted) : value,
        writable: true,
        enumerable: true,
      });
    }
    Object.defineProperty(index, "queryStems", { value: new Map(), writable: true, enumerable: true });
    return index;
  }

  /** Adds a document with its fields. */
  addDoc(doc: SearchDoc): void {
    const docId = this.docs.length;
    this.docs.push({ kind: doc.kind, id: doc.id, title: doc.title, name: doc.name });
    this.headings.push([phraseText(doc.headings[0]), phraseText(doc.headings[1])]);
    this.content.push(doc.content);
    for (const { text, field, weight, lang, role } of doc.fields) {
      const bit = 1 << FIELD_NAMES.indexOf(field);
      const prose = PROSE.has(field);
      const tokens = tokenizeText(text);
      // In a Title Case title every word is capitalized: capitals there tell no names, only inner ones do.
      const titleCase = (field === "title" || field === "subtitle") && isTitleCase(tokens);
      // Prose: a word said often in a text of ordinary length weighs a little more (BM25's saturation).
      const counts = prose ? new Map<string, number>() : undefined;
      if (counts) for (const { token } of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      const norm = prose
        ? 1 - BM25_B + (BM25_B * text.length) / (this.avgChars.get(field) || text.length)
        : 1;
      const stop = this.fieldStop.get(lang) ?? STOPWORDS;
      const cyrillicLang = isCyrillicLang(lang);
      const capitalizesNouns = lang === "de" || lang === "lb";
      for (const { token, proper: properHint, capitalized, mixed } of tokens) {
        const proper = titleCase ? mixed : properHint;
        // A room or track keeps every word: "Зал В", "Hall A", "Saal 1" are named by what reads as a stop word.
        if (stop.has(token) && role !== "place") continue;
        let w = weight;
        if (counts) {
          const tf = counts.get(token) ?? 1;
          w *= TF_BASE + (1 - TF_BASE) * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm));
        }
        const other = isCyrillic(token) !== cyrillicLang;
        const evidence = nameEvidence(role, proper, capitalized, mixed, capitalizesNouns, other);
        this.addWord(token, lang, evidence, docId, w, bit, role === "place");
        if (HAS_DIGIT.test(token))
          for (const t of subTokens(token)) this.addWord(t, lang, evidence, docId, w, bit, role === "place");
      }
    }
  }

  /** One occurrence of a word in a document's field, with what it says of the word being a name. */
  private addWord(
    token: string,
    lang: string,
    evidence: Evidence,
    docId: number,
    weight: number,
    bit: number,
    place: boolean,
  ): void {
    const id = this.intern(token, lang);
    if (evidence === Evidence.Name) this.named.add(id);
    else if (evidence === Evidence.Capitalized)
      this.capitalizedCount[id] = (this.capitalizedCount[id] ?? 0) + 1;
    else if (evidence === Evidence.LowerCase) this.lowerCount[id] = (this.lowerCount[id] ?? 0) + 1;
    else if (evidence === Evidence.Initial) this.initial.add(id);
    this.post(id, docId, weight, bit);
    if (place) {
      const list = this.placeDocs.get(id);
      if (!list) this.placeDocs.set(id, [docId]);
      else if (list[list.length - 1] !== docId) list.push(docId);
    }
  }

  private post(term: number, doc: number, weight: number, bit: number): void {
    // A new word's postings start as one-element arrays: most words stand in one document or a few, and an
    // empty array pushed to reserves room for 17.
    if (term === this.buildDocs.length) {
      this.buildDocs.push([doc]);
      this.buildWeights.push([weight]);
      this.buildMasks.push([bit]);
      return;
    }
    const docs = this.buildDocs[term] as number[];
    const weights = this.buildWeights[term] as number[];
    const masks = this.buildMasks[term] as number[];
    const last = docs.length - 1;
    if (docs[last] !== doc) {
      docs.push(doc);
      weights.push(weight);
      masks.push(bit);
    } else {
      if ((weights[last] as number) < weight) weights[last] = weight;
      masks[last] = (masks[last] as number) | bit;
    }
  }

  private intern(token: string, lang: string): number {
    let id = this.termIds.get(token);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(token);
      this.termIds.set(token, id);
      // A trigram twice in the word is listed once: push skips the id it has just added.
      if (token.length >= 3) for (const g of trigrams(token)) push(this.byGram, g, id);
      // Stemmed in its own language (Snowball costs microseconds a word); English stems a Cyrillic word as Russian.
      const cyrillic = isCyrillic(token);
      const s = stem(token, cyrillic ? "ru" : lang);
      this.addStem(s, id);
      if (cyrillic || lang === "en") this.enStems[id] = s;
      this.stemLangs[id] = lang;
    }
    // The same word may come in several languages: each stems it its own way (once per language).
    else if (!isCyrillic(token)) {
      const langs = this.stemLangs[id];
      if (langs !== lang && !langs?.includes(lang)) {
        this.stemLangs[id] = langs ? `${langs},${lang}` : lang;
        this.addStem(stem(token, lang), id);
      }
    }
    return id;
  }

  /** A word's English stem (Russian for a Cyrillic one), stemmed again only when indexing did not stem it so. */
  private enStem(id: number): string {
    return this.enStems[id] ?? stem(this.terms[id] as string);
  }

  /** Takes a word for a name or brand: gives it the phonetic keys by which it is found respelled by ear. */
  private markProper(id: number): void {
    if (this.proper.has(id)) return;
    this.proper.add(id);
    const token = this.terms[id] as string;
    const keys = phoneticKeys(token);
    for (const key of new Set([...keys, ...phoneticKeys(this.enStem(id))])) this.keys.push([key, id]);
    for (const skeleton of skeletonsOf(keys)) push(this.skeletons, skeleton, id);
  }

  private addStem(s: string, id: number): void {
    const list = this.byStem.get(s);
    if (!list) this.byStem.set(s, [id]);
    else if (!list.includes(id)) list.push(id);
  }

  /** A query word's stems: Russian for a Cyrillic word, each content language's for a Latin one. */
  private stemsOf(word: string): string[] {
    let out = this.queryStems.get(word);
    if (out) return out;
    if (isCyrillic(word)) out = [stem(word, "ru")];
    else {
      out = [stem(word)];
      for (let i = 1; i < this.latinLangs.length; i++) {
        const s = stem(word, this.latinLangs[i] as string);
        if (!out.includes(s)) out.push(s);
      }
    }
    // Queries repeat their words across readings, phrases and searches; a bounded memo saves the stemmers.
    if (this.queryStems.size >= 10_000) this.queryStems.clear();
    this.queryStems.set(word, out);
    return out;
  }

  /** Vocabulary words sharing a stem with a query word. */
  private sameStem(word: string): number[] {
    const stems = this.stemsOf(word);
    if (stems.length === 1) return this.byStem.get(stems[0] as string) ?? [];
    const out = new Set<number>();
    for (const s of stems) for (const t of this.byStem.get(s) ?? []) out.add(t);
    return [...out];
  }

  finish(): void {
    // Only names and brands are respelled by ear; giving common words keys would match "кофе" to "give".
    // Names: words in names, with inner capitals or in the other script; words capitalized inside sentences
    // more often than written in lower case ("Redis", not a title's "Manager"); words capitalized only where
    // sentences begin, never in lower case ("Tensorflow on open source GPUs").
    for (const id of this.named) this.markProper(id);
    this.capitalizedCount.forEach((n, id) => {
      if (n > (this.lowerCount[id] ?? 0)) this.markProper(id);
    });
    for (const id of this.initial) if (!this.lowerCount[id]) this.markProper(id);
    // Every other Latin word gets keys too, heard only when no name answers: "тензорфлоу" finds "tensorflow"
    // written in lower case, as package names are.
    const commonKeys: [string, number][] = [];
    this.terms.forEach((t, id) => {
      if (t.length >= 5 && !this.proper.has(id) && !isCyrillic(t))
        for (const key of phoneticKeys(t)) commonKeys.push([key, id]);
    });
    this.sortedCommonKeys = new SortedStrings(commonKeys);
    this.postingDocs = this.buildDocs.splice(0).map((d) => Int32Array.from(d));
    this.postingWeights = this.buildWeights.splice(0).map((w) => Float32Array.from(w));
    this.postingMasks = this.buildMasks.splice(0).map((m) => Uint16Array.from(m));
    this.sortedTerms = new SortedStrings(this.terms.map((t, i) => [t, i]));
    this.sortedKeys = new SortedStrings(this.keys.splice(0));
    this.best = new Float32Array(this.docs.length);
    this.gramCounts = new Uint16Array(this.terms.length);
    this.termLengths = Uint8Array.from(this.terms, (t) => Math.min(255, t.length));
    this.total = new Float64Array(this.docs.length);
    // What only building needed goes now, not when the index does: the bot keeps its index for its lifetime.
    this.named.clear();
    this.initial.clear();
    this.capitalizedCount.length = 0;
    this.stemLangs.length = 0;
    this.enStems.length = 0;
  }

  /** Vocabulary words a query word reaches, each with the similarity of the best way it was reached. */
  private matchWord(word: string, translated: boolean, fuzzy: boolean): Map<number, number> {
    const found = new Map<number, number>();
    const add = (term: number, sim: number) => {
      if ((found.get(term) ?? 0) < sim) found.set(term, sim);
    };
    const exact = this.termIds.get(word);
    const wordStem = stem(word);
    if (exact !== undefined) add(exact, SIM.exact);
    const stemmed = this.sameStem(word);
    for (const t of stemmed) {
      // A name is only ever written one way: "knitting" is not the project Knit, though stemmed alike.
      if (!this.lowerCount[t] && word.length > (this.terms[t] as string).length + 2) continue;
      add(t, SIM.stem);
    }
    if (/\d/.test(word)) return found;
    // A word typed in part ("postgr") or a derived form sharing the stem ("ускорить" → "ускорение").
    for (const prefix of new Set([word, wordStem])) {
      if (prefix.length < 4) continue;
      this.sortedTerms.withPrefix(prefix, MAX_PREFIX_TERMS, (term, id) => {
        if (term.length > prefix.length) add(id, SIM.prefix * Math.sqrt(prefix.length / term.length));
      });
    }
    if (exact !== undefined || stemmed.length || translated) {
      // Among other words, a rare known word may still be a slip for another ("jupiter notebooks").
      if (fuzzy && !translated && this.rare(exact, stemmed)) this.matchTypos(word, add);
      return found;
    }

    // An unknown word: a name spelled by ear or in the other script (in full or in part), or a typo.
    // A short name, too short for a phonetic key ("Удо", "Ян"), spelled letter by letter.
    if (isCyrillic(word) && word.length >= 3) {
      const roman = this.termIds.get(transliterate(word));
      if (roman !== undefined && this.proper.has(roman)) add(roman, SIM.phonetic);
    }
    let spelledAlike = (_id: number, _sim: number) => {};
    if (word.length >= 4) {
      // Words that sound alike are told apart by how close their letters are, romanized: "годот" is "godot",
      // which sounds like "guided" too.
      const romanized = isCyrillic(word) ? transliterate(word) : word;
      spelledAlike = (id: number, sim: number) => {
        const term = this.terms[id] as string;
        const d = editDistance(romanized, term, term.length);
        add(id, sim * (1 - SPELLING_WEIGHT * Math.min(1, d / Math.max(term.length, romanized.length))));
      };
      for (const key of new Set([...phoneticKeys(word), ...phoneticKeys(wordStem)])) {
        this.sortedKeys.withPrefix(key, MAX_PREFIX_TERMS, (k, id) => {
          if (k === key) spelledAlike(id, SIM.phonetic);
          // A name typed in part: most of its sound, spelled nearly alike as far as typed ("маникюр" is not
          // "Managerial"), not a short word that happens to begin a long name.
          else if (
            word.length >= 5 &&
            key.length >= 5 &&
            key.length >= 0.7 * k.length &&
            this.beginsAlike(romanized, this.terms[id] as string)
          )
            spelledAlike(id, SIM.phonetic * Math.sqrt(key.length / k.length));
        });
      }
    }
    // A common word must also be spelled nearly alike: "маникюр" sounds like "manager" but is not it.
    if (!found.size && isCyrillic(word) && word.length >= 5) {
      const romanized = transliterate(word);
      for (const key of phoneticKeys(word))
        this.sortedCommonKeys.withPrefix(key, MAX_PREFIX_TERMS, (k, id) => {
          const term = spelledAsHeard(this.terms[id] as string);
          const close = editDistance(romanized, term, term.length) <= COMMON_SPELLING * term.length;
          if (k === key && close) spelledAlike(id, SIM.phonetic * COMMON_BY_EAR);
        });
    }
    // Vowels are heard least alike across languages ("Майкл" ~ "Michael"): a name's consonants may do.
    // Three consonants are too little to go on for a word alone, enough within a full name ("Майкл Микс").
    if (word.length >= 5 && isCyrillic(word)) {
      for (const skeleton of skeletonKeys(word))
        if (fuzzy || skeleton.length >= 4)
          for (const id of this.skeletons.get(skeleton) ?? []) add(id, SIM.skeleton);
    }
    this.matchTypos(word, add);
    return found;
  }

  /**
   * Documents holding every word of a phrase (exactly or by stem) in one field, with the weight of the best field
   * holding them all: "smart home" in a title, not "smart" in the title and "home" in the track.
   */
  private matchPhrase(words: readonly string[]): Map<number, number> {
    /** Per document: fields holding every word so far, and the weakest of those words' weights. */
    let result: Map<number, [mask: number, weight: number]> | undefined;
    for (const word of words) {
      const docs = new Map<number, [number, number]>();
      const terms = new Set(this.sameStem(word));
      const exact = this.termIds.get(word);
      if (exact !== undefined) terms.add(exact);
      for (const t of terms) {
        const ids = this.postingDocs[t] as Int32Array;
        const masks = this.postingMasks[t] as Uint16Array;
        const weights = this.postingWeights[t] as Float32Array;
        for (let i = 0; i < ids.length; i++) {
          const d = ids[i] as number;
          let m = masks[i] as number;
          let w = weights[i] as number;
          if (result) {
            const before = result.get(d);
            if (before === undefined) continue;
            m &= before[0];
            if (!m) continue;
            w = Math.min(w, before[1]);
          }
          const seen = docs.get(d);
          if (seen) {
            seen[0] |= m;
            seen[1] = Math.max(seen[1], w);
          } else docs.set(d, [m, w]);
        }
      }
      result = docs;
      if (!result.size) break;
    }
    const out = new Map<number, number>();
    for (const [d, [m, w]] of result ?? [])
      out.set(d, Math.min(w, (MASK_WEIGHT[m] as number) * (2 - TF_BASE)));
    return out;
  }

  private matchTypos(word: string, add: (term: number, sim: number) => void): void {
    const max = maxEdits(word.length);
    if (max === 0 || /\d/.test(word)) return;
    const grams = trigrams(word);
    // Counted in a typed array reused across searches: a Map here cost most of a typo query's time.
    const shared = this.gramCounts;
    const touched: number[] = [];
    let need = Math.max(2, grams.length - 4 * max);
    const lo = word.length - max;
    const hi = word.length + max;
    for (const g of new Set(grams))
      for (const t of this.byGram.get(g) ?? []) {
        const len = this.termLengths[t] as number;
        if (len < lo || len > hi) continue;
        if (shared[t] === 0) touched.push(t);
        shared[t] = (shared[t] as number) + 1;
      }
    // Only the candidates sharing the most trigrams get the edit distance, at most MAX_TYPO_CANDIDATES of them.
    const histogram = new Uint32Array(grams.length + 2);
    for (const t of touched) histogram[shared[t] as number] = (histogram[shared[t] as number] as number) + 1;
    let above = 0;
    for (let n = grams.length + 1; n >= need; n--) {
      above += histogram[n] as number;
      if (above > MAX_TYPO_CANDIDATES) {
        need = n + 1;
        break;
      }
    }
    for (const t of touched) {
      const n = shared[t] as number;
      shared[t] = 0;
      if (n < need) continue;
      const term = this.terms[t] as string;
      const d = editDistance(word, term, max);
      if (d === 0 || d > max) continue;
      add(t, SIM.typo * (1 - d / Math.max(word.length, term.length)));
    }
  }

  /** Whether the words a query word reaches exactly or by stem are in at most {@link RARE_DOCS} documents. */
  private rare(exact: number | undefined, stemmed: readonly number[]): boolean {
    let n = exact === undefined ? 0 : (this.postingDocs[exact] as Int32Array).length;
    for (const t of stemmed) if (t !== exact) n += (this.postingDocs[t] as Int32Array).length;
    return n <= RARE_DOCS;
  }

  /** Whether a romanized word is spelled nearly like the beginning of a vocabulary word, as heard. */
  private beginsAlike(romanized: string, term: string): boolean {
    const head = spelledAsHeard(term).slice(0, romanized.length);
    return editDistance(romanized, head, romanized.length) <= COMMON_SPELLING * romanized.length;
  }

  /** {@link matchWord}, remembered for the rest of one search. */
  private matchMemo(word: string, translated: boolean, memo: Memo, fuzzy = false): Map<number, number> {
    const key = `${translated ? "+" : "-"}${fuzzy ? "~" : ""}${word}`;
    let found = memo.get(key);
    if (!found) {
      found = this.matchWord(word, translated, fuzzy);
      memo.set(key, found);
    }
    return found;
  }

  /** Whether the vocabulary holds a word, exactly or by stem. */
  private knows(word: string): boolean {
    return this.termIds.has(word) || this.sameStem(word).length > 0;
  }

  /**
   * How well a reading of a query word reaches the vocabulary: the mean over its parts of the best similarity
   * of any vocabulary word it reaches (a glossary translation whose words the programme holds counts too).
   */
  private reach(words: readonly string[], memo: Memo): number {
    const glossed = new Set<number>();
    for (const t of translateTokens(words))
      if (t.alternatives.some((alt) => alt.every((w) => this.knows(w))))
        for (let i = t.start; i < t.start + t.length; i++) glossed.add(i);
    let sum = 0;
    for (let i = 0; i < words.length; i++) {
      let best = glossed.has(i) ? SIM.translation : 0;
      for (const sim of this.matchMemo(words[i] as string, glossed.has(i), memo).values())
        if (sim > best) best = sim;
      sum += best;
    }
    return sum / words.length;
  }

  /** Words of glossary phrases of two or more words whose translation the programme holds. */
  private glossedPhrases(words: readonly string[]): Set<string> {
    const out = new Set<string>();
    if (words.length < 2) return out;
    for (const t of translateTokens(words))
      if (t.length > 1 && t.alternatives.some((alt) => alt.every((w) => this.knows(w))))
        for (let i = t.start; i < t.start + t.length; i++) out.add(words[i] as string);
    return out;
  }

  /**
   * The query's words, each read as typed or on the other layout. The choice is made per whitespace-separated
   * word, not per query, so a query typed partly in the wrong layout reads right too: the retyped reading is
   * taken when it reaches the vocabulary clearly better (by more than the layout penalty). A word that retypes
   * to a stop word or filler and means nothing as typed ("ghj" → "про") is dropped like one. A word unknown
   * either way follows the layout the other words were read in (it may still complete a glossary phrase), or,
   * with no such hint, counts as the one word it is rather than as the pieces that the keys for б ю ж э х cut
   * it into as typed ("vj,bkmyfz").
   */
  private interpret(query: string, memo: Memo): QueryWord[] {
    type Reading = { typed: string[]; swapped: string[]; choice: "typed" | "swapped" | "unknown" };
    const readings: Reading[] = [];
    // Words read in Cyrillic minus words read in Latin letters, over the words with a clear reading.
    let cyrillic = 0;
    const vote = (words: string[]) => {
      if (words.some(isCyrillic)) cyrillic++;
      else if (words.some((w) => /[a-z]/.test(w))) cyrillic--;
    };
    const chunks = query.split(/\s+/);
    const glossed = this.glossedPhrases(chunks.flatMap((c) => meaningful(c, this.stop).words));
    let afterPlace = false;
    for (const chunk of chunks) {
      // The word after a place word names the place, even when it reads as a stop word ("зал в", "hall a").
      const typed: string[] = meaningful(chunk, afterPlace ? NO_STOP : this.stop).words;
      afterPlace = typed.length > 0 && isPlaceWord(typed[typed.length - 1] as string);
      if (!typed.length) continue;
      // A place word ("зал"), or a word of a glossary phrase the programme knows ("машинное обучение"), reads as typed.
      if (!hasLayoutKeys(chunk) || typed.some((w) => glossed.has(w) || isPlaceWord(w))) {
        readings.push({ typed, swapped: [], choice: "typed" });
        continue;
      }
      const swapped = meaningful(swapLayout(chunk), this.stop);
      // Letters left alone by the other layout's punctuation keys ("cdflm,f") are pieces, not words.
      swapped.words = swapped.words.filter((w) => w.length > 1 || /\d/.test(w));
      const typedReach = this.reach(typed, memo);
      if (swapped.noise) {
        if (typedReach > 0) readings.push({ typed, swapped: [], choice: "typed" });
        continue;
      }
      let swappedReach = swapped.words.length ? this.reach(swapped.words, memo) : 0;
      // Retyped, б ж э х ъ become , ; ' [ ] inside the word: a Latin word never holds them ("сибер" is not "cb,th").
      if (PUNCTUATION_INSIDE.test(swapLayout(chunk))) swappedReach *= BROKEN_WORD;
      let choice: Reading["choice"] = "unknown";
      if (swappedReach * LAYOUT_PENALTY > typedReach) choice = "swapped";
      else if (typedReach > 0) choice = "typed";
      if (choice !== "unknown") vote(choice === "swapped" ? swapped.words : typed);
      // Read as typed, a chunk may hold several words ("островок.ру"): each that means nothing and retypes to
      // a stop word is dropped, as it would be standing alone.
      const kept =
        choice === "typed" && typed.length > 1
          ? typed.filter((w) => this.reach([w], memo) > 0 || !meaningful(swapLayout(w), this.stop).noise)
          : typed;
      readings.push({ typed: kept, swapped: swapped.words, choice });
    }
    const out: QueryWord[] = [];
    for (const { typed, swapped, choice } of readings) {
      let retype = choice === "swapped";
      // Unknown either way: the reading in the script most other words were read in, else the fewer pieces.
      if (choice === "unknown" && swapped.length)
        retype = cyrillic ? swapped.some(isCyrillic) === cyrillic > 0 : swapped.length < typed.length;
      if (retype) for (const word of swapped) out.push({ word, factor: LAYOUT_PENALTY });
      else for (const word of typed) out.push({ word, factor: 1 });
    }
    // Single letters say nothing on their own ("<b>&", "c"); beside other words they may ("hall b", "plan 9").
    if (out.every((q) => q.word.length === 1 && !/\d/.test(q.word))) return [];
    // Words naming a kind of place ("devroom", "зал") ask for a track or room, unless they are all there is.
    if (out.some((q) => !isPlaceWord(q.word)))
      for (const q of out) if (isPlaceWord(q.word)) q.optional = true;
    return out;
  }

  /** Scores every document the query words reach, into `into`. */
  private scoreWords(query: readonly QueryWord[], memo: Memo, into: Map<number, number>): void {
    const words = query.map((q) => q.word);
    if (!words.length) return;
    // Glossary phrases: documents holding a whole translation count for every query word of the phrase.
    const phraseDocs: Map<number, number>[][] = words.map(() => []);
    for (const t of translateTokens(words)) {
      const docs = new Map<number, number>();
      // The first translation is the word's usual sense ("безопасность": security before safety).
      t.alternatives.forEach((alt, j) => {
        const sense = j === 0 ? 1 : OTHER_SENSE;
        for (const [d, w] of this.matchPhrase(alt))
          if ((docs.get(d) ?? 0) < w * sense) docs.set(d, w * sense);
      });
      if (docs.size) for (let i = t.start; i < t.start + t.length; i++) phraseDocs[i]?.push(docs);
    }
    const n = this.docs.length;
    const total = this.total;
    const best = this.best;
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
      for (const [term, sim] of this.matchMemo(words[w] as string, translated.length > 0, memo, fuzzy)) {
        const ids = this.postingDocs[term] as Int32Array;
        const fw = this.postingWeights[term] as Float32Array;
        const s = sim * factor;
        if (sim >= 1) for (let i = 0; i < ids.length; i++) credit(ids[i] as number, s * (fw[i] as number));
        else {
          // Prose says much in passing: a word reached only by stem, sound or typo there is weaker evidence
          // ("knitting" is not a talk whose abstract says "tight-knit").
          const masks = this.postingMasks[term] as Uint16Array;
          for (let i = 0; i < ids.length; i++) {
            const inProseOnly = ((masks[i] as number) & ~PROSE_MASK) === 0;
            credit(ids[i] as number, s * (fw[i] as number) * (inProseOnly ? INEXACT_IN_PROSE : 1));
          }
        }
        if (place) for (const d of this.placeDocs.get(term) ?? []) credit(d, s * PLACE_BOOST);
      }
      for (const map of translated) for (const [d, fw] of map) credit(d, SIM.translation * factor * fw);
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
      into.set(d, this.content[d] ? score : score * NON_CONTENT_FACTOR);
      total[d] = 0;
    }
  }

  /**
   * Re-orders the best documents of `ranked` (sorted, above the cut-offs) by their score raised by up to
   * {@link PHRASE_BONUS} for how closely fuse.js finds the query phrase in their titles or names. Only documents
   * whose place among the first `limit` the bonus can change are compared: those that could still reach the
   * first `limit` (at most {@link RERANK_CANDIDATES}) and lie within the bonus of a neighbour. Scores only go
   * up and by less than the gap to any document left alone, so the order stays sorted by score.
   */
  private rerank(ranked: [number, number][], query: readonly QueryWord[], limit: number): void {
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
    const headings = contested.map(
      (i) => this.headings[(ranked[i] as [number, number])[0]] as [string, string],
    );
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
      if (query.some((q) => isCyrillic(q.word) && !this.knows(q.word))) compare(0, transliterate(phrase));
    } else compare(0, phrase);
    contested.forEach((i, j) => {
      const entry = ranked[i] as [number, number];
      entry[1] *= 1 + PHRASE_BONUS * (closeness[j] as number);
    });
    const head = ranked.slice(0, k).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    ranked.splice(0, k, ...head);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 10;
    const memo: Memo = new Map();
    const words = this.interpret(query, memo);
    const scores = new Map<number, number>();
    this.scoreWords(words, memo, scores);
    let top = 0;
    for (const s of scores.values()) if (s > top) top = s;
    if (top < MIN_SCORE) return [];
    const floor = Math.max(MIN_SCORE, top * RELATIVE_CUTOFF);
    const ranked = [...scores].filter(([, s]) => s >= floor).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    this.rerank(ranked, words, limit);
    return ranked.slice(0, limit).map(([d, score]) => ({
      ...(this.docs[d] as Doc),
      score: Math.round(Math.min(1, score) * 1000) / 1000,
    }));
  }
}

/** Indexes a programme's sessions (of every kind: "lunch" finds the lunch) and speakers. */
export function buildSearchIndex(programme: Programme): SearchIndex {
  return buildIndex(programme);
}

/**
 * A built index as bytes, for a cache (see src/search/index-cache.ts): restoring them with
 * {@link restoreSearchIndex} costs a small part of building the index again.
 */
export function searchIndexSnapshot(index: SearchIndex): Buffer {
  if (!(index instanceof Index)) throw new TypeError("not an index buildSearchIndex made");
  return index.snapshot();
}

/** The index a {@link searchIndexSnapshot} was taken of; throws on bytes that are none. */
export function restoreSearchIndex(bytes: Uint8Array): SearchIndex {
  return Index.restore(bytes);
}

function buildIndex(programme: Programme): Index {
  const docs = searchDocuments(programme);
  const chars = new Map<string, [total: number, count: number]>();
  for (const d of docs)
    for (const f of d.fields) {
      const c = chars.get(f.field) ?? [0, 0];
      c[0] += f.text.length;
      c[1]++;
      chars.set(f.field, c);
    }
  const avgChars = new Map([...chars].map(([f, [total, count]]) => [f, total / count]));
  const index = new Index(documentLanguages(programme, docs), avgChars);
  for (const doc of docs) index.addDoc(doc);
  index.finish();
  forgetFoldedWords();
  return index;
}
