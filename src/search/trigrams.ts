/** A word's letter trigrams, its start and end marked ("^py", "pyt", …, "on$"): the keys of the typo search. */
export function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}
