/**
 * Programme search. `buildSearchIndex` turns a programme into an inverted index once per load; `search` then
 * costs in proportion to what a query matches, not to the size of the programme.
 *
 * Index: every searchable session (talk, keynote, workshop) and every speaker is a document; each field's
 * words go into a vocabulary with postings (document → best field weight). Around the vocabulary sit the
 * ways a query word can reach a vocabulary word: exact, same stem, prefix, typo (trigram candidates, then a
 * bounded edit distance), phonetic key (Cyrillic ↔ Latin spelling), and glossary translation (ru ↔ en).
 *
 * Query: the text as typed and the text retyped on the other keyboard layout compete; for each, the
 * words that carry meaning are matched, each document scores the IDF-weighted mean over query words of
 * (similarity of the match × weight of the field), and the better interpretation wins. Scores lie in
 * [0, 1]; below a confidence cut-off nothing is returned.
 */
import { isContentKind, type Programme, type Session, type Speaker } from "../programme/model.js";
import { editDistance } from "./distance.js";
import { translateTokens } from "./glossary.js";
import { hasLayoutKeys, swapLayout } from "./layout.js";
import { isCyrillic, isNoise, STOPWORDS, subTokens, tokenize } from "./normalize.js";
import { stem } from "./stem.js";
import { phoneticKeys } from "./translit.js";

/** What a result is: a session of one of the searchable kinds, or a speaker. */
export type ResultKind = "talk" | "workshop" | "keynote" | "speaker";

/** One search hit. `title` (sessions) and `name` (speakers) are the English texts. */
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

/** Field weights: what a match in each field is worth relative to a match in a title or a name. */
export const FIELD_WEIGHTS = {
  title: 1,
  name: 1,
  affiliation: 0.8,
  speakerName: 0.7,
  speakerAffiliation: 0.6,
  abstract: 0.55,
  bio: 0.55,
  audience: 0.45,
} as const;

/** How much a query word's match is worth by how it was reached. */
const SIM = {
  exact: 1,
  stem: 0.95,
  translation: 0.9,
  phonetic: 0.85,
  /** Upper bound of a prefix match; scaled down by how much of the word the prefix covers. */
  prefix: 0.9,
  /** Upper bound of a typo match; scaled down by edits per letter. */
  typo: 0.9,
} as const;

/** Results below this score are not confident enough to show. */
export const MIN_SCORE = 0.45;
/** Results scoring below this share of the best one are dropped as noise around a clear answer. */
const RELATIVE_CUTOFF = 0.5;
/** The retyped-layout interpretation loses ties against the text as typed. */
const LAYOUT_PENALTY = 0.95;
const MAX_PREFIX_TERMS = 40;

interface Doc {
  kind: ResultKind;
  id: string;
  title?: string;
  name?: string;
}

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

class Index implements SearchIndex {
  private readonly docs: Doc[] = [];
  private readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly building: Map<number, number>[] = [];
  private postingDocs: Int32Array[] = [];
  private postingWeights: Float32Array[] = [];
  private readonly byStem = new Map<string, number[]>();
  /** Phonetic keys of Latin words, reached from Cyrillic query words, and the other way round. */
  private readonly latinKeys = new Map<string, number[]>();
  private readonly cyrillicKeys = new Map<string, number[]>();
  private readonly byGram = new Map<string, number[]>();
  private sorted: string[] = [];
  private sortedIds: number[] = [];
  private best = new Float32Array(0);
  private total = new Float64Array(0);

  get stats() {
    return { documents: this.docs.length, terms: this.terms.length };
  }

  addDoc(doc: Doc, fields: [string | undefined, number][]): void {
    const docId = this.docs.length;
    this.docs.push(doc);
    for (const [text, weight] of fields) {
      if (!text) continue;
      for (const token of tokenize(text)) {
        if (STOPWORDS.has(token)) continue;
        for (const t of [token, ...subTokens(token)]) {
          const postings = this.building[this.intern(t)] as Map<number, number>;
          if ((postings.get(docId) ?? 0) < weight) postings.set(docId, weight);
        }
      }
    }
  }

