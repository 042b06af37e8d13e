/**
 * Documents' scores in per-document arrays, for the direct search ("Also at", direct.ts) that a series asks of
 * every conference per query: score.ts `scoreWords` writes into it as into a map, and {@link DocScores.ranked} gives
 * what `aboveCutoffs` gives of that map. A broad query scores hundreds of documents ("open source" at FOSDEM
 * 2026); a map of them, and sorting every score to find the cut-off, were most of its ranking.
 */
import { MIN_SCORE, RELATIVE_CUTOFF } from "./score.js";

/** Per-document scores of one search; emptied by {@link ranked}, so one instance serves an index's searches. */
export class DocScores {
  private readonly score: Float64Array;
  private readonly held: Uint8Array;
  /** The documents scored, in the order they were. */
  private readonly docs: number[] = [];

  /** Scores for a programme of `documents` documents. */
  constructor(documents: number) {
    this.score = new Float64Array(documents);
    this.held = new Uint8Array(documents);
  }

  /** Sets a document's score (as `Map.set`: a second score replaces the first). */
  set(doc: number, score: number): void {
    if (!this.held[doc]) {
      this.held[doc] = 1;
      this.docs.push(doc);
    }
    this.score[doc] = score;
  }

  /**
   * The scored documents above the cut-offs, best first (ties in programme order), the best `keep` of them —
   * exactly `aboveCutoffs` of the same scores —, then forgets every score.
   */
  ranked(keep: number): [doc: number, score: number][] {
    const { docs, score } = this;
    let top = 0;
    for (const d of docs) if ((score[d] as number) > top) top = score[d] as number;
    let out: [number, number][] = [];
    if (top >= MIN_SCORE) {
      const floor = Math.max(MIN_SCORE, top * RELATIVE_CUTOFF);
      let above = 0;
      for (const d of docs) if ((score[d] as number) >= floor) above++;
      // More than `keep` above the floor: it rises to the keep-th best score, as in aboveCutoffs (which is
      // then the keep-th best of all), found by selection rather than by sorting them all.
      const least = above > keep ? kthLargest(docs, score, floor, above, keep) : floor;
      for (const d of docs) if ((score[d] as number) >= least) out.push([d, score[d] as number]);
      out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      if (out.length > keep) out = out.slice(0, keep);
    }
    this.clear();
    return out;
  }

  private clear(): void {
    for (const d of this.docs) {
      this.held[d] = 0;
      this.score[d] = 0;
    }
    this.docs.length = 0;
  }
}

/** The k-th largest of the `count` scores of `docs` at least `floor` (k ≤ count), by quickselect. */
function kthLargest(
  docs: readonly number[],
  score: Float64Array,
  floor: number,
  count: number,
  k: number,
): number {
  const a = new Float64Array(count);
  let n = 0;
  for (const d of docs) if ((score[d] as number) >= floor) a[n++] = score[d] as number;
  // The k-th largest stands at index count - k once the array is in ascending order.
  const target = count - k;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = medianOfThree(a[lo] as number, a[(lo + hi) >> 1] as number, a[hi] as number);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i++] = a[j] as number;
        a[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target] as number;
}

function medianOfThree(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}
