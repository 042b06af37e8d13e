/**
 * Words typed as meant: whether a query word is a real word of its script, so the search never reads it as
 * another word typed on the wrong keyboard layout («жизнь» is not "bpym", «сами» not "cfvb"). A Russian word is
 * one when a dictionary lists it (in any form), a morphological dictionary makes it a form of a lemma
 * (ru-forms.ts: «синхронизации» of синхронизация), or it is a stop word or a form of one («жизни», «человека»):
 * the word lists are built without stop words, so they know neither «жизнь» nor «человек» (Snowball counts both
 * among Russian function words). An English or German word is one when a dictionary lists it as written.
 */
import { isDictionaryWord } from "./cross-language.js";
import { stopStems } from "./everyday.js";
import { isCyrillic, STOPWORDS } from "./normalize.js";
import { sharedByWord } from "./per-word.js";
import { russianForms } from "./ru-forms.js";
import { queryStem } from "./stem.js";

/**
 * Shortest word taken for a form of a Russian lemma or stop word as well as a stop word itself: shorter ones are
 * as often Latin words typed on the Russian layout ("key" is «лун», "net" «туе»).
 */
const MIN_FORM = 4;

/** Whether `word` (normalized, one query word) is a real word as typed, never a wrong-layout jumble. */
export function isTypedAsMeant(word: string): boolean {
  return typedAsMeant(word);
}

/** {@link isTypedAsMeant}, worked out once a word for every index. */
const typedAsMeant = sharedByWord((word) => {
  if (isDictionaryWord(word)) return true;
  if (!isCyrillic(word) || /\d/.test(word)) return false;
  if (STOPWORDS.has(word)) return true;
  if (word.length < MIN_FORM) return false;
  return stopStems().has(queryStem(word, "ru")) || (russianForms()?.lemmasOf(word).length ?? 0) > 0;
});
