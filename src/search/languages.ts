/**
 * What search knows about each content language a conference may publish in: its Snowball stemmer and its
 * stop words (@orama/stemmers, @orama/stopwords; English's stemmer is the package's, made faster in
 * english-stem.ts), by ISO 639-1 code. A language not listed here is indexed
 * without stemming and with only the English and Russian stop words.
 */
import { stemmer as daStem } from "@orama/stemmers/danish";
import { stemmer as nlStem } from "@orama/stemmers/dutch";
import { stemmer as fiStem } from "@orama/stemmers/finnish";
import { stemmer as frStem } from "@orama/stemmers/french";
import { stemmer as deStem } from "@orama/stemmers/german";
import { stemmer as itStem } from "@orama/stemmers/italian";
import { stemmer as noStem } from "@orama/stemmers/norwegian";
import { stemmer as ptStem } from "@orama/stemmers/portuguese";
import { stemmer as ruStem } from "@orama/stemmers/russian";
import { stemmer as esStem } from "@orama/stemmers/spanish";
import { stemmer as svStem } from "@orama/stemmers/swedish";
import { stemmer as ukStem } from "@orama/stemmers/ukrainian";
import { stopwords as daStop } from "@orama/stopwords/danish";
import { stopwords as nlStop } from "@orama/stopwords/dutch";
import { stopwords as enStop } from "@orama/stopwords/english";
import { stopwords as fiStop } from "@orama/stopwords/finnish";
import { stopwords as frStop } from "@orama/stopwords/french";
import { stopwords as deStop } from "@orama/stopwords/german";
import { stopwords as itStop } from "@orama/stopwords/italian";
import { stopwords as noStop } from "@orama/stopwords/norwegian";
import { stopwords as ptStop } from "@orama/stopwords/portuguese";
import { stopwords as ruStop } from "@orama/stopwords/russian";
import { stopwords as esStop } from "@orama/stopwords/spanish";
import { stopwords as svStop } from "@orama/stopwords/swedish";
import { stopwords as ukStop } from "@orama/stopwords/ukrainian";
import { englishStem } from "./english-stem.js";

interface Language {
  stem: (word: string) => string;
  stop: readonly string[];
  /** Written in Cyrillic letters. */
  cyrillic?: true;
}

const LANGUAGES: Record<string, Language> = {
  en: { stem: englishStem, stop: enStop },
  ru: { stem: ruStem, stop: ruStop, cyrillic: true },
  uk: { stem: ukStem, stop: ukStop, cyrillic: true },
  de: { stem: germanStem, stop: deStop },
  fr: { stem: frStem, stop: frStop },
  es: { stem: esStem, stop: esStop },
  it: { stem: itStem, stop: itStop },
  nl: { stem: nlStem, stop: nlStop },
  pt: { stem: ptStem, stop: ptStop },
  sv: { stem: svStem, stop: svStop },
  da: { stem: daStem, stop: daStop },
  no: { stem: noStem, stop: noStop },
  nb: { stem: noStem, stop: noStop },
  fi: { stem: fiStem, stop: fiStop },
};

/**
 * Snowball's German stemmer, a plural in -s after a, o or y taken off first ("Autos", "Kameras", "Handys": the
 * plural of borrowed words, which Snowball keeps), so it meets its singular; -is and -us are no plurals ("Kreis").
 */
function germanStem(word: string): string {
  return deStem(word.length >= 5 && /[aoy]s$/.test(word) ? word.slice(0, -1) : word);
}

/** The Snowball stemmer of a language, undefined when there is none. */
export function stemmerOf(lang: string): ((word: string) => string) | undefined {
  return LANGUAGES[lang]?.stem;
}

/** The stop words of a language (apostrophe forms left out: tokens never hold an apostrophe). */
export function stopwordsOf(lang: string): readonly string[] {
  return (LANGUAGES[lang]?.stop ?? []).filter((w) => !w.includes("'"));
}

/** German function words English writes too, as words of its own ("die", "war", "man"): kept in a query. */
const ENGLISH_TOO = new Set([
  "also",
  "an",
  "bin",
  "bis",
  "den",
  "die",
  "dies",
  "hat",
  "in",
  "man",
  "nun",
  "seine",
  "so",
  "war",
  "was",
  "will",
]);

/**
 * German stop words dropped from a query on any programme, German or not (attendees type German over English
 * talks): those English does not write as words of its own.
 */
export function germanQueryStopwords(): string[] {
  return stopwordsOf("de").filter((w) => !ENGLISH_TOO.has(w));
}

/** Whether a language is written in Cyrillic letters. */
export function isCyrillicLanguage(lang: string): boolean {
  return LANGUAGES[lang]?.cyrillic === true;
}