  private intern(token: string): number {
    let id = this.termIds.get(token);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(token);
      this.termIds.set(token, id);
      this.building.push(new Map());
      const s = stem(token);
      push(this.byStem, s, id);
      const keys = isCyrillic(token) ? this.cyrillicKeys : this.latinKeys;
      for (const key of new Set([...phoneticKeys(token), ...phoneticKeys(s)])) push(keys, key, id);
      if (token.length >= 3) for (const g of new Set(trigrams(token))) push(this.byGram, g, id);
    }
    return id;
  }

  finish(): void {
    this.postingDocs = this.building.map((m) => Int32Array.from(m.keys()));
    this.postingWeights = this.building.map((m) => Float32Array.from(m.values()));
    this.building.length = 0;
    const order = this.terms.map((_, i) => i).sort((a, b) => {
      const x = this.terms[a] as string;
      const y = this.terms[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    this.sortedIds = order;
    this.sorted = order.map((i) => this.terms[i] as string);
    this.best = new Float32Array(this.docs.length);
    this.total = new Float64Array(this.docs.length);
  }

  /** Vocabulary words a query word reaches, each with the similarity of the best way it was reached. */
  private matchWord(word: string, translated: boolean): Map<number, number> {
    const found = new Map<number, number>();
    const add = (term: number, sim: number) => {
      if ((found.get(term) ?? 0) < sim) found.set(term, sim);
    };
    const exact = this.termIds.get(word);
    if (exact !== undefined) add(exact, SIM.exact);
    for (const t of this.byStem.get(stem(word)) ?? []) add(t, SIM.stem);
    if (word.length >= 4 && !/\d/.test(word)) this.matchPrefix(word, add);
    if (exact !== undefined || this.byStem.has(stem(word)) || translated) return found;

    // An unknown word: a spelling in the other script, or a typo.
    const keys = isCyrillic(word) ? this.latinKeys : this.cyrillicKeys;
    for (const key of new Set([...phoneticKeys(word), ...phoneticKeys(stem(word))]))
      for (const t of keys.get(key) ?? []) add(t, SIM.phonetic);
    this.matchTypos(word, add);
    return found;
  }

  /** Documents holding every word of a phrase (exactly or by stem), with the weakest field weight among them. */
  private matchPhrase(words: readonly string[]): Map<number, number> {
    let result: Map<number, number> | undefined;
    for (const word of words) {
      const docs = new Map<number, number>();
      const terms = new Set(this.byStem.get(stem(word)) ?? []);
      const exact = this.termIds.get(word);
      if (exact !== undefined) terms.add(exact);
      for (const t of terms) {
        const ids = this.postingDocs[t] as Int32Array;
        const fw = this.postingWeights[t] as Float32Array;
        for (let i = 0; i < ids.length; i++) {
          const d = ids[i] as number;
          const w = fw[i] as number;
          if (result && !result.has(d)) continue;
          if ((docs.get(d) ?? 0) < w) docs.set(d, w);
        }
      }
      if (result) for (const [d, w] of docs) docs.set(d, Math.min(w, result.get(d) as number));
      result = docs;
      if (!result.size) break;
    }
    return result ?? new Map();
  }

  private matchPrefix(word: string, add: (term: number, sim: number) => void): void {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo, n = 0; i < this.sorted.length && n < MAX_PREFIX_TERMS; i++, n++) {
      const term = this.sorted[i] as string;
      if (!term.startsWith(word)) break;
      if (term.length > word.length) add(this.sortedIds[i] as number, SIM.prefix * Math.sqrt(word.length / term.length));
    }
  }

  private matchTypos(word: string, add: (term: number, sim: number) => void): void {
    const max = maxEdits(word.length);
    if (max === 0 || /\d/.test(word)) return;
    const grams = trigrams(word);
    const shared = new Map<number, number>();
    for (const g of new Set(grams)) for (const t of this.byGram.get(g) ?? []) shared.set(t, (shared.get(t) ?? 0) + 1);
    const need = Math.max(1, grams.length - 4 * max);
    for (const [t, n] of shared) {
      if (n < need) continue;
      const term = this.terms[t] as string;
      const d = editDistance(word, term, max);
      if (d === 0 || d > max) continue;
      add(t, SIM.typo * (1 - d / Math.max(word.length, term.length)));
    }
  }

  /** Scores every document one interpretation of the query reaches; keeps each document's best in `into`. */
  private scoreText(text: string, factor: number, into: Map<number, number>): void {
    const words = tokenize(text).filter((t) => !isNoise(t));
    if (!words.length) return;
    // Glossary phrases: documents holding a whole translation count for every query word of the phrase.
    const phraseDocs: Map<number, number>[][] = words.map(() => []);
    for (const t of translateTokens(words)) {
      const docs = new Map<number, number>();
      for (const alt of t.alternatives)
        for (const [d, w] of this.matchPhrase(alt)) if ((docs.get(d) ?? 0) < w) docs.set(d, w);
      if (docs.size) for (let i = t.start; i < t.start + t.length; i++) phraseDocs[i]?.push(docs);
    }
    const n = this.docs.length;
    const total = this.total;
    const best = this.best;
    const touched: number[] = [];
    let known = 0;
    let knownWords = 0;
    let unknownWords = 0;
    for (let w = 0; w < words.length; w++) {
      const translated = phraseDocs[w] as Map<number, number>[];
      const docs: number[] = [];
      const credit = (d: number, v: number) => {
        if (best[d] === 0) docs.push(d);
        if (v > (best[d] as number)) best[d] = v;
      };
      for (const [term, sim] of this.matchWord(words[w] as string, translated.length > 0)) {
        const ids = this.postingDocs[term] as Int32Array;
        const fw = this.postingWeights[term] as Float32Array;
        for (let i = 0; i < ids.length; i++) credit(ids[i] as number, sim * (fw[i] as number));
      }
      for (const map of translated) for (const [d, fw] of map) credit(d, SIM.translation * fw);
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
      const s = ((total[d] as number) / sum) * factor;
      if (s > (into.get(d) ?? 0)) into.set(d, s);
      total[d] = 0;
    }
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 10;
    const scores = new Map<number, number>();
    this.scoreText(query, 1, scores);
    if (hasLayoutKeys(query)) this.scoreText(swapLayout(query), LAYOUT_PENALTY, scores);
    let top = 0;
    for (const s of scores.values()) if (s > top) top = s;
    if (top < MIN_SCORE) return [];
    const floor = Math.max(MIN_SCORE, top * RELATIVE_CUTOFF);
    const ranked = [...scores].filter(([, s]) => s >= floor).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return ranked.slice(0, limit).map(([d, score]) => ({ ...(this.docs[d] as Doc), score: Math.round(score * 1000) / 1000 }));
  }
}

function sessionFields(s: Session, speakers: Map<string, Speaker>): [string | undefined, number][] {
  const people = s.speakers.map((id) => speakers.get(id)).filter((p): p is Speaker => p !== undefined);
  const W = FIELD_WEIGHTS;
  return [
    [s.title.en, W.title],
    [s.title.ru, W.title],
    [s.abstract.en, W.abstract],
    [s.abstract.ru, W.abstract],
    [s.audience?.en, W.audience],
    [s.audience?.ru, W.audience],
    ...people.flatMap((p): [string | undefined, number][] => [
      [p.name.en, W.speakerName],
      [p.name.ru, W.speakerName],
      [p.affiliation?.en, W.speakerAffiliation],
      [p.affiliation?.ru, W.speakerAffiliation],
    ]),
  ];
}

function speakerFields(p: Speaker): [string | undefined, number][] {
  const W = FIELD_WEIGHTS;
  return [
    [p.name.en, W.name],
    [p.name.ru, W.name],
    [p.affiliation?.en, W.affiliation],
    [p.affiliation?.ru, W.affiliation],
    [p.bio?.en, W.bio],
    [p.bio?.ru, W.bio],
  ];
}

/** Indexes a programme's talks, keynotes, workshops and speakers (breaks and other entries are left out). */
export function buildSearchIndex(programme: Programme): SearchIndex {
  const index = new Index();
  const speakers = new Map(programme.speakers.map((p) => [p.id, p]));
  for (const s of programme.sessions) {
    if (!isContentKind(s.kind)) continue;
    index.addDoc({ kind: s.kind as ResultKind, id: s.id, title: s.title.en }, sessionFields(s, speakers));
  }
  for (const p of programme.speakers) index.addDoc({ kind: "speaker", id: p.id, name: p.name.en }, speakerFields(p));
  index.finish();
  return index;
}
