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

import { borrowedSpellings } from "./borrowed.js";
import { knows, matchPhrase, rare, sameStem } from "./candidates.js";
import {
  joined,
  LINKS,
  listedIn,
  MIN_COMPOUND,
  MIN_FIRST_PART,
  MIN_PART,
  partLemma,
  partOf,
  splitCompound,
} from "./compound.js";
import { type CompoundPart, glossaryPhrases, type Translation } from "./glossary.js";
import { type Lexicon, lexicon, phraseKey } from "./lexicon.js";
import { Lru, perOwner } from "./lru.js";
import { isCyrillic } from "./normalize.js";
import { sharedByWord, sharedByWordIn } from "./per-word.js";
import { prefixedCompound } from "./prefixed.js";
import { heterocliteLemma, russianForms } from "./ru-forms.js";
import { soundSlips } from "./slips.js";
import { endingAway, queryStem } from "./stem.js";
import { heldSynonyms, offeredSynonyms } from "./thesaurus.js";
import type { Vocabulary as Index } from "./vocabulary.js";

/** The programme's words holding a word's rarest letter trigram (candidates for {@link partOf}). */
function* holding(v: Index, word: string): Iterable<string> {
  let rarest: Int32Array | undefined;
  for (let i = 0; i + 3 <= word.length; i++) {
    const list = v.byGram(word.slice(i, i + 3));
    if (!list) return;
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  for (const t of rarest ?? []) yield v.terms[t] as string;
}

/** What a dictionary translation is worth, relative to a glossary one. */
export const LEXICON_WEIGHT = 0.9;
/** Senses of a word looked at, most usual first: later ones are rarely what a query means. */
export const MAX_SENSES = 6;
/** A compound found by fewer than this share of its parts is not found. */
const MIN_COMPOUND_SHARE = 0.5;
/** Lemmas sharing a query word's stem looked at, when the word is no lemma itself. */
const MAX_LEMMAS = 30;
/**
 * A translation found only as a part of a longer programme word ("Rollstuhl" in "rollstuhlgerechte") is worth
 * this much of one found as a word, times the root of the share of the longer word it covers.
 */
const PART_WEIGHT = 0.9;
/** A translation of a word with a slip of spelling put right is worth this much. */
const SLIPPED_WEIGHT = 0.95;
/** A synonym or derived form of a translation (WordNet's) is worth this much. */
const RELATED_WEIGHT = 0.9;
/** A translation through a second language (ru → de → en, or en → de → en for a synonym) is worth this much. */
const PIVOT_WEIGHT = 0.9;
/** Translations of each step of a pivot followed: the first, most usual ones. */
const PIVOT_SENSES = 3;
/** An English word reached through German only counts when this many German words lead to it. */
const MIN_PIVOT_PATHS = 2;
/** A translation of the word a query word is derived from is worth this much. */
const DERIVED_WEIGHT = 0.85;
/** A borrowed word found by its Latin spelling, no dictionary knowing it, is worth this much. */
const BORROWED_WEIGHT = 0.9;
/** Two query words found joined into one programme word ("smart watch" → smartwatch) are worth this much. */
const JOINED_WEIGHT = 0.95;

/** What the translation needs to know of the programme. */
export interface Vocabulary {
  /** The programme's content languages (ISO 639-1). */
  languages: readonly string[];
  /** Whether the programme holds a word, as written or by stem. */
  knows(word: string): boolean;
  /** Whether the programme holds a word in more than a few documents: then it means what it says there. */
  common(word: string): boolean;
  /** Calls back with the programme's words starting with a text, at most `limit` of them. */
  withPrefix?(prefix: string, limit: number, each: (term: string) => void): void;
  /** Programme words that may hold a word inside them (a superset: compound.ts's partOf decides). */
  holding?(word: string): Iterable<string>;
  /** Whether the programme holds a word exactly (for borrowed words spelled in Latin letters). */
  has?(term: string): boolean;
  /** Whether the programme holds a word as an acronym or a name, written in capitals (SNR, BER). */
  acronym?(term: string): boolean;
  /**
   * The programme's German compound translations of words looked at lately, kept by the caller per programme
   * (see {@link compoundsOnce}).
   */
  compounds?: Map<string, Translation[]>;
  /** One word's translations remembered across searches, by the word and its forms (readers never change them). */
  remembered?: Lru<string, { translations: Translation[]; forms: string[] }>;
}

/**
 * A word's translations in a list, in two tiers: `exact`, its own when it is a lemma there, else those of its
 * dictionary form («удаленные» → удаленный → removed); `guessed`, those of the other lemmas it shares a stem with
 * («удаленные» → удаление → removal), the lemma closest in length first. With several lists, every list's exact
 * answer comes before any list's guess (see {@link listTranslations}).
 */
interface Tiers {
  exact: string[];
  guessed: string[];
  /** Whether the list holds the word itself as a lemma. */
  listed?: boolean;
}

/**
 * A word's translations in a list, its {@link Tiers} one after the other ("сырья" → "сырье" → raw materials). The
 * lists never change while the bot runs and query words recur from search to search: the answers are remembered
 * (bounded).
 */
function translate(list: Lexicon, word: string, lang: string): string[] {
  const { exact, guessed } = tiers(list, word, lang);
  return guessed.length ? [...exact, ...guessed.filter((t) => !exact.includes(t))] : exact;
}

/** A word's {@link Tiers} in a list, remembered (see {@link translate}). */
function tiers(list: Lexicon, word: string, lang: string): Tiers {
  let memo = translated.get(list);
  if (!memo) {
    memo = new Map();
    translated.set(list, memo);
  }
  const key = `${lang}|${word}`;
  let out = memo.get(key);
  if (!out) {
    if (memo.size >= REMEMBERED_WORDS) memo.clear();
    out = lookUp(list, word, lang);
    memo.set(key, out);
  }
  return out;
}

/** Per word list, the translations of the words looked up lately (see {@link translate}). */
const translated = new WeakMap<Lexicon, Map<string, Tiers>>();
/** How many words' translations are kept per list before it starts again. */
const REMEMBERED_WORDS = 5_000;

const NONE: Tiers = { exact: [], guessed: [] };

/**
 * A Russian lemma's translations, then those of the other lemmas it is a form of, which the list holds: a word
 * may be a rare lemma and a form of a common one («кода» is a coda, and code's genitive), and a dictionary read
 * backwards lists the rare sense under the form itself. The programme's words decide which is meant (only
 * translations it holds count). Only in the triangulated lists ({@link triangulated}), whose senses two sources
 * agree on: Müller's list gives the other lemma's odd senses as readily («сборки», assemblies, would be a
 * "setting").
 */
function withFormsOf(list: Lexicon, word: string, own: string[]): string[] {
  const others = (russianForms()?.lemmasOf(word) ?? []).filter((lemma) => lemma !== word);
  if (!others.length) return own;
  const out = [...own];
  for (const lemma of others) for (const t of list.lookup(lemma)) if (!out.includes(t)) out.push(t);
  return out;
}

/** Whether a list is one of the Russian lists triangulated through other languages (ru-en-pivot, ru-de-pivot). */
function triangulated(list: Lexicon): boolean {
  return list === lexicon("ru", "en", "pivot") || list === lexicon("ru", "de", "pivot");
}

/** {@link tiers}, looked up in the list itself. */
function lookUp(list: Lexicon, word: string, lang: string): Tiers {
  const listedOwn = list.lookup(word);
  // A -мя noun's form some list holds as a word of its own, from a gloss: the noun's senses first.
  const noun = lang === "ru" && listedOwn.length ? heterocliteLemma(word) : undefined;
  const own = noun ? [...new Set([...list.lookup(noun), ...listedOwn])] : listedOwn;
  if (own.length)
    return { exact: triangulated(list) ? withFormsOf(list, word, own) : own, guessed: [], listed: true };
  // Every look-up below is of a word, or of words beginning so, sharing some beginning with this one: none finds
  // anything where no listed word begins with that much of it (one search tells how much some does), and is not
  // made — a word with a slip, or a compound's piece, shares few letters with any.
  const shared = list.sharedPrefix?.(word) ?? word.length;
  // A Russian form's dictionary forms by the morphological dictionary («удаленные» → удаленный).
  const forms = lang === "ru" ? (russianForms()?.lemmasOf(word) ?? []) : [];
  const exact: string[] = [];
  for (const form of forms)
    if (mayFind(form, word, shared)) for (const t of list.lookup(form)) if (!exact.includes(t)) exact.push(t);
  if (exact.length) return { exact, guessed: [], listed: true };
  const s = queryStem(word, lang);
  if (s.length < 3) return NONE;
  const lemmas: [string, string[]][] = [];
  if (mayFind(s, word, shared))
    list.withPrefix(s, MAX_LEMMAS, (lemma, translations) => {
      if (queryStem(lemma, lang) === s) lemmas.push([lemma, translations]);
    });
  // A Russian form whose stem drops or gains a vowel (a fleeting о/е: «ошибок» ошибка, «замка» замок).
  if (!lemmas.length && lang === "ru")
    for (const other of fleetingVowel(s))
      if (mayFind(other, word, shared))
        list.withPrefix(other, MAX_LEMMAS, (lemma, translations) => {
          if (queryStem(lemma, lang) === other) lemmas.push([lemma, translations]);
        });
  // …or one Snowball stems shorter than its lemma («простоя» просто-, «простой» прост-).
  if (
    !lemmas.length &&
    lang === "ru" &&
    s.length > MIN_FLEETING_STEM &&
    mayFind(s.slice(0, -1), word, shared)
  )
    list.withPrefix(s.slice(0, -1), MAX_LEMMAS, (lemma, translations) => {
      if (!lemma.includes(" ") && endingAway(word, queryStem(lemma, lang)))
        lemmas.push([lemma, translations]);
    });
  // A dictionary form first: the lists also hold forms of a lemma as words of their own, taken from a gloss
  // («сетью» trammel, of «ловить сетью»), which are not what the word means («сетях» → сеть, network).
  lemmas.sort((a, b) => lemmaRank(a[0], word, lang) - lemmaRank(b[0], word, lang));
  // The word's dictionary form, when the morphological dictionary knows none (else another list's lemma sharing
  // the stem is another word: «кисель» is no «кислый»): the best-ranked lemmas, when they end as one does.
  const best = !forms.length && lemmas.length ? lemmaRank(lemmas[0]?.[0] as string, word, lang) : DEFERRED;
  const out: Tiers = { exact, guessed: [] };
  for (const [lemma, translations] of lemmas) {
    if (forms.includes(lemma)) continue;
    const tier = best < DEFERRED && lemmaRank(lemma, word, lang) === best ? out.exact : out.guessed;
    for (const t of translations) if (!out.exact.includes(t) && !tier.includes(t)) tier.push(t);
  }
  return out;
}

/**
 * Whether a list may hold `key`, a word sharing some beginning with `word`, when no listed word begins with more
 * than `shared` letters of `word` ({@link lookUp}).
 */
function mayFind(key: string, word: string, shared: number): boolean {
  return shared >= firstDifference(key, word);
}

/** What ranks a lemma not ending as a dictionary form after every one that does. */
const DEFERRED = 100;

/**
 * How far a listed lemma sharing a word's stem stands from being its dictionary form ({@link lookUp}, lower first):
 * {@link DEFERRED} when a Russian one does not end as a dictionary form, then by how much the lengths differ.
 */
function lemmaRank(lemma: string, word: string, lang: string): number {
  return (
    (lang === "ru" && !DICTIONARY_ENDING.test(lemma.slice(queryStem(lemma, lang).length)) ? DEFERRED : 0) +
    Math.abs(lemma.length - word.length)
  );
}

/**
 * What a Russian dictionary form ends in past its stem: a noun's nominative singular, an adjective's or
 * participle's masculine (Snowball may leave its suffix: «удаленный» удален-), a verb's infinitive (an oblique case «-ью», «-ями», «-ах» is a form of another word).
 */
const DICTIONARY_ENDING = /^(?:|[ьаяоейъ]|[а-яё]{0,2}[ыиоь]й|и[ея]|ь[ея]|т[ьи]|ться|тись)$/;

/** Shortest Russian stem looked up again with a slip of spelling put right (a short one is another word). */
const MIN_SLIPPED_STEM = 7;

const CONSONANT = "бвгджзклмнпрстфхцчшщ";
/** Shortest Russian stem looked up again with its fleeting vowel dropped or put back. */
const MIN_FLEETING_STEM = 4;

/**
 * A Russian stem with a fleeting vowel: the о, е or ё before its last consonant dropped (the genitive plural
 * «ошибок», the nominative «замок», «отец», whose other forms say ошибк-, замк-, отц-), or put back between its
 * last two consonants (замк- → замок, сестр- → сестер). Snowball stems such forms apart.
 */
export function fleetingVowel(stem: string): string[] {
  if (stem.length < MIN_FLEETING_STEM) return [];
  const n = stem.length;
  const [a, b, c] = [stem[n - 3] as string, stem[n - 2] as string, stem[n - 1] as string];
  if (CONSONANT.includes(a) && "оеё".includes(b) && CONSONANT.includes(c)) return [stem.slice(0, -2) + c];
  if (CONSONANT.includes(b) && CONSONANT.includes(c) && !"йь".includes(b))
    return [`${stem.slice(0, -1)}о${c}`, `${stem.slice(0, -1)}е${c}`];
  return [];
}

/**
 * A German word's translations when it is a lemma, and those of its lemma under a linking ending ("zellen",
 * "wirkungs"): a list may hold the piece with its ending as a word of its own ("Überwachungs-" → supervisory)
 * where the compound means the lemma (Überwachung → monitoring). Else a lemma whose final -e the compound drops;
 * a noun of action no list holds by its verb ("Vermessung" → vermessen → survey, "Signierung" → signieren →
 * sign). `listed` may rule out a word without looking it up (a compound's pieces: compound.ts's listedIn).
 * Remembered per list (bounded): a compound is split over dozens of pieces, and its parts are asked for again.
 */
function lemmaOf(deEn: Lexicon, piece: string, listed?: (key: string) => boolean): string[] {
  let memo = pieceLemmas.get(deEn);
  if (!memo) {
    memo = new Map();
    pieceLemmas.set(deEn, memo);
  }
  let out = memo.get(piece);
  if (!out) {
    if (memo.size >= REMEMBERED_WORDS) memo.clear();
    const found: string[] = [];
    const lemmaTranslations = (lemma: string) => {
      for (const form of verbOf(lemma))
        if (!listed || listed(form)) for (const t of deEn.lookup(form)) if (!found.includes(t)) found.push(t);
      return found.length ? found : undefined;
    };
    for (const link of LINKS)
      if (piece.length - link.length >= 3 && piece.endsWith(link))
        lemmaTranslations(piece.slice(0, piece.length - link.length));
    out = found.length ? found : (partLemma(piece, lemmaTranslations) ?? []);
    memo.set(piece, out);
  }
  return out;
}

/** Per list, the translations of the pieces of compounds looked at lately (see {@link lemmaOf}). */
const pieceLemmas = new WeakMap<Lexicon, Map<string, string[]>>();

/**
 * A German word, then for a noun in -ung the verbs it is made from ("speicherung" → speichern), and for one in
 * -ierung the noun the verb was made of ("paketierung" → paketieren → paket).
 */
function verbOf(word: string): string[] {
  if (!word.endsWith("ung") || word.length < 7) return [word];
  const base = word.slice(0, -3);
  const out = [word, `${base}en`, `${base}n`];
  if (base.endsWith("ier") && base.length >= 7) out.push(base.slice(0, -3));
  return out;
}

/**
 * The lists a word in a script is translated with on a programme in these languages, with the key's language: a
 * Cyrillic word into English, and into the programme's German or French; a Latin one from German, and from English
 * into its Russian or German, from French into English on a French programme.
 */
function listsFor(word: string, languages: readonly string[]): [Lexicon | undefined, string][] {
  if (isCyrillic(word)) {
    // The English words other languages' dictionaries agree on first: they are today's usual senses («поезд» →
    // train, «шрифт» → font), where Müller's list often gives an older or rarer one first (rattler; print).
    const out: [Lexicon | undefined, string][] = [
      [lexicon("ru", "en", "pivot"), "ru"],
      [lexicon("ru", "en"), "ru"],
    ];
    // On a German programme the German words other languages' dictionaries agree on, likewise («поезд» → Zug).
    if (languages.includes("de")) out.push([lexicon("ru", "de", "pivot"), "ru"], [lexicon("ru", "de"), "ru"]);
    if (languages.includes("fr")) out.push([lexicon("ru", "fr"), "ru"]);
    return out;
  }
  const out: [Lexicon | undefined, string][] = [[lexicon("de", "en"), "de"]];
  if (languages.includes("ru")) out.push([lexicon("en", "ru"), "en"]);
  if (languages.includes("de")) out.push([lexicon("en", "de"), "en"]);
  // A French programme's attendees type French: into English for its English texts ("apprentissage profond"
  // → deep learning). Not English into French: FreeDict's small English–French list found no talk an English
  // query missed, only off-topic ones ("tax return" → retour).
  if (languages.includes("fr")) out.push([lexicon("fr", "en"), "fr"]);
  return out;
}

/**
 * A word's translations in several lists, each list's first {@link MAX_SENSES}: every list's exact answer (the word
 * or its dictionary form, {@link Tiers}) before any list's guess by a shared stem, and no guess at all when a list
 * holds the word itself (another list's lemmas sharing its stem are then other words: «кисель» is no «кислый»).
 */
function listTranslations(
  word: string,
  lists: readonly [Lexicon | undefined, string][],
  use: (lang: string) => boolean,
): string[][] {
  const exact: string[][] = [];
  const guessed: string[][] = [];
  let listed = false;
  for (const [list, lang] of lists) {
    if (!list || !use(lang)) continue;
    const found = tiers(list, word, lang);
    // The list's first senses (translate's order: exact, then guesses), split where its exact answer ends.
    const first = found.exact.slice(0, MAX_SENSES);
    exact.push(first);
    guessed.push(translate(list, word, lang).slice(first.length, MAX_SENSES));
    listed ||= found.listed === true;
  }
  return listed ? exact : [...exact, ...guessed];
}

/**
 * A word's translations in the lists for a programme's languages ({@link listTranslations}), worked out once a
 * word for every programme in those languages; for a word the programme says often, only the lists from one of
 * its languages (see wordTranslations).
 */
const wordSenses = sharedByWordIn((word, languages) =>
  listTranslations(word, listsFor(word, languages), () => true),
);
const commonWordSenses = sharedByWordIn((word, languages) =>
  listTranslations(word, listsFor(word, languages), (lang) => languages.includes(lang)),
);

/** A translation's words, when the programme holds them all. */
function known(phrase: string, vocabulary: Vocabulary): string[] | undefined {
  const words = phrase.split(" ");
  return words.every((w) => vocabulary.knows(w)) ? words : undefined;
}

/**
 * The senses of a word the programme knows, most usual first, at most {@link MAX_SENSES} looked at; the senses of
 * one word it does not know go to `unknown` (they may be parts of its compounds).
 */
function senses(translations: readonly string[], vocabulary: Vocabulary, unknown?: string[]): string[][] {
  const out: string[][] = [];
  for (const t of translations.slice(0, MAX_SENSES)) {
    const words = known(t, vocabulary);
    if (words) out.push(words);
    const acronym = acronymOf(t, vocabulary);
    if (acronym && !out.some((o) => o[0] === acronym)) out.push([acronym]);
    else if (unknown && !t.includes(" ") && !unknown.includes(t)) unknown.push(t);
    for (const term of asOneWord(t, vocabulary)) if (!out.some((o) => o[0] === term)) out.push([term]);
  }
  return out;
}

/** A translation of this many words or more may be said by its initials (two words' are too often another name). */
const MIN_ACRONYM_WORDS = 3;

/**
 * The acronym the programme writes for a translation of three words or more (Bitfehlerrate → bit error rate →
 * BER, Signalrauschabstand → signal noise ratio → SNR), when it holds those initials in capitals.
 */
function acronymOf(phrase: string, vocabulary: Vocabulary): string | undefined {
  if (!vocabulary.acronym) return undefined;
  const words = phrase.split(" ");
  if (words.length < MIN_ACRONYM_WORDS || words.some((w) => !/^[a-z]/.test(w))) return undefined;
  const acronym = words.map((w) => w[0]).join("");
  return vocabulary.acronym(acronym) ? acronym : undefined;
}

/**
 * The programme words a translation of two words is written as, joined ("ring tones" → "Ringtones", "laser
 * cutter" → "Lasercutter"), its last word as written or by stem ("Ringtone").
 */
function asOneWord(phrase: string, vocabulary: Vocabulary): string[] {
  const words = phrase.split(" ");
  if (words.length !== 2 || !vocabulary.withPrefix) return [];
  const [first, second] = words as [string, string];
  const stemmed = queryStem(second);
  return joined(first, stemmed === second ? [second] : [second, stemmed], vocabulary.withPrefix, 1);
}

/** A step of a pivot: the first translations of each word in a list (phrases are not looked up again). */
function step(list: Lexicon | undefined, words: readonly string[]): string[] {
  const out: string[] = [];
  if (!list) return out;
  for (const w of words)
    if (!w.includes(" "))
      for (const t of list.lookup(w).slice(0, PIVOT_SENSES)) if (!out.includes(t)) out.push(t);
  return out;
}

/**
 * A Russian word's translations through a second language, when the dictionaries' direct ones are words the
 * programme does not hold: through German («спутник» → Satellit → satellite), or through English and back for
 * the synonyms of a rare translation («пчеловодство» → apiculture → Imkerei, Bienenzucht → beekeeping); on a
 * German programme through English into German too («ленивый» → indolent, lazy → faul). Each step drifts from the sense,
 * so an English word is kept only when two German words lead to it: "Hypothek" and "Pfand" are both mortgage,
 * but only "Pfand" is also security.
 */
function pivoted(word: string, languages: readonly string[]): string[] {
  const ruEn = translate(lexicon("ru", "en") ?? EMPTY, word, "ru").slice(0, PIVOT_SENSES);
  const ruDe = translate(lexicon("ru", "de") ?? EMPTY, word, "ru").slice(0, PIVOT_SENSES);
  const german = [...ruDe, ...step(lexicon("en", "de"), ruEn)];
  const deEn = lexicon("de", "en");
  const paths = new Map<string, number>();
  for (const g of new Set(german))
    for (const e of step(deEn, [g])) if (!ruEn.includes(e)) paths.set(e, (paths.get(e) ?? 0) + 1);
  const out = [...paths].filter(([, n]) => n >= MIN_PIVOT_PATHS).map(([e]) => e);
  if (languages.includes("de")) {
    // A German word too only when the Russian–German list gives it or two English words lead to it («медведь»
    // → bear → Bär, which the index folds to "bar", is no bar).
    const ways = new Map<string, number>(ruDe.map((g) => [g, MIN_PIVOT_PATHS]));
    const enDe = lexicon("en", "de");
    for (const e of ruEn) for (const g of step(enDe, [e])) ways.set(g, (ways.get(g) ?? 0) + 1);
    for (const [g, n] of ways) if (n >= MIN_PIVOT_PATHS && !out.includes(g)) out.push(g);
  }
  return out;
}

/** Whether the Russian–German lists translate a Russian word into a German word the programme holds. */
function germanHeld(word: string, vocabulary: Vocabulary): boolean {
  return [lexicon("ru", "de", "pivot"), lexicon("ru", "de")].some((list) =>
    translate(list ?? EMPTY, word, "ru")
      .slice(0, MAX_SENSES)
      .some((t) => known(t, vocabulary)),
  );
}

/**
 * The German words of {@link germanOfEnglish} that the programme writes as they are (a German word's stem may be an
 * English word's: "Sims", a ledge, is the English "SIMs") and that lead back to the English word they came from by
 * the German–English list's first senses (or a word of its stem). FreeDict's English–German list gives a word's
 * German ones in alphabetical order: "school" → Universität, which is a university, does not lead back. Only a word
 * the programme holds is looked up again, so a first-sight word reads few blocks of the German list.
 */
function germanSenses(
  candidates: readonly [german: string, english: string][],
  vocabulary: Vocabulary,
): string[][] {
  const deEn = lexicon("de", "en");
  const out: string[][] = [];
  if (!deEn) return out;
  for (const [g, e] of candidates) {
    if (!vocabulary.has?.(g) || out.some((o) => o[0] === g)) continue;
    const stem = queryStem(e);
    if (
      translate(deEn, g, "de")
        .slice(0, PIVOT_SENSES)
        .some((back) => back === e || queryStem(back) === stem)
    )
      out.push([g]);
  }
  return out;
}

/** A Russian word's usual English translations carried into German ({@link germanOfEnglish}): the first this many. */
const ENGLISH_SENSES = 2;

/**
 * On a programme with German texts, a Russian word's usual English translations carried into German («климат» →
 * climate → Klima, «сознание» → consciousness → Bewusstsein): a German talk may say what the Russian–German lists
 * lack, though an English talk holds the English word. Each German word of the English–German list's first senses,
 * with the English word it came from; {@link germanSenses} keeps those that lead back to it.
 */
function germanOfEnglish(word: string): [german: string, english: string][] {
  const enDe = lexicon("en", "de");
  const out: [string, string][] = [];
  if (!enDe) return out;
  const english: string[] = [];
  for (const list of [lexicon("ru", "en", "pivot"), lexicon("ru", "en")])
    for (const e of translate(list ?? EMPTY, word, "ru"))
      if (!e.includes(" ") && !english.includes(e) && english.length < ENGLISH_SENSES) english.push(e);
  for (const e of english)
    for (const g of translate(enDe, e, "en").slice(0, MAX_SENSES)) if (!g.includes(" ")) out.push([g, e]);
  return out;
}

/**
 * Whether a Latin word is German only: the German–English list holds it, the English lists do not (an English
 * word the programme lacks is not translated into its own synonyms).
 */
function isGermanOnly(word: string): boolean {
  return (
    (lexicon("de", "en")?.lookup(word).length ?? 0) > 0 &&
    (lexicon("en", "de")?.lookup(word).length ?? 0) === 0 &&
    (lexicon("en", "ru")?.lookup(word).length ?? 0) === 0
  );
}

/**
 * A German word's synonyms through English, when the programme holds none of its translations: its first English
 * translations back into German (on a German programme: Frauenheilkunde → gynaecology, gynecology →
 * Gynäkologie), and those German words into English again (English synonyms of a rare translation). As for
 * {@link pivoted}, a word counts only when two ways lead to it (each step drifts), or comes back from a word's only
 * translation; on a German programme with the programme's words derived from it, which Snowball stems apart.
 */
function germanPivot(
  word: string,
  languages: readonly string[],
  withPrefix?: Vocabulary["withPrefix"],
): string[] {
  const deEn = lexicon("de", "en");
  const all = translate(deEn ?? EMPTY, word, "de");
  const english = all.slice(0, PIVOT_SENSES);
  const enDe = lexicon("en", "de");
  const german = new Map<string, number>();
  for (const e of english) {
    // A two-word translation too: the English–German list holds such phrases (legal scholarship → Jura).
    const key = e.includes(" ") ? phraseKey(e.split(" "), "en") : e;
    const back = (enDe?.lookup(key) ?? []).slice(0, PIVOT_SENSES);
    // A word of one sense whose translation leads back to it: that translation's other German words are its
    // synonyms (Sternkunde → astronomy → Astronomie, Sternkunde).
    const paths = all.length === 1 && back.includes(word) ? MIN_PIVOT_PATHS : 1;
    for (const g of back) if (g !== word) german.set(g, (german.get(g) ?? 0) + paths);
  }
  const out: string[] = [];
  if (languages.includes("de"))
    for (const [g, n] of german) {
      if (n < MIN_PIVOT_PATHS || g.includes(" ")) continue;
      out.push(g);
      // Its derived forms too, which Snowball stems apart (Gynäkologie, gynäkologisch: gynakologi-, gynakolog-).
      const s = queryStem(g, "de").slice(0, -1);
      if (s.length >= MIN_DERIVED_STEM && withPrefix)
        withPrefix(s, DERIVED_FORMS, (term) => {
          if (term.length <= g.length + DERIVED_TAIL && !out.includes(term)) out.push(term);
        });
    }
  const paths = new Map<string, number>();
  for (const g of german.keys())
    for (const e of step(deEn, [g])) if (!english.includes(e)) paths.set(e, (paths.get(e) ?? 0) + 1);
  for (const [e, n] of paths) if (n >= MIN_PIVOT_PATHS && !out.includes(e)) out.push(e);
  return out;
}

/**
 * The translations of a long Russian word no list holds, with a slip of spelling put right: one
 * unstressed vowel written for another («землятрясения» → землетрясение → earthquake), the first variant a
 * lemma of the list shares a stem with.
 */
function slipped(word: string, languages: readonly string[]): string[] {
  const s = queryStem(word, "ru");
  if (s.length < MIN_SLIPPED_STEM) return [];
  const lists = listsFor(word, languages);
  // A slip past the letters some listed word begins with is looked for alone: before them, nothing begins so.
  const listed = Math.max(...lists.map(([list]) => list?.sharedPrefix?.(s) ?? s.length));
  for (const other of soundSlips(s)) {
    if (firstDifference(s, other) > listed) break;
    const out: string[] = [];
    for (const [list] of lists)
      list?.withPrefix(other, MAX_LEMMAS, (lemma, translations) => {
        if (queryStem(lemma, "ru") === other) for (const t of translations) if (!out.includes(t)) out.push(t);
      });
    if (out.length) return out;
  }
  return [];
}

/** Where two words first differ: how many letters of their beginnings they share. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/**
 * English words related to a word's usual translation when the programme does not hold it: WordNet's synonyms
 * of its first sense and its derived forms (en-en list: «вулкан» → volcano → volcanic, «велосипед» → bicycle →
 * bike). Only the first translation's: a looser one's synonyms drift («фон» → groundwork → base).
 */
function related(translations: readonly string[]): string[] {
  return step(lexicon("en", "en"), translations.slice(0, 1));
}

/**
 * The forms derived from a word's usual translation (its first list's first one-word sense) when the programme
 * does not hold that sense but holds a later one: «протез» → prosthesis, leg; the programme says "prosthetic",
 * not "leg" in that sense. Worth what a derived form is when nothing else is found ({@link related}).
 */
function usualDerived(listed: readonly (readonly string[])[], vocabulary: Vocabulary): Translation[] {
  const usual = listed.find((l) => l.length)?.[0];
  if (!usual || usual.includes(" ") || vocabulary.knows(usual)) return [];
  const alternatives = senses(related([usual]), vocabulary);
  return alternatives.length
    ? [{ start: 0, length: 1, alternatives, weight: LEXICON_WEIGHT * RELATED_WEIGHT, lexical: true }]
    : [];
}

/**
 * Russian suffixes a word is derived with, longest first, as they end a Snowball stem: an adjective's (-ическ-,
 * -ск-, -ов-/-ев-, -н-, -ьн- after a soft consonant) or a noun's (-ник, -ств(о), -тель; Snowball cuts -ость
 * itself). A word no list holds may be found by the word it is made from («спутниковые» → спутник,
 * «провальные» → провал, «резидентство» → резидент).
 */
const DERIVATIONS = [
  "ическ",
  "ческ",
  "ость",
  "ство",
  "тель",
  "еств",
  "ств",
  "ник",
  "ск",
  "ьн",
  "ов",
  "ев",
  "н",
  "к",
];
/** A derived word's stem keeps at least this many letters once its suffix is cut. */
const MIN_DERIVED_STEM = 5;
/**
 * …or at least this many, for an adjective's -ов-/-ев- or a noun's -(е)ств- ({@link SHORT_DERIVATIONS}), when a
 * listed word is that stem and an ending of one letter at most («игровые» → игр- → игра, «фоновые» → фон, «ролевая»
 * → роль, «ткачество» → ткач): a short stem begins too many other words to go further, and a noun's -к- on one
 * makes another word («сборка» is no «сбор»).
 */
const MIN_SHORT_DERIVED_STEM = 3;
const SHORT_DERIVATIONS = new Set(["ов", "ев", "ств", "еств"]);

/**
 * The translations of the words a Russian word no list holds is derived from: its stem less a derivational
 * suffix begins them («беспилотники» → беспилотн- → беспилотный → unmanned, «студенческая» → студен- →
 * студент → student), those closest in length first.
 */
function derived(word: string, languages: readonly string[]): string[] {
  const s = queryStem(word, "ru");
  const out: string[] = participleVerbs(s, languages);
  if (out.length) return out;
  for (const suffix of DERIVATIONS) {
    if (!s.endsWith(suffix)) continue;
    const base = s.slice(0, s.length - suffix.length);
    const short = base.length < MIN_DERIVED_STEM;
    if (short && (base.length < MIN_SHORT_DERIVED_STEM || !SHORT_DERIVATIONS.has(suffix))) continue;
    const tail = short ? 1 : DERIVED_TAIL;
    const lemmas: [string, string[]][] = [];
    for (const [list] of listsFor(word, languages))
      list?.withPrefix(base, MAX_LEMMAS, (lemma, translations) => {
        if (lemma.length <= base.length + tail && !lemma.includes(" "))
          lemmas.push([lemma, translations.slice(0, PIVOT_SENSES)]);
      });
    lemmas.sort((a, b) => a[0].length - b[0].length);
    // A short stem's word is the shortest listed («фон», not «фонд» too).
    const shortest = lemmas[0]?.[0].length ?? 0;
    for (const [lemma, translations] of lemmas)
      if (tail === DERIVED_TAIL || lemma.length === shortest)
        for (const t of translations) if (!out.includes(t)) out.push(t);
    if (out.length) break;
  }
  return out;
}

/**
 * A passive participle's -ем-/-им- ending a stem (Snowball cuts a noun's -ость after it: «воспроизводимость» →
 * воспроизводим-, «наблюдаемость» → наблюдаем-): the quality of what can be done, English's -able/-ibility, whose
 * Snowball stem is its verb's (reproducibility, reproducible, reproduce: reproduc-). -ируем- is a verb in -ировать.
 */
const PARTICIPLE = /(?:[ая]ем|им|уем)$/;
/** A participle's verb keeps at least this many letters before its -ем-/-им- and its infinitive's ending. */
const MIN_PARTICIPLE_BASE = 5;

/**
 * The translations of the verb a Russian passive participle's stem is made of, when no list holds the word:
 * «воспроизводимость» → воспроизводить → reproduce (the programme's "Reproducibility"), «наблюдаемость» →
 * наблюдать → observe ("observability"), «тестируемость» → тестировать → test. Only verbs (a lemma in -ть) whose
 * stem the participle's is, an infinitive's ending away.
 */
function participleVerbs(stem: string, languages: readonly string[]): string[] {
  const found = PARTICIPLE.exec(stem);
  if (!found) return [];
  // -аем-/-яем- keep their vowel in the verb (наблюда|ть), -уем- is -ова- (тестиру → тестирова|ть), -им- is -и-.
  const base = found[0] === "уем" ? `${stem.slice(0, -3)}ова` : stem.slice(0, -2);
  if (base.length < MIN_PARTICIPLE_BASE) return [];
  const out: string[] = [];
  for (const [list] of listsFor(base, languages))
    list?.withPrefix(base, MAX_LEMMAS, (lemma, translations) => {
      if (!lemma.endsWith("ть") || lemma.includes(" ") || lemma.length > base.length + VERB_ENDING) return;
      for (const t of translations.slice(0, PIVOT_SENSES)) if (!out.includes(t)) out.push(t);
    });
  return out;
}
/** An infinitive's ending past a participle's verb stem: -ить, -еть (воспроизвод|ить), -ть (наблюда|ть). */
const VERB_ENDING = 3;

/** Programme words looked at as derived forms of a German word reached through English. */
const DERIVED_FORMS = 8;
/** A derived word's source word is at most this many letters longer than the stem they share. */
const DERIVED_TAIL = 4;

/** No translations: a list that is missing. */
const EMPTY: Lexicon = { lookup: () => [], withPrefix: () => 0 };

/**
 * Translations the programme holds only inside longer words, as their first or last part: a German compound
 * ("wheelchair" → Rollstuhl → "Rollstuhlgerechte Toiletten", "toothbrush" → Zahnbürste → "Bambuszahnbürsten"),
 * each with the word it holds; worked out once, then read by {@link asParts} with and without its `front` rule.
 */
function partsInside(
  words: readonly string[],
  vocabulary: Vocabulary,
): [term: string, share: number, word: string][] {
  const out: [string, number, string][] = [];
  const holding = vocabulary.holding;
  if (!holding) return out;
  for (const word of words)
    for (const [term, share] of partOf(word, holding(word))) out.push([term, share, word]);
  return out;
}

/**
 * {@link partsInside}' programme words, each once (the first word's share), those `front` rules out left out
 * (compound.ts partOf's `front`: the letters before a last part must be a word).
 */
function asParts(
  inside: readonly [term: string, share: number, word: string][],
  front?: (letters: string) => boolean,
): [term: string, share: number][] {
  const out: [string, number][] = [];
  for (const [term, share, word] of inside)
    if (
      (!front || term.startsWith(word) || front(term.slice(0, term.indexOf(word)))) &&
      !out.some(([t]) => t === term)
    )
      out.push([term, share]);
  return out;
}

/**
 * Whether the letters before a compound's last part are a word of their own (compound.ts partOf's `front`): one
 * the programme holds as written, or a German lemma, linking ending included ("bambus", "glasfaser", "gameboy").
 */
function wordBefore(vocabulary: Vocabulary, deEn: Lexicon): (letters: string) => boolean {
  return (letters) =>
    letters.length >= MIN_FIRST_PART &&
    (vocabulary.has?.(letters) === true || lemmaOf(deEn, letters).length > 0);
}

/**
 * Pairs of neighbouring query words found joined into one programme word: the words as typed or any of their
 * translations ("battery recycling" → Batterie + Recycling → "Batterierecycling", «смарт-часы» → smart + watch
 * → "Smartwatch"). `forms` holds each word's Latin forms; each pair joined counts for both words.
 */
function joinedPairs(
  words: readonly string[],
  forms: readonly (readonly string[])[],
  vocabulary: Vocabulary,
): Translation[] {
  const cyrillic = words.map(isCyrillic);
  const out: Translation[] = [];
  const withPrefix = vocabulary.withPrefix;
  if (!withPrefix) return out;
  for (let i = 0; i + 1 < forms.length; i++) {
    const terms: string[] = [];
    const add = (firsts: readonly string[], seconds: readonly string[]) => {
      for (const a of firsts)
        for (const term of joined(a, seconds, withPrefix)) if (!terms.includes(term)) terms.push(term);
    };
    add(forms[i] as string[], forms[i + 1] as string[]);
    // Russian puts the word a compound begins with after the other, in the genitive ("переработка
    // аккумуляторов" → Batterierecycling), an adjective before it ("климатические данные" → Klimadaten).
    if (cyrillic[i] && cyrillic[i + 1]) add(forms[i + 1] as string[], forms[i] as string[]);
    if (terms.length)
      out.push({
        start: i,
        length: 2,
        alternatives: terms.map((t) => [t]),
        weight: JOINED_WEIGHT,
        lexical: true,
      });
  }
  return out;
}

/** Senses of each part of a compound combined into the whole compound's translations. */
const COMPOUND_SENSES = 3;
/** At most this many translations of a whole compound (combinations of its parts' senses). */
const MAX_COMBINATIONS = 9;
/**
 * The share of a compound its last part, the head, is worth found alone: the head says what the thing is
 * ("Zug|pünktlichkeit" is a punctuality, "Führungskräfte|coaching" a coaching); the parts before it share the rest.
 */
export const HEAD_SHARE = 0.6;

/** What a compound's parts found apart are worth when a list translates the whole word. */
const LISTED_COMPOUND_PARTS = 0.85;
/** The most a part's share grows to when others are nowhere in the programme. */
const MAX_PART_SHARE = 0.75;

/** Each part's share of a compound of `n` parts: the head {@link HEAD_SHARE}, the others the rest evenly. */
export function partShares(n: number): number[] {
  if (n === 1) return [1];
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? HEAD_SHARE : (1 - HEAD_SHARE) / (n - 1)));
}

