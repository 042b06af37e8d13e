/**
 * `npm run build:lexicon`: rebuilds data/lexicon/*.tsv, the word lists search translates query words with
 * (src/search/lexicon.ts), from Debian's dictd dictionaries. Only this script needs them; the built lists are
 * committed, so neither the bot nor CI installs a dictionary. Deterministic: the same packages give the same
 * bytes. Install the sources first:
 *
 *   apt-get install mueller7-dict dict-freedict-deu-eng dict-freedict-eng-deu dict-freedict-deu-rus \
 *     dict-freedict-eng-rus
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
  freedictTranslations,
  LexiconBuilder,
  muellerGlosses,
  readDictd,
  reversed,
} from "../src/search/lexicon-build.js";

const DIR = process.env.DICTD_DIR ?? "/usr/share/dictd";
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
])
  console.log(`${pkg} ${version(pkg)}`);

const mueller = dictionary("mueller7").map((e) => ({ head: e.head, glosses: muellerGlosses(e.body) }));
const engRus = dictionary("freedict-eng-rus").map((e) => ({
  head: e.head,
  glosses: freedictTranslations(e.body),
}));
const deuEng = dictionary("freedict-deu-eng");
const engDeu = dictionary("freedict-eng-deu");
const deuRus = dictionary("freedict-deu-rus").map((e) => ({
  head: e.head,
  glosses: freedictTranslations(e.body),
}));

// Russian → English: Müller read backwards (its Russian glosses as words, their headwords as translations),
// then FreeDict's small English–Russian one the same way.
const ruEn = new LexiconBuilder("ru", "en");
reversed(mueller, ruEn);
reversed(engRus, ruEn);
write("ru-en", ruEn);

// English → Russian: for English queries over Russian texts.
const enRu = new LexiconBuilder("en", "ru", false);
for (const { head, glosses } of [...mueller, ...engRus]) enRu.add(head, glosses);
write("en-ru", enRu);

// German → English and English → German: FreeDict's (from Ding); compounds are headwords of their own.
const deEn = new LexiconBuilder("de", "en");
for (const e of deuEng) deEn.add(e.head, freedictTranslations(e.body));
console.log(`de-en: ${deEn.pruneCompounds()} compounds left to the splitter`);
write("de-en", deEn);
const enDe = new LexiconBuilder("en", "de", false);
for (const e of engDeu) enDe.add(e.head, freedictTranslations(e.body));
write("en-de", enDe);

// Russian → German: FreeDict's German–Russian read backwards.
const ruDe = new LexiconBuilder("ru", "de");
reversed(deuRus, ruDe);
write("ru-de", ruDe);
