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
import { inByteOrder, phraseKey } from "./lexicon.js";
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
 * when the gloss is among the first this many of its sense: later ones are looser.
 */
export const MAX_REVERSED_RANK = 2;
/** A gloss among the first this many of a headword's whole article is kept too, whatever its sense. */
export const MAX_ARTICLE_RANK = 3;

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

/** A gloss of a sense and its place there (0 first), counting the descriptions left out before it. */
export interface Gloss {
  text: string;
  rank: number;
}

/** One sense of a dictionary article: its glosses in order, and whether a label marks it rare or dated. */
export interface Sense {
  glosses: Gloss[];
  rare: boolean;
}

/**
 * Müller's labels of senses few queries mean: dated, poetic, slang, dialect, jocular, bookish or rare words
 * ("_уст.", "_поэт.", "_жарг."…). Domain labels ("_тех.", "_мед.") and colloquial ones ("_разг.") are no such mark.
 */
const RARE_LABELS = new Set([
  "уст",
  "поэт",
  "жарг",
  "диал",
  "шотл",
  "шутл",
  "редк",
  "груб",
  "вульг",
  "библ",
  "книж",
  "арх",
  "презр",
  "пренебр",
  "ирл",
]);

/** Müller's sense markers: a homonym ("_II"), a part of speech ("2."), a sense ("3)"), a sub-sense ("б)"). */
const MARKER = /(?:^|\s)(_[IVX]+|\d+\.|\d+\)|[а-я]\))(?=\s)/;
/** The level of a marker, outermost 0. */
function markerLevel(marker: string): number {
  return marker.startsWith("_") ? 0 : marker.endsWith(".") ? 1 : /^\d/.test(marker) ? 2 : 3;
}

/**
 * The senses of a Müller (mueller7) article, in order. Sense markers split it ("_II", "2.", "3)", "б)"); a label
 * applies to the senses under the marker it follows ("2. _v. _уст." marks every sense of the verb); parentheses
 * go, and within a sense the glosses before the first example (a piece with Latin letters: "single ticket билет
 * в один конец") are kept. Sub-senses lettered after an example are the senses of that idiom ("to burst open
 * а) распахнуться; б) взломать"), not of the headword: left out. An abbreviation's gloss after its full form
 * ("_сокр. от bicycle велосипед") is kept.
 */