/**
 * Per document, the sum of the shares of a compound's parts it holds anywhere (each part by its best way), in
 * [0, 1]; a part held only in prose counts `inProse` of its field's weight, as a dictionary's translation does.
 */
export function compoundDocs(
  v: Index,
  parts: readonly CompoundPart[],
  inProse: number,
  lonePart = ONE_PART_TRANSLATED,
): Map<number, number> {
  // Per document: the sum so far, how many parts it holds, and whether one of them as written.
  const sums = new Map<number, [sum: number, parts: number, written: boolean]>();
  for (const { share, alternatives } of parts) {
    const best = new Map<number, [number, boolean]>();
    for (const [words, weight, written] of alternatives)
      for (const [d, w] of matchPhrase(v, words, inProse)) {
        const seen = best.get(d);
        if (!seen) best.set(d, [w * weight, written]);
        else if (seen[0] < w * weight) seen[0] = w * weight;
        if (written && seen) seen[1] = true;
      }
    for (const [d, [w, written]] of best) {
      const sum = sums.get(d);
      if (sum) {
        sum[0] += share * w;
        sum[1]++;
        sum[2] ||= written;
      } else sums.set(d, [share * w, 1, written]);
    }
  }
  const out = new Map<number, number>();
  for (const [d, [sum, n, written]] of sums) out.set(d, n > 1 || written ? sum : sum * lonePart);
  return out;
}

