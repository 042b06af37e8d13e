/**
 * Turns LibreOffice's thesauri (MyThes format: Debian's mythes-en-us, mythes-ru, mythes-de, mythes-fr) into the
 * synonym lists search looks a query word up in (src/search/thesaurus.ts). Used by scripts/build-thesaurus.ts,
 * which writes data/lexicon/*-syn.tsv; the tests build small fixtures with the same code. Nothing here runs in
 * the bot.
 *
 * A thesaurus mixes true synonyms with broader, narrower and merely related words, and lists every sense of a
 * word, the everyday ones too: WordNet's broader terms once made the nonsense word "horoscope" find weather
 * forecasts. So only a sense group's plain synonyms are read (never a term labelled broader, related, similar or
 * an antonym, nor a colloquial or dated one), and a synonym is trusted when a second, independent source
 * confirms that the two words share a sense: a bilingual dictionary that translates both into the same word
 * ("physician" and "doctor" both врач, «слежка» and «наблюдение» both surveillance). One no source confirms is
 * kept, marked {@link UNCONFIRMED}, only for the word's first, usual sense.
 */
import { inByteOrder } from "./lexicon.js";
import { lexiconKey, MAX_PHRASE_WORDS } from "./lexicon-build.js";
import { tokenize } from "./normalize.js";
import { stem } from "./stem.js";
import { UNCONFIRMED } from "./thesaurus.js";

/** One headword of a thesaurus and its sense groups, each a list of synonyms as written. */
export interface ThesaurusEntry {
  head: string;
  senses: string[][];
}

/**
 * Labels of a sense group or a term that say it is no synonym of the headword: a broader or narrower term, a
 * related or similar one, an antonym (WordNet's English, Abramov's Russian, OpenThesaurus's German).
 */
const NOT_SYNONYM =
  /\((?:generic term|similar term|related term|antonym|сходный термин|связанный термин|антоним|Oberbegriff|Unterbegriff|Gegenwort|Antonym)\)/;
/**
 * Labels of a German term that is not said plainly: colloquial, vulgar, dated, regional, figurative, jocular.
 * Such a word rarely names a talk's topic, and its sense drifts.
 */
