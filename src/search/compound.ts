/**
 * German compounds split into the words they are made of: "solarzellenwirkungsgrad" → solar + zellen +
 * wirkungsgrad, "fahrkartenautomat" → fahrkarten + automat. A part is a word some vocabulary knows (the
 * German–English list's, or the programme's own), linking letters ("zellen", "wirkungs") included: the caller's
 * test decides. Of the ways to split a word, the one with the fewest parts wins, and among those the one whose
 * parts come longest first.
 */

/** Words shorter than this are not split: they are words of their own. */
export const MIN_COMPOUND = 8;
/** Parts shorter than this are not words but fragments ("ei", "en"): no part may be shorter. */
export const MIN_PART = 4;
/** Endings a part may carry before the next part (Zelle-n-, Wirkung-s-, Spiel-e-): a lemma with one is a part. */
export const LINKS = ["", "s", "n", "en", "e", "es", "er"];
/** Longer words are not split (nor compounds): the search stays bounded. */
const MAX_COMPOUND = 40;

/**
 * The parts of a compound (as written in it, lower case), or undefined when the word is not one: shorter than
 * {@link MIN_COMPOUND}, or no split into known parts. `known` says whether a piece is a word.
 */
export function splitCompound(word: string, known: (part: string) => boolean): string[] | undefined {
  const n = word.length;
  if (n < MIN_COMPOUND || n > MAX_COMPOUND || !/^[a-z]+$/.test(word)) return undefined;
  const memo = new Map<string, boolean>();
  const isWord = (piece: string): boolean => {
    let k = memo.get(piece);
    if (k === undefined) {
      k = known(piece);
      memo.set(piece, k);
    }
    return k;
  };
  // best[i]: the fewest parts the suffix from i splits into (Infinity: none), and where its first part ends.
  const parts = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const next = new Array<number>(n + 1).fill(-1);
  parts[n] = 0;
  for (let i = n - MIN_PART; i >= 0; i--) {
    // Longest first: among splits into as few parts, the one whose first part is longest is kept.
    for (let j = n; j >= i + MIN_PART; j--) {
      if ((parts[j] as number) + 1 >= (parts[i] as number)) continue;
      if (j === n && i === 0) continue;
      if (isWord(word.slice(i, j))) {
        parts[i] = (parts[j] as number) + 1;
        next[i] = j;
      }
    }
  }
  if (!Number.isFinite(parts[0])) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i = next[i] as number) out.push(word.slice(i, next[i]));
  return out;
}

/** A piece's lemma by `translations`, when the piece is one or is one with a linking ending ("zellen", "wirkungs"). */
export function partLemma<T>(piece: string, translations: (lemma: string) => T | undefined): T | undefined {
  for (const link of LINKS) {
    if (piece.length - link.length < 3 || !piece.endsWith(link)) continue;
    const found = translations(piece.slice(0, piece.length - link.length));
    if (found !== undefined) return found;
  }
  return undefined;
}
