/**
 * `npm run build:ru-forms`: rebuilds data/lexicon/ru-forms.tsv and ru-suffixes.tsv, the Russian morphological
 * dictionary search reaches a query word's dictionary form with (src/search/ru-forms.ts), from Debian's
 * hunspell-ru (Alexander Lebedev's Russian dictionary, BSD-style licence; see data/lexicon/SOURCES.md). Only this
 * script needs the package; the built files are committed. Deterministic: the same package gives the same bytes.
 * Run after `npm run build:lexicon` (a lemma is kept only when a Russian word list translates it):
 *
 *   apt-get install hunspell-ru
 *
 * HUNSPELL_DIR reads ru_RU.aff and ru_RU.dic from elsewhere than /usr/share/hunspell.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formsList, parseDictionary, parseSuffixes, suffixesList } from "../src/search/ru-forms-build.js";

const DIR = process.env.HUNSPELL_DIR ?? "/usr/share/hunspell";
const OUT = "data/lexicon";
/** The word lists whose Russian lemmas the forms lead to. */
const LISTS = ["ru-en", "ru-en-pivot", "ru-de", "ru-de-pivot", "ru-fr"];

const aff = join(DIR, "ru_RU.aff");
const dic = join(DIR, "ru_RU.dic");
if (!existsSync(aff) || !existsSync(dic)) {
  console.error(
    `${aff} or ${dic} is missing: apt-get install hunspell-ru (see the comment atop this script).`,
  );
  process.exit(1);
}
const VERSION_FORMAT = ["-f=$", "{Version}"].join("");
try {
  console.log(
    `hunspell-ru ${execFileSync("dpkg-query", ["-W", VERSION_FORMAT, "hunspell-ru"], { encoding: "utf8" })}`,
  );
} catch {
  console.log("hunspell-ru: not installed as a package");
}

const translated = new Set<string>();
for (const name of LISTS)
  for (const line of readFileSync(join(OUT, `${name}.tsv`), "utf8").split("\n")) {
    const key = line.slice(0, line.indexOf("\t"));
    if (key && !key.includes(" ")) translated.add(key);
  }

const rules = parseSuffixes(readFileSync(aff, "utf8"));
const lemmas = parseDictionary(readFileSync(dic, "utf8"));
const forms = formsList(lemmas, (lemma) => translated.has(lemma));
writeFileSync(join(OUT, "ru-forms.tsv"), forms);
writeFileSync(join(OUT, "ru-suffixes.tsv"), suffixesList(rules));
console.log(
  `ru-forms.tsv: ${forms.split("\n").length - 1} of ${lemmas.size} lemmas (those a list translates); ru-suffixes.tsv: ${rules.length} rules`,
);