const NOT_PLAIN =
  /\((?:[^()]*\b)?(?:ugs\.|derb|vulg\.|veraltet|fig\.|scherzh\.|abwertend|regional|schweiz\.|österr\.|bundesdeutsch|Jargon|Slang|historisch|selten|zynisch|ironisch|poetisch|salopp|geh\.)/;
/** The sense-group labels whose terms are synonyms (the Russian thesaurus's other groups are not). */
const SYNONYM_GROUP =
  /^\((?:noun|verb|adj|adv|синоним|Nom|Verbe|Adjectif|Adverbe|Preposition|[A-Za-z ]+|\?)\)$|^-$/;

/**
 * The entries of a MyThes thesaurus's .dat text: a line "headword|n" followed by n sense lines
 * "(label)|term|term…" (the German one's labels are "-"). Groups labelled as no synonyms (the Russian
 * thesaurus's «сходный термин», «антоним») are left out, and so is each term labelled broader, related,
 * similar, antonym or not plain; a term's remaining labels are dropped ("Makroskopie (fachspr.)" → Makroskopie).
 */
export function readMythes(text: string): ThesaurusEntry[] {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const out: ThesaurusEntry[] = [];
  // The first line names the encoding (UTF-8 in every Debian thesaurus).
  for (let i = 1; i < lines.length; i++) {
    const head = lines[i]?.trimEnd() ?? "";
    const bar = head.lastIndexOf("|");
    const n = Number(head.slice(bar + 1));
    if (bar <= 0 || !Number.isInteger(n) || n < 0) continue;
    const senses: string[][] = [];
    for (let j = 0; j < n && i + 1 < lines.length; j++) {
      const line = (lines[++i] as string).trimEnd();
      const [label, ...terms] = line.split("|");
      if (!label || NOT_SYNONYM.test(label) || !SYNONYM_GROUP.test(label)) continue;
      const kept = terms
        .filter((t) => !NOT_SYNONYM.test(t) && !NOT_PLAIN.test(t))
        .map((t) =>
          t
            .replace(/\([^()]*\)/g, " ")
            .replace(/\s+/g, " ")
            .trim(),
        )
        .filter((t) => t && !t.includes("..."));
      if (kept.length) senses.push(kept);
    }
    out.push({ head: head.slice(0, bar), senses });
  }
  return out;
}

/**
 * A bilingual list to confirm a synonym by: a word's translations (lexicon.ts's lookup of a key), and the
 * translations' language.
 */
export type Translations = [lookup: (key: string) => readonly string[], lang: string];

/** At most this many synonyms are kept per word, the best confirmed first. */
export const MAX_SYNONYMS = 6;
/**
 * A word and a synonym are confirmed when one of their first this many translations is the same: later ones are a
 * dictionary's rarer senses, which two words share by chance ("drone" and "idler" are both бездельник).
 */
export const CONFIRMING_SENSES = 3;

/** A phrase's words by stem, for telling one word's forms apart from another word. */
function stems(phrase: string, lang: string): string {
  return tokenize(phrase)
    .map((w) => stem(w, lang))
    .join(" ");
}

/**
 * Collects a language's synonyms from its thesauri and writes them as a word list (lexicon.ts's format:
 * "word\tsynonym|synonym…", sorted by byte): each synonym of a one-word headword, of at most
 * {@link MAX_PHRASE_WORDS} words, that the bilingual lists confirm ({@link CONFIRMING_SENSES}), ranked by how many
 * lists confirm it, then by its place in the thesaurus.
 */
export class SynonymsBuilder {
  private readonly entries = new Map<string, { phrase: string; confirmed: number; rank: number }[]>();

  /**
   * `lists`: the bilingual lists from this language (ru-en, ru-de…), each a confirming source of its own;
   * `ordered`: whether the thesaurus lists a word's usual sense first (WordNet's, Abramov's do; French's one
   * group a word mixes its senses in).
   */
  constructor(
    readonly lang: string,
    private readonly lists: readonly Translations[],
    private readonly ordered = true,
  ) {}

  /** The first translations of a word or phrase in one list, by stem (a list's keys are lemmas). */
  private translations([lookup, lang]: Translations, phrase: string): Set<string> {
    const key = lexiconKey(phrase, this.lang);
    if (!key) return new Set();
    return new Set(
      lookup(key)
        .slice(0, CONFIRMING_SENSES)
        .map((t) => stems(t, lang)),
    );
  }

  /** How many lists translate the two into a same word among their first ones. */
  confirmations(word: string, synonym: string): number {
    let n = 0;
    for (const list of this.lists) {
      const own = this.translations(list, word);
      if (!own.size) continue;
      for (const t of this.translations(list, synonym))
        if (own.has(t)) {
          n++;
          break;
        }
    }
    return n;
  }

  /** Adds a thesaurus's entries, each synonym ranked by its place among the headword's synonyms. */
  add(entries: readonly ThesaurusEntry[]): void {
    for (const { head, senses } of entries) {
      const key = lexiconKey(head, this.lang);
      if (!key || key.includes(" ") || key !== tokenize(head).join(" ")) continue;
      const own = stems(key, this.lang);
      const list = this.entries.get(key) ?? [];
      let rank = 0;
      senses.forEach((sense, group) => {
        for (const term of sense) {
          rank++;
          const words = tokenize(term);
          if (!words.length || words.length > MAX_PHRASE_WORDS || words.some((w) => /\d/.test(w))) continue;
          const phrase = words.join(" ");
          // The word itself or a form of it is found as it is.
          if (stems(phrase, this.lang) === own || list.some((s) => s.phrase === phrase)) continue;
          const confirmed = this.confirmations(key, phrase);
          // Unconfirmed, only a synonym of the word's first, usual sense, in a thesaurus that orders its senses.
          if (confirmed || (group === 0 && this.ordered)) list.push({ phrase, confirmed, rank });
        }
      });
      if (list.length) this.entries.set(key, list);
    }
  }

  /** The list as sorted lines "word\tsynonym|synonym…", the best confirmed first. */
  lines(): string[] {
    const out: string[] = [];
    for (const [key, list] of this.entries) {
      const kept = [...list]
        .sort((a, b) => b.confirmed - a.confirmed || a.rank - b.rank)
        .slice(0, MAX_SYNONYMS)
        .map((s) => (s.confirmed ? s.phrase : `${UNCONFIRMED}${s.phrase}`));
      out.push(`${key}\t${kept.join("|")}`);
    }
    return inByteOrder(out);
  }
}
