/**
 * `npm run build:technames`: rebuilds data/lexicon/tech.tsv, what software is (src/search/technames.ts), from
 * Debian's package descriptions — the archive's Translation-en (every package of main, short and long
 * description) and Translation-ru (the Russian ones DDTP translators wrote). Only this script needs them; the
 * built list is committed, so neither the bot nor CI fetches anything. Deterministic: the same indexes give the
 * same bytes.
 *
 * The Docker image this runs in tells apt to fetch no description translations (Acquire::Languages "none"), so
 * fetch them into a folder of their own first, without touching the system's lists:
 *
 *   mkdir -p /tmp/apt-tr/lists/partial /tmp/apt-tr/parts
 *   printf 'Dir::Etc::Parts "/tmp/apt-tr/parts";\nAcquire::Languages { "en"; "ru"; };\nDir::State::Lists "/tmp/apt-tr/lists";\n' > /tmp/apt-tr/apt.conf
 *   APT_CONFIG=/tmp/apt-tr/apt.conf apt-get update
 *   APT_LISTS=/tmp/apt-tr/lists npm run build:technames
 *
 * APT_LISTS defaults to /var/lib/apt/lists. English words are known from data/lexicon/en-ru.tsv and en-en.tsv
 * (npm run build:lexicon).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { englishLemmas } from "../src/search/english-lemmas.js";
import { EVERYDAY_USE, readTranslation, TechNamesBuilder, techLines } from "../src/search/technames-build.js";
import { wordnetFrequencies } from "../src/search/wordnet-build.js";

const LISTS = process.env.APT_LISTS ?? "/var/lib/apt/lists";
const WORDNET = process.env.WORDNET_DIR ?? "/usr/share/wordnet";
const OUT = process.env.TECH_OUT ?? "data/lexicon/tech.tsv";

/** The indexes of one language, main archive first (its updates and security fixes after). */
function translations(lang: string): string[] {
  const files = readdirSync(LISTS)
    .filter((f) => f.endsWith(`_i18n_Translation-${lang}`))
    .sort();
  if (!files.length) {
    console.error(`no Translation-${lang} in ${LISTS}: fetch it first (see the comment atop this script).`);
    process.exit(1);
  }
  return files.map((f) => join(LISTS, f));
}

/** The keys of a committed word list. */
function keys(file: string): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(join("data/lexicon", file), "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) out.add(line.slice(0, tab));
  }
  return out;
}

// Single words, as WordNet's counts are looked up here, are keyed alike by both readers of cntlist.
const use = wordnetFrequencies(readFileSync(join(WORDNET, "cntlist.rev"), "utf8"));
const everyday = (word: string) => englishLemmas(word, true).some((w) => (use.get(w) ?? 0) >= EVERYDAY_USE);
const english = new Set([...keys("en-ru.tsv"), ...keys("en-en.tsv")]);
const byLang = ["en"].map((lang) => {
  const builder = new TechNamesBuilder(lang);
  const seen = new Set<string>();
  for (const file of translations(lang)) {
    for (const d of readTranslation(readFileSync(file, "utf8"))) {
      // A package in the main archive and in its updates is described once.
      if (seen.has(d.pkg)) continue;
      seen.add(d.pkg);
      builder.add(d);
    }
    console.log(`${file}: ${seen.size} packages so far`);
  }
  return builder.salient(everyday);
});
const lines = techLines(byLang, (name) => englishLemmas(name, true).some((w) => english.has(w)));
writeFileSync(OUT, `${lines.join("\n")}\n`);
console.log(`${OUT}: ${lines.length} names`);
