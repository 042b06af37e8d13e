/**
 * The lemmas an English word may be an inflected form of, for looking it up in a list of lemmas (WordNet's derived
 * forms, the English word lists, the technology names' build). One rule for every reader: a dictionary's headword
 * is a lemma, a query's or a description's word often is not.
 */

/**
 * The lemmas an English word may be an inflected form of, the word itself first: a plural or third person (-s,
 * -es, -ies: "libraries" → library, "boxes" → box, "cookies" → cookie) and, unless `nounsOnly`, a past (-ed, -ied) or a participle
 * (-ing), with a final e put back ("scheduling" → schedule) and a doubled consonant undone ("adding" → add,
 * "stopped" → stop). Some are no words; the list looked in tells which are.
 */
export function englishLemmas(word: string, nounsOnly = false): string[] {
  const out = [word];
  const add = (lemma: string) => {
    if (lemma && !out.includes(lemma)) out.push(lemma);
  };
  // "-ies" is a "-y" noun's plural or a "-ie" one's ("cookies" → cookie).
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1));
  if (nounsOnly) return out;
  for (const ending of ["ed", "ing"]) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (ending === "ed" && stem.endsWith("i")) add(`${stem.slice(0, -1)}y`);
    add(stem);
    add(`${stem}e`);
    if (stem.length >= 3 && stem[stem.length - 1] === stem[stem.length - 2]) add(stem.slice(0, -1));
  }
  return out;
}
