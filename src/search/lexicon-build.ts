/**
 * Turns bilingual dictionaries in dictd format (Debian's mueller7-dict and dict-freedict-*) into the word lists
 * search looks translations up in (src/search/lexicon.ts). Used by scripts/build-lexicon.ts, which writes
 * data/lexicon/; the tests build small fixtures with the same code. Nothing here runs in the bot.
 *
 * A list maps a word (a lemma, normalized as the index normalizes words) to its translations,
 * most usual first: a dictionary lists a word's senses in that order, and a translation's own gloss order says
 * how usual a sense is. Only single words are keys; translations are phrases of at most
 * {@link MAX_PHRASE_WORDS} content words (stop words dropped, as the index drops them).
 */
import { gunzipSync } from "node:zlib";
import { MIN_COMPOUND, partLemma, splitCompound } from "./compound.js";
import { isCyrillicLanguage, stopwordsOf } from "./languages.js";
import { phraseKey } from "./lexicon.js";
import { isCyrillic, STOPWORDS, tokenize } from "./normalize.js";
import { stem } from "./stem.js";

/** One dictionary entry: its headword and its article's text. */
export interface DictEntry {
  head: string;
  body: string;
}

/** A translation's words and how usual the sense is (its place among the senses; lower is more usual). */
interface Ranked {
  phrase: string;
  rank: number;
}

/** Translations longer than this many content words are definitions, not translations. */
export const MAX_PHRASE_WORDS = 3;
/** At most this many translations are kept per key. */
export const MAX_TRANSLATIONS = 6;
/**
 * A reversed entry (a Russian gloss of an English headword read as the Russian word's translation) is kept only
 * when the gloss is among the first this many of the headword's article: later ones are rare senses.
 */
export const MAX_REVERSED_RANK = 3;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A dictd index number (offset or length), written in its base-64 digits. */
function dictdNumber(digits: string): number {
  let n = 0;
  for (const c of digits) n = n * 64 + BASE64.indexOf(c);
  return n;
}

/**
 * The entries of a dictd dictionary: its .index text and its .dict (or .dict.dz, which is gzip) bytes. The
 * database's own entries ("00databaseinfo"…) are left out; an article listed under several headwords is read
 * under each.
 */
export function readDictd(index: string, dict: Buffer): DictEntry[] {
  const text = dict[0] === 0x1f && dict[1] === 0x8b ? gunzipSync(dict) : dict;
  const out: DictEntry[] = [];
  for (const line of index.split("\n")) {
    const [head, offset, length] = line.split("\t");
    if (!head || offset === undefined || length === undefined || head.startsWith("00database")) continue;
    const start = dictdNumber(offset);
    out.push({ head: head.trim(), body: text.subarray(start, start + dictdNumber(length)).toString("utf8") });
  }
  return out;
}

const CYRILLIC = /[а-яё]/i;
const LATIN = /[a-z]/i;

/**
 * The Russian glosses of a Müller (mueller7) article, in order: sense markers ("1.", "2)", "а)") split it, labels
 * ("_n.", "_разг.") and parentheses go, and within a sense the glosses before the first example (a piece with
 * Latin letters: "single ticket билет в один конец") are kept.
 */
export function muellerGlosses(body: string): string[] {
  // The first line repeats the headword; a transcription in brackets may follow on the next.
  const text = body
    .split("\n")
    .slice(1)
    .join(" ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ");
  const out: string[] = [];
  for (const sense of text.split(/(?:^|\s)(?:\d+\.|\d+\)|[а-я]\))(?=\s)/)) {
    for (const piece of sense.split(";")) {
      const clean = piece
        .replace(/(^|\s)_\S+/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      if (!clean) continue;
      // An example or a cross-reference ("= colour"): the rest of the sense is examples too.
      if (LATIN.test(clean) || clean.includes("=") || !CYRILLIC.test(clean)) break;
      for (const gloss of clean.split(","))
        if (gloss.trim() && !/[.…:!?]/.test(gloss)) out.push(gloss.trim());
    }
  }
  return out;
}

/**
 * The translations of a FreeDict article (TEI converted to dictd), in order: the lines after the headword's,
 * less examples (quoted), notes, synonyms and cross-references; each comma-separated, tags ("<n>", "[phys.]")
 * dropped. A line of a numbered sense ("2. …") counts like the others.
 */