/**
 * A document holding one part of a compound alone, and only as a translation, is credited this share of it: a
 * dictionary's loose sense ("Sammlung" → library) alone is weak evidence, below what is shown by itself. Of a
 * word the dictionary lists whole it is credited nothing (see {@link compoundTranslations}).
 */
const ONE_PART_TRANSLATED = 0.6;

/**
 * A German compound's parts (compound.ts's split): pieces the programme holds or the German–English list knows as
 * lemmas, linking endings included; undefined when the word is none.
 */
function splitGerman(word: string, vocabulary: Vocabulary, deEn: Lexicon): string[] | undefined {
  // A part shorter than a word of its own only as a German dictionary's lemma ("Zug"), not any short word.
  const listed = deEn.sharedPrefix ? listedIn(word, deEn.sharedPrefix.bind(deEn)) : () => true;
  return splitCompound(
    word,
    (p, start) =>
      (p.length >= MIN_PART && vocabulary.knows(p)) ||
      lemmaOf(deEn, p, (key) => listed(key, start)).length > 0,
  );
}

/**
 * A German compound's translations: its parts as they are (for German texts); the whole, as each part's first
 * senses the programme knows (for English ones: "Hausautomatisierung" → home automation), weighted by the share
 * of parts found; and its parts found anywhere in a document, each worth its share of the word (the head most),
 * as written, translated, or as the first or last part of a longer programme word ("Wachstum" → growth →
 * "Degrowth"), so a talk that holds the head alone in its title counts. A word the dictionary lists whole says
 * what it means there, whether the programme holds that or not: its parts' senses are no translation of it
 * ("Briefmarken" are stamps, not letter brands), and a document holding one part alone, translated, gets
 * nothing of it; its parts as written, or two of them together, still count ("Netzsperren": a German talk on
 * what providers "sperren" on the Internet).
 */
