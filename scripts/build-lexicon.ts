/**
 * `npm run build:lexicon`: rebuilds data/lexicon/*.tsv, the word lists search translates query words with
 * (src/search/lexicon.ts), from Debian's dictd dictionaries. Only this script needs them; the built lists are
 * committed, so neither the bot nor CI installs a dictionary. Deterministic: the same packages give the same
 * bytes. Install the sources first:
 *
 *   apt-get install mueller7-dict dict-freedict-deu-eng dict-freedict-eng-deu dict-freedict-deu-rus \
 *     dict-freedict-eng-rus dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-fra-rus wordnet-base
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
  muellerSenses,
  readDictd,
  reversed,
  wikdictBody,
} from "../src/search/lexicon-build.js";
import { wordnetDerived, wordnetFrequencies, wordnetSynsets } from "../src/search/wordnet-build.js";

const DIR = process.env.DICTD_DIR ?? "/usr/share/dictd";
const WORDNET = process.env.WORDNET_DIR ?? "/usr/share/wordnet";
const OUT = "data/lexicon";

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
for (const pkg of [
  "mueller7-dict",
  "dict-freedict-deu-eng",
  "dict-freedict-eng-deu",
  "dict-freedict-deu-rus",
  "dict-freedict-eng-rus",
  "dict-freedict-eng-fra",
  "dict-freedict-fra-eng",
  "dict-freedict-fra-rus",
  "wordnet-base",
])
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
const parts = { n: "noun", v: "verb", a: "adj", r: "adv" };
const read = (kind: string) =>
  Object.fromEntries(
    Object.entries(parts).map(([pos, name]) => [pos, readFileSync(join(WORDNET, `${kind}.${name}`), "utf8")]),
  );
const enEn = new LexiconBuilder("en", "en", false);
for (const [word, derived] of wordnetDerived(read("index"), wordnetSynsets(read("data"))))
  enEn.add(word, derived);
write("en-en", enEn);
