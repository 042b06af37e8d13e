/**
 * Builds the Russian word forms list (data/lexicon/ru-forms.tsv and ru-suffixes.tsv, by scripts/build-ru-forms.ts)
 * from a hunspell dictionary: its .dic file names each lemma with flags, its .aff file says what each flag's
 * suffix rules make of a lemma (удаленный/A: удаленные, удаленных…). The search strips a query word's suffix by
 * those rules to reach its dictionary form (ru-forms.ts), as hunspell itself does when it checks a word.
 */
import { inByteOrder } from "./lexicon.js";
import { tokenize } from "./normalize.js";

/** One suffix rule: a lemma with `flag` whose end matches `condition` drops `strip` from its end and adds `add`. */
export interface SuffixRule {
  flag: string;
  strip: string;
  add: string;
  condition: string;
}

/** A word as the search index writes it (lower case, ё as е), or "" when it is not one word of letters. */
function folded(text: string): string {
  const words = tokenize(text);
  return words.length === 1 && /^\p{L}+$/u.test(words[0] as string) ? (words[0] as string) : "";
}

/** A rule's part as written in an .aff file ("0" for nothing), folded as the index folds words. */
function affixPart(text: string): string {
  return text === "0" ? "" : text.toLowerCase().replace(/ё/g, "е");
}

/**
 * The suffix rules of a hunspell .aff file (`SFX flag strip add condition` lines after each `SFX flag Y count`
 * header); prefix rules and continuation flags are not read (the Russian dictionary has neither).
 */
export function parseSuffixes(aff: string): SuffixRule[] {
  const out: SuffixRule[] = [];
  for (const line of aff.split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== "SFX" || f.length < 5) continue;
    const [, flag, strip, add, condition] = f as [string, string, string, string, string];
    if (add.includes("/")) throw new Error(`continuation flags are not supported: ${line}`);
    out.push({ flag, strip: affixPart(strip), add: affixPart(add), condition: affixPart(condition) });
  }
  return out;
}

/**
 * A hunspell .dic file's lemmas, folded as the index folds words, with their flags (those of a lemma listed
 * twice, as homonyms, together and sorted); a lemma of more than one word or with digits is left out.
 */
export function parseDictionary(dic: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = dic.split("\n");
  // The first line is the count of entries.
  for (const line of lines.slice(1)) {
    const [raw, flags = ""] = line.trim().split("/");
    const lemma = folded(raw ?? "");
    if (!lemma) continue;
    const all = new Set([...(out.get(lemma) ?? ""), ...flags]);
    out.set(lemma, [...all].sort().join(""));
  }
  return out;
}

/** Whether a lemma's end matches a rule's condition (hunspell's: letters, `.`, `[…]` and `[^…]`). */
export function conditionHolds(lemma: string, condition: string): boolean {
  return condition === "." || conditionPattern(condition).test(lemma);
}

const patterns = new Map<string, RegExp>();

/** A rule's condition as a regular expression on a lemma's end. */
function conditionPattern(condition: string): RegExp {
  let p = patterns.get(condition);
  if (!p) {
    p = new RegExp(`(?:${condition})$`, "u");
    patterns.set(condition, p);
  }
  return p;
}

/** Every form a lemma's flags make of it by the rules, the lemma first (for tests and checks of the list). */
export function formsOf(lemma: string, flags: string, rules: readonly SuffixRule[]): string[] {
  const out = [lemma];
  for (const r of rules)
    if (
      flags.includes(r.flag) &&
      lemma.endsWith(r.strip) &&
      lemma.length > r.strip.length &&
      conditionHolds(lemma, r.condition)
    ) {
      const form = lemma.slice(0, lemma.length - r.strip.length) + r.add;
      if (!out.includes(form)) out.push(form);
    }
  return out;
}

/**
 * The forms list: `lemma<TAB>flags` a line, sorted by byte, for the lemmas `keep` wants (those a dictionary
 * translates: a form is looked for only to reach a translation), each with flags some rule uses.
 */
export function formsList(lemmas: ReadonlyMap<string, string>, keep: (lemma: string) => boolean): string {
  const lines: string[] = [];
  for (const [lemma, flags] of lemmas) if (keep(lemma)) lines.push(`${lemma}\t${flags || "-"}`);
  return `${inByteOrder(lines).join("\n")}\n`;
}

/** The rules file: `flag<TAB>strip<TAB>add<TAB>condition` a line ("" written as "0"), as the .aff orders them. */
export function suffixesList(rules: readonly SuffixRule[]): string {
  const part = (s: string) => s || "0";
  return `${rules.map((r) => [r.flag, part(r.strip), part(r.add), r.condition].join("\t")).join("\n")}\n`;
}