function compoundTranslations(
  word: string,
  at: number,
  vocabulary: Vocabulary,
  deEn: Lexicon,
): Translation[] {
  const parts = splitGerman(word, vocabulary, deEn);
  if (!parts) return [];
  const listedWhole = translate(deEn, word, "de").length > 0;
  const out: Translation[] = [];
  if (parts.every((p) => vocabulary.knows(p)))
    out.push({ start: at, length: 1, alternatives: [parts], weight: LEXICON_WEIGHT, lexical: true });
  const found: string[][][] = [];
  const shares = partShares(parts.length);
  const ways: CompoundPart[] = [];
  parts.forEach((part, i) => {
    // A part with no translation the programme holds may be a word it holds as it is ("solar"). Senses of one
    // word first: the whole is looked for as a phrase, and a gloss ("land survey") rarely stands in a title.
    const unknown: string[] = [];
    const meanings = senses(lemmaOf(deEn, part), vocabulary, unknown).sort((a, b) => a.length - b.length);
    const asWritten = vocabulary.knows(part);
    if (!meanings.length && asWritten) meanings.push([part]);
    if (meanings.length) found.push(meanings);
    const alternatives: [string[], number, boolean][] = meanings
      .filter((m) => m.length > 1 || m[0] !== part)
      .map((m) => [m, 1, false]);
    // Held as written it is the word itself, not a dictionary's sense of it: worth what a typed word is (not a
    // word that only shares its stem, perhaps in another language: "farmen", "farming").
    if (asWritten) alternatives.push([[part], vocabulary.has?.(part) ? 1 / LEXICON_WEIGHT : 1, true]);
    const single = [part, ...meanings.filter((m) => m.length === 1).map((m) => m[0] as string), ...unknown];
    // An English noun of action by its verb, which its stem does not meet ("detection" → detect).
    for (const sense of single.slice(1)) {
      const verb = sense.endsWith("ion") ? sense.slice(0, -3) : "";
      if (verb.length >= MIN_PART && vocabulary.knows(verb))
        alternatives.push([[verb], DERIVED_WEIGHT, false]);
    }
    // Inside a longer programme word only a word the programme does not say alone (a search of its trigrams).
    const inside = single.filter((w) => !vocabulary.has?.(w));
    const held = partsInside(inside, vocabulary);
    const asPart = asParts(held);
    const words = asPart.length ? asParts(held, wordBefore(vocabulary, deEn)) : asPart;
    for (const [term, share] of words) alternatives.push([[term], PART_WEIGHT * Math.sqrt(share), false]);
    // A part found only inside words it is no part of ("gage" in "engage") is still a part the programme says in
    // some way: its share does not go to the others, which would let "Mort" alone carry "mortgage".
    if (alternatives.length || asPart.length) ways.push({ share: shares[i] as number, alternatives });
  });
  const share = found.length / parts.length;
  if (!listedWhole && found.length && share >= MIN_COMPOUND_SHARE) {
    let whole: string[][] = [[]];
    for (const meanings of found)
      whole = whole
        .flatMap((words) =>
          meanings.slice(0, COMPOUND_SENSES).map((m) => [...words, ...m.filter((w) => !words.includes(w))]),
        )
        .slice(0, MAX_COMBINATIONS);
    out.push({ start: at, length: 1, alternatives: whole, weight: LEXICON_WEIGHT * share, lexical: true });
  }
  // A part the programme says in no way cannot tell its talks apart: its share goes to the parts it does say
  // ("Zell|biologie" over a talk on the cell), up to MAX_PART_SHARE each.
  const held = ways.reduce((sum, w) => sum + w.share, 0);
  for (const w of ways) w.share = Math.max(w.share, Math.min(MAX_PART_SHARE, w.share / held));
  if (ways.length)
    out.push({
      start: at,
      length: 1,
      alternatives: [],
      parts: ways,
      weight: LEXICON_WEIGHT,
      lexical: true,
      ...(listedWhole ? { lonePart: 0 } : {}),
    });
  return out;
}

