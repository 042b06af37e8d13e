/**
 * Sessions several query words reach, each by its own word or a translation. People describe a talk in four to
 * six words of their own («сбор логов на периферийных устройствах» for “Advanced Stream Processing on the Edge”,
 * «счётчик ссылок и сборка мусора в интерпретаторе» for a talk on memory management), and each word finds the
 * right session only weakly — in its abstract, or by a dictionary's translation there (worth at most 0.4) — so the
 * weighted mean stays under the cut-off though that session is the only one they all point at. When at least
 * {@link AGREEING_WORDS} query words reach one session so, each as typed (the word or its stem) or translated, at
 * {@link AGREED_MATCH} or more — not by a sound, a slip or a part of a longer word, which meet anything by chance —
 * their agreement is the evidence the mean lacks (score.ts lifts such a session from {@link AGREED_MIN} over the
 * cut-off) — when it is no chance: the three rarest of those words, each said in so many documents, would meet in
 * one by chance less than {@link AGREED_CHANCE} times in the programme (their document frequencies' product over
 * its size squared, as converging.ts weighs two). Common words' loose translations meet anywhere («лотерейный
 * билет выиграть»: lot, note, take met in a talk "for fun and profit"). Off-topic phrases sharing one ordinary word
 * with the programme, and nonsense heard as names, reach no session by three words of their own.
 */

/** At least this many query words reach a session for their agreement to count. */
export const AGREEING_WORDS = 3;
/** What a word's match in a session must be worth to count: an abstract's translation (0.9 × 0.55 × 0.8 ≈ 0.4). */
export const AGREED_MATCH = 0.3;
/** A session several words agree on, scoring at least this, is shown (score.ts). */
export const AGREED_MIN = 0.36;
/** The three rarest words agreeing must meet in one document by chance less often than this. */
export const AGREED_CHANCE = 0.25;

/**
 * Counts, word by word, the sessions each query word reaches as typed or translated ({@link reach}, then
 * {@link next}).
 */
export class SeveralWords {
  /** Per document, the document frequencies of the query words reaching it so. */
  private readonly reachedBy = new Map<number, number[]>();
  /** The current word's documents, each counted once however many ways reach it. */
  private readonly current = new Set<number>();

  /** @param documents the programme's size: how many documents words would meet in by chance */
  constructor(private readonly documents: number) {}

  /** The current query word reaches document `d` as typed or translated, worth `match` there. */
  reach(d: number, match: number): void {
    if (match >= AGREED_MATCH) this.current.add(d);
  }

  /** The current query word, reaching `df` documents in all, is done: each document it reached counts it. */
  next(df: number): void {
    for (const d of this.current) {
      const dfs = this.reachedBy.get(d);
      if (dfs) dfs.push(df);
      else this.reachedBy.set(d, [df]);
    }
    this.current.clear();
  }

  /**
   * Whether at least {@link AGREEING_WORDS} query words reach document `d` as typed or translated, the rarest of them
   * meeting there by chance less than {@link AGREED_CHANCE} times.
   */
  agreed(d: number): boolean {
    const dfs = this.reachedBy.get(d);
    if (!dfs || dfs.length < AGREEING_WORDS) return false;
    const rarest = [...dfs].sort((a, b) => a - b);
    let chance = 1;
    for (let i = 0; i < AGREEING_WORDS; i++) chance *= (rarest[i] as number) / this.documents;
    return chance * this.documents < AGREED_CHANCE;
  }
}
