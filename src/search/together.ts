/**
 * Query words said together: whether a document's prose (see Vocabulary.proseWords) holds several of a query's
 * words within a few words of one another. A word said once in an abstract may be said in passing; two or three
 * of the query's words in one sentence say what the text is about ("a library for AMQP on asyncio", "CSV and
 * JSON on the command line"), where the same words scattered over a long abstract do not ("healthy" in its last
 * line, "a recipe for burnout" in its first).
 */

/** How many words of prose (stop words left out) a sentence speaking of several query words spans at most. */
export const TOGETHER_WINDOW = 12;

/**
 * The query words (bits of `wanted`, at most 31) that the closest stretch of `prose` holds: among every run of
 * {@link TOGETHER_WINDOW} consecutive words of one text (−1 separates texts), the one whose query words weigh
 * most by `weights` (a query word's bit → its weight). `bits` gives the query words each programme word stands
 * for. 0 when no stretch holds two.
 */
export function wordsTogether(
  prose: Int32Array,
  bits: ReadonlyMap<number, number>,
  wanted: number,
  weights: ArrayLike<number>,
  window = TOGETHER_WINDOW,
): number {
  const count = new Uint16Array(32);
  let held = 0;
  let weight = 0;
  let best = 0;
  let bestWeight = 0;
  let start = 0;
  // The stretch [start, i]; a word leaving it takes its query words' counts with it.
  const leave = (at: number) => {
    const t = prose[at] as number;
    const m = t < 0 ? 0 : (bits.get(t) ?? 0) & wanted;
    for (let b = m; b; b &= b - 1) {
      const bit = 31 - Math.clz32(b & -b);
      count[bit] = (count[bit] as number) - 1;
      if (count[bit] === 0) {
        held &= ~(1 << bit);
        weight -= weights[bit] as number;
      }
    }
  };
  for (let i = 0; i < prose.length; i++) {
    const t = prose[i] as number;
    if (t < 0) {
      while (start < i) leave(start++);
      start = i + 1;
      continue;
    }
    while (i - start >= window) leave(start++);
    const m = (bits.get(t) ?? 0) & wanted;
    if (!m) continue;
    for (let b = m; b; b &= b - 1) {
      const bit = 31 - Math.clz32(b & -b);
      if (count[bit] === 0) {
        held |= 1 << bit;
        weight += weights[bit] as number;
      }
      count[bit] = (count[bit] as number) + 1;
    }
    if ((held & (held - 1)) !== 0 && weight > bestWeight) {
      best = held;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * What a session gains when several query words stand close together in its prose: each such word's match rises
 * towards {@link TOGETHER_CEILING} by this share of the way, times the share of the query those words are (by
 * rarity), so words the query says and the sentence does not still count against it.
 */
export const TOGETHER_LIFT = 0.7;
/** A word said together with others in prose rises at most to this (a title's word is 1, a subtitle's 0.8). */
export const TOGETHER_CEILING = 0.8;
/** A query word's match below this in a document is too loose to count as said there (a slip, a part of a word). */
export const TOGETHER_LEAST = 0.3;
/** A query word matched at least this (in a title, a name) is not raised: it is found by that, not by prose. */
const TOGETHER_MOST = 0.6;

/**
 * The query words each session holds weakly (in prose, in passing), gathered while score.ts scores word by word,
 * and what the sessions that say several of them together gain ({@link lift}). Only words both said as such
 * (the word, its stem or a translation, not a word it begins, a slip or a sound) and rare enough not to meet by
 * chance count; speakers gain nothing (a biography's topics are not what the query asks of a person).
 */
export class SaidTogether {
  private readonly docs: number[] = [];
  private readonly words: number[] = [];
  private readonly matches: number[] = [];
  private readonly idf: number[] = [];
  private readonly df: number[] = [];
  /** The query words some session holds weakly, as bits. */
  private weakly = 0;

  /**
   * @param termsOf the programme words query word `w` stands for (asked only when some session may gain)
   */
  constructor(private readonly termsOf: (w: number) => Iterable<number>) {}

  /** Query word `w` reaches `df` documents and weighs `idf` (its rarity): told before its {@link held} matches. */
  word(w: number, idf: number, df: number): void {
    if (w > 30) return;
    this.idf[w] = idf;
    this.df[w] = df;
  }

  /** Query word `w` (at most 31 words counted, each told by {@link word}) matches document `d` at best `match`. */
  held(d: number, w: number, match: number): void {
    if (w > 30) return;
    if (match >= TOGETHER_LEAST && match < TOGETHER_MOST) {
      this.docs.push(d);
      this.words.push(w);
      this.matches.push(match);
      this.weakly |= 1 << w;
    }
  }

  /**
   * What each session holding two or more query words within {@link TOGETHER_WINDOW} words of its prose gains,
   * to add to its `total` (per document, the sum of rarity × match); `sum` is the query's whole rarity weight,
   * `session` tells sessions from speakers, `documents` is the programme's size. A session whose total could not
   * reach `floor` even so is not looked at: what it would gain changes nothing shown.
   */
  lift(
    prose: (d: number) => Int32Array,
    session: (d: number) => boolean,
    sum: number,
    total: Float64Array,
    documents: number,
    floor: number,
  ): Map<number, number> | undefined {
    // No two of the words held weakly anywhere rare enough together: no session can gain (a broad query of
    // common words: "open source design"), so its held words are not gathered per document.
    if (!this.unlikely(this.weakly, documents)) return undefined;
    // Per document, the query words it holds in prose (as bits) and the most it could gain.
    const held = new Map<number, [words: number, most: number]>();
    for (let i = 0; i < this.docs.length; i++) {
      const d = this.docs[i] as number;
      const w = this.words[i] as number;
      const most = (this.idf[w] as number) * TOGETHER_LIFT * (TOGETHER_CEILING - (this.matches[i] as number));
      const entry = held.get(d);
      if (entry) {
        entry[0] |= 1 << w;
        entry[1] += most;
      } else held.set(d, [1 << w, most]);
    }
    let all = 0;
    for (const [d, [wanted, most]] of held)
      if (
        (wanted & (wanted - 1)) === 0 ||
        (total[d] as number) + most < floor ||
        !this.unlikely(wanted, documents) ||
        !session(d)
      )
        held.delete(d);
      else all |= wanted;
    if (!all) return undefined;
    const bits = this.termBits(all);
    const gaining = new Map<number, number>();
    for (const [d, [wanted]] of held) {
      const together = wordsTogether(prose(d), bits, wanted, this.idf);
      if (together && this.unlikely(together, documents)) gaining.set(d, together);
    }
    if (!gaining.size) return undefined;
    const gains = new Map<number, number>();
    for (let i = 0; i < this.docs.length; i++) {
      const d = this.docs[i] as number;
      const together = gaining.get(d);
      const w = this.words[i] as number;
      if (together === undefined || !(together & (1 << w))) continue;
      let weight = 0;
      for (let b = together; b; b &= b - 1) weight += this.idf[31 - Math.clz32(b & -b)] as number;
      const rise =
        TOGETHER_LIFT * (weight / sum) * Math.max(0, TOGETHER_CEILING - (this.matches[i] as number));
      gains.set(d, (gains.get(d) ?? 0) + (this.idf[w] as number) * rise);
    }
    return gains;
  }

  /**
   * Whether two of the query words `together` are rare enough that a programme of `documents` documents holds
   * both in less than one document by chance (the product of the shares of documents holding each): common
   * words meet in some abstract anyway ("lose", "weight" and "fast" each in a hundred talks of a big programme).
   */
  private unlikely(together: number, documents: number): boolean {
    const ws: number[] = [];
    for (let b = together; b; b &= b - 1) ws.push(31 - Math.clz32(b & -b));
    for (let i = 0; i < ws.length; i++)
      for (let j = i + 1; j < ws.length; j++)
        if ((this.df[ws[i] as number] as number) * (this.df[ws[j] as number] as number) < documents)
          return true;
    return false;
  }

  /** The query words each programme word stands for, as bits, for the words of `wanted`. */
  private termBits(wanted: number): Map<number, number> {
    const bits = new Map<number, number>();
    for (let b = wanted; b; b &= b - 1) {
      const w = 31 - Math.clz32(b & -b);
      for (const t of this.termsOf(w)) bits.set(t, (bits.get(t) ?? 0) | (1 << w));
    }
    return bits;
  }
}
