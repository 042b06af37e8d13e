/**
 * Word stems: the Snowball stemmers of @orama/stemmers, Russian for Cyrillic words and English for Latin ones,
 * so that "асинхронного" and "асинхронный", "testing" and "tests" meet.
 */
import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as russianStem } from "@orama/stemmers/russian";

/** The stem of one normalized word; words with digits or too short to stem come back unchanged. */
export function stem(word: string): string {
  if (word.length < 4) return word;
  if (/^[а-яё]+$/.test(word)) {
    const s = russianStem(word);
    return s.length >= 2 ? s : word;
  }
  if (/^[a-z]+$/.test(word)) {
    const s = englishStem(word);
    return s.length >= 2 ? s : word;
  }
  return word;
}
