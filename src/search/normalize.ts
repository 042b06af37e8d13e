/**
 * Text normalization shared by indexing and querying: Unicode folding, case, ё→е, spelling variants,
 * tokenization, and the stop and filler words that a query may carry without meaning anything.
 */

/** Russian spellings that differ only by convention; each maps to the one the index keeps. */
const SPELLING_VARIANTS: [RegExp, string][] = [
  [/кеш/g, "кэш"],
  [/мейл/g, "мэйл"],
];

const APOSTROPHE = /['’ʼ`]/;
const INNER_APOSTROPHE = /(\p{L})['’ʼ`](\p{L})/gu;
/** A French or Italian elision ("l’authentification", "d'accès", "qu'il"): the article is a word of its own. */
const ELISION = /(?<!\p{L})([cdjlmnst]|qu)['’ʼ`](?=\p{L})/giu;

/** Apostrophes inside words: elisions split off ("l'accès" → "l accès"), others dropped ("hacker's" → "hackers"). */
function apostrophes(s: string): string {
  // Most texts hold none: a plain scan spares them the two Unicode-aware replacements.
  if (!APOSTROPHE.test(s)) return s;
  return s.replace(ELISION, "$1 ").replace(INNER_APOSTROPHE, "$1$2");
}

const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/;
const MARKS_AFTER_LATIN = /([a-z])\p{M}+/gu;

/**
 * Latin letters without their diacritics ("sécurité" → "securite", "Müller" → "muller", "ß" → "ss"): people
 * type them without, and a name spelled by ear in Cyrillic has none. Cyrillic й and ё are left alone.
 */
function stripLatinMarks(s: string): string {
  if (!LATIN_WITH_MARKS.test(s)) return s;
  return s
    .normalize("NFD")
    .replace(MARKS_AFTER_LATIN, "$1")
    .normalize("NFC")
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .replace(/đ/g, "d")
    .replace(/ł/g, "l");
}

/** Lowercase, Latin diacritics, ё→е and spelling variants of text that is already NFKC. */
function fold(s: string): string {
  let out = stripLatinMarks(s.toLowerCase());
  if (out.includes("ё")) out = out.replace(/ё/g, "е");
  if (out.includes("кеш") || out.includes("мейл"))
    for (const [re, to] of SPELLING_VARIANTS) out = out.replace(re, to);
  return out;
}

/**
 * NFKC, lowercase, ё→е, apostrophes inside words dropped ("hacker's" → "hackers"), Russian spelling variants
 * unified (кеш → кэш). Punctuation is kept: {@link tokenize} splits on it.
 */
export function normalizeText(text: string): string {
  return fold(apostrophes(text.normalize("NFKC")));
}

const TOKEN = /\d+(?:[.,]\d+)+|[\p{L}\p{N}]+/gu;

/** Splits text into normalized word tokens: runs of letters and digits, decimal numbers ("1.6", "1,6") kept whole. */
export function tokenize(text: string): string[] {
  return (normalizeText(text).match(TOKEN) ?? []).map(decimalPoint);
}

/** "1,6" and "1.6" are the same number. */
function decimalPoint(token: string): string {
  return token.includes(",") ? token.replace(/,/g, ".") : token;
}

/** A word of a text with a hint whether it is a proper name (a person, a company, a product). */
export interface TextWord {
  token: string;
  /**
   * Capitalized where a sentence does not begin ("using Redis", "в Яндексе"), or with capitals inside
   * ("PyPy", "SOA"). Names and brands are what people respell by ear in the other script.
   */
  proper: boolean;
  /** Written with a capital first letter, wherever it stands. */
  capitalized: boolean;
  /** With capitals after the first letter ("PyPy", "SOA"): a name even in a Title Case title. */
  mixed: boolean;
}

/** {@link scanWords}' hints of a word, as bits: {@link TextWord}'s `proper`, `capitalized` and `mixed`. */
export const PROPER = 1;
export const CAPITALIZED = 2;
export const MIXED = 4;

const SENTENCE_START = new Set([...'.!?:;«"“–—•*']);
const SPACE = /\s/;

/**
 * The words of a text as written (runs of letters and digits, as {@link tokenize} splits them, not yet
 * normalized: {@link foldWord} does that), with their {@link TextWord} hints as bits put into `hints` from
 * index 0. Indexing meets each written form many times and normalizes it once.
 */
export function scanWords(text: string, hints: number[]): string[] {
  const s = apostrophes(text.normalize("NFKC"));
  const raws = s.match(TOKEN) ?? [];
  let n = 0;
  // The tokens as strings, not a match object each; a token begins with a letter or digit, which no skipped
  // character is, so its first occurrence after the previous token is where it was matched.
  let at = 0;
  for (const raw of raws) {
    const index = s.indexOf(raw, at);
    at = index + raw.length;
    const lower = raw.toLowerCase();
    let bits = 0;
    if (raw !== lower) {
      bits = CAPITALIZED;
      if (raw.slice(1) !== lower.slice(1)) bits |= MIXED | PROPER;
      else {
        // Capitalized: a name unless a sentence (or a text, or a list item) begins here.
        let i = index - 1;
        while (i >= 0 && SPACE.test(s[i] as string)) i--;
        const before = s[i];
        const begins =
          before === undefined ||
          SENTENCE_START.has(before) ||
          (before === "-" && (i === 0 || SPACE.test(s[i - 1] as string)));
        if (!begins) bits |= PROPER;
      }
    }
    hints[n++] = bits;
  }
  return raws;
}

/** A word as {@link scanWords} gives it, normalized as {@link tokenize} would. */
export function foldWord(raw: string): string {
  return decimalPoint(fold(raw));
}

/** Tokenizes a text like {@link tokenize}, keeping a proper-name hint from the original capitalization. */
export function tokenizeText(text: string): TextWord[] {
  const hints: number[] = [];
  const raws = scanWords(text, hints);
  const out: TextWord[] = [];
  for (let i = 0; i < raws.length; i++) {
    const bits = hints[i] as number;
    out.push({
      token: foldWord(raws[i] as string),
      proper: (bits & PROPER) !== 0,
      capitalized: (bits & CAPITALIZED) !== 0,
      mixed: (bits & MIXED) !== 0,
    });
  }
  return out;
}

const HAS_DIGIT = /\d/;

/** The letter and digit runs inside a token that mixes them ("jinja2" → "jinja", "2"); none otherwise. */
export function subTokens(token: string): string[] {
  if (!HAS_DIGIT.test(token)) return [];
  const parts = token.match(/\p{L}+|\p{N}+/gu) ?? [];
  return parts.length > 1 && /\p{L}/u.test(token) ? parts : [];
}

/** Function words of English and Russian: not indexed, dropped from queries. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or of to in on at by for with from into onto as is are was were be been being it its this that " +
    "these those there here what which who whom whose how why when where i we you he she they me us my our your " +
    "his her their them do does did done can could should would will shall may might must not no so if then than " +
    "also just very more most some any all each every other such only own same too up out over under about after " +
    "before between through during without within via vs e g etc " +
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от " +
    "меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж " +
    "вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без " +
    "будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один " +
    "почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после " +
    "над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед " +
    "иногда лучше чуть том нельзя такой им более всегда конечно всю между это как также"
  ).split(/\s+/),
);

/**
 * Words people wrap around what they look for ("доклад про …", "talk about …", "кто рассказывает …"), and the
 * Russian question words, prepositions and pronoun forms Snowball's stop list lacks («почему», «насколько»,
 * «вместо», «среди», «нами»: a question asks about a topic, it is not one; English stop words drop the
 * prepositions' and pronouns' English words from the programme's texts). Not «сколько»: "how many" stands in
 * titles, and "many" is no stop word.
 * Dropped from queries only: programme texts keep them, so a query made of nothing else finds nothing.
 */
export const FILLERS: ReadonlySet<string> = new Set(
  (
    "talk talks lecture lectures presentation session sessions speech report speaker speakers " +
    "find show looking look tell told telling speaks speaking speak gives giving presents presenting " +
    "please anything something somebody someone whoever topic topics " +
    "доклад доклада докладе докладу докладом доклады докладов докладах лекция лекции лекцию выступление " +
    "выступления выступает выступал рассказывает рассказывал расскажет делает делал читает читал ведет вел проводит проводил рассказ рассказать говорит говорил " +
    "докладчик докладчика докладчики спикер спикера спикеры тема темы тему найди найти покажи ищу " +
    "нужен нужна нужно хочу пожалуйста какой какая какие " +
    "почему отчего насколько " +
    "вместо кроме среди около насчет благодаря согласно относительно касательно посредством ввиду вследствие " +
    "нами вами ими мной мною тобой тобою ею нею"
  ).split(/\s+/),
);

/** Whether a token carries no meaning in a query (a stop word or a filler). */
export function isNoise(token: string): boolean {
  return STOPWORDS.has(token) || FILLERS.has(token);
}

/** Whether a token is written in Cyrillic letters (its first letter decides). */
export function isCyrillic(token: string): boolean {
  // By character codes: this runs for every word the index holds.
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) return true;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0xc0) return false;
  }
  return false;
}

/**
 * Whether a title is written in Title Case ("Building a Zero Downtime Kubernetes Cluster"): most of its words
 * of four letters or more (`long`, no digits) capitalized, at least three of them.
 */
export function isTitleCase(long: number, capitalized: number): boolean {
  return long >= 3 && capitalized >= TITLE_CASE_SHARE * long;
}

const TITLE_CASE_SHARE = 0.6;
