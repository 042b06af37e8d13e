/**
 * `npm run build:lexicon`: rebuilds data/lexicon/*.tsv, the word lists search translates query words with
 * (src/search/lexicon.ts), from Debian's dictd dictionaries. Only this script needs them; the built lists are
 * committed, so neither the bot nor CI installs a dictionary. Deterministic: the same packages give the same
 * bytes. Install the sources first:
 *
 *   apt-get install mueller7-dict dict-freedict-deu-eng dict-freedict-eng-deu dict-freedict-deu-rus \
 *     dict-freedict-eng-rus dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-fra-rus wordnet-base \
 *     dict-freedict-ita-rus dict-freedict-ita-eng dict-freedict-nld-rus dict-freedict-nld-eng \
 *     dict-freedict-pol-rus dict-freedict-pol-eng dict-freedict-swe-rus dict-freedict-swe-eng \
 *     dict-freedict-ell-rus dict-freedict-ell-eng dict-freedict-jpn-rus dict-freedict-jpn-eng \
 *     dict-freedict-fra-deu dict-freedict-ita-deu dict-freedict-nld-deu dict-freedict-pol-deu \
 *     dict-freedict-swe-deu dict-freedict-jpn-deu
 *
 * DICTD_DIR reads them from elsewhere than /usr/share/dictd. What each list is made of, with the packages'
 * versions and licences, is written to data/lexicon/SOURCES.md (by hand: the versions are read from dpkg below
 * only to check they still match).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type DictEntry,
  freedictSenses,
  freedictTranslations,
  LexiconBuilder,
  MAX_PHRASE_WORDS,
  muellerSenses,
  type Pivot,
  pivotList,
  readDictd,
  reversed,
  triangulated,
  wikdictBody,
} from "../src/search/lexicon-build.js";
import { tokenize } from "../src/search/normalize.js";
import { wordnetDerived, wordnetFrequencies, wordnetSynsets } from "../src/search/wordnet-build.js";

const DIR = process.env.DICTD_DIR ?? "/usr/share/dictd";
const WORDNET = process.env.WORDNET_DIR ?? "/usr/share/wordnet";
const OUT = "data/lexicon";
const parts = { n: "noun", v: "verb", a: "adj", r: "adv" };
/**
 * The languages Russian → English is triangulated through (FreeDict's LANG-rus and LANG-eng lists), and whether
 * each list is WikDict's (from Wiktionary: sense numbers after the translations).
 */
const PIVOTS: [lang: string, rusWikdict: boolean, engWikdict: boolean][] = [
  ["deu", true, false],
  ["fra", true, false],
  ["ita", true, false],
  ["nld", true, false],
  ["pol", true, true],
  ["swe", true, false],
  ["ell", true, true],
  ["jpn", false, false],
];

/**
 * The languages Russian → German is triangulated through (FreeDict's LANG-rus and LANG-deu lists), and whether
 * each LANG-deu list is WikDict's.
 */
const GERMAN_PIVOTS: [lang: string, deuWikdict: boolean][] = [
  ["fra", true],
  ["ita", false],
  ["nld", false],
  ["pol", true],
  ["swe", true],
  ["jpn", false],
];

/** A dictionary's entries, by its dictd file name ("mueller7"). */
function dictionary(name: string): DictEntry[] {
  const index = join(DIR, `${name}.index`);
  if (!existsSync(index)) {
    console.error(`${index} is missing: install the dictionaries (see the comment atop this script).`);
    process.exit(1);
  }
  const dz = join(DIR, `${name}.dict.dz`);
  return readDictd(
    readFileSync(index, "utf8"),
    readFileSync(existsSync(dz) ? dz : join(DIR, `${name}.dict`)),
  );
}

/** The installed version of a Debian package, for the log. */
function version(pkg: string): string {
  try {
    return execFileSync("dpkg-query", ["-W", `-f=$\{Version}`, pkg], { encoding: "utf8" });
  } catch {
    return "not installed";
  }
}

function write(name: string, builder: LexiconBuilder): void {
  const lines = builder.lines();
  writeFileSync(join(OUT, `${name}.tsv`), `${lines.join("\n")}\n`);
  console.log(`${name}.tsv: ${lines.length} words`);
}

