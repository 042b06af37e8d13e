/**
 * Everyday words: whether a query word belongs to the common language rather than naming one thing (a tool, a
 * library, a project, a term: «mypy», «pyflakes», «Glasfaserstreit»). A dictionary tells, when it lists the
 * word (isDictionaryWord) — or a word sharing its stem, as dictionaries list one form of a word and people type
 * others («gefälschte» of gefälscht, «erstellten» of erstellt) — and so does a list of stop words, whose forms no
 * dictionary lists («можем» of может, «этих» of эти). Which dictionaries: English, German and Russian always,
 * French on a French programme (cross-language.ts looks French words up only there). In a language none of them
 * covers, a word cannot be told from a term, and counts as none.
 */
import { isDictionaryWord } from "./cross-language.js";
import { stopwordsOf } from "./languages.js";
import { type Lexicon, lexicon } from "./lexicon.js";
import { isCyrillic } from "./normalize.js";
import { sharedByWordIn } from "./per-word.js";
import { queryStem } from "./stem.js";

/** Dictionary words looked at beginning with a word's stem, for one sharing it. */
const SAME_STEM_LEMMAS = 40;
/** A Russian infinitive's ending. */
const RUSSIAN_INFINITIVE = /(ть|ться|ти|тись|чь|чься)$/;
/** Letters a Russian infinitive goes on past the stem of its forms at most («использ|овать»). */
const VERB_SUFFIX = 5;
/** Shortest stem looked up: shorter ones begin too many unrelated words to say anything. */
const MIN_STEM = 3;

/** Whether `word` (normalized, one query word) is a word of everyday language on a programme in `languages`. */
export function isEverydayWord(word: string, languages: readonly string[]): boolean {
  return everyday(word, languages);
}

/** {@link isEverydayWord}, worked out once a word and languages for every index (it asks the word lists alone). */
const everyday = sharedByWordIn((word, languages) => {
  if (isDictionaryWord(word)) return true;
  if (isCyrillic(word)) {
    const s = queryStem(word, "ru");
    return stopStems().has(s) || listsStem(lexicon("ru", "en"), s, "ru");
  }
  if (listsStem(lexicon("de", "en"), queryStem(word, "de"), "de")) return true;
  if (!languages.includes("fr")) return false;
  const french = lexicon("fr", "en");
  return (french?.lookup(word).length ?? 0) > 0 || listsStem(french, queryStem(word, "fr"), "fr");
});

/** Whether a dictionary lists a word whose stem in `lang` is `stem`. */
function listsStem(list: Lexicon | undefined, stem: string, lang: string): boolean {
  if (!list || stem.length < MIN_STEM) return false;
  let found = false;
  list.withPrefix(stem, SAME_STEM_LEMMAS, (lemma) => {
    if (found || lemma.includes(" ")) return;
    // A Russian verb's forms stem apart from its infinitive («посмотрим», посмотреть): the infinitive begins
    // with the form's stem, and goes on by little more than its suffix and ending.
    found =
      queryStem(lemma, lang) === stem ||
      (lang === "ru" && RUSSIAN_INFINITIVE.test(lemma) && lemma.length <= stem.length + VERB_SUFFIX);
  });
  return found;
}

let russianStopStems: Set<string> | undefined;
/** The stems of Russian stop words: a form of one («можем», «этих») is a function word. */
export function stopStems(): ReadonlySet<string> {
  russianStopStems ??= new Set(stopwordsOf("ru").map((w) => queryStem(w, "ru")));
  return russianStopStems;
}
