/**
 * Sessions several query words reach, each by its own word or a translation. People describe a talk in four to
 * six words of their own («сбор логов на периферийных устройствах» for “Advanced Stream Processing on the Edge”,
 * «счётчик ссылок и сборка мусора в интерпретаторе» for a talk on memory management), and each word finds the
 * right session only weakly — in its abstract, or by a dictionary's translation there (worth at most 0.4) — so the
 * weighted mean stays under the cut-off though that session is the only one they all point at. When at least
 * {@link AGREEING_WORDS} query words reach one session so, each as typed (the word or its stem) or translated, at
 * {@link AGREED_MATCH} or more — not by a sound, a slip or a part of a longer word, which meet anything by chance —
 * their agreement is the evidence the mean lacks (score.ts lifts such a session from {@link AGREED_MIN} over the
 * cut-off). Off-topic phrases sharing one ordinary word with the programme, and nonsense heard as names, reach no
 * session by three words of their own.
 */

/** At least this many query words reach a session for their agreement to count. */
export const AGREEING_WORDS = 3;
/** What a word's match in a session must be worth to count: an abstract's translation (0.9 × 0.55 × 0.8 ≈ 0.4). */
export const AGREED_MATCH = 0.3;
/** A session several words agree on, scoring at least this, is shown (score.ts). */
export const AGREED_MIN = 0.36;

/** Counts, word by word, the sessions each query word reaches as typed or translated ({@link word}). */
export class SeveralWords {
  /** Per document, how many query words reach it so. */
  private readonly count = new Map<number, number>();
  /** The current word's documents, each counted once however many ways reach it. */
  private readonly current = new Set<number>();

  /** The current query word reaches document `d` as typed or translated, worth `match` there. */
  reach(d: number, match: number): void {
    if (match >= AGREED_MATCH) this.current.add(d);
  }

  /** The current query word is done: each document it reached counts one word more. */
  next(): void {
    for (const d of this.current) this.count.set(d, (this.count.get(d) ?? 0) + 1);
    this.current.clear();
  }

  /** Whether at least {@link AGREEING_WORDS} query words reach document `d` as typed or translated. */
  agreed(d: number): boolean {
    return (this.count.get(d) ?? 0) >= AGREEING_WORDS;
  }
}
