/**
 * Acronyms against their spelled-out form, both ways: "fiber to the home" finds the talk on FTTH, and "bdd"
 * or "DSA Fediverse" find "Behavior Driven Development" and "the EU's Digital Services Act". A stage beside
 * scoring: an acronym in the query reaches the titles that spell it out as a translation would, beside the
 * query's other words; a query that spells out an acronym the programme holds adds what that acronym reaches.
 */
import { type Memo, matchMemo, SIM } from "./candidates.js";
import { lexicon } from "./lexicon.js";
import { isCyrillic, STOPWORDS } from "./normalize.js";
import { sharedByWord } from "./per-word.js";
import { type QueryWord, words } from "./query.js";
import { scoreWords } from "./score.js";
import { usualSpelling } from "./translit.js";
import type { Vocabulary } from "./vocabulary.js";

/** Acronyms are two to six letters. */
const ACRONYM = /^[a-zа-я]{2,6}$/;

/** A query word written in capitals as typed ("BCI", "DSA", "ОСИ"), two to six letters and maybe a plural s. */
const WRITTEN_AS_ACRONYM = /^\p{Lu}{2,6}s?$/u;

/** A word with no vowel, which no language reads as a word: letters said one by one ("tdd", «ддд»). */
const NO_VOWEL = /^[^aeiouyаеёиоуыэюя]+$/;

/** The initials of words ("fiber to the home" → "ftth"). */
export function initials(text: readonly string[]): string {
  return text.map((w) => w[0]).join("");
}

/**
 * The vocabulary's acronym a query of several words spells out when the programme holds it as a name (written in
 * capitals: FTTH, BER) and no dictionary lists as a word: the initials of all its words, of those that are not stop words, of its words as typed
 * with a hyphenated one as one ("High-bandwidth Digital Content Protection" HDCP), or of the parts of one word
 * written in camel case ("BigBlueButton" BBB).
 */
export function acronymOfQuery(v: Vocabulary, query: string): string | undefined {
  const { all, typed } = initialsRead(query);
  if (all.length < 2 && !typed.length) return undefined;
  const candidates = [
    ...(all.length >= 2 ? [initials(all), initials(all.filter((w) => !v.stop.has(w)))] : []),
    ...typed,
  ];
  for (const candidate of candidates) {
    // Two words' initials are too often some other name ("age verification" is not AV, "CIA Vault" not CV).
    if (candidate.length < 3 || !ACRONYM.test(candidate)) continue;
    const id = v.termIds.get(candidate);
    if (id !== undefined && v.proper.has(id) && !(v.lowerCount[id] && listedWord(candidate)))
      return candidate;
  }
  return undefined;
}

/**
 * Whether a dictionary lists `word` as a word ("hot", "war", «дом»): initials that spell one are a coincidence
 * ("history of tattoos" is not HOT), not an acronym the query spells out.
 */
function listedWord(word: string): boolean {
  const lists = isCyrillic(word)
    ? [lexicon("ru", "en")]
    : [lexicon("en", "ru"), lexicon("en", "de"), lexicon("de", "en")];
  return lists.some((list) => (list?.lookup(word).length ?? 0) > 0);
}

/**
 * What {@link acronymOfQuery} reads of a query before it meets a programme, worked out once a query for every index
 * (per-word.ts): its words with no digit, and the initials of its words as typed and of one word's camel-case
 * parts (when there are two or more).
 */
const initialsRead = sharedByWord((query) => {
  const all = words(query).filter((w) => !/\d/.test(w));
  const chunks = query.split(/\s+/).filter((c) => /\p{L}/u.test(c) && !/\d/.test(c));
  const camel = chunks.length === 1 ? (chunks[0] as string).match(/\p{Lu}\p{Ll}+/gu) : null;
  const typed = [
    ...(chunks.length >= 2 ? [initials(chunks.map((c) => c.toLowerCase()))] : []),
    ...(camel && camel.length >= 2 ? [initials(camel.map((c) => c.toLowerCase()))] : []),
  ];
  return { all, typed };
});

/**
 * The documents whose titles spell out an acronym: consecutive title words (three letters or more, not stop
 * words, with no punctuation between them) whose initials are the acronym, in its script.
 */
