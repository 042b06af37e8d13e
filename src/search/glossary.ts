/**
 * A general glossary between Russian, English, German and French (glossary-entries.ts). A query word in one
 * language also looks for its translations, so "очереди задач" reaches "task queue" even where no text says it
 * in Russian, and "безопасность" reaches both "security" and "Sicherheit".
 */
import { GLOSSARY_ENTRIES } from "./glossary-entries.js";
import { stopwordsOf } from "./languages.js";
import { lexicon } from "./lexicon.js";
import { Lru } from "./lru.js";
import { STOPWORDS, tokenize } from "./normalize.js";
import { queryStem, stem } from "./stem.js";

/** The glossary's columns, in order. */
const COLUMNS = ["ru", "en", "de", "fr"] as const;
const COLUMN_INDEX = { ru: 0, en: 1, de: 2, fr: 3 } as const;

interface Phrase {
  lang: string;
  /** The phrase's words as the glossary writes them, and their stems. */
  words: string[];
  stems: string[];
  translations: string[][];
}

/** A glossary phrase found in a query: tokens [start, start + length) and what they translate to. */
export interface Translation {
  start: number;
  length: number;
  /** Alternative translations, each a list of words that must all be present. */
  alternatives: string[][];
  /** What a match of it is worth relative to a glossary translation's (1 when left out). */
  weight?: number;
  /**
   * Found in a dictionary's word list (cross-language.ts), not the glossary: the query word is still matched
   * as itself too (by sound, by typo), since a dictionary also knows words a query meant as names.
   */
  lexical?: boolean;
  /**
   * Found through another language's translation of the word's own (cross-language.ts: Russian → English →
   * German): a looser link, which says less of what the programme holds than a translation of the word itself.
   */
  pivot?: boolean;
  /**
   * A German compound's parts, each found anywhere in a document by any of its alternatives (words that must all
   * be in one field, with what that way is worth): a document scores the sum of the shares of the parts it holds,
   * so one holding the compound's head ("Zug|pünktlichkeit" in a title) counts though the whole is nowhere.
   */
  parts?: CompoundPart[];
  /**
   * What a document holding one of the {@link parts} alone, and only as a translation, is credited of it
   * (cross-language.ts's compoundDocs: a share when left out).
   */
  lonePart?: number;
}

/** One part of a compound as {@link Translation.parts} looks for it. */
export interface CompoundPart {
  /** The share of the whole compound the part is worth (the shares of a compound's parts add up to 1). */
  share: number;
  /**
   * Ways to find the part: words that must all be in one field, what finding them is worth (≤ 1), and whether
   * they are the part as written (not a translation, which alone is weak evidence: dictionaries list loose senses).
   */
  alternatives: [words: string[], weight: number, written: boolean][];
}

/**
 * Stop words of each column's own language: never indexed in its texts, so never required of a translation.
 * Another language's stop words stay: "ai" is French for "have" but English for AI («ИИ»).
 */
const STOP = new Map<string, ReadonlySet<string>>(
  COLUMNS.map((l) => [l, new Set([...STOPWORDS, ...tokenize(stopwordsOf(l).join(" "))])]),
);

/** A phrase's words that carry meaning in its column's language. */
function contentWords(phrase: string, lang: string): string[] {
  const stop = STOP.get(lang);
  return tokenize(phrase).filter((t) => !stop?.has(t));
}

/** Per column's language, its glossary phrases by the first four letters of their first word's stem. */
const byFirstStem = new Map<string, Map<string, Phrase[]>>(COLUMNS.map((l) => [l, new Map()]));

/**
 * Whether two stems are the same word. Snowball stems loanwords inconsistently ("деплой" → "депл",
 * "деплоя" → "депло"), so a stem one letter longer than another of at least four letters counts too.
 */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length === short.length + 1 && long.startsWith(short);
}

/**
 * The stems of the glossary's words by language ("de|sicherheit"), worked out when the bundle is built
 * (scripts/build.mjs, from {@link glossaryStems}): a start reads them rather than running four languages'
 * stemmers over some 3,000 words. Run from source there are none, and the words are stemmed here.
 */
declare const __GLOSSARY_STEMS__: string | undefined;
const BUILT_STEMS: Record<string, string> | undefined =
  typeof __GLOSSARY_STEMS__ === "undefined" ? undefined : JSON.parse(__GLOSSARY_STEMS__);

function addPhrases(lang: string, from: string[][], to: string[][]): void {
  for (const words of from) {
    const stems = words.map((t) => BUILT_STEMS?.[`${lang}|${t}`] ?? stem(t, lang));
    const first = stems[0];
    if (first === undefined) continue;
    const key = first.slice(0, 4);
    const ofLang = byFirstStem.get(lang) as Map<string, Phrase[]>;
    const list = ofLang.get(key) ?? [];
    list.push({ lang, words, stems, translations: to });
    ofLang.set(key, list);
  }
}