export function muellerSenses(body: string): Sense[] {
  // The first line repeats the headword; a transcription in brackets may follow on the next.
  const text = body
    .split("\n")
    .slice(1)
    .join(" ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ");
  const parts = text.split(MARKER);
  const out: Sense[] = [];
  // Rare labels seen at each level above the current segment.
  const rareAt: boolean[] = [];
  let level = -1;
  let idiom = false;
  let afterExample = false;
  for (let i = 0; i < parts.length; i += 2) {
    if (i > 0) {
      level = markerLevel(parts[i - 1] as string);
      rareAt.length = level;
      if (level < 3) idiom = false;
      else if (afterExample) idiom = true;
    }
    const segment = parts[i] as string;
    const labels = [...segment.matchAll(/(?:^|\s)_([^\s.]+)\.?/g)].map((m) => m[1] as string);
    rareAt[Math.max(level, 0)] = labels.some((l) => RARE_LABELS.has(l));
    const glosses: Gloss[] = [];
    let example = false;
    let rank = 0;
    for (const piece of segment.split(";")) {
      let clean = piece
        .replace(/(^|\s)_\S+/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      if (!clean) continue;
      // An abbreviation's full form, then its gloss: "от bicycle велосипед".
      const full = /^от [a-z][a-z' -]* ([а-яё].*)$/i.exec(clean);
      if (full && glosses.length === 0) clean = full[1] as string;
      // An example or a cross-reference ("= colour"): the rest of the sense is examples too.
      if (LATIN.test(clean) || clean.includes("=") || !CYRILLIC.test(clean)) {
        example = true;
        break;
      }
      rank = glossesOf(clean, rank, glosses);
    }
    if (level < 3) afterExample = example;
    if (idiom || !glosses.length) continue;
    out.push({ glosses, rare: rareAt.some(Boolean) });
  }
  return out;
}

/**
 * Adds the comma-separated glosses of a piece of a sense to `out`, ranked from `rank`; returns the next rank. A
 * piece with a description ("поезд, автобус и т.п., идущий без остановок", "что-л. грохочущее: экипаж") is one
 * thing described, not synonyms: none of it is kept, though its items count as places.
 */
function glossesOf(piece: string, rank: number, out: Gloss[]): number {
  const items = piece
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  if (!items.some((g) => /[.…:!?]/.test(g)))
    items.forEach((text, i) => {
      // A word in quotes is used in a sense of its own ("дом" in a game): no translation of the word.
      if (!/["“”«»]/.test(text)) out.push({ text, rank: rank + i });
    });
  return rank + items.length;
}

/** The Russian glosses of a Müller article, in order (its senses' glosses, one after the other). */
export function muellerGlosses(body: string): string[] {
  return muellerSenses(body).flatMap((s) => s.glosses.map((g) => g.text));
}

/**
 * The senses of a FreeDict article (TEI converted to dictd), in order: a numbered line ("2. …") starts a sense,
 * other lines go on with the current one. A line's translations are comma-separated, less examples (quoted),
 * notes, synonyms and cross-references, tags ("<n>", "[phys.]") dropped.
 */
export function freedictSenses(body: string): Sense[] {
  const out: Sense[] = [];
  let current: Gloss[] | undefined;
  for (const raw of body.split("\n").slice(1)) {
    const numbered = /^\s*\d+\.\s/.test(raw);
    const line = raw.trim().replace(/^\d+\.\s*/, "");
    if (numbered || !current) {
      current = [];
      out.push({ glosses: current, rare: false });
    }
    if (!line || /^["“„(]|^(see|synonyms?|note|antonyms?|siehe|syn)\s*:/i.test(line)) continue;
    // German–Russian articles explain a sense in German after its Russian translations: those lines have no
    // Cyrillic; a line that holds a definition rather than a translation is long.
    for (const part of line
      .replace(/<[^>]*>/g, " ")
      .replace(/\[[^\]]*\]/g, " ")
      .replace(/\([^)]*\)/g, " ")
      .split(/[,;]/)) {
      const t = part.replace(/\s+/g, " ").trim();
      if (t && !/[.:!?"=/{}]/.test(t)) current.push({ text: t, rank: current.length });
    }
  }
  return out.filter((s) => s.glosses.length);
}

/**
 * A WikDict-made FreeDict article (French–Russian) with its sense numbers where freedictSenses reads them: such
 * articles end a sense's translations with the next sense's number ("сеть 2.") and put a number alone on a line
 * (" 3.") before a sense explained in the source language only.
 */
export function wikdictBody(body: string): string {
  return body
    .split("\n")
    .map((line) => line.replace(/\s+\d+\.$/, ""))
    .filter((line) => !/^\s*\d+\.$/.test(line))
    .join("\n");
}

/** The translations of a FreeDict article, in order (its senses' translations, one after the other). */
export function freedictTranslations(body: string): string[] {
  return freedictSenses(body).flatMap((s) => s.glosses.map((g) => g.text));
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

  /**
   * `phrases`: list phrases of two words too; "compounds": only with their translations of one word (an English
   * phrase a German compound says: works council → Betriebsrat; its words apart are found as they are).
   */
  constructor(
    readonly from: string,
    readonly to: string,
    private readonly phrases: boolean | "compounds" = true,
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
    const oneWord = this.phrases === "compounds" && key.includes(" ");
    translations.forEach((t, i) => {
      const phrase = phraseOf(t, this.toStop);
      // A word is not its own translation: the index finds it as it is.
      if (phrase && phrase !== tokenize(word).join(" ") && !(oneWord && phrase.includes(" ")))
        list.push({ phrase, rank: rank + i });
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

  /** The list as a map, key → translations, the most usual first (as {@link lines} writes them). */
  map(): Map<string, string[]> {
    return new Map(
      this.lines().map((line) => {
        const [key, translations] = line.split("\t") as [string, string];
        return [key, translations.split("|")];
      }),
    );
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
    return inByteOrder(out);
  }
}

/**
 * A reversed dictionary: each gloss of one or two words among the first {@link MAX_REVERSED_RANK} of a sense of a
 * headword's article, read as a word (or phrase: "стиральная машина" → washing machine) whose translation is the
 * headword; senses marked rare or dated are left out. The headwords of a gloss are ranked: those whose first
 * gloss it is; those among whose first few glosses it is; those that give it first in a later sense (only for a
 * word that is no headword's usual sense, {@link MAX_LATER} at most); then by how much the English word is used (`frequency`, from WordNet's corpus counts), the
 * longer articles first among equals: "отдалённый" → remote before devious, "суверенный" → sovereign (the first
 * gloss of the adjective's second sense). A phrase holding another headword of the gloss comes after it
 * ("поезд" → train, then boat train).
 */
export function reversed(
  entries: readonly { head: string; senses: readonly Sense[] }[],
  builder: LexiconBuilder,
  frequency: (word: string) => number = () => 0,
): void {
  const byGloss = new Map<string, { head: string; key: number[] }[]>();
  for (const { head, senses } of entries) {
    // Proper names and abbreviations are headwords with capitals: no translation of a common word.
    if (head !== head.toLowerCase() || tokenize(head).length > 2) continue;
    const size = senses.reduce((n, s) => n + s.glosses.length, 0);
    const used = frequency(head);
    let place = 0;
    senses.forEach((sense, s) => {
      for (const { text, rank } of sense.glosses) {
        // The place of the gloss in the whole article, as the article's first glosses are its usual senses.
        const early = place++ < MAX_ARTICLE_RANK;
        if (sense.rare || (rank >= MAX_REVERSED_RANK && !early)) continue;
        const words = tokenize(text).length;
        if (words > 2) continue;
        const list = byGloss.get(text) ?? [];
        // The headword's own first gloss comes first, then one of its first few, then the first of a later
        // sense, then the rest.
        const tier = s === 0 && rank === 0 ? 0 : early ? 1 : rank === 0 ? 2 : 3;
        const key = [tier, -used, -size];
        // A headword may gloss a word in two senses: its best place counts.
        const seen = list.find((h) => h.head === head);
        if (!seen) list.push({ head, key });
        else if (compareKeys(key, seen.key) < 0) seen.key = key;
        byGloss.set(text, list);
      }
    });
  }
  for (const [gloss, heads] of byGloss) {
    // A phrase ending in a one-word headword of the same gloss names a kind of it ("поезд": boat train, a
    // kind of train), not so one that begins with it ("пылесос": vacuum cleaner, no kind of vacuum).
    const single = new Set(heads.map((h) => h.head).filter((h) => !h.includes(" ")));
    const kind = (head: string) => {
      const words = tokenize(head);
      return words.length > 1 && single.has(words[words.length - 1] as string) ? 1 : 0;
    };
    heads.sort((a, b) => kind(a.head) - kind(b.head) || compareKeys(a.key, b.key));
    // A gloss of a later sense is the headword's rarer meaning ("гороскоп" is the fourth sense of nativity,
    // which would find talks on native code): such glosses only fill a gap, for a word that is no headword's
    // usual sense ("суверенный", the adjective's second sense of sovereign), a few at most.
    const usual = heads.filter((h) => (h.key[TIER] as number) < LATER_TIER);
    builder.add(
      gloss,
      (usual.length ? usual : heads.slice(0, MAX_LATER)).map((h) => h.head),
    );
  }
}

/** The tier of a headword that glosses a word only in a later sense of its article. */
const LATER_TIER = 2;
/** Where a headword's tier is in its sort key. */
const TIER = 0;
/** At most this many such headwords are kept for a word that has no usual one. */
const MAX_LATER = 2;

/** Orders two sort keys of numbers, first number first. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** One language's word lists for triangulating: its words' Russian translations and those in the target language. */
export interface Pivot {
  lang: string;
  /** A pivot word (lower case) → its Russian translations, most usual first. */
  toRu: ReadonlyMap<string, readonly string[]>;
  /** A pivot word (lower case) → its translations in the target language (English, German). */
  to: ReadonlyMap<string, readonly string[]>;
}

/**
 * A FreeDict list as pivot word → translations, for {@link triangulated}: every sense's translations that `keep`
 * accepts (one in the target language, not a definition in the source's), written as the index writes words
 * (stress marks dropped: "Алаба́ма"). A translation with a capital is a name ("Африка", "Moscow"): left out,
 * unless `capitals` (German writes its nouns so; the Russian side leaves names out).
 * `wikdict`: the article is WikDict's (sense numbers after the translations, see {@link wikdictBody}).
 */
export function pivotList(
  entries: readonly DictEntry[],
  keep: (translation: string) => boolean,
  wikdict: boolean,
  capitals = false,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { head, body } of entries) {
    const found = freedictTranslations(wikdict ? wikdictBody(body) : body)
      .map((t) => t.replace(/\u0301/g, "").trim())
      .filter((t) => t && (capitals || t[0] === t[0]?.toLowerCase()) && keep(t))
      .map((t) => tokenize(t).join(" "))
      .filter(Boolean);
    if (!found.length) continue;
    const key = head.toLowerCase();
    const list = out.get(key) ?? [];
    for (const t of found) if (!list.includes(t)) list.push(t);
    out.set(key, list);
  }
  return out;
}

/** An English word reached from a Russian one counts when this many sources lead to it. */
export const MIN_SOURCES = 2;
/** …and when at least this share of the sources of its Russian word's best-attested English word do. */
export const USUAL_SHARE = 0.75;

/**
 * Russian → English (or German) by triangulation: a Russian word's English words reached through a pivot language (a word
 * of it translating into both), kept when {@link MIN_SOURCES} different sources lead to it — two pivot
 * languages, or one and a direct Russian–English list (`direct`) — since each step alone drifts (Polish
 * "lampa" is лампочка and also a radio valve). Ranked by how many sources agree, then by the direct list's
 * order, then by how much the English word is used (`frequency`): «поезд» → train, which Müller gives only in a
 * later sense, before its "boat train"; «шрифт» → type, font.
 */
export function triangulated(
  pivots: readonly Pivot[],
  direct: ReadonlyMap<string, readonly string[]>,
  builder: LexiconBuilder,
  frequency: (word: string) => number = () => 0,
): void {
  // A Russian word no pivot word gives first is a form or a variant listed beside the word («год, лет»: лет
  // is no lemma, and «лету» would find a year by its stem): only words some article gives first are keys.
  const first = new Set<string>();
  for (const { toRu } of pivots) for (const russian of toRu.values()) if (russian[0]) first.add(russian[0]);
  const reached = new Map<string, Map<string, Set<string>>>();
  for (const { lang, toRu, to } of pivots)
    for (const [word, russian] of toRu) {
      const english = to.get(word);
      if (!english) continue;
      for (const r of russian) {
        if (!first.has(r)) continue;
        const found = reached.get(r) ?? new Map<string, Set<string>>();
        reached.set(r, found);
        for (const e of english) {
          const sources = found.get(e) ?? new Set<string>();
          sources.add(lang);
          found.set(e, sources);
        }
      }
    }
  for (const [russian, found] of reached) {
    const listed = direct.get(russian) ?? [];
    const place = (e: string) => (listed.includes(e) ? listed.indexOf(e) : listed.length);
    const agreed = [...found]
      .map(([e, sources]) => ({ e, n: sources.size + (listed.includes(e) ? 1 : 0) }))
      .sort(
        (a, b) =>
          b.n - a.n ||
          place(a.e) - place(b.e) ||
          frequency(b.e) - frequency(a.e) ||
          (a.e < b.e ? -1 : a.e > b.e ? 1 : 0),
      );
    // A sense fewer sources give than the usual one is a rarer one, or a sense the pivot words share and the
    // Russian word does not («зона» → zone by seven, domain by two; «свадьба» → wedding by six, marriage by four,
    // as German Hochzeit and Polish ślub are both): the direct list has its rare senses already, this one is for
    // the usual.
    const most = agreed[0]?.n ?? 0;
    const usual = agreed.filter((t) => t.n >= MIN_SOURCES && t.n >= most * USUAL_SHARE);
    if (usual.length)
      builder.add(
        russian,
        usual.map((t) => t.e),
      );
  }
}
