/**
 * `npm run build:ru-forms`: rebuilds data/lexicon/ru-forms.tsv and ru-suffixes.tsv, the Russian morphological
 * dictionary search reaches a query word's dictionary form with (src/search/ru-forms.ts), from Debian's
 * hunspell-ru (Alexander Lebedev's Russian dictionary, BSD-style licence; see data/lexicon/SOURCES.md). Only this
 * script needs the package; the built files are committed. Deterministic: the same package gives the same bytes.
 * Every lemma is kept, those no word list translates too: a form of one is still a Russian word typed as meant
 * (typed-word.ts: «выложил» is not "dskj;bnm"), and a pronoun's forms, listed apart, are told from names
 * (function-words.ts):
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

const rules = parseSuffixes(readFileSync(aff, "utf8"));
const lemmas = parseDictionary(readFileSync(dic, "utf8"));
const forms = formsList(lemmas, () => true);
writeFileSync(join(OUT, "ru-forms.tsv"), forms);
writeFileSync(join(OUT, "ru-suffixes.tsv"), suffixesList(rules));
console.log(
  `ru-forms.tsv: ${forms.split("\n").length - 1} of ${lemmas.size} lemmas; ru-suffixes.tsv: ${rules.length} rules`,
);
