/**
 * Query words that meet in one session: when two of a query's words that are each rare in the programme are both
 * said by the same session — one of them as typed (the word or its stem: not a slip, a sound or a part of a longer
 * word), the other as typed or translated — and rarely enough that a programme of that size would hold both in
 * one document less than once by chance, the query is about that session, whatever its other words say. People
 * describe a talk in their own words ("in-memory key value store for hackers" for “Redis, the hacker's database”,
 * "serverless functions with zappa or chalice" for a talk on AWS Lambda), and the words the programme lacks are
 * then the asker's, not a topic it lacks: for that session they weigh {@link CONVERGED_SHARE} of an average word.
 * One common word beside words the programme lacks ("history of the bagpipes") meets nothing, nor do words
 * scattered over unrelated sessions; two translations alone may meet by a loose sense of each («скорость бега» is
 * no talk that "runs" fast), so they do not count.
 */

/** A word reaching more documents than this is too common to say where the query points; it is not gathered. */
export const CONVERGING_MAX_DOCS = 32;
/** A word the programme lacks weighs this share of an average word for a session two rare words meet in. */
export const CONVERGED_SHARE = 0.25;

/**
 * Gathers, word by word, the documents each rare query word is said in ({@link said}), and tells in which two
 * of them meet by less than one chance ({@link meets}).
 */
export class Converging {
  /** Per document, the query words said there, as bits (at most 31 words counted). */
  private readonly byDoc = new Map<number, number>();
  /** Per document, the query words said there as typed, as bits. */
  private readonly typedByDoc = new Map<number, number>();
  /** Per query word, how many documents it reaches (its document frequency). */
  private readonly df: number[] = [];

  /** @param documents the programme's size: how many documents two words would meet in by chance */
  constructor(private readonly documents: number) {}

  /**
   * Query word `w`, reaching `reached` documents in all, is said as typed in each of `typed` and translated in
   * each of `translated` (repeats allowed). A word reaching more than {@link CONVERGING_MAX_DOCS} documents is
   * not gathered.
   */
  said(w: number, reached: number, typed: Iterable<number>, translated: Iterable<number>): void {
    if (w > 30 || reached > CONVERGING_MAX_DOCS || reached === 0) return;
    this.df[w] = reached;
    const bit = 1 << w;
    for (const d of typed) {
      this.byDoc.set(d, (this.byDoc.get(d) ?? 0) | bit);
      this.typedByDoc.set(d, (this.typedByDoc.get(d) ?? 0) | bit);
    }
    for (const d of translated) this.byDoc.set(d, (this.byDoc.get(d) ?? 0) | bit);
  }

  /**
   * Whether two query words said in document `d`, one of them as typed, would meet in one document less than once
   * by chance.
   */
  meets(d: number): boolean {
    const held = this.byDoc.get(d) ?? 0;
    const typed = this.typedByDoc.get(d) ?? 0;
    if ((held & (held - 1)) === 0 || typed === 0) return false;
    for (let a = typed; a; a &= a - 1) {
      const i = 31 - Math.clz32(a & -a);
      for (let b = held & ~(1 << i); b; b &= b - 1) {
        const j = 31 - Math.clz32(b & -b);
        if ((this.df[i] as number) * (this.df[j] as number) < this.documents) return true;
      }
    }
    return false;
  }

  /** Whether any document holds two gathered words at all (else {@link meets} is false everywhere). */
  any(): boolean {
    for (const held of this.byDoc.values()) if ((held & (held - 1)) !== 0) return true;
    return false;
  }
}
