/**
 * Building the index: every searchable session and every speaker becomes a document; each field's words go
 * into the vocabulary with postings (document → best field weight, fields held), stems, trigrams, and — for the
 * words that read as names or brands — phonetic keys and consonant skeletons.
 */
import type { Programme } from "../programme/model.js";
import { TF_BASE } from "./candidates.js";
import {
  documentLanguages,
  FIELD_NAMES,
  isCyrillicLang,
  type SearchDoc,
  searchDocuments,
} from "./documents.js";
import { stopwordsOf } from "./languages.js";
import {
  forgetFoldedWords,
  isCyrillic,
  isTitleCase,
  STOPWORDS,
  subTokens,
  tokenizeText,
} from "./normalize.js";
import { phraseText, words } from "./query.js";
import { SortedStrings } from "./sorted-strings.js";
import { stem } from "./stem.js";
import { phoneticKeys, shortPhoneticKeys, skeletonsOf } from "./translit.js";
import { Vocabulary } from "./vocabulary.js";

const HAS_DIGIT = /\d/;
/** Fields of prose, where how often a word is said tells how much a text is about it. */
const PROSE: ReadonlySet<string> = new Set(["abstract", "bio"]);
/**
 * BM25 saturation (k1, b) scaled so a word said once in a text of average length keeps its field's weight:
 * weight × (TF_BASE + (1 − TF_BASE) × BM25 term factor), the factor being 1 there and at most k1 + 1.
 */
const BM25_K1 = 1.2;
const BM25_B = 0.75;

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

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/** Postings as they are added: term, document, weight and fields of each, in growing typed arrays. */
class PostingLog {
  size = 0;
  /** One more than the highest term added. */
  terms = 0;
  term = new Int32Array(4096);
  docs = new Int32Array(4096);
  weights = new Float32Array(4096);
  masks = new Uint16Array(4096);

  /** Adds a posting; its position. */
  add(term: number, doc: number, weight: number, mask: number): number {
    if (this.size === this.term.length) this.grow();
    const i = this.size++;
    this.term[i] = term;
    this.docs[i] = doc;
    this.weights[i] = weight;
    this.masks[i] = mask;
    if (term >= this.terms) this.terms = term + 1;
    return i;
  }

  private grow(): void {
    const n = this.term.length * 2;
    const grow = <T extends Int32Array | Float32Array | Uint16Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.term = grow(this.term, new Int32Array(n));
    this.docs = grow(this.docs, new Int32Array(n));
    this.weights = grow(this.weights, new Float32Array(n));
    this.masks = grow(this.masks, new Uint16Array(n));
  }

  /** Lays the postings out by term (a counting sort: each term's documents keep their order) into `v`. */
  into(v: Vocabulary, terms: number): void {
    const start = new Int32Array(terms + 1);
    for (let i = 0; i < this.size; i++) {
      const t = (this.term[i] as number) + 1;
      start[t] = (start[t] as number) + 1;
    }
    for (let t = 0; t < terms; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
    const next = start.slice(0, terms);
    const docs = new Int32Array(this.size);
    const weights = new Float32Array(this.size);
    const masks = new Uint16Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const t = this.term[i] as number;
      const at = next[t] as number;
      next[t] = at + 1;
      docs[at] = this.docs[i] as number;
      weights[at] = this.weights[i] as number;
      masks[at] = this.masks[i] as number;
    }
    v.postingStart = start;
    v.postingDocList = docs;
    v.postingWeightList = weights;
    v.postingMaskList = masks;
    this.size = 0;
    this.term = new Int32Array(0);
    this.docs = new Int32Array(0);
    this.weights = new Float32Array(0);
    this.masks = new Uint16Array(0);
  }
}

/** Fills a {@link Vocabulary} document by document; what only building needs stays here and goes with it. */
class Builder {
  readonly v: Vocabulary;
  /**
   * Postings while documents are added, in the order they come (documents in id order): one flat log rather
   * than arrays per term; `finish` sorts it by term. `lastPosting[t]` is term t's latest entry, so a term said
   * again in the same document updates it.
   */
  private readonly log = new PostingLog();
  private lastPosting = new Int32Array(1024);
  /** Phonetic keys of the words seen as proper names, with the word's id. */
  private readonly keys: [string, number][] = [];
  /** Words that are names wherever they stand: in people's and companies' names, "PyPy", another script. */
  private readonly named = new Set<number>();
  /** Per word, how often it was capitalized inside a sentence. */
  private readonly capitalizedCount: number[] = [];
  /** Per word, its stem as {@link stem} gives it by default, when its first language stemmed it so. */
  private readonly enStems: (string | undefined)[] = [];
  /** Per word, the languages other than English it has been stemmed in ("de,fr"). */
  private readonly stemLangs: (string | undefined)[] = [];
  /** Words seen capitalized where a sentence begins (or in a Title Case title). */
  private readonly initial = new Set<number>();
  /** Stop words per content language (with English and Russian), not indexed. */
  private readonly fieldStop = new Map<string, ReadonlySet<string>>();
  /** Average length in characters of each prose field, for the term frequency weighting. */
  private readonly avgChars: Map<string, number>;

