/**
 * Edit distance for typo matching: optimal string alignment (Levenshtein plus swaps of two adjacent letters,
 * so "redsi" is one edit from "redis"), with an early exit once the distance exceeds a bound.
 */

let prevPrev = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

/**
 * The optimal-string-alignment distance between a and b, or max + 1 as soon as it is certain to exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (lb + 1 > cur.length) {
    prevPrev = new Int32Array(lb + 1);
    prev = new Int32Array(lb + 1);
    cur = new Int32Array(lb + 1);
  }
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb] as number;
  return d > max ? max + 1 : d;
}
