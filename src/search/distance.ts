/**
 * Edit distance for typo matching: optimal string alignment (insertions, deletions, substitutions and swaps of
 * two adjacent letters, so "redsi" is one edit from "redis"), shaped by how typos happen on a keyboard: a
 * missed, doubled or swapped letter, or a neighbouring key, costs 1; any other substitution costs 1.5, so a
 * real but different word ("scala" for "scale") is not taken for a slip of the finger.
 */

const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"];

/** Pairs of letters on neighbouring keys (same row, or the row above/below at the same or next position). */
const NEIGHBOURS = new Set<string>();
for (let r = 0; r < ROWS.length; r++) {
  const row = ROWS[r] as string;
  const below = r % 3 < 2 ? (ROWS[r + 1] as string) : "";
  for (let i = 0; i < row.length; i++) {
    const a = row[i] as string;
    const near = [row[i + 1], below[i - 1], below[i]];
    for (const b of near) {
      if (!b) continue;
      NEIGHBOURS.add(a + b);
      NEIGHBOURS.add(b + a);
    }
  }
}

/** The cost of typing b where a was meant: 1 for a neighbouring key, 1.5 otherwise. */
export function substitutionCost(a: string, b: string): number {
  return NEIGHBOURS.has(a + b) ? 1 : 1.5;
}

let prevPrev = new Float64Array(64);
let prev = new Float64Array(64);
let cur = new Float64Array(64);

/**
 * The keyboard-weighted optimal-string-alignment distance between a and b, or Infinity as soon as it is
 * certain to exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return Number.POSITIVE_INFINITY;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (lb + 1 > cur.length) {
    prevPrev = new Float64Array(lb + 1);
    prev = new Float64Array(lb + 1);
    cur = new Float64Array(lb + 1);
  }
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a[i - 1] as string;
    for (let j = 1; j <= lb; j++) {
      const cb = b[j - 1] as string;
      const cost = ca === cb ? 0 : substitutionCost(ca, cb);
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb)
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return Number.POSITIVE_INFINITY;
    const t = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb] as number;
  return d > max ? Number.POSITIVE_INFINITY : d;
}