/** The lists whose keys are English words. */
const ENGLISH_LISTS: [from: string, to: string][] = [
  ["en", "de"],
  ["en", "ru"],
];
/** How many query words' compound parts an index remembers (see {@link compoundParts}). */
const PARTS_KEPT = 1_000;
const rememberedParts = perOwner<Index, Lru<string, readonly string[]>>(() => new Lru(PARTS_KEPT));

/**
 * The parts of a German compound query word the programme does not hold as typed and no list translates whole
 * ("Hypnosekurs" → hypnose + kurs), as the dictionary translations split it; empty for any other word, an
 * English one included. For
 * scoring the query with the compound typed apart (apart.ts): a compound is what its parts typed apart say, and
 * a list's translation of a whole word says it better (a "Kreuzfahrt" is no cross and drive).
 */
export function compoundParts(v: Index, word: string): readonly string[] {
  if (word.length < MIN_COMPOUND || !/^[a-z]+$/.test(word) || v.termIds.has(word)) return [];
  return rememberedParts(v).remember(word, () => {
    const deEn = lexicon("de", "en");
    if (!deEn) return [];
    const vocabulary = lexiconView(v);
    if (vocabulary.common(word) && !v.languages.includes("de")) return [];
    if (translate(deEn, word, "de").length) return [];
    // An English word is no German compound ("mortgage" is no "Mort" and "Gage").
    if (ENGLISH_LISTS.some(([from, to]) => (lexicon(from, to)?.lookup(word).length ?? 0) > 0)) return [];
    return splitGerman(word, vocabulary, deEn) ?? [];
  });
}