  constructor(languages: readonly string[], avgChars: Map<string, number>) {
    this.avgChars = avgChars;
    const stop = new Set<string>();
    for (const lang of languages) {
      const set = new Set([...STOPWORDS, ...words(stopwordsOf(lang).join(" "))]);
      this.fieldStop.set(lang, set);
      for (const w of set) stop.add(w);
    }
    this.v = new Vocabulary(languages, stop);
  }
  /** Adds a document with its fields. */
  addDoc(doc: SearchDoc): void {
    const docId = this.v.docs.length;
    this.v.docs.push({ kind: doc.kind, id: doc.id, title: doc.title, name: doc.name });
    this.v.headings.push([phraseText(doc.headings[0]), phraseText(doc.headings[1])]);
    this.v.content.push(doc.content);
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
    else if (evidence === Evidence.LowerCase) this.v.lowerCount[id] = (this.v.lowerCount[id] ?? 0) + 1;
    else if (evidence === Evidence.Initial) this.initial.add(id);
    this.post(id, docId, weight, bit);
    if (place) {
      const list = this.v.placeDocs.get(id);
      if (!list) this.v.placeDocs.set(id, [docId]);
      else if (list[list.length - 1] !== docId) list.push(docId);
    }
  }

  private post(term: number, doc: number, weight: number, bit: number): void {
    const log = this.log;
    if (term < log.terms) {
      const last = this.lastPosting[term] as number;
      if (log.docs[last] === doc) {
        // Float32 rounding keeps order, so the larger of two rounded weights is the larger weight rounded.
        if ((log.weights[last] as number) < weight) log.weights[last] = weight;
        log.masks[last] = (log.masks[last] as number) | bit;
        return;
      }
    }
    if (term >= this.lastPosting.length) {
      const grown = new Int32Array(this.lastPosting.length * 2);
      grown.set(this.lastPosting);
      this.lastPosting = grown;
    }
    this.lastPosting[term] = log.add(term, doc, weight, bit);
  }

  private intern(token: string, lang: string): number {
    let id = this.v.termIds.get(token);
    if (id === undefined) {
      id = this.v.terms.length;
      this.v.terms.push(token);
      this.v.termIds.set(token, id);
      // A trigram twice in the word is listed once: push skips the id it has just added.
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
    return this.enStems[id] ?? stem(this.v.terms[id] as string);
  }

  /** Takes a word for a name or brand: gives it the phonetic keys by which it is found respelled by ear. */
  private markProper(id: number): void {
    if (this.v.proper.has(id)) return;
    this.v.proper.add(id);
    const token = this.v.terms[id] as string;
    const keys = phoneticKeys(token);
    for (const key of new Set([...keys, ...phoneticKeys(this.enStem(id))])) this.keys.push([key, id]);
    for (const skeleton of skeletonsOf(keys)) push(this.v.skeletons, skeleton, id);
    for (const key of shortPhoneticKeys(token)) push(this.v.shortKeys, key, id);
  }

  private addStem(s: string, id: number): void {
    const list = this.v.byStem.get(s);
    if (!list) this.v.byStem.set(s, [id]);
    else if (!list.includes(id)) list.push(id);
  }

  /** Derives the look-up structures from what was added and lets go of what only building needed. */
  finish(): Vocabulary {
    // Only names and brands are respelled by ear; giving common words keys would match "кофе" to "give".
    // Names: words in names, with inner capitals or in the other script; words capitalized inside sentences
    // more often than written in lower case ("Redis", not a title's "Manager"); words capitalized only where
    // sentences begin, never in lower case ("Tensorflow on open source GPUs").
    for (const id of this.named) this.markProper(id);
    this.capitalizedCount.forEach((n, id) => {
      if (n > (this.v.lowerCount[id] ?? 0)) this.markProper(id);
    });
    for (const id of this.initial) if (!this.v.lowerCount[id]) this.markProper(id);
    // Every other Latin word's keys, and the trigrams, are made on first use (Vocabulary.commonKeys, byGram).
    this.log.into(this.v, this.v.terms.length);
    this.lastPosting = new Int32Array(0);
    this.v.sortedTerms = new SortedStrings(this.v.terms.map((t, i) => [t, i]));
    this.v.sortedKeys = new SortedStrings(this.keys.splice(0));
    this.v.best = new Float32Array(this.v.docs.length);
    this.v.gramCounts = new Uint16Array(this.v.terms.length);
    this.v.termLengths = Uint8Array.from(this.v.terms, (t) => Math.min(255, t.length));
    this.v.total = new Float64Array(this.v.docs.length);
    // What only building needed goes now, not when the index does: the bot keeps its index for its lifetime.
    this.named.clear();
    this.initial.clear();
    this.capitalizedCount.length = 0;
    this.stemLangs.length = 0;
    this.enStems.length = 0;
    return this.v;
  }
}

/** Indexes a programme's sessions (of every kind: "lunch" finds the lunch) and speakers. */
export function buildVocabulary(programme: Programme): Vocabulary {
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
  const builder = new Builder(documentLanguages(programme, docs), avgChars);
  for (const doc of docs) builder.addDoc(doc);
  const vocabulary = builder.finish();
  forgetFoldedWords();
  return vocabulary;
}
