/**
 * Query words translated with the dictionaries' word lists (lexicon.ts): a Russian or German word the programme
 * does not hold looks for its English translations ("вулканы" → volcano, "Fahrkartenautomat" → ticket machine),
 * and on a programme with Russian or German texts an English word for its Russian or German ones. A German
 * compound no list holds is split into parts (compound.ts) and looked for as the parts' translations
 * ("Solarzellenwirkungsgrad" → solar cell efficiency), or as the parts themselves in German texts.
 *
 * Dictionaries list rare senses and loose glosses beside the usual one, so a translation found here is worth
 * less than the word itself or the hand-written glossary's: {@link LEXICON_WEIGHT}, less again for a sense other
 * than the first the programme knows, and a compound found only in part less by the share found. Only
 * translations whose words the programme holds are offered.
 */

import { knows, rare, sameStem } from "./candidates.js";
import { partLemma, splitCompound } from "./compound.js";
import { type Translation, translateTokens } from "./glossary.js";
import { type Lexicon, lexicon, phraseKey } from "./lexicon.js";
import { isCyrillic } from "./normalize.js";
import { stem } from "./stem.js";
import type { Vocabulary as Index } from "./vocabulary.js";

/** What a dictionary translation is worth, relative to a glossary one. */
export const LEXICON_WEIGHT = 0.9;
/** Senses of a word looked at, most usual first: later ones are rarely what a query means. */
export const MAX_SENSES = 6;
/** A compound found by fewer than this share of its parts is not found. */
const MIN_COMPOUND_SHARE = 0.5;
/** Lemmas sharing a query word's stem looked at, when the word is no lemma itself. */
const MAX_LEMMAS = 30;

/** What the translation needs to know of the programme. */
export interface Vocabulary {
  /** The programme's content languages (ISO 639-1). */
  languages: readonly string[];
  /** Whether the programme holds a word, as written or by stem. */
  knows(word: string): boolean;
  /** Whether the programme holds a word in more than a few documents: then it means what it says there. */
  common(word: string): boolean;
}

/**
 * A word's translations in a list: its own when it is a lemma there, else those of the lemmas it shares a stem
 * with ("сырья" → "сырье" → raw materials), the lemma closest in length first.
 */
function translate(list: Lexicon, word: string, lang: string): string[] {
  const own = list.lookup(word);
  if (own.length) return own;
  const s = stem(word, lang);
  if (s.length < 3) return [];
  const lemmas: [string, string[]][] = [];
  list.withPrefix(s, MAX_LEMMAS, (lemma, translations) => {
    if (stem(lemma, lang) === s) lemmas.push([lemma, translations]);
  });
  lemmas.sort((a, b) => Math.abs(a[0].length - word.length) - Math.abs(b[0].length - word.length));
  const out: string[] = [];
  for (const [, translations] of lemmas) for (const t of translations) if (!out.includes(t)) out.push(t);
  return out;
}

/** A German word's translations when it is a lemma, or one with a linking ending ("zellen", "wirkungs"). */
function lemmaOf(deEn: Lexicon, piece: string): string[] {
  return (
    partLemma(piece, (lemma) => {
      const found = deEn.lookup(lemma);
      return found.length ? found : undefined;
    }) ?? []
  );
}

/** The lists a word in a script is translated with on a programme in these languages, with the key's language. */
function listsFor(word: string, languages: readonly string[]): [Lexicon | undefined, string][] {
  if (isCyrillic(word)) {
    const out: [Lexicon | undefined, string][] = [[lexicon("ru", "en"), "ru"]];
    if (languages.includes("de")) out.push([lexicon("ru", "de"), "ru"]);
    return out;
  }
  const out: [Lexicon | undefined, string][] = [[lexicon("de", "en"), "de"]];
  if (languages.includes("ru")) out.push([lexicon("en", "ru"), "en"]);
  if (languages.includes("de")) out.push([lexicon("en", "de"), "en"]);
  return out;
}

/** A translation's words, when the programme holds them all. */
function known(phrase: string, vocabulary: Vocabulary): string[] | undefined {
  const words = phrase.split(" ");
  return words.every((w) => vocabulary.knows(w)) ? words : undefined;
}

/** The senses of a word the programme knows, most usual first, at most {@link MAX_SENSES} looked at. */
function senses(translations: readonly string[], vocabulary: Vocabulary): string[][] {
  const out: string[][] = [];
  for (const t of translations.slice(0, MAX_SENSES)) {
    const words = known(t, vocabulary);
    if (words) out.push(words);
  }
  return out;
}

/**
 * A German compound's translations: its parts as they are (for German texts), and each part's first sense the
 * programme knows (for English ones), weighted by the share of parts found.
 */