export function freedictTranslations(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split("\n").slice(1)) {
    const line = raw.trim().replace(/^\d+\.\s*/, "");
    if (!line || /^["“„(]|^(see|synonyms?|note|antonyms?|siehe|syn)\s*:/i.test(line)) continue;
    // German–Russian articles explain a sense in German after its Russian translations: those lines have no
    // Cyrillic; a line that holds a definition rather than a translation is long.
    for (const part of line
      .replace(/<[^>]*>/g, " ")
      .replace(/\[[^\]]*\]/g, " ")
      .replace(/\([^)]*\)/g, " ")
      .split(/[,;]/)) {
      const t = part.replace(/\s+/g, " ").trim();
      if (t && !/[.:!?"=/{}]/.test(t)) out.push(t);
    }
  }
  return out;
}

/** Stop words of both languages of a list, which are never translated nor required of a translation. */
function stopwordsFor(lang: string): ReadonlySet<string> {
  return new Set([...STOPWORDS, ...tokenize(stopwordsOf(lang).join(" "))]);
}

/** A phrase as the index holds its words (normalized, stop words left out); empty when it is not a translation. */
function phraseOf(text: string, stop: ReadonlySet<string>): string {
  const words = tokenize(text).filter((w) => !stop.has(w));
  if (!words.length || words.length > MAX_PHRASE_WORDS || words.some((w) => /\d/.test(w))) return "";
  return words.join(" ");
}

/**
 * The key a word is listed under: the word as the index normalizes it (a dictionary's headwords are lemmas:
 * "сырьё" → "сырье"; look-ups by stem find the lemmas of a word's other forms), or for two words their stems
 * (phraseKey in lexicon.ts); "" for anything else.
 */
export function lexiconKey(text: string, lang: string): string {
  const words = tokenize(text);
  if (words.some((w) => /\d/.test(w))) return "";
  if (words.length === 2) return phraseKey(words, lang);
  const word = words[0] as string;
  return words.length !== 1 || word.length < 3 ? "" : word;
}

/** Translations gathered per key while a list is built. */
export class LexiconBuilder {
  private readonly entries = new Map<string, Ranked[]>();
  private readonly fromStop: ReadonlySet<string>;
  private readonly toStop: ReadonlySet<string>;

  /** `phrases`: list phrases of two words too (not for English: an English phrase's words are found as they are). */
  constructor(
    readonly from: string,
    readonly to: string,
    private readonly phrases = true,
  ) {
    this.fromStop = stopwordsFor(from);
    this.toStop = stopwordsFor(to);
  }

  /** Adds a word's translations in their order, the first at `rank` (a later source's start after an earlier's). */
  add(word: string, translations: readonly string[], rank = 0): void {
    const key = lexiconKey(word, this.from);
    // A key in the other script is a name or a term left untranslated: no word of this language.
    if (!key || isCyrillic(key) !== isCyrillicLanguage(this.from)) return;
    if (!this.phrases && key.includes(" ")) return;
    // Queries lose their stop words, so a phrase holding one is never asked for.
    if (tokenize(word).some((w) => this.fromStop.has(w))) return;
    const list = this.entries.get(key) ?? [];
    translations.forEach((t, i) => {
      const phrase = phraseOf(t, this.toStop);
      // A word is not its own translation: the index finds it as it is.
      if (phrase && phrase !== tokenize(word).join(" ")) list.push({ phrase, rank: rank + i });
    });
    if (list.length) this.entries.set(key, list);
  }

  /**
   * Drops the compounds whose parts say what they do: the words of the compound's first translation are those
   * of its parts' first translations ("Datenprojektion" → data projection, from Daten → data and Projektion →
   * projection). Search splits such a compound itself (compound.ts) and finds the same words, so the list needs
   * only the compounds whose sense is their own ("Wirkungsgrad" → efficiency, not effect degree; "Eisenbahn" →
   * railway, not iron railway).
   */
  pruneCompounds(): number {
    const english = (phrase: string) => phrase.split(" ").map((w) => stem(w, this.to));
    const first = (list: readonly Ranked[]) =>
      list.reduce<Ranked | undefined>((a, b) => (a && a.rank <= b.rank ? a : b), undefined);
    const translations = (lemma: string) => this.entries.get(lemma);
    const pruned: string[] = [];
    for (const [key, list] of this.entries) {
      if (key.length < MIN_COMPOUND) continue;
      const own = first(list);
      if (!own) continue;
      const parts = splitCompound(key, (p) => p !== key && partLemma(p, translations) !== undefined);
      if (!parts) continue;
      const fromParts = new Set(
        parts.flatMap((p) => {
          const f = first(partLemma(p, translations) ?? []);
          return f ? english(f.phrase) : [];
        }),
      );
      const words = new Set(english(own.phrase));
      if (words.size === fromParts.size && [...words].every((w) => fromParts.has(w))) pruned.push(key);
    }
    // Dropped after the pass: a compound's parts are judged by the full list, whatever order keys come in.
    for (const key of pruned) this.entries.delete(key);
    return pruned.length;
  }

  /** The list as sorted lines "key\ttranslation|translation…", the most usual translations first. */
  lines(): string[] {
    const out: string[] = [];
    for (const [key, list] of this.entries) {
      const seen = new Set<string>();
      const kept: string[] = [];
      for (const { phrase } of [...list].sort((a, b) => a.rank - b.rank)) {
        // "bank transfer" and "bank transfers" are one translation: the index finds either by stem.
        const stems = phrase
          .split(" ")
          .map((w) => stem(w, this.to))
          .join(" ");
        if (seen.has(stems)) continue;
        seen.add(stems);
        kept.push(phrase);
        if (kept.length === MAX_TRANSLATIONS) break;
      }
      out.push(`${key}\t${kept.join("|")}`);
    }
    // By UTF-16 code units, which for these letters (all in the BMP, none a surrogate) is UTF-8 byte order: the
    // order the loader's binary search over the file's bytes expects.
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/**
 * A reversed dictionary: each gloss of one or two words of a headword's article, read as a word (or phrase:
 * "стиральная машина" → washing machine) whose translation is the headword. Of the headwords that gloss a word, those where it comes first in the article come first, and
 * among those the longer articles (a word with many senses is a common one): "вулкан" → "volcano".
 */
export function reversed(
  entries: readonly { head: string; glosses: readonly string[] }[],
  builder: LexiconBuilder,
): void {
  const byGloss = new Map<string, { head: string; rank: number; size: number }[]>();
  for (const { head, glosses } of entries) {
    // Proper names and abbreviations are headwords with capitals: no translation of a common word.
    if (head !== head.toLowerCase() || tokenize(head).length > 2) continue;
    glosses.slice(0, MAX_REVERSED_RANK).forEach((gloss, rank) => {
      if (tokenize(gloss).length > 2) return;
      const list = byGloss.get(gloss) ?? [];
      list.push({ head, rank, size: glosses.length });
      byGloss.set(gloss, list);
    });
  }
  for (const [gloss, heads] of byGloss) {
    heads.sort((a, b) => a.rank - b.rank || b.size - a.size);
    builder.add(
      gloss,
      heads.map((h) => h.head),
    );
  }
}
