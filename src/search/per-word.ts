/**
 * Work that depends on a query word alone — its phonetic keys, spellings, acronyms and the like — remembered once
 * for every programme's index, not once per index: a deployment of a series asks each of its conferences the same
 * words, and only the step that meets a programme's vocabulary differs between them.
 */
import { Lru } from "./lru.js";

/**
 * How many words' answers each shared memo keeps: what one query asks of every conference of a series, and the
 * words attendees repeat. An answer is a few short strings (a few hundred bytes): some twenty memos of this size
 * hold a few MB at most.
 */
export const SHARED_WORDS_KEPT = 1_000;

/**
 * A pure function of a word, its answers remembered for every index (the least recently used forgotten first, at
 * most `limit`). Its callers share the answer it returns: they only read it.
 */
export function sharedByWord<T>(
  compute: (word: string) => T,
  limit = SHARED_WORDS_KEPT,
): (word: string) => T {
  const kept = new Lru<string, { answer: T }>(limit);
  return (word) => kept.remember(word, () => ({ answer: compute(word) })).answer;
}

/**
 * {@link sharedByWord} of a function of a word and a programme's content languages (which word lists it reads):
 * remembered per word and languages, so for every programme in the same languages.
 */
export function sharedByWordIn<T>(
  compute: (word: string, languages: readonly string[]) => T,
  limit = SHARED_WORDS_KEPT,
): (word: string, languages: readonly string[]) => T {
  const kept = new Lru<string, { answer: T }>(limit);
  return (word, languages) =>
    kept.remember(`${languages.join(" ")}\t${word}`, () => ({ answer: compute(word, languages) })).answer;
}