/** The glossary's lines, each as its columns' phrases, each phrase as its content words (tokenized once). */
function glossaryLines(): string[][][][] {
  const lines: string[][][][] = [];
  for (const line of GLOSSARY_ENTRIES.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    lines.push(
      line.split("=").map((c, i) =>
        c
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((phrase) => contentWords(phrase, COLUMNS[i] ?? "en")),
      ),
    );
  }
  return lines;
}

for (const columns of glossaryLines()) {
  // Every other column's phrases are this column's translations.
  columns.forEach((phrases, i) => {
    const others = columns
      .filter((_, j) => j !== i)
      .flat()
      .filter((t) => t.length);
    addPhrases(COLUMNS[i] ?? "en", phrases, others);
  });
}

/** The stem of every glossary word in its column's language, by "lang|word": what the bundle carries. */
export function glossaryStems(): Record<string, string> {
  const stems: Record<string, string> = {};
  for (const columns of glossaryLines())
    columns.forEach((phrases, i) => {
      const lang = COLUMNS[i] ?? "en";
      for (const words of phrases) for (const t of words) stems[`${lang}|${t}`] = stem(t, lang);
    });
  return stems;
}

/** How many glossary phrases (counting every column and synonym) are known. */
export function glossarySize(): number {
  let n = 0;
  for (const ofLang of byFirstStem.values()) for (const list of ofLang.values()) n += list.length;
  return n;
}

/**
 * Whether a query word stemmed like a one-word Russian phrase of the glossary is another word the dictionary
 * lists in its own right: Snowball stems «платье» (a dress) as «плата» (a board), «данный» as «данные».
 */
function anotherLemma(token: string, p: Phrase): boolean {
  return (
    p.lang === "ru" &&
    p.words.length === 1 &&
    token !== p.words[0] &&
    (lexicon("ru", "en")?.lookup(token).length ?? 0) > 0
  );
}

/**
 * The glossary phrases found in a query's tokens (matched on stems of consecutive tokens, each stemmed in the
 * phrase's language), with their translations into the other languages. A phrase found at several lengths is
 * reported at each.
 */
export function translateTokens(tokens: readonly string[]): Translation[] {
  // Each token's stem per column, by index (token × column), worked out when first needed.
  const stems: (string | undefined)[] = new Array(tokens.length * COLUMNS.length);
  const found = new Map<string, Translation>();
  for (let i = 0; i < tokens.length; i++) {
    const seen = new Set<Phrase>();
    for (const lang of COLUMNS) {
      for (const p of byFirstStem.get(lang)?.get(stemAt(tokens, stems, i, lang).slice(0, 4)) ?? []) {
        if (seen.has(p)) continue;
        if (i + p.stems.length > tokens.length) continue;
        if (!p.stems.every((s, j) => sameStem(stemAt(tokens, stems, i + j, lang), s))) continue;
        if (anotherLemma(tokens[i] as string, p)) continue;
        seen.add(p);
        const key = `${i}:${p.stems.length}`;
        const t = found.get(key) ?? { start: i, length: p.stems.length, alternatives: [] };
        for (const alt of p.translations)
          if (!t.alternatives.some((a) => a.join(" ") === alt.join(" "))) t.alternatives.push(alt);
        found.set(key, t);
      }
    }
  }
  return [...found.values()];
}

/**
 * The stem of token `i` in a column's language, kept in `stems` (token × column) once worked out: a function of
 * its own rather than a closure made per call (the bundle names every closure it makes: esbuild's keepNames).
 */
function stemAt(tokens: readonly string[], stems: (string | undefined)[], i: number, lang: string): string {
  const at = i * COLUMNS.length + COLUMN_INDEX[lang as (typeof COLUMNS)[number]];
  let s = stems[at];
  if (s === undefined) {
    s = queryStem(tokens[i] as string, lang);
    stems[at] = s;
  }
  return s;
}

/**
 * How many token lists' glossary phrases {@link glossaryPhrases} keeps: a search asks for a query's words when
 * reading them and again when translating them, and for each word alone, and words recur across searches and
 * programmes (the glossary is the same for all). An entry is a few phrases: some 100 kB in all.
 */
export const GLOSSED_KEPT = 1_000;
const glossed = new Lru<string, Translation[]>(GLOSSED_KEPT);

/** {@link translateTokens}, remembered (bounded; readers never change what it returns). */
export function glossaryPhrases(tokens: readonly string[]): Translation[] {
  return glossed.remember(tokens.join(" "), () => translateTokens(tokens));
}
