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
  FIELD_WEIGHTS,
  type Field,
  heldWeight,
  isCyrillicLang,
  PROSE_MASK,
  type SearchDoc,
  searchDocuments,
} from "./documents.js";
import { germanQueryStopwords, stopwordsOf } from "./languages.js";
import {
  CAPITALIZED,
  foldWord,
  isCyrillic,
  isTitleCase,
  MIXED,
  PROPER,
  STOPWORDS,
  scanWords,
  subTokens,
} from "./normalize.js";
import { phraseText, words } from "./query.js";
import { SortedStrings } from "./sorted-strings.js";
import { stem } from "./stem.js";
import { aboutTexts, type TechNames, techNames } from "./technames.js";
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

/** A growing list of ints (the documents' prose words in order, see Vocabulary.proseWords). */
class IntList {
  size = 0;
  items: Int32Array<ArrayBuffer> = new Int32Array(4096);

  push(x: number): void {
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.size * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size++] = x;
  }

  /** The items as an array of their own. */
  done(): Int32Array<ArrayBuffer> {
    return this.items.slice(0, this.size);
  }
}

/**
 * A word as written in a language's texts ("Redis", "redis" and "REDIS" are three), with what indexing made of
 * it: a programme says its words over and over, and each form is normalized, looked up and stemmed once.
 */
interface WrittenForm {
  /** The normalized word. */
  token: string;
  /** Its word's id; −1 until it is indexed (a stop word is only in places' names). */
  id: number;
  /** The ids of its letter and digit parts, when it mixes them. */
  parts: number[] | undefined;
  /** A stop word of its language. */
  stop: boolean;
  /** In the other script than its language's. */
  other: boolean;
  /** Counts towards a Title Case title: four letters or more, no digit. */
  long: boolean;
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
  /** Each document's prose words in order (see Vocabulary.proseWords), and where each document's begin. */
  private readonly prose = new IntList();
  private readonly proseStart = new IntList();
  /** Words that are names wherever they stand: in people's and companies' names, "PyPy", another script. */
  private readonly named = new Set<number>();
  /** Per word, how often it was capitalized inside a sentence. */
  private readonly capitalizedCount: number[] = [];
  /** Per word, the languages other than English it has been stemmed in ("de,fr"). */
  private readonly stemLangs: (string | undefined)[] = [];
  /** Words seen capitalized where a sentence begins (or in a Title Case title). */
  private readonly initial = new Set<number>();
  /** Stop words per content language (with English and Russian), not indexed. */
  private readonly fieldStop = new Map<string, ReadonlySet<string>>();
  /** Average length in characters of each prose field, for the term frequency weighting. */
  private readonly avgChars: Map<string, number>;
  /** Per language, each word as written (case and marks kept) with what indexing made of it. */
  private readonly forms = new Map<string, Map<string, WrittenForm>>();
  /** Per word, how often the prose field being added says it (zero between fields). */
  private said = new Int32Array(1024);
  /** Scratch of one field: its words as written, their name hints, their forms. */
  private readonly hints: number[] = [];
  private readonly met: WrittenForm[] = [];
  /** Per session, the ids of its title's and subtitle's words. */
  private readonly titled = new Map<number, number[]>();

  constructor(
    languages: readonly string[],
    avgChars: Map<string, number>,
    private readonly tech: TechNames | undefined,
  ) {
    this.avgChars = avgChars;
    const stop = new Set<string>();
    for (const lang of languages) {
      const set = new Set([...STOPWORDS, ...words(stopwordsOf(lang).join(" "))]);
      this.fieldStop.set(lang, set);
      for (const w of set) stop.add(w);
    }
    // German is typed on programmes that have none ("Schrank für Netzwerkgeräte" over English talks): its function
    // words mean nothing in a query there either.
    for (const w of words(germanQueryStopwords().join(" "))) stop.add(w);
    this.v = new Vocabulary(languages, stop);
  }
  /** Adds a document with its fields. */
  addDoc(doc: SearchDoc): void {
    const docId = this.v.docs.length;
    this.v.docs.push({ kind: doc.kind, id: doc.id, title: doc.title, name: doc.name });
    this.v.headings.push([phraseText(doc.headings[0]), phraseText(doc.headings[1])]);
    this.v.content.push(doc.content);
    this.proseStart.push(this.prose.size);
    for (const f of doc.fields) {
      // A session's title words: those naming software get its description's words (technames.ts).
      let titled: number[] | undefined;
      if (this.tech && doc.kind !== "speaker" && (f.field === "title" || f.field === "subtitle")) {
        titled = this.titled.get(docId) ?? [];
        this.titled.set(docId, titled);
      }
      this.addField(docId, f, titled);
    }
  }

