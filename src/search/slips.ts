/**
 * Russian spelling slips: letters that sound alike where unstressed, so that Russians write one for the other —
 * о for а («пажарный»), е for и or я («тестеровщик», «землятрясение»), и for ы after ц («оптимизацыя»). A slip
 * of spelling, not of the finger: edit distance counts it as a neighbouring key (distance.ts), and a word no
 * dictionary lists is looked up again with one such letter put right (cross-language.ts).
 */

/** Pairs of letters written for each other by sound (i and y in Latin names: "Dmitri", "jupiter"). */
export const SAME_SOUND: readonly (readonly [string, string])[] = [
  ["i", "y"],
  ["и", "ы"],
  ["а", "о"],
  ["е", "и"],
  ["е", "я"],
  ["и", "я"],
  ["е", "э"],
];

const ALIKE = new Map<string, string[]>();
for (const [a, b] of SAME_SOUND) {
  ALIKE.set(a, [...(ALIKE.get(a) ?? []), b]);
  ALIKE.set(b, [...(ALIKE.get(b) ?? []), a]);
}

/**
 * A Russian word with one letter swapped for one that sounds alike, each way once, left to right (its first
 * letter kept: a slip rarely hits it, and a word's beginning is what dictionaries sort by).
 */
export function soundSlips(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++)
    for (const other of ALIKE.get(word[i] as string) ?? [])
      if (/[а-яё]/.test(other)) out.push(word.slice(0, i) + other + word.slice(i + 1));
  return out;
}