function compoundTranslations(
  word: string,
  at: number,
  vocabulary: Vocabulary,
  deEn: Lexicon,
): Translation[] {
  const parts = splitCompound(word, (p) => lemmaOf(deEn, p).length > 0 || vocabulary.knows(p));
  if (!parts) return [];
  const out: Translation[] = [];
  if (parts.every((p) => vocabulary.knows(p)))
    out.push({ start: at, length: 1, alternatives: [parts], weight: LEXICON_WEIGHT, lexical: true });
  const english: string[] = [];
  let found = 0;
  for (const part of parts) {
    // A part with no translation the programme holds may be a word it holds as it is ("solar").
    const words = senses(lemmaOf(deEn, part), vocabulary)[0] ?? (vocabulary.knows(part) ? [part] : undefined);
    if (!words) continue;
    found++;
    for (const w of words) if (!english.includes(w)) english.push(w);
  }
  const share = found / parts.length;
  if (found && share >= MIN_COMPOUND_SHARE)
    out.push({
      start: at,
      length: 1,
      alternatives: [english],
      weight: LEXICON_WEIGHT * share,
      lexical: true,
    });
  return out;
}

/**
 * The dictionary translations of a query's words (normalized tokens, stop words left out) that the programme
 * holds, one {@link Translation} per word and way (a compound may have two), each of length 1.
 */
export function lexiconTranslations(words: readonly string[], vocabulary: Vocabulary): Translation[] {
  const out: Translation[] = [];
  words.forEach((word, i) => {
    if (word.length < 3 || /\d/.test(word)) return;
    // A word said in many documents of a programme in no language of the list is a word of theirs ("art" in
    // English talks is not German for "kind"); in a programme in the list's language it may be translated.
    const common = vocabulary.common(word);
    const alternatives: string[][] = [];
    for (const [list, lang] of listsFor(word, vocabulary.languages))
      if (list && (!common || vocabulary.languages.includes(lang)))
        for (const words of senses(translate(list, word, lang), vocabulary))
          if (!alternatives.some((a) => a.join(" ") === words.join(" "))) alternatives.push(words);
    if (alternatives.length) {
      out.push({ start: i, length: 1, alternatives, weight: LEXICON_WEIGHT, lexical: true });
      return;
    }
    const deEn = lexicon("de", "en");
    if (deEn && !isCyrillic(word) && (!common || vocabulary.languages.includes("de")))
      out.push(...compoundTranslations(word, i, vocabulary, deEn));
  });
  // Phrases of two words a dictionary lists as one ("стиральные машины" → washing machine).
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = [words[i] as string, words[i + 1] as string];
    if (
      pair.some((w) => w.length < 2 || /\d/.test(w)) ||
      isCyrillic(pair[0] as string) !== isCyrillic(pair[1] as string)
    )
      continue;
    const common = pair.every((w) => vocabulary.common(w));
    const alternatives: string[][] = [];
    for (const [list, lang] of listsFor(pair[0] as string, vocabulary.languages))
      if (list && (!common || vocabulary.languages.includes(lang)))
        for (const words of senses(list.lookup(phraseKey(pair, lang)), vocabulary))
          if (!alternatives.some((a) => a.join(" ") === words.join(" "))) alternatives.push(words);
    if (alternatives.length)
      out.push({ start: i, length: 2, alternatives, weight: LEXICON_WEIGHT, lexical: true });
  }
  return out;
}

/**
 * A query's translations: the glossary's (conference jargon, phrases), then the dictionaries' for its words the
 * programme holds in a few documents at most.
 */
export function translateQuery(v: Index, words: readonly string[]): Translation[] {
  const glossary = translateTokens(words);
  const lexical = lexiconTranslations(words, {
    languages: v.languages,
    knows: (w) => knows(v, w),
    common: (w) => !rare(v, v.termIds.get(w), sameStem(v, w)),
  });
  return lexical.length ? [...glossary, ...lexical] : glossary;
}

const bySearch = new WeakMap<object, Map<string, Translation[]>>();

/**
 * {@link translateQuery}, remembered for the rest of one search (`memo` is that search's own, as in
 * candidates.ts): a search reads its words as typed and on the other layout, then scores them, asking for the
 * same translations several times.
 */
export function translateQueryOnce(v: Index, words: readonly string[], memo: object): Translation[] {
  let seen = bySearch.get(memo);
  if (!seen) {
    seen = new Map();
    bySearch.set(memo, seen);
  }
  const key = words.join(" ");
  let out = seen.get(key);
  if (!out) {
    out = translateQuery(v, words);
    seen.set(key, out);
  }
  return out;
}