export function spelledOut(v: Vocabulary, acronym: string): number[] {
  const script = isCyrillic(acronym) ? 1 : 0;
  const titles = titleInitials(v);
  const out: number[] = [];
  for (let d = 0; d < titles.length; d++)
    if ((titles[d] as [string, string])[script].includes(acronym)) out.push(d);
  return out;
}

/** Per vocabulary, each document's title initials (Latin, Cyrillic), a space for a word that does not count. */
const initialsCache = new WeakMap<Vocabulary, [string, string][]>();

/** Where a run of words spelling out an acronym stops: punctuation between words ("Sim: accurately"). */
const BREAK = /[:;,.!?()[\]{}"«»“”„/|\u2013\u2014]+|\s-\s/;

/**
 * The initials of a title's words, a space for each word that breaks a run (a stop word, a word of one or two
 * letters) and at punctuation: "The EU's Digital Services Act: …" has "dsa", "Databases and Small …" not "das".
 */
function initialsOf(v: Vocabulary, title: string): string {
  let out = "";
  for (const part of title.split(BREAK)) {
    for (const w of words(part)) out += w.length >= 3 && !STOPWORDS.has(w) && !v.stop.has(w) ? w[0] : " ";
    out += " ";
  }
  return out;
}

/**
 * Works out a vocabulary's title initials now (the first acronym-like query word would: some 5–10 ms at FOSDEM
 * size), for an index's first-use work (index.ts prepareFirstUse).
 */
export function prepareTitleInitials(v: Vocabulary): void {
  titleInitials(v);
}

function titleInitials(v: Vocabulary): [string, string][] {
  let out = initialsCache.get(v);
  if (!out) {
    out = v.headings.map(([latin, cyrillic], d) => {
      // The title as written keeps its punctuation and stop words; the heading is the fallback.
      const title = v.docs[d]?.title;
      return [initialsOf(v, title && !isCyrillic(title) ? title : latin), initialsOf(v, cyrillic)];
    });
    initialsCache.set(v, out);
  }
  return out;
}

/**
 * Gives each query word that is an acronym — written in capitals ("DSA Fediverse", "BCIs"), a word of no vowel
 * ("tdd django"), or an unknown word of three to six letters standing alone ("bdd") — the documents whose titles
 * spell it out, as {@link QueryWord.also}: found as its translation would be, beside the other words of the
 * query. An acronym typed in Cyrillic letters («ДДД», «тдд на джанге») spells out Latin titles by its letters'
 * Latin ones too.
 */
export function spellOutAcronyms(v: Vocabulary, query: string, read: readonly QueryWord[], memo: Memo): void {
  const capitals = new Set(
    query
      .split(/[\s,;:!?()«»"]+/)
      .filter((c) => WRITTEN_AS_ACRONYM.test(c))
      .map((c) => c.toLowerCase()),
  );
  for (const q of read) {
    if (q.optional || q.word.length < 3 || !ACRONYM.test(q.word)) continue;
    // "BCIs" is the plural of BCI.
    const singular = capitals.has(q.word) && q.word.endsWith("s") ? q.word.slice(0, -1) : q.word;
    const alone = read.length === 1 && !matchMemo(v, q.word, false, memo).size;
    if (!alone && !capitals.has(q.word) && !NO_VOWEL.test(q.word)) continue;
    const latin = isCyrillic(q.word) ? usualSpelling(q.word) : undefined;
    const docs = [
      ...new Set([
        ...spelledOut(v, q.word),
        ...spelledOut(v, singular),
        ...(latin?.length === q.word.length ? spelledOut(v, latin) : []),
      ]),
    ];
    if (docs.length) q.also = new Map(docs.map((d) => [d, 1]));
  }
}

/** Adds to `scores` what the acronym the query's words spell out reaches (see {@link acronymOfQuery}). */
export function scoreAcronyms(
  v: Vocabulary,
  query: string,
  memo: Memo,
  scores: { get(doc: number): number | undefined; set(doc: number, score: number): unknown },
): void {
  const acronym = acronymOfQuery(v, query);
  if (!acronym) return;
  const found = new Map<number, number>();
  scoreWords(v, [{ word: acronym, factor: 1 }], memo, found);
  for (const [d, s] of found)
    if ((scores.get(d) ?? 0) < s * SIM.translation) scores.set(d, s * SIM.translation);
}