mkdirSync(OUT, { recursive: true });
for (const pkg of new Set([
  "mueller7-dict",
  "dict-freedict-deu-eng",
  "dict-freedict-eng-deu",
  "dict-freedict-deu-rus",
  "dict-freedict-eng-rus",
  "dict-freedict-eng-fra",
  "dict-freedict-fra-eng",
  "dict-freedict-fra-rus",
  ...PIVOTS.flatMap(([lang]) => [`dict-freedict-${lang}-rus`, `dict-freedict-${lang}-eng`]),
  ...GERMAN_PIVOTS.map(([lang]) => `dict-freedict-${lang}-deu`),
  "wordnet-base",
]))
  console.log(`${pkg} ${version(pkg)}`);

const mueller = dictionary("mueller7").map((e) => ({ head: e.head, senses: muellerSenses(e.body) }));
const engRus = dictionary("freedict-eng-rus").map((e) => ({ head: e.head, senses: freedictSenses(e.body) }));
const deuEng = dictionary("freedict-deu-eng");
const engDeu = dictionary("freedict-eng-deu");
// Its articles explain each sense in German between the Russian ones, and a German headword's Russian sense
// often folds onto another German word ("медведь" → Bär, read as "bar"): only an article's first three
// translations, as one sense, are read backwards.
const deuRus = dictionary("freedict-deu-rus").map((e) => ({
  head: e.head,
  senses: [{ glosses: freedictTranslations(e.body).map((text, rank) => ({ text, rank })), rare: false }],
}));

// Russian → English: Müller read backwards (its Russian glosses as words, their headwords as translations),
// then FreeDict's small English–Russian one the same way.
const ruEn = new LexiconBuilder("ru", "en");
const cntlist = join(WORDNET, "cntlist.rev");
if (!existsSync(cntlist)) {
  console.error(`${cntlist} is missing: install wordnet-base (see the comment atop this script).`);
  process.exit(1);
}
const used = wordnetFrequencies(readFileSync(cntlist, "utf8"));
const frequency = (word: string) => used.get(word) ?? 0;
reversed(mueller, ruEn, frequency);
reversed(engRus, ruEn, frequency);
write("ru-en", ruEn);

// Russian → English through other languages: a word of a pivot language translating into a Russian word and an
// English one links the two; two sources (two pivots, or one and the list above) must agree. A pivot list's
// English translations are only those WordNet or FreeDict's English–German list knows as English words (WikDict's
// articles put a definition in the pivot language between the senses).
const englishWords = new Set<string>();
for (const pos of Object.values(parts))
  for (const line of readFileSync(join(WORDNET, `index.${pos}`), "utf8").split("\n"))
    if (!line.startsWith(" "))
      for (const w of tokenize(line.slice(0, line.indexOf(" ")).replaceAll("_", " "))) englishWords.add(w);
for (const e of engDeu) for (const w of tokenize(e.head)) englishWords.add(w);
const isEnglish = (t: string) => {
  const words = tokenize(t);
  return words.length > 0 && words.length <= MAX_PHRASE_WORDS && words.every((w) => englishWords.has(w));
};
const isRussian = (t: string) => /[а-яё]/i.test(t) && !/[a-z]/i.test(t) && tokenize(t).length <= 2;
const pivots: Pivot[] = PIVOTS.map(([lang, rusWikdict, engWikdict]) => ({
  lang,
  toRu: pivotList(dictionary(`freedict-${lang}-rus`), isRussian, rusWikdict),
  to: pivotList(lang === "deu" ? deuEng : dictionary(`freedict-${lang}-eng`), isEnglish, engWikdict),
}));
const ruEnPivot = new LexiconBuilder("ru", "en");
triangulated(pivots, ruEn.map(), ruEnPivot, frequency);
write("ru-en-pivot", ruEnPivot);

// English → Russian: for English queries over Russian texts.
const enRu = new LexiconBuilder("en", "ru", false);
for (const { head, senses } of [...mueller, ...engRus])
  enRu.add(
    head,
    senses.flatMap((s) => s.glosses.map((g) => g.text)),
  );