  /** Adds a field's words to a document; their ids (stop words left out) to `ids` when given. */
  private addField(docId: number, { text, field, weight, lang, role }: Field, ids?: number[]): void {
    const { hints, met } = this;
    const bit = 1 << FIELD_NAMES.indexOf(field);
    const prose = PROSE.has(field);
    // Prose fields keep their words in order too; they are all added with their document, before any other's.
    const said = (bit & PROSE_MASK) !== 0;
    const place = role === "place";
    const raws = scanWords(text, hints);
    const n = raws.length;
    // Each written form is looked up once here; its words get their ids in the order they are first met.
    const forms = this.formsIn(lang);
    let long = 0;
    let capitalized = 0;
    for (let i = 0; i < n; i++) {
      const raw = raws[i] as string;
      let form = forms.get(raw);
      if (!form) {
        form = this.form(raw, lang);
        forms.set(raw, form);
      }
      met[i] = form;
      // A room or track keeps every word: "Зал В", "Hall A", "Saal 1" are named by what reads as a stop word.
      if (form.id < 0 && (!form.stop || place)) this.index(form, lang);
      if (form.long) {
        long++;
        if ((hints[i] as number) & CAPITALIZED) capitalized++;
      }
      // Prose: a word said often in a text of ordinary length weighs a little more (BM25's saturation).
      if (prose && !form.stop) this.said[form.id] = (this.said[form.id] as number) + 1;
    }
    // In a Title Case title every word is capitalized: capitals there tell no names, only inner ones do.
    const titleCase = (field === "title" || field === "subtitle") && isTitleCase(long, capitalized);
    const norm = prose ? 1 - BM25_B + (BM25_B * text.length) / (this.avgChars.get(field) || text.length) : 1;
    const capitalizesNouns = lang === "de" || lang === "lb";
    for (let i = 0; i < n; i++) {
      const form = met[i] as WrittenForm;
      if (form.stop && !place) continue;
      const bits = hints[i] as number;
      const mixed = (bits & MIXED) !== 0;
      const proper = titleCase ? mixed : (bits & PROPER) !== 0;
      let w = weight;
      if (prose) {
        const tf = this.said[form.id] as number;
        w *= TF_BASE + (1 - TF_BASE) * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm));
      }
      const evidence = nameEvidence(
        role,
        proper,
        (bits & CAPITALIZED) !== 0,
        mixed,
        capitalizesNouns,
        form.other,
      );
      this.addWord(form.id, evidence, docId, w, bit, place);
      if (said) this.prose.push(form.id);
      if (form.parts) for (const t of form.parts) this.addWord(t, evidence, docId, w, bit, place);
    }
    // Two texts' words are never next to each other.
    if (said) this.prose.push(-1);
    if (prose)
      for (let i = 0; i < n; i++) {
        const form = met[i] as WrittenForm;
        if (!form.stop) this.said[form.id] = 0;
      }
    if (ids)
      for (let i = 0; i < n; i++) {
        const form = met[i] as WrittenForm;
        if (form.id >= 0 && !form.stop) ids.push(form.id);
      }
  }

  /**
   * Gives the sessions whose titles name listed software its description's words, in their `about` field
   * (technames.ts); after the names are known, since a name that is also an English word counts only as one.
   */
  private addAbout(list: TechNames): void {
    // A name is known by how the programme writes it: never in lower case in prose, and in a name field, with
    // capitals inside, or capitalized inside a sentence — a Title Case title's capitals ("Network Monitoring")
    // say nothing, and "design", "build", "web" capitalized in a title are still written in lower case elsewhere.
    const isName = (id: number) =>
      !this.v.lowerCount[id] && (this.named.has(id) || (this.capitalizedCount[id] ?? 0) > 0);
    for (const [doc, text] of aboutTexts(list, this.titled, this.v.terms, isName))
      this.addField(doc, { text, field: "about", weight: FIELD_WEIGHTS.about, lang: "en", role: "kind" });
    this.titled.clear();
  }

  /** The written forms met so far in a language's texts. */
  private formsIn(lang: string): Map<string, WrittenForm> {
    let forms = this.forms.get(lang);
    if (!forms) {
      forms = new Map();
      this.forms.set(lang, forms);
    }
    return forms;
  }

  /** What a written form is in a language, before it is indexed. */
  private form(raw: string, lang: string): WrittenForm {
    const token = foldWord(raw);
    return {
      token,
      id: -1,
      parts: undefined,
      stop: (this.fieldStop.get(lang) ?? STOPWORDS).has(token),
      other: isCyrillic(token) !== isCyrillicLang(lang),
      long: token.length >= 4 && !HAS_DIGIT.test(token),
    };
  }

  /** Gives a written form its word's id, and the ids of its letter and digit parts ("jinja2": "jinja", "2"). */
  private index(form: WrittenForm, lang: string): void {
    form.id = this.intern(form.token, lang);
    if (HAS_DIGIT.test(form.token)) {
      const parts = subTokens(form.token);
      if (parts.length) form.parts = parts.map((t) => this.intern(t, lang));
    }
    if (form.id >= this.said.length) {
      const grown = new Int32Array(Math.max(this.said.length * 2, form.id + 1));
      grown.set(this.said);
      this.said = grown;
    }
  }

  /** One occurrence of a word in a document's field, with what it says of the word being a name. */
  private addWord(
    id: number,
    evidence: Evidence,
    docId: number,
    weight: number,
    bit: number,
    place: boolean,
  ): void {
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
        const mask = (log.masks[last] as number) | bit;
        log.masks[last] = mask;
        log.weights[last] = heldWeight(Math.max(log.weights[last] as number, weight), mask);
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
      this.addStem(stem(token, cyrillic ? "ru" : lang), id);
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
    const proper = this.v.proper;
    for (const id of this.named) proper.add(id);
    this.capitalizedCount.forEach((n, id) => {
      if (n > (this.v.lowerCount[id] ?? 0)) proper.add(id);
    });
    for (const id of this.initial) if (!this.v.lowerCount[id]) proper.add(id);
    if (this.tech) this.addAbout(this.tech);
    // The names' keys, every other Latin word's keys and the trigrams are made on first use (Vocabulary.sortedKeys,
    // commonKeys, byGram).
    this.log.into(this.v, this.v.terms.length);
    this.proseStart.push(this.prose.size);
    this.v.proseStart = this.proseStart.done();
    this.v.proseWordList = this.prose.done();
    this.lastPosting = new Int32Array(0);
    this.v.sortedTerms = new SortedStrings(this.v.terms.map((t, i) => [t, i]));
    this.v.best = new Float32Array(this.v.docs.length);
    this.v.gramCounts = new Uint16Array(this.v.terms.length);
    this.v.termLengths = Uint8Array.from(this.v.terms, (t) => Math.min(255, t.length));
    this.v.total = new Float64Array(this.v.docs.length);
    // What only building needed goes now, not when the index does: the bot keeps its index for its lifetime.
    this.named.clear();
    this.initial.clear();
    this.capitalizedCount.length = 0;
    this.stemLangs.length = 0;
    return this.v;
  }
}

/** Indexes a programme's sessions (of every kind: "lunch" finds the lunch) and speakers. */
export function buildVocabulary(programme: Programme, tech = techNames()): Vocabulary {
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
  const builder = new Builder(documentLanguages(programme, docs), avgChars, tech);
  for (const doc of docs) builder.addDoc(doc);
  return builder.finish();
}
