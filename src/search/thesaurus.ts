/**
 * A topic said in other words: a query word that reaches the programme weakly or not at all looks for its
 * synonyms there («слежка» → наблюдение → surveillance, "physician" → doctor), from LibreOffice's thesauri
 * (data/lexicon/*-syn.tsv, built by thesaurus-build.ts: each synonym confirmed by a bilingual dictionary, or
 * marked as one of the word's usual sense that none confirms). A synonym is weaker evidence than a translation,
 * and alone it is none: {@link Agreeing} credits it only to a session another query word reaches too (score.ts)
 * — a lone synonym never makes a result, and nonsense beside it finds nothing.
 *
 * The lists are opened on first use, not at start-up, and read a block at a time (lexicon.ts); a word's
 * synonyms are looked up only once the score knows it reaches nothing strongly.
 */
import type { Translation } from "./glossary.js";
import { type Lexicon, lexicon } from "./lexicon.js";
import { isCyrillic } from "./normalize.js";
import { queryStem } from "./stem.js";

/** Marks a synonym in a list that no second source confirms (one of a word's usual sense): worth less. */
export const UNCONFIRMED = "~";
/** What a synonym is worth, relative to a dictionary translation of the word itself. */
export const SYNONYM_WEIGHT = 0.8;
/** …and one no second source confirms (a synonym of the word's usual sense in one thesaurus only). */
export const UNCONFIRMED_WEIGHT = 0.7;
/** Lemmas sharing a word's stem looked at, when the word is no lemma of the list itself ("servers" → server). */
const MAX_LEMMAS = 8;
/** A word's translations whose synonyms are looked at: the first, most usual ones. */
const TRANSLATIONS_LOOKED_AT = 2;

/** What {@link synonymTranslations} needs of the programme. */
export interface Holds {
  /** The programme's content languages (ISO 639-1). */
  languages: readonly string[];
  /** Whether the programme holds a word, as written or by stem. */
  knows(word: string): boolean;
}

/** A language's synonym list (data/lexicon/LANG-syn.tsv), opened on first use; undefined when there is none. */
export function synonymList(lang: string): Lexicon | undefined {
  return lexicon(lang, "syn");
}

/**
 * A word's synonyms in a list: its own when it is a lemma there, else those of the lemmas sharing its stem
 * ("servers" → server), shortest lemma first.
 */
export function synonymsOf(
  word: string,
  lang: string,
  list: Lexicon | undefined = synonymList(lang),
): string[] {
  if (!list || word.length < 3) return [];
  const own = list.lookup(word);
  if (own.length) return own;
  const s = queryStem(word, lang);
  if (s.length < 3) return [];
  const lemmas: [string, string[]][] = [];
  list.withPrefix(s, MAX_LEMMAS, (lemma, synonyms) => {
    if (!lemma.includes(" ") && queryStem(lemma, lang) === s) lemmas.push([lemma, synonyms]);
  });
  lemmas.sort((a, b) => a[0].length - b[0].length);
  const out: string[] = [];
  for (const [, synonyms] of lemmas) for (const t of synonyms) if (!out.includes(t)) out.push(t);
  return out;
}

/**
 * The synonyms of a query word the programme holds (every word of one), as translations of the word at `start`
 * worth {@link SYNONYM_WEIGHT} of `weight` ({@link UNCONFIRMED_WEIGHT} for those no second source confirms): a
 * word's own synonyms in its language (Russian for a Cyrillic word; English, German and French for a Latin one)
 * as they are on a programme in that language, and the first translations of the confirmed ones (`translate`, by
 * the bilingual lists) on any; then the English synonyms of the word's own first translations (`translations`, which the programme
 * lacks). Empty when the programme holds none. `lists`: each language's synonym list (the built ones).
 */
export function synonymTranslations(
  word: string,
  start: number,
  programme: Holds,
  weight: number,
  translations: readonly string[] = [],
  translate: (word: string, lang: string) => readonly string[] = () => [],
  lists: (lang: string) => Lexicon | undefined = synonymList,
): Translation[] {
  const offered = offeredSynonyms(word, programme.languages, translations, translate, lists);
  return heldSynonyms(word, offered, start, programme, weight);
}

/**
 * The synonyms {@link synonymTranslations} offers a programme in these languages, in order, before asking it which
 * it holds: the word lists alone decide them, so they are the same for every programme in those languages (an
 * unconfirmed one marked by {@link UNCONFIRMED}).
 */