write("en-ru", enRu);

// German → English and English → German: FreeDict's (from Ding); compounds are headwords of their own.
const deEn = new LexiconBuilder("de", "en");
for (const e of deuEng) deEn.add(e.head, freedictTranslations(e.body));
console.log(`de-en: ${deEn.pruneCompounds()} compounds left to the splitter`);
write("de-en", deEn);
// English phrases only as a German compound says them ("sign language" → Gebärdensprache), for German talks.
const enDe = new LexiconBuilder("en", "de", "compounds");
for (const e of engDeu) enDe.add(e.head, freedictTranslations(e.body));
write("en-de", enDe);

// Russian → German: FreeDict's German–Russian read backwards.
const ruDe = new LexiconBuilder("ru", "de");
reversed(deuRus, ruDe);
write("ru-de", ruDe);

// Russian → German through the same pivot languages' lists into German, as Russian → English above: a German word
// two sources agree on (two pivot languages, or one and the list above), for German programmes. A pivot list's
// German translations are only words FreeDict's German–English list knows as German (capitals kept: nouns).
// Nor a word the index's folding makes another's (Bär and Bar are both "bar": «медведь» would find a bar).
const germanSpellings = new Map<string, Set<string>>();
for (const e of deuEng)
  for (const raw of e.head.toLowerCase().split(/[^\p{L}]+/u))
    for (const w of tokenize(raw)) {
      const spellings = germanSpellings.get(w) ?? new Set<string>();
      spellings.add(raw);
      germanSpellings.set(w, spellings);
    }
const isGerman = (t: string) => {
  const words = tokenize(t);
  return (
    words.length > 0 &&
    words.length <= MAX_PHRASE_WORDS &&
    words.every((w) => (germanSpellings.get(w)?.size ?? 0) === 1)
  );
};
const dePivots: Pivot[] = GERMAN_PIVOTS.map(([lang, deuWikdict]) => ({
  lang,
  toRu: pivots.find((p) => p.lang === lang)?.toRu ?? new Map(),
  to: pivotList(dictionary(`freedict-${lang}-deu`), isGerman, deuWikdict, true),
}));
const ruDePivot = new LexiconBuilder("ru", "de");
triangulated(dePivots, ruDe.map(), ruDePivot);
write("ru-de-pivot", ruDePivot);

// French → English: FreeDict's small French–English list (from Ergane), completed by its English–French one read
// backwards, for French queries over a French programme's English texts.
const fraEng = dictionary("freedict-fra-eng").map((e) => ({ head: e.head, senses: freedictSenses(e.body) }));
const engFra = dictionary("freedict-eng-fra").map((e) => ({ head: e.head, senses: freedictSenses(e.body) }));
const frEn = new LexiconBuilder("fr", "en");
for (const { head, senses } of fraEng)
  frEn.add(
    head,
    senses.flatMap((s) => s.glosses.map((g) => g.text)),
  );
reversed(engFra, frEn, frequency);
write("fr-en", frEn);

// Russian → French: FreeDict's French–Russian (from Wiktionary, by WikDict) read backwards, as German–Russian.
const fraRus = dictionary("freedict-fra-rus").map((e) => ({
  head: e.head,
  senses: [
    { glosses: freedictTranslations(wikdictBody(e.body)).map((text, rank) => ({ text, rank })), rare: false },
  ],
}));
const ruFr = new LexiconBuilder("ru", "fr");
reversed(fraRus, ruFr);
write("ru-fr", ruFr);

// English → English: WordNet's derived forms of a word, for a translation the programme says in another form
// ("volcano" → volcanic, "operator" → operate).
const read = (kind: string) =>
  Object.fromEntries(
    Object.entries(parts).map(([pos, name]) => [pos, readFileSync(join(WORDNET, `${kind}.${name}`), "utf8")]),
  );
const enEn = new LexiconBuilder("en", "en", false);
for (const [word, derived] of wordnetDerived(read("index"), wordnetSynsets(read("data"))))
  enEn.add(word, derived);
write("en-en", enEn);
