/**
 * Documents' scores in per-document arrays, which score.ts `scoreWords` writes into as into a map: for every
 * search (a broad query scores hundreds of documents, "open source" at FOSDEM 2026; a map of them, and sorting
 * every score to find the cut-off, were most of its ranking) and for the direct search ("Also at", direct.ts) that
 * a series asks of every conference per query. {@link ScoredDocs.ranked} gives what `aboveCutoffs` gives of the
 * same scores in a map.
 */
import { MIN_SCORE, RELATIVE_CUTOFF } from "./score.js";

/** Per-document scores of one search; emptied by {@link take}, so one instance serves an index's searches. */
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

  /** A document's score, undefined when it has none (as `Map.get`). */
  get(doc: number): number | undefined {
    return this.held[doc] ? this.score[doc] : undefined;
  }

  /** The scores set, as a compact list in the order they were first set; then forgets every score. */
  take(): ScoredDocs {
    const { docs, score, held } = this;
    const ids = new Int32Array(docs.length);
    const scores = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      ids[i] = d;
      scores[i] = score[d] as number;
      held[d] = 0;
      score[d] = 0;
    }
    docs.length = 0;
    return new ScoredDocs(ids, scores);
  }

  /** {@link ScoredDocs.ranked} of the scores set, then forgets every score. */
  ranked(keep: number): [doc: number, score: number][] {
    return this.take().ranked(keep);
  }
}

/** The documents a search scored and their scores, side by side (see {@link DocScores.take}); never changed. */
export class ScoredDocs {
  constructor(
    private readonly docs: Int32Array,
    private readonly scores: Float64Array,
  ) {}

  /** How many documents were scored. */
  get size(): number {
    return this.docs.length;
  }

  /**
   * The scored documents above the cut-offs, best first (ties in programme order), the best `keep` of them —
   * exactly `aboveCutoffs` of the same scores in a map.
   */
  ranked(keep: number): [doc: number, score: number][] {
    const { docs, scores } = this;
    const n = scores.length;
    let top = 0;
    for (let i = 0; i < n; i++) if ((scores[i] as number) > top) top = scores[i] as number;
    if (top < MIN_SCORE) return [];
    const floor = Math.max(MIN_SCORE, top * RELATIVE_CUTOFF);
    let above = 0;
    for (let i = 0; i < n; i++) if ((scores[i] as number) >= floor) above++;
    // More than `keep` above the floor: it rises to the keep-th best score, as in aboveCutoffs (which is then the
    // keep-th best of all), found by selection rather than by sorting them all.
    const least = above > keep ? kthLargest(scores, floor, above, keep) : floor;
    let out: [number, number][] = [];
    for (let i = 0; i < n; i++)
      if ((scores[i] as number) >= least) out.push([docs[i] as number, scores[i] as number]);
    out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (out.length > keep) out = out.slice(0, keep);
    return out;
  }

  /** The scores as a map, document → score (for the rarer paths that read them so: "did you mean"). */
  toMap(): Map<number, number> {
    const out = new Map<number, number>();
    for (let i = 0; i < this.docs.length; i++) out.set(this.docs[i] as number, this.scores[i] as number);
    return out;
  }
}

/** The k-th largest of the `count` scores at least `floor` (k ≤ count), by quickselect. */
function kthLargest(scores: Float64Array, floor: number, count: number, k: number): number {
  const a = new Float64Array(count);
  let n = 0;
  for (const s of scores) if (s >= floor) a[n++] = s;
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
