/**
 * The English stemmer of @orama/stemmers (Porter's algorithm, as in its `english` module), word for word the
 * same rules with each regular expression made once rather than on every call: stemming every distinct word
 * of a programme was a fifth of building its index. english-stem.test.ts holds it to the package's stems.
 */

const STEP2: Record<string, string> = {
  ational: "ate",
  tional: "tion",
  enci: "ence",
  anci: "ance",
  izer: "ize",
  bli: "ble",
  alli: "al",
  entli: "ent",
  eli: "e",
  ousli: "ous",
  ization: "ize",
  ation: "ate",
  ator: "ate",
  alism: "al",
  iveness: "ive",
  fulness: "ful",
  ousness: "ous",
  aliti: "al",
  iviti: "ive",
  biliti: "ble",
  logi: "log",
};
const STEP3: Record<string, string> = {
  icate: "ic",
  ative: "",
  alize: "al",
  iciti: "ic",
  ical: "ic",
  ful: "",
  ness: "",
};

const VOWEL = "[aeiouy]";
const CONSONANTS = "[^aeiou][^aeiouy]*";
const VOWELS = `${VOWEL}[aeiou]*`;
/** m > 0: at least one vowel–consonant sequence. */
const MEASURE_ABOVE_0 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}`);
/** m = 1. */
const MEASURE_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}(${VOWELS})?$`);
/** m > 1. */
const MEASURE_ABOVE_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}${VOWELS}${CONSONANTS}`);
/** The stem holds a vowel. */
const HAS_VOWEL = new RegExp(`^(${CONSONANTS})?${VOWEL}`);
/** Ends consonant–vowel–consonant, the last not w, x or y. */
const CVC = new RegExp(`^${CONSONANTS}${VOWEL}[^aeiouwxy]$`);
const DOUBLE_CONSONANT = /([^aeiouylsz])\1$/;

const IES_SSES = /^(.+?)(ss|i)es$/;
const PLURAL_S = /^(.+?)([^s])s$/;
const EED = /^(.+?)eed$/;
const ED_ING = /^(.+?)(ed|ing)$/;
const AT_BL_IZ = /(at|bl|iz)$/;
const LAST = /.$/;
const Y = /^(.+?)y$/;
const STEP2_SUFFIX =
  /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const STEP3_SUFFIX = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
const STEP4_SUFFIX = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const SION_TION = /^(.+?)(s|t)(ion)$/;
const E = /^(.+?)e$/;
const LL = /ll$/;

/** The stem of an English word, as @orama/stemmers' `english` stemmer gives it. */
export function englishStem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  const first = w.substring(0, 1);
  if (first === "y") w = first.toUpperCase() + w.substring(1);
  // Step 1a
  if (IES_SSES.test(w)) w = w.replace(IES_SSES, "$1$2");
  else if (PLURAL_S.test(w)) w = w.replace(PLURAL_S, "$1$2");
  // Step 1b
  const eed = EED.exec(w);
  if (eed) {
    if (MEASURE_ABOVE_0.test(eed[1] as string)) w = w.replace(LAST, "");
  } else {
    const edIng = ED_ING.exec(w);
    if (edIng) {
      const stem = edIng[1] as string;
      if (HAS_VOWEL.test(stem)) {
        w = stem;
        if (AT_BL_IZ.test(w)) w += "e";
        else if (DOUBLE_CONSONANT.test(w)) w = w.replace(LAST, "");
        else if (CVC.test(w)) w += "e";
      }
    }
  }
  // Step 1c
  const y = Y.exec(w);
  if (y) {
    const stem = y[1];
    if (stem && HAS_VOWEL.test(stem)) w = `${stem}i`;
  }
  // Step 2
  const step2 = STEP2_SUFFIX.exec(w);
  if (step2) {
    const stem = step2[1];
    if (stem && MEASURE_ABOVE_0.test(stem)) w = stem + STEP2[step2[2] as string];
  }
  // Step 3
  const step3 = STEP3_SUFFIX.exec(w);
  if (step3) {
    const stem = step3[1];
    if (stem && MEASURE_ABOVE_0.test(stem)) w = stem + STEP3[step3[2] as string];
  }
  // Step 4; of "-sion" and "-tion" the package keeps what precedes the s or t, as it always has.
  const step4 = STEP4_SUFFIX.exec(w);
  if (step4) {
    const stem = step4[1];
    if (stem && MEASURE_ABOVE_1.test(stem)) w = stem;
  } else {
    const ion = SION_TION.exec(w);
    if (ion) {
      const stem = ion[1] as string;
      if (MEASURE_ABOVE_1.test(stem)) w = stem;
    }
  }
  // Step 5
  const e = E.exec(w);
  if (e) {
    const stem = e[1];
    if (stem && (MEASURE_ABOVE_1.test(stem) || (MEASURE_1.test(stem) && !CVC.test(stem)))) w = stem;
  }
  if (LL.test(w) && MEASURE_ABOVE_1.test(w)) w = w.replace(LAST, "");
  if (first === "y") w = first.toLowerCase() + w.substring(1);
  return w;
}
