/**
 * Builds the English → English list of related words (data/lexicon/en-related.tsv, by scripts/build-lexicon.ts)
 * from Princeton WordNet 3.0: for each word, the synonyms of its usual senses, and one level of broader
 * (hypernym) and narrower (hyponym) terms, for a query that says a topic in other words than the programme
 * ("forecast" for a talk on prediction, "vehicle" for one on cars). Nothing here runs in the bot.
 */
import type { wordnetSynsets } from "./wordnet-build.js";

type Synsets = ReturnType<typeof wordnetSynsets>;

/** A relation's mark before a listed word: none for a synonym. */
export const BROADER = "^";
export const NARROWER = "~";

/**
 * A sense is usual when its corpus count is at least this share of all the word's tagged senses (WordNet lists a
 * word's senses most frequent first, with how often each was tagged in its corpus: cntlist.rev).
 */
export const USUAL_SHARE = 0.2;
/** At most this many words of each relation kept per word, the most used first. */
export const MAX_SYNONYMS = 8;
export const MAX_BROADER = 4;
export const MAX_NARROWER = 12;

/**
 * How often each sense of a word was tagged in WordNet's sense-tagged corpus, by "lemma|pos|sense number" (pos
 * n, v, a, r; the sense number is the sense's place in its index line): a line of cntlist.rev is "sense_key
 * sense_number tag_count", the sense key "lemma%ss_type:…", ss_type 1 noun, 2 verb, 3 and 5 adjective, 4 adverb.
 */
export function wordnetSenseCounts(cntlist: string): Map<string, number> {
  const pos: Record<string, string> = { "1": "n", "2": "v", "3": "a", "4": "r", "5": "a" };
  const out = new Map<string, number>();
  for (const line of cntlist.split("\n")) {
    const [key, sense, count] = line.split(" ");
    const at = key?.indexOf("%") ?? -1;
    if (!key || at <= 0 || count === undefined) continue;
    const p = pos[key[at + 1] as string];
    if (!p) continue;
    out.set(`${key.slice(0, at).toLowerCase()}|${p}|${sense}`, Number(count));
  }
  return out;
}

/** A WordNet word as the lists spell it: lower case, "_" a space, an adjective's position marker dropped. */
function wordOf(raw: string): string {
  return raw
    .replace(/\([a-z]+\)$/, "")
    .replaceAll("_", " ")
    .toLowerCase();
}

/** A word the list keeps: one word of three letters or more, of letters only (no digits, no hyphen). */
function listable(word: string): boolean {
  return /^[a-z]{3,}$/.test(word);
}

/** A word's related words by relation. */
export interface Related {
  synonyms: string[];
  broader: string[];
  narrower: string[];
}

/**
 * Each English word's related words in its usual senses (see {@link USUAL_SHARE}; a word no sense of which was
 * ever tagged keeps the first sense of each part of speech): its synonyms (the other words of those synsets,
 * for an adjective those of the synsets WordNet calls similar, "&"), the words of the synsets one level above
 * ("@", "@i") and below ("~"). Only single words; each list ordered by how much its words are used (`used`),
 * cut to its maximum. Index files are WordNet's index.noun… ("lemma pos synset_cnt p_cnt pointer… sense_cnt
 * tagsense_cnt offset…").
 */
export function wordnetRelated(
  index: Record<string, string>,
  synsets: Synsets,
  senseCounts: ReadonlyMap<string, number>,
  used: (word: string) => number,
): Map<string, Related> {
  const gathered = new Map<string, { synonyms: Set<string>; broader: Set<string>; narrower: Set<string> }>();
  const words = (key: string) => synsets.get(key)?.words ?? [];
  // A word's total of tagged senses over every part of speech.
  const totals = new Map<string, number>();
  const lines: [pos: string, lemma: string, offsets: string[]][] = [];
  for (const [pos, text] of Object.entries(index))
    for (const line of text.split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const f = line.trim().split(" ");
      const raw = f[0] as string;
      const offsets = f.slice(f.length - Number(f[2]));
      lines.push([pos, raw, offsets]);
      let sum = totals.get(raw) ?? 0;
      offsets.forEach((_, i) => {
        sum += senseCounts.get(`${raw}|${pos}|${i + 1}`) ?? 0;
      });
      totals.set(raw, sum);
    }
  for (const [pos, raw, offsets] of lines) {
    const lemma = wordOf(raw);
    if (!listable(lemma)) continue;
    const total = totals.get(raw) ?? 0;
    offsets.forEach((offset, i) => {
      const count = senseCounts.get(`${raw}|${pos}|${i + 1}`) ?? 0;
      const usual = total === 0 ? i === 0 : count > 0 && count >= USUAL_SHARE * total;
      if (!usual) return;
      const synset = synsets.get(`${pos} ${offset}`);
      if (!synset) return;
      const entry = gathered.get(lemma) ?? { synonyms: new Set(), broader: new Set(), narrower: new Set() };
      gathered.set(lemma, entry);
      for (const w of synset.words) entry.synonyms.add(w);
      for (const [symbol, source, target] of synset.pointers) {
        if (source !== 0) continue;
        if (symbol === "&") for (const w of words(target)) entry.synonyms.add(w);
        else if ((symbol === "@" || symbol === "@i") && pos === "n")
          for (const w of words(target)) entry.broader.add(w);
        else if (symbol === "~") for (const w of words(target)) entry.narrower.add(w);
      }
    });
  }
  const out = new Map<string, Related>();
  const ranked = (set: Set<string>, max: number, not: readonly string[]) =>
    [...set]
      .filter((w) => listable(w) && !not.includes(w))
      .map((w, i) => [w, used(w), i] as const)
      .sort((a, b) => b[1] - a[1] || a[2] - b[2])
      .slice(0, max)
      .map(([w]) => w);
  for (const [lemma, e] of gathered) {
    const synonyms = ranked(e.synonyms, MAX_SYNONYMS, [lemma]);
    const broader = ranked(e.broader, MAX_BROADER, [lemma, ...synonyms]);
    const narrower = ranked(e.narrower, MAX_NARROWER, [lemma, ...synonyms, ...broader]);
    if (synonyms.length || broader.length || narrower.length) out.set(lemma, { synonyms, broader, narrower });
  }
  return out;
}

/**
 * The list's lines, sorted by byte: "word<TAB>synonym|…|^broader|…|~narrower|…" (a relation's mark before each
 * of its words, none for a synonym).
 */
export function relatedLines(related: ReadonlyMap<string, Related>): string[] {
  const out: string[] = [];
  for (const [word, r] of related)
    out.push(
      `${word}\t${[...r.synonyms, ...r.broader.map((w) => BROADER + w), ...r.narrower.map((w) => NARROWER + w)].join("|")}`,
    );
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
