/**
 * Reads Princeton WordNet 3.0 (Debian's `wordnet-base`, /usr/share/wordnet) for the build of the word lists
 * (scripts/build-lexicon.ts): how often an English word is used, from the sense-tagged corpus counts WordNet
 * ships (cntlist.rev), to rank a Russian word's English translations the usual one first. Nothing here runs in
 * the bot.
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