/** German compounds' translations kept per programme before it starts again. */
const REMEMBERED_COMPOUNDS = 2_000;

/**
 * {@link compoundTranslations} of a query word at `at`, remembered in `vocabulary.compounds` (bounded): splitting
 * a compound and looking its parts up is the dearest translation, and a query's words are translated once as
 * typed alone and again beside the others, and recur from one search to the next.
 */
function compoundsOnce(word: string, at: number, vocabulary: Vocabulary, deEn: Lexicon): Translation[] {
  const memo = vocabulary.compounds;
  if (!memo) return compoundTranslations(word, at, vocabulary, deEn);
  let found = memo.get(word);
  if (!found) {
    if (memo.size >= REMEMBERED_COMPOUNDS) memo.clear();
    found = compoundTranslations(word, 0, vocabulary, deEn);
    memo.set(word, found);
  }
  return found.map((t) => ({ ...t, start: at }));
}

/**
 * A word's translations in every list for a programme's languages, one list's after another's (the parts of a
 * shortened compound: prefixed.ts), worked out once a word for every programme in those languages.
 */
const everyListTranslation = sharedByWordIn((word, languages) =>
  listsFor(word, languages).flatMap(([list, lang]) => (list ? translate(list, word, lang) : [])),
);

/**
 * A Russian or German word's English translations in the lists, the usual first (each list's exact answer before
 * any guess by a shared stem), whether a programme holds them or not: for making other words of them (without.ts).
 */
export function englishTranslations(word: string): string[] {
  return [...new Set(listTranslations(word, listsFor(word, ["en"]), () => true).flat())];
}

/** {@link slipped}, {@link pivoted} and {@link derived}: the word lists alone, worked out once a word for every index. */
const slippedOnce = sharedByWordIn(slipped);
const pivotedOnce = sharedByWordIn(pivoted);
const derivedOnce = sharedByWordIn(derived);
/** {@link germanOfEnglish}: the word lists alone, worked out once a word for every index. */
const germanOfEnglishOnce = sharedByWord(germanOfEnglish);

/**
 * The dictionary translations of one query word at the query's start (a {@link lexiconTranslations} of one word,
 * pairs aside); `own` (the word's Latin forms so far) gains its translations' one-word forms.
 */
