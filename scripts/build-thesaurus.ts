/**
 * `npm run build:thesaurus`: rebuilds data/lexicon/{en,ru,de,fr}-syn.tsv, the synonyms search offers for a query
 * word the programme does not say (src/search/thesaurus.ts), from LibreOffice's thesauri as Debian packages them.
 * Only this script needs them; the built lists are committed, so neither the bot nor CI installs a thesaurus.
 * Deterministic: the same packages and the same bilingual lists give the same bytes. Install the sources first:
 *
 *   apt-get install mythes-en-us mythes-ru mythes-de mythes-fr
 *
 * A synonym is kept only when a bilingual list of data/lexicon/ (npm run build:lexicon) translates it and its
 * word into the same word: build those first. MYTHES_DIR reads the thesauri from elsewhere than
 * /usr/share/mythes. Sources, versions and licences: data/lexicon/SOURCES.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileLexicon } from "../src/search/lexicon.js";
import { readMythes, SynonymsBuilder, type Translations } from "../src/search/thesaurus-build.js";

const DIR = process.env.MYTHES_DIR ?? "/usr/share/mythes";
const OUT = "data/lexicon";

/** Each language's thesaurus (package, file) and the bilingual lists that confirm its synonyms. */
const SOURCES: [lang: string, pkg: string, file: string, lists: string[]][] = [
  ["en", "mythes-en-us", "th_en_US_v2.dat", ["en-ru", "en-de"]],
  ["ru", "mythes-ru", "th_ru_RU_v2.dat", ["ru-en", "ru-en-pivot", "ru-de", "ru-fr"]],
  ["de", "mythes-de", "th_de_DE_v2.dat", ["de-en"]],
  ["fr", "mythes-fr", "thes_fr.dat", ["fr-en"]],
];

/** The installed version of a Debian package, for the log. */
function version(pkg: string): string {
  try {
    return execFileSync("dpkg-query", ["-W", `-f=$\{Version}`, pkg], { encoding: "utf8" });
  } catch {
    return "not installed";
  }
}

for (const [lang, pkg, file, lists] of SOURCES) {
  const path = join(DIR, file);
  if (!existsSync(path)) {
    console.error(`${path} is missing: apt-get install ${pkg} (see the comment atop this script).`);
    process.exit(1);
  }
  const confirming: Translations[] = lists.map((name) => {
    const list = FileLexicon.open(join(OUT, `${name}.tsv`));
    return [(key: string) => list.lookup(key), name.split("-")[1] as string];
  });
  // WordNet and Abramov list a word's usual sense first; OpenThesaurus's groups come in no such order, and the
  // French thesaurus gives a word one group of every sense's synonyms: only confirmed ones are kept of those.
  const builder = new SynonymsBuilder(lang, confirming, lang === "en" || lang === "ru");
  builder.add(readMythes(readFileSync(path, "utf8")));
  const lines = builder.lines();
  writeFileSync(join(OUT, `${lang}-syn.tsv`), `${lines.join("\n")}\n`);
  console.log(`${pkg} ${version(pkg)}: ${lang}-syn.tsv, ${lines.length} words`);
}
