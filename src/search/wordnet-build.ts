/**
 * Reads Princeton WordNet 3.0 (Debian's `wordnet-base`, /usr/share/wordnet) for the build of the word lists
 * (scripts/build-lexicon.ts): how often an English word is used, from the sense-tagged corpus counts WordNet
 * ships (cntlist.rev), to rank a Russian word's English translations the usual one first; and each word's
 * derived forms (volcano → volcanic), for the English → English list. Nothing here runs in the bot.
 */

/**
 * How many times each English word (lower case, "_" read as a space) was tagged in WordNet's sense-tagged
 * corpus, all its senses and parts of speech together: a line of cntlist.rev is "sense_key sense_number
 * tag_count", the sense key "lemma%…".
 */
export function wordnetFrequencies(cntlist: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of cntlist.split("\n")) {
    const [key, , count] = line.split(" ");
    const at = key?.indexOf("%") ?? -1;
    if (!key || at <= 0 || count === undefined) continue;
    const lemma = key.slice(0, at).replaceAll("_", " ").toLowerCase();
    out.set(lemma, (out.get(lemma) ?? 0) + Number(count));
  }
  return out;
}

/** A synset of WordNet's data files: its words, and its lexical pointers by the number of their source word. */
interface Synset {
  words: string[];
  /** [pointer symbol, source word number (1…, 0 for the whole synset), target synset key, target word number]. */
  pointers: [string, number, string, number][];
}

/** A word of WordNet as the lists spell it: lower case, "_" a space, an adjective's position marker dropped. */
function wordOf(raw: string): string {
  return raw
    .replace(/\([a-z]+\)$/, "")
    .replaceAll("_", " ")
    .toLowerCase();
}

/**
 * The synsets of WordNet's data files (data.noun, data.verb, data.adj, data.adv), by "pos offset". A line is
 * "offset lex_filenum ss_type w_cnt word lex_id … p_cnt pointer… | gloss", w_cnt in hex, each pointer
 * "symbol offset pos source/target" with source and target word numbers in hex.
 */
export function wordnetSynsets(data: Record<string, string>): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const [pos, text] of Object.entries(data))
    for (const line of text.split("\n")) {
      if (!/^\d{8} /.test(line)) continue;
      const f = line.slice(0, line.indexOf(" | ") < 0 ? line.length : line.indexOf(" | ")).split(" ");
      const count = Number.parseInt(f[3] as string, 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) words.push(wordOf(f[4 + 2 * i] as string));
      let at = 4 + 2 * count;
      const pointers: Synset["pointers"] = [];
      const n = Number(f[at++]);
      for (let i = 0; i < n; i++, at += 4) {
        const st = f[at + 3] as string;
        const ptrPos = (f[at + 2] as string) === "s" ? "a" : (f[at + 2] as string);
        pointers.push([
          f[at] as string,
          Number.parseInt(st.slice(0, 2), 16),
          `${ptrPos} ${f[at + 1]}`,
          Number.parseInt(st.slice(2), 16),
        ]);
      }
      out.set(`${pos} ${f[0]}`, { words, pointers });
    }
  return out;
}

/** Derived forms kept per word. */
export const MAX_DERIVED = 4;

/**
 * Each English word's derived forms, from WordNet's index files (index.noun…: "lemma pos synset_cnt p_cnt
 * pointer… sense_cnt tagsense_cnt offset…") and its synsets: the words derived from it or it from them, in any
 * of its senses, by WordNet's lexical pointers "+" (derivationally related) and "\\" (pertainym): "volcano" →
 * volcanic, "operator" → operate, "stability" → stable; at most {@link MAX_DERIVED}. Synonyms are not taken: a
 * word's first sense in WordNet is often not its usual one (volcano: a vent).
 */
export function wordnetDerived(
  index: Record<string, string>,
  synsets: ReadonlyMap<string, Synset>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [pos, text] of Object.entries(index))
    for (const line of text.split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const f = line.trim().split(" ");
      const lemma = wordOf(f[0] as string);
      for (const offset of f.slice(f.length - Number(f[2]))) {
        const synset = synsets.get(`${pos} ${offset}`);
        if (!synset) continue;
        const self = synset.words.indexOf(lemma) + 1;
        for (const [symbol, source, target, targetWord] of synset.pointers) {
          if ((symbol !== "+" && symbol !== "\\") || source !== self) continue;
          const other = synsets.get(target)?.words[targetWord - 1];
          const list = out.get(lemma) ?? [];
          if (other && other !== lemma && !list.includes(other) && list.length < MAX_DERIVED)
            list.push(other);
          if (list.length) out.set(lemma, list);
        }
      }
    }
  return out;
}