function wordTranslations(word: string, vocabulary: Vocabulary, own: string[]): Translation[] {
  const out: Translation[] = [];
  if (!isCyrillic(word) && !own.includes(word)) own.unshift(word);
  if (word.length < 3 || /\d/.test(word)) return out;
  // A word said in many documents of a programme in no language of the list is a word of theirs ("art" in
  // English talks is not German for "kind"); in a programme in the list's language it may be translated.
  const common = vocabulary.common(word);
  const alternatives: string[][] = [];
  const unknown: string[] = [];
  let direct = unknown;
  const listed = (common ? commonWordSenses : wordSenses)(word, vocabulary.languages);
  for (const translations of listed)
    for (const words of senses(translations, vocabulary, unknown))
      if (!alternatives.some((a) => a.join(" ") === words.join(" "))) alternatives.push(words);
  for (const a of alternatives) if (a.length === 1 && !own.includes(a[0] as string)) own.push(a[0] as string);
  for (const u of unknown) if (!own.includes(u)) own.push(u);
  const deEn = lexicon("de", "en");
  // A German compound, by its parts too: a talk may say a part as written ("Netzsperren": "sperren" in a German
  // title) where no translation of the whole stands — less when a list knows the whole word (its parts
  // then say less than its translation: "Fahrkartenautomat" is no talk on "automated" things).
  // Not a word an English or Russian programme writes as typed: that is its own word ("opencloud").
  const itsOwn = vocabulary.has?.(word) === true && !vocabulary.languages.includes("de");
  const compound = (known: boolean) =>
    deEn && !itsOwn && !isCyrillic(word) && (!common || vocabulary.languages.includes("de"))
      ? compoundsOnce(word, 0, vocabulary, deEn).map((t) =>
          known && t.parts ? { ...t, weight: (t.weight ?? 1) * LISTED_COMPOUND_PARTS } : t,
        )
      : [];
  if (alternatives.length) {
    out.push({ start: 0, length: 1, alternatives, weight: LEXICON_WEIGHT, lexical: true }, ...compound(true));
    out.push(...usualDerived(listed, vocabulary));
    if (isCyrillic(word) && vocabulary.languages.includes("de") && !germanHeld(word, vocabulary)) {
      const german = germanSenses(germanOfEnglishOnce(word), vocabulary).filter(
        (g) => !alternatives.some((a) => a.join(" ") === g.join(" ")),
      );
      if (german.length)
        out.push({
          start: 0,
          length: 1,
          alternatives: german,
          weight: LEXICON_WEIGHT * PIVOT_WEIGHT,
          lexical: true,
          pivot: true,
        });
    }
    return out;
  }
  if (isCyrillic(word) && !unknown.length && vocabulary.has && vocabulary.withPrefix) {
    // No dictionary knows the word: a borrowed one, spelled in Latin letters as the programme writes it.
    const { has, withPrefix } = vocabulary;
    const spelled = borrowedSpellings(word, { has, withPrefix }).filter((p) =>
      known(p.join(" "), vocabulary),
    );
    for (const p of spelled) if (p.length === 1 && !own.includes(p[0] as string)) own.push(p[0] as string);
    if (spelled.length) {
      out.push({
        start: 0,
        length: 1,
        alternatives: spelled,
        weight: LEXICON_WEIGHT * BORROWED_WEIGHT,
        lexical: true,
      });
      return out;
    }
  }
  if (
    isCyrillic(word) &&
    !unknown.length &&
    vocabulary.has &&
    vocabulary.withPrefix &&
    !isDictionaryWord(word)
  ) {
    // A shortened first word and a second run together («велошеринг» bike sharing, «техдолг» technical debt).
    const { has, withPrefix, knows } = vocabulary;
    const ruEn = lexicon("ru", "en");
    const parts = ruEn
      ? prefixedCompound(word, { has, withPrefix, knows }, ruEn, (w) =>
          everyListTranslation(w, vocabulary.languages),
        ).filter((p) => known(p.join(" "), vocabulary))
      : [];
    if (parts.length) {
      out.push({
        start: 0,
        length: 1,
        alternatives: parts,
        weight: LEXICON_WEIGHT * DERIVED_WEIGHT,
        lexical: true,
      });
      return out;
    }
  }
  if (isCyrillic(word)) {
    // A synonym or derived form of a translation, through a second language, else by the word it is derived
    // from («беспилотники» → беспилотный).
    const untranslated = [...unknown];
    direct = untranslated;
    // Each way, what it is worth, and whether it goes through a second language (Translation.pivot).
    const ways: [() => string[], number, boolean][] = [
      // A slip of spelling only in a word no list holds: a listed word's variant is another word.
      [() => (untranslated.length ? [] : slippedOnce(word, vocabulary.languages)), SLIPPED_WEIGHT, false],
      [() => related(untranslated), RELATED_WEIGHT, false],
      [() => pivotedOnce(word, vocabulary.languages), PIVOT_WEIGHT, true],
      [
        () =>
          vocabulary.languages.includes("de")
            ? germanSenses(germanOfEnglishOnce(word), vocabulary).flat()
            : [],
        PIVOT_WEIGHT,
        true,
      ],
      [() => derivedOnce(word, vocabulary.languages), DERIVED_WEIGHT, false],
    ];
    for (const [way, weight, pivot] of ways) {
      const translations = way();
      const through: string[][] = [];
      for (const words of senses(translations, vocabulary, unknown))
        if (!through.some((a) => a.join(" ") === words.join(" "))) through.push(words);
      for (const u of unknown) if (!own.includes(u)) own.push(u);
      if (through.length) {
        out.push({
          start: 0,
          length: 1,
          alternatives: through,
          weight: LEXICON_WEIGHT * weight,
          lexical: true,
          ...(pivot ? { pivot } : {}),
        });
        return out;
      }
    }
  }
  if (!isCyrillic(word) && unknown.length && deEn && isGermanOnly(word)) {
    // A German word whose translations the programme lacks: a synonym or derived form of its first one (WordNet),
    // else through English and back (Frauenheilkunde → gynecology → Gynäkologie in a German talk).
    const untranslated = [...unknown];
    const pivot = () => germanPivot(word, vocabulary.languages, vocabulary.withPrefix);
    for (const way of [() => related(untranslated), pivot]) {
      const through: string[][] = [];
      for (const words of senses(way(), vocabulary))
        if (!through.some((a) => a.join(" ") === words.join(" "))) through.push(words);
      if (through.length) {
        out.push({
          start: 0,
          length: 1,
          alternatives: through,
          weight: LEXICON_WEIGHT * PIVOT_WEIGHT,
          lexical: true,
        });
        break;
      }
    }
  }
  // Only a direct translation inside a longer word: one a further step away (a derived form, a pivot) is too
  // loose to be a part («свадебное» → bridal → bride in "hybridem").
  for (const [term, share] of asParts(partsInside(direct, vocabulary)))
    out.push({
      start: 0,
      length: 1,
      alternatives: [[term]],
      weight: LEXICON_WEIGHT * PART_WEIGHT * Math.sqrt(share),
      lexical: true,
    });
  out.push(...compound(false));
  return out;
}

/**
 * The dictionary translations of a query's words (normalized tokens, stop words left out) that the programme
 * holds, one {@link Translation} per word and way (a compound may have two), each of length 1; then pairs of
 * words the programme holds joined into one word. `forms` adds a word's Latin forms from elsewhere (the
 * glossary's translations).
 */
