/**
 * Russian function words in forms no stop list holds: «своими», «своего», «самые», «моих», «каком», «тебе». Snowball's
 * Russian stop list names a few forms of each pronoun («свою», «мой», «сам», «какая»), but people write the others
 * («мейкерспейс своими руками», «свой процессор на ПЛИС»): a form the programme lacks then weighs against every
 * session as a word reaching nothing, and the talk the other words find falls below the cut-off. Such a form is
 * dropped from the query as its stop word would be.
 *
 * A word is one when its stem is a stop word's (of three letters or more, as Snowball stems both), the morphological
 * dictionary knows it as a Russian word (ru-forms.ts: so a name sharing a stop word's stem, «Надим» of «над», is
 * not), and no word list translates it: a word with a meaning of its own sharing a stop word's stem («больших» of
 * «больше», «почты» of «почти», «ест» of «есть») has a translation and stays.
 */
import { isDictionaryWord } from "./cross-language.js";
import { isCyrillic, STOPWORDS } from "./normalize.js";
import { sharedByWord } from "./per-word.js";
import { russianForms } from "./ru-forms.js";
import { queryStem } from "./stem.js";

/** Shortest stop word whose stem names forms («ли», «над» begin names and words too often to say anything). */
const MIN_STOP_WORD = 3;
/** Shortest form taken for one: shorter ones have other senses too often («ест» eats, of «есть»). */
const MIN_FORM = 4;

let stems: Set<string> | undefined;

/** The Snowball stems of the Russian stop words of {@link MIN_STOP_WORD} letters or more. */
function functionStems(): ReadonlySet<string> {
  stems ??= new Set(
    [...STOPWORDS].filter((w) => isCyrillic(w) && w.length >= MIN_STOP_WORD).map((w) => queryStem(w, "ru")),
  );
  return stems;
}

/** Whether `word` (normalized, one query word) is a form of a Russian function word no stop list holds. */
export function isFunctionForm(word: string): boolean {
  return functionForm(word);
}

/** {@link isFunctionForm}, worked out once a word for every index (it asks the word lists alone). */
const functionForm = sharedByWord((word) => {
  if (word.length < MIN_FORM || !isCyrillic(word) || STOPWORDS.has(word) || /\d/.test(word)) return false;
  if (!functionStems().has(queryStem(word, "ru"))) return false;
  if (!(russianForms()?.lemmasOf(word).length ?? 0)) return false;
  return !isDictionaryWord(word);
});
