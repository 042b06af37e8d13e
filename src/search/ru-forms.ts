/**
 * Russian word forms → their dictionary forms, by a real morphological dictionary (hunspell-ru's lemmas and suffix
 * rules, data/lexicon/ru-forms.tsv and ru-suffixes.tsv, built by scripts/build-ru-forms.ts): a query word in any
 * form reaches the lemma the word lists translate («удаленные» → удаленный, «пишет» → писать, «ошибок» → ошибка),
 * where a stem alone may lead to another word sharing it (удаление).
 *
 * A word is un-suffixed as hunspell checks it: each rule whose added ending the word ends in gives a candidate
 * lemma (the ending taken off, the rule's stripped letters put back), kept when its end meets the rule's condition
 * and the list holds that lemma with the rule's flag. The lemmas (one a line, `lemma<TAB>flags`, sorted by byte) are
 * read into memory on first use and searched in place as lexicon.ts searches a word list; the rules too, some 1,600.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BufferLexicon, LEXICON_DIR, type Lexicon } from "./lexicon.js";
import { Lru } from "./lru.js";
import { conditionHolds } from "./ru-forms-build.js";

/** A suffix rule as the search applies it backwards: what to put back in place of the ending, and when. */
interface Rule {
  flag: string;
  strip: string;
  /** The lemma's end the rule applies to, as hunspell writes it ("." for any). */
  condition: string;
}

/** A lemma is at least this long (shorter candidates are other words' pieces). */
const MIN_LEMMA = 2;
/** Words whose dictionary forms are kept (a query's words recur from search to search). */
const REMEMBERED = 2_000;

/** A Russian morphological dictionary: lemmas with their flags, and the suffix rules the flags name. */
export class RussianForms {
  private readonly byEnding = new Map<string, Rule[]>();
  private readonly longest: number;
  private readonly memo = new Lru<string, string[]>(REMEMBERED);

  /** `lemmas`: `lemma → flags` lines; `suffixes`: the rules file's text (`flag strip add condition`, tabs). */
  constructor(
    private readonly lemmas: Lexicon,
    suffixes: string,
  ) {
    let longest = 0;
    for (const line of suffixes.split("\n")) {
      const [flag, strip, add, condition] = line.split("\t");
      if (!flag || strip === undefined || add === undefined || condition === undefined) continue;
      const ending = add === "0" ? "" : add;
      const rule: Rule = {
        flag,
        strip: strip === "0" ? "" : strip,
        condition,
      };
      const rules = this.byEnding.get(ending);
      if (rules) rules.push(rule);
      else this.byEnding.set(ending, [rule]);
      longest = Math.max(longest, ending.length);
    }
    this.longest = longest;
  }

  /**
   * The dictionary forms a word may be a form of: itself when it is a lemma, then each lemma a rule makes it of
   * (a form of two words gives both: «стали» сталь, стать), in the rules' order.
   */
  /** Notes where the lemmas' lines start now, as the first look-up would (see {@link Lexicon.prepare}). */
  prepare(): void {
    this.lemmas.prepare?.();
  }

  lemmasOf(word: string): string[] {
    return this.memo.remember(word, () => this.find(word));
  }

  private find(word: string): string[] {
    const out: string[] = [];
    // No listed lemma begins with more of the word than this: a candidate keeping a longer beginning of it (an
    // ending shorter than the rest taken off) is none, and is not tried — one search rules out most rules of a
    // word with a slip, or of no Russian word at all.
    const shared = this.lemmas.sharedPrefix?.(word) ?? word.length;
    if (shared === word.length && this.lemmas.lookup(word).length) out.push(word);
    const mya = HETEROCLITE_FORM.exec(word);
    if (mya && this.lemmas.lookup(`${mya[1]}мя`).length) out.push(`${mya[1]}мя`);
    // Each candidate lemma with the flags that would make the word of it, looked up once.
    const candidates = new Map<string, string>();
    for (let k = Math.max(0, word.length - shared); k <= Math.min(this.longest, word.length - 1); k++) {
      const rules = this.byEnding.get(word.slice(word.length - k));
      if (!rules) continue;
      const base = word.slice(0, word.length - k);
      for (const r of rules) {
        const lemma = base + r.strip;
        if (lemma.length < MIN_LEMMA || lemma === word || !conditionHolds(lemma, r.condition)) continue;
        candidates.set(lemma, (candidates.get(lemma) ?? "") + r.flag);
      }
    }
    for (const [lemma, flags] of candidates) {
      const listed = this.lemmas.lookup(lemma)[0];
      if (listed && [...flags].some((f) => listed.includes(f))) out.push(lemma);
    }
    return out;
  }
}

/**
 * A form of a neuter noun in -мя («время», «имя», «знамя», «пламя», «племя», «семя», «стремя», «бремя», «темя»,
 * «вымя»), declined on a stem in -мен- («времени», «временем», «имена», «имён»): hunspell lists such forms as
 * lemmas of their own, with no rule leading back to the noun.
 */
const HETEROCLITE_FORM = /^(.+)мен(?:и|ем|а|ам|ами|ах|)$/;

/**
 * The noun in -мя a word is a form of («времени» → время, «имен» → имя), when the morphological dictionary lists
 * it; undefined for any other word. A backwards dictionary lists some of these forms as words of their own, from a
 * gloss (Müller's «времени» is "Edwardian", of «времени короля Эдуарда»): the noun says what they mean.
 */
export function heterocliteLemma(word: string): string | undefined {
  const m = HETEROCLITE_FORM.exec(word);
  if (!m) return undefined;
  const lemma = `${m[1]}мя`;
  return russianForms()?.lemmasOf(word).includes(lemma) ? lemma : undefined;
}

let shared: RussianForms | null | undefined;

/**
 * The forms dictionary of data/lexicon/, read on first use; undefined when a deployment left the files out (a
 * query word then reaches its lemma by stem alone).
 */
export function russianForms(): RussianForms | undefined {
  if (shared === undefined) {
    // Read whole (0.8 MB): a word tries a dozen candidate lemmas, each searched in memory without a read.
    const lemmas = join(LEXICON_DIR, "ru-forms.tsv");
    const suffixes = join(LEXICON_DIR, "ru-suffixes.tsv");
    shared =
      existsSync(lemmas) && existsSync(suffixes)
        ? new RussianForms(new BufferLexicon(readFileSync(lemmas), true), readFileSync(suffixes, "utf8"))
        : null;
  }
  return shared ?? undefined;
}
