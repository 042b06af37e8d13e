/**
 * Edit distance for typo matching: optimal string alignment (insertions, deletions, substitutions and swaps of
 * two adjacent letters, so "redsi" is one edit from "redis"), shaped by how typos happen on a keyboard: a
 * missed, doubled or swapped letter, a neighbouring key, or i for y (same sound), costs 1; any other substitution
 * costs 1.5, so a real but different word ("scala" for "scale") is not taken for a slip of the finger.
 */
import { SAME_SOUND } from "./slips.js";

const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"];

/** A key's number, by character code (0: not on the keyboards); a flat matrix of neighbouring key numbers. */
const KEY_OF = new Uint8Array(0x500);
const KEYS = ROWS.join("");
for (let i = 0; i < KEYS.length; i++) KEY_OF[KEYS.charCodeAt(i)] = i + 1;
const SIZE = KEYS.length + 1;
const NEIGHBOURS = new Uint8Array(SIZE * SIZE);
// Neighbouring keys: same row, or the row below at the same or the previous position.
for (let r = 0; r < ROWS.length; r++) {
  const row = ROWS[r] as string;
  const below = r % 3 < 2 ? (ROWS[r + 1] as string) : "";
  for (let i = 0; i < row.length; i++) {
    const a = KEY_OF[row.charCodeAt(i)] as number;
    for (const b of [row[i + 1], below[i - 1], below[i]]) {
      if (!b) continue;
      const k = KEY_OF[b.charCodeAt(0)] as number;
      NEIGHBOURS[a * SIZE + k] = 1;
      NEIGHBOURS[k * SIZE + a] = 1;
    }
  }
}

// Letters that sound alike (i and y in "jupiter", unstressed Russian vowels in «тестеровщик»): a slip, not another word.
for (const [a, b] of SAME_SOUND) {
  const ka = KEY_OF[(a as string).charCodeAt(0)] as number;
  const kb = KEY_OF[(b as string).charCodeAt(0)] as number;
  NEIGHBOURS[ka * SIZE + kb] = 1;
  NEIGHBOURS[kb * SIZE + ka] = 1;
}

function keyOf(code: number): number {
  return code < 0x500 ? (KEY_OF[code] as number) : 0;
}

/** The cost of typing b where a was meant: 1 for a neighbouring key, 1.5 otherwise. */
export function substitutionCost(a: string, b: string): number {
  const ka = keyOf(a.charCodeAt(0));
  const kb = keyOf(b.charCodeAt(0));
  return ka && kb && NEIGHBOURS[ka * SIZE + kb] ? 1 : 1.5;
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
    const ca = a.charCodeAt(i - 1);
    const ka = keyOf(ca);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let cost = 0;
      if (ca !== cb) {
        const kb = keyOf(cb);
        cost = ka && kb && NEIGHBOURS[ka * SIZE + kb] ? 1 : 1.5;
      }
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
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
