/**
 * Word stems by the Snowball stemmers of @orama/stemmers: Russian for Cyrillic words, the given content
 * language's (English by default) for Latin ones, so "асинхронного" and "асинхронный", "testing" and "tests",
 * "Sicherheit" and "Sicherheitslücken"… meet.
 */
import { isCyrillicLanguage, stemmerOf } from "./languages.js";

const CYRILLIC_WORD = /^[а-яёіїєґ]+$/;
const LATIN_WORD = /^[a-zß-öø-ÿœ]+$/;

/** The stem of one normalized word in a language; words with digits or too short to stem come back unchanged. */
export function stem(word: string, lang = "en"): string {
  if (word.length < 4) return word;
  let stemmer: ((w: string) => string) | undefined;
  if (CYRILLIC_WORD.test(word)) stemmer = stemmerOf(isCyrillicLanguage(lang) ? lang : "ru");
  else if (LATIN_WORD.test(word)) stemmer = isCyrillicLanguage(lang) ? stemmerOf("en") : stemmerOf(lang);
  if (!stemmer) return word;
  const s = stemmer(word);
  return s.length >= 2 ? s : word;
}

/** Per language, the stems {@link queryStem} remembered. */
const remembered = new Map<string, Map<string, string>>();
let rememberedCount = 0;
/** How many stems {@link queryStem} keeps before it starts again (a few MB at most). */
const REMEMBERED_STEMS = 20_000;

function rememberedIn(lang: string): Map<string, string> {
  let stems = remembered.get(lang);
  if (!stems) {
    stems = new Map();
    remembered.set(lang, stems);
  }
  return stems;
}

/**
 * The language whose stemmer {@link stem} gives a word asked for in `lang`: a Cyrillic word's stem in English,
 * German or French is its Russian one, a Latin word's in Russian its English one.
 */
function stemmingLanguage(word: string, lang: string): string {
  if (CYRILLIC_WORD.test(word)) return isCyrillicLanguage(lang) ? lang : "ru";
  if (LATIN_WORD.test(word)) return isCyrillicLanguage(lang) ? "en" : lang;
  return lang;
}

/**
 * {@link stem}, remembered: for words met at search time (query words, the glossary's and the dictionaries'
 * lemmas they reach), which recur from one search to the next, while the Snowball stemmers take microseconds
 * a word. A word asked for in several languages that share its stemmer (the glossary asks in four) is stemmed
 * once. Bounded: emptied when full.
 */
export function queryStem(word: string, lang = "en"): string {
  const stems = rememberedIn(lang);
  let s = stems.get(word);
  if (s === undefined) {
    if (rememberedCount >= REMEMBERED_STEMS) {
      for (const m of remembered.values()) m.clear();
      rememberedCount = 0;
    }
    const by = stemmingLanguage(word, lang);
    const shared = by === lang ? stems : rememberedIn(by);
    s = shared.get(word);
    if (s === undefined) {
      s = stem(word, lang);
      if (shared !== stems) {
        shared.set(word, s);
        rememberedCount++;
      }
    }
    stems.set(word, s);
    rememberedCount++;
  }
  return s;
}

/** Most letters a Russian word's ending has past the stem of the word it is a form of («-оями»). */
const MAX_ENDING = 4;
/** A Russian ending begins with a vowel or a soft sign. */
const ENDING = /^[аеёиоуыэюяьй]/;

/**
 * Whether a Russian word may be a form of a word whose stem (`lemmaStem`) begins it, an ending away: Snowball
 * stems some forms of one word apart («простоя» просто-, «простой» прост-).
 */
export function endingAway(word: string, lemmaStem: string): boolean {
  const ending = word.slice(lemmaStem.length);
  return word.startsWith(lemmaStem) && ending.length <= MAX_ENDING && (ending === "" || ENDING.test(ending));
}