export function offeredSynonyms(
  word: string,
  languages: readonly string[],
  translations: readonly string[] = [],
  translate: (word: string, lang: string) => readonly string[] = () => [],
  lists: (lang: string) => Lexicon | undefined = synonymList,
): string[] {
  const out: string[] = [];
  for (const lang of isCyrillic(word) ? ["ru"] : ["en", "de", "fr"]) {
    const theirs = languages.includes(lang);
    // A German word's synonyms are looked up only on a German programme or when it is German (the
    // German–English list translates it); a French one's only on a French programme.
    if (lang === "fr" ? !theirs : lang === "de" && !theirs && !translate(word, lang).length) continue;
    const own = synonymsOf(word, lang, lists(lang));
    if (lang === "en" || theirs) out.push(...own);
    // Translated only when confirmed: an unconfirmed synonym's translation is two loose steps from the word
    // («пароль» → отзыв → comment, which a French programme says for "how").
    if (lang !== "en")
      for (const s of own)
        if (!s.startsWith(UNCONFIRMED)) out.push(...translate(s, lang).slice(0, TRANSLATIONS_LOOKED_AT));
  }
  for (const t of translations.slice(0, TRANSLATIONS_LOOKED_AT))
    if (!t.includes(" ") && !isCyrillic(t)) out.push(...synonymsOf(t, "en", lists("en")));
  return out;
}

/**
 * The {@link offeredSynonyms} of a query word that a programme holds (every word of one), as translations of the
 * word at `start` worth {@link SYNONYM_WEIGHT} of `weight` ({@link UNCONFIRMED_WEIGHT} for those no second source
 * confirms); empty when it holds none.
 */
export function heldSynonyms(
  word: string,
  offered: readonly string[],
  start: number,
  programme: Holds,
  weight: number,
): Translation[] {
  // Confirmed synonyms, and those of a usual sense no second source confirms (worth less).
  const found: [string[], string[]] = [[], []];
  for (const marked of offered) {
    const loose = marked.startsWith(UNCONFIRMED);
    const phrase = loose ? marked.slice(UNCONFIRMED.length) : marked;
    if (phrase === word || found.some((f) => f.includes(phrase))) continue;
    if (phrase.split(" ").every((w) => programme.knows(w))) found[loose ? 1 : 0].push(phrase);
  }
  return found.flatMap((phrases, loose) =>
    phrases.length
      ? [
          {
            start,
            length: 1,
            alternatives: phrases.map((f) => f.split(" ")),
            weight: weight * (loose ? UNCONFIRMED_WEIGHT : SYNONYM_WEIGHT),
            lexical: true,
          },
        ]
      : [],
  );
}

/**
 * Synonyms credited where another query word agrees (score.ts's scoreWords). The words are scored one by one;
 * each tells {@link reached} the documents it reaches, and a word that reaches none of them strongly (at least
 * `strong`: a title's word, a translation in a title) keeps its own match in each. Such a word's synonyms are
 * looked up only then ({@link credit}, not for a word the programme says in its own words: «умный дом» is a talk
 * on the home, not one "building" something), and each document they reach gains what the synonym adds over
 * the word's own match there, at the word's IDF (a word reaching nothing weighs as an average word, as in the
 * score's mean) — only where another word reaches it too.
 */
export class Agreeing {
  /** Words reaching nothing strongly: their own match in each document they reach. */
  private readonly weak = new Map<number, Map<number, number>>();
  private readonly idf = new Map<number, number>();

  /**
   * The word at `w` reaches `docs`, with its IDF and its best match in each (`best`, by document); before the
   * score adds them (and clears `best`).
   */
  reached(w: number, idf: number, docs: readonly number[], best: ArrayLike<number>, strong: number): void {
    const own = new Map<number, number>();
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      const b = best[d] as number;
      if (b >= strong) return;
      own.set(d, b);
    }
    this.weak.set(w, own);
    this.idf.set(w, idf);
  }

  /** The word at `w` reaches nothing. */
  unreached(w: number): void {
    this.weak.set(w, new Map());
  }

  /**
   * Adds to `total` (by document) what the synonyms of each weak word gain where another word agrees: `docsOf`
   * the documents a word's synonyms reach with their weight there (looked up now), × `sim` (a translation's
   * similarity) × the word's `factor`, over the word's own match. All gains are worked out before any is added:
   * a document another word reaches only by its synonyms has no agreement.
   */
  credit(
    total: Float64Array,
    docsOf: (w: number) => Map<number, number>,
    sim: number,
    factor: (w: number) => number,
    averageIdf: number,
  ): void {
    const gains: [doc: number, gain: number][] = [];
    this.weak.forEach((own, w) => {
      const idf = this.idf.get(w) ?? averageIdf;
      docsOf(w).forEach((fw, d) => {
        const mine = own.get(d) ?? 0;
        // Another word's share of the document's total: what is left without this word's own match.
        if ((total[d] as number) - idf * mine <= AGREEMENT) return;
        const gain = sim * factor(w) * fw - mine;
        if (gain > 0) gains.push([d, idf * gain]);
      });
    });
    for (const [d, gain] of gains) total[d] = (total[d] as number) + gain;
  }
}

/** Below this, what another word adds to a document is rounding, not agreement. */
const AGREEMENT = 1e-9;