export function lexiconTranslations(
  words: readonly string[],
  vocabulary: Vocabulary,
  forms: string[][] = words.map(() => []),
): Translation[] {
  const out: Translation[] = [];
  words.forEach((word, i) => {
    const own = forms[i] ?? [];
    forms[i] = own;
    const remembered = vocabulary.remembered;
    let found: Translation[];
    if (!remembered) found = wordTranslations(word, vocabulary, own);
    else {
      // A word's translations depend on it and the forms it came with (the glossary's, the word's own).
      const key = `${word}\t${own.join("\t")}`;
      const kept = remembered.get(key);
      if (kept) {
        own.splice(0, own.length, ...kept.forms);
        found = kept.translations;
      } else {
        found = wordTranslations(word, vocabulary, own);
        remembered.set(key, { translations: found, forms: [...own] });
      }
    }
    for (const t of found) out.push(i === 0 ? t : { ...t, start: i });
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
  out.push(...writtenApart(words, vocabulary));
  out.push(...joinedPairs(words, forms, vocabulary));
  return out;
}

/**
 * Whether a query word may end a German compound typed apart: three letters or more, a word the
 * German–English list translates (looked up for the word alone already, so remembered), and not one said in many
 * documents of a programme without German texts (an English programme's own word).
 */
function german(word: string, vocabulary: Vocabulary, deEn: Lexicon): boolean {
  if (!piece(word)) return false;
  if (!vocabulary.languages.includes("de") && vocabulary.common(word)) return false;
  return translate(deEn, word, "de").length > 0;
}

/** Whether a query word may be a piece of a compound: three Latin letters or more. */
function piece(word: string): boolean {
  return word.length >= 3 && /^[a-z]+$/.test(word);
}

/** Words of a German compound written apart or hyphenated looked at joined: at most this many. */
const MAX_APART = 3;

/**
 * A German compound typed apart or hyphenated ("Signal-Rausch-Abstand", "Bit Fehlerrate"): two or three
 * neighbouring Latin words joined that the German–English list holds as one word, by its translations. Only a
 * listed word (one look-up per run of German words), not split again: the words apart are already looked at one
 * by one.
 */
function writtenApart(words: readonly string[], vocabulary: Vocabulary): Translation[] {
  const out: Translation[] = [];
  const deEn = lexicon("de", "en");
  if (!deEn || words.length < 2) return out;
  for (let i = 0; i + 1 < words.length; i++)
    for (let n = 2; n <= MAX_APART && i + n <= words.length; n++) {
      const run = words.slice(i, i + n);
      // Its last word a German one ("Fehlerrate"); the first may be any word ("Bit").
      if (!piece(run[n - 2] as string)) break;
      if (!german(run[n - 1] as string, vocabulary, deEn)) continue;
      const joined = run.join("");
      if (joined.length < MIN_COMPOUND || vocabulary.has?.(joined)) continue;
      const alternatives: string[][] = [];
      for (const words of senses(deEn.lookup(joined), vocabulary))
        if (!alternatives.some((a) => a.join(" ") === words.join(" "))) alternatives.push(words);
      if (alternatives.length)
        out.push({ start: i, length: n, alternatives, weight: LEXICON_WEIGHT, lexical: true });
    }
  return out;
}

/**
 * A query's translations: the glossary's (conference jargon, phrases), then the dictionaries' for its words the
 * programme holds in a few documents at most.
 */
export function translateQuery(v: Index, words: readonly string[]): Translation[] {
  const glossary = glossaryPhrases(words);
  // The glossary's one-word translations are a word's Latin forms too, for joining pairs.
  const forms: string[][] = words.map(() => []);
  for (const t of glossary)
    if (t.length === 1)
      for (const alt of t.alternatives)
        if (alt.length === 1 && !isCyrillic(alt[0] as string)) forms[t.start]?.push(alt[0] as string);
  const lexical = lexiconTranslations(words, lexiconView(v), forms);
  return lexical.length ? [...glossary, ...lexical] : glossary;
}

/** Per index, what {@link lexiconTranslations} asks of it (made once, not at every query word it translates). */
const lexiconViews = new WeakMap<Index, Vocabulary>();

/** The index as {@link lexiconTranslations} reads it ({@link lexiconViews}). */
function lexiconView(v: Index): Vocabulary {
  let view = lexiconViews.get(v);
  if (!view) {
    view = {
      languages: v.languages,
      knows: (w) => knows(v, w),
      common: (w) => !rare(v, v.termIds.get(w), sameStem(v, w)),
      withPrefix: (prefix, limit, each) => v.sortedTerms.withPrefix(prefix, limit, each),
      holding: (w) => holding(v, w),
      has: (w) => v.termIds.has(w),
      acronym: (w) => {
        const id = v.termIds.get(w);
        return id !== undefined && v.proper.has(id);
      },
      compounds: compoundsOf(v),
      remembered: rememberedTranslations(v),
    };
    lexiconViews.set(v, view);
  }
  return view;
}

/** A programme's remembered German compound translations (see {@link compoundsOnce}). */
const compoundsOf = perOwner<Index, Map<string, Translation[]>>(() => new Map());

/**
 * How many query words' dictionary translations an index remembers from one search to the next: a word's
 * translations take dozens of dictionary and vocabulary look-ups, and attendees repeat words far more often
 * than whole queries. An entry is a few translations of a few words (under 1 kB): a few hundred kB per index.
 */
export const TRANSLATED_WORDS_KEPT = 1_000;
/** The translations of single query words remembered for an index (see {@link TRANSLATED_WORDS_KEPT}). */
export const rememberedTranslations = perOwner<
  Index,
  Lru<string, { translations: Translation[]; forms: string[] }>
>(() => new Lru(TRANSLATED_WORDS_KEPT));

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
    // A word typed alone (a query's words are read one by one first) is translated the same in every search.
    out =
      words.length === 1
        ? rememberedWords(v).remember(key, () => translateQuery(v, words))
        : translateQuery(v, words);
    seen.set(key, out);
  }
  return out;
}

/**
 * The whole translations ({@link translateQuery}) of single words read lately, remembered for an index, at most
 * {@link TRANSLATED_WORDS_KEPT} (readers never change them).
 */
export const rememberedWords = perOwner<Index, Lru<string, Translation[]>>(
  () => new Lru(TRANSLATED_WORDS_KEPT),
);

/** An adjective's suffix (-ов-, -ев-, -н-, -ск-) on a Russian stem, and the shortest stem left without it. */
const ADJECTIVE_SUFFIX = /(?:ов|ев|н|ск)$/;
const MIN_ADJECTIVE_BASE = 4;

/**
 * Whether a Russian adjective no list holds is made of a word the Russian–English list holds («фондовый» of
 * фонд, «угольный» of уголь): it is a Russian word of known meaning, not a borrowing or a name.
 */
function madeOfListed(word: string): boolean {
  const s = queryStem(word, "ru");
  const base = s.replace(ADJECTIVE_SUFFIX, "");
  if (base === s || base.length < MIN_ADJECTIVE_BASE) return false;
  let found = false;
  lexicon("ru", "en")?.withPrefix(base, MAX_LEMMAS, (lemma) => {
    if (lemma.length <= base.length + 2 && !lemma.includes(" ")) found = true;
  });
  return found;
}

/** Shortest word taken for a dictionary's word by its listing alone (short ones are also keyboard jumbles). */
const MIN_DICTIONARY_WORD = 4;

/**
 * Whether a dictionary lists a query word as a word of its script: a Russian one (in any form), or an English
 * or German one as written. A word typed on the wrong keyboard layout is a jumble no dictionary lists.
 */
export function isDictionaryWord(word: string): boolean {
  return dictionaryWord(word);
}

/** {@link isDictionaryWord}, worked out once a word for every index. */
const dictionaryWord = sharedByWord((word) => {
  if (word.length < MIN_DICTIONARY_WORD || /\d/.test(word)) return false;
  if (isCyrillic(word))
    return (
      translate(lexicon("ru", "en") ?? EMPTY, word, "ru").length > 0 ||
      translate(lexicon("ru", "en", "pivot") ?? EMPTY, word, "ru").length > 0 ||
      translate(lexicon("ru", "de") ?? EMPTY, word, "ru").length > 0 ||
      madeOfListed(word)
    );
  return [lexicon("en", "ru"), lexicon("en", "de"), lexicon("de", "en")].some(
    (list) => (list?.lookup(word).length ?? 0) > 0,
  );
});

/** How many query words' synonyms an index remembers (a few short phrases each). */
const SYNONYMS_KEPT = 1_000;
/** The synonyms of query words looked up lately, per index (see {@link synonymsFor}). */
const rememberedSynonyms = perOwner<Index, Lru<string, Translation[]>>(() => new Lru(SYNONYMS_KEPT));
/** A query word's translations whose English synonyms are looked at: the first, most usual ones. */
const SYNONYM_SENSES = 2;

/**
 * A query word's synonyms that the programme holds (thesaurus.ts), as translations of the word at 0: its own,
 * theirs translated, and those of its first dictionary translations (a Russian or German word's English ones).
 * Asked for only when the word reaches the programme weakly or not at all (score.ts); remembered per index.
 */
export function synonymsFor(v: Index, word: string): Translation[] {
  return rememberedSynonyms(v).remember(word, () => {
    if (word.length < 3 || /\d/.test(word)) return [];
    const programme = { languages: v.languages, knows: (w: string) => knows(v, w) };
    return heldSynonyms(word, synonymsOffered(word, v.languages), 0, programme, LEXICON_WEIGHT);
  });
}

/**
 * The synonyms a word's lists offer a programme in these languages (thesaurus.ts offeredSynonyms: its own, and
 * those of its first dictionary translations), worked out once a word for every index; each index keeps those it
 * holds.
 */
const synonymsOffered = sharedByWordIn((word, languages) => {
  const firsts = isCyrillic(word)
    ? translate(lexicon("ru", "en") ?? EMPTY, word, "ru")
    : translate(lexicon("de", "en") ?? EMPTY, word, "de");
  return offeredSynonyms(
    word,
    languages,
    firsts.slice(0, SYNONYM_SENSES).filter((t) => !t.includes(" ")),
    (w, lang) => translate(lexicon(lang, "en") ?? EMPTY, w, lang),
  );
});
