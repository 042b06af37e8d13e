import { lowerBound } from "./sorted-strings.js";

/**
 * German compounds split into the words they are made of: "solarzellenwirkungsgrad" → solar + zellen +
 * wirkungsgrad, "fahrkartenautomat" → fahrkarten + automat. A part is a word some vocabulary knows (the
 * German–English list's, or the programme's own), linking letters ("zellen", "wirkungs") included: the caller's
 * test decides. Of the ways to split a word, the one with the fewest parts wins, and among those the one whose
 * first parts are shortest (a linking ending belongs to the part before it, not inside the next one).
 */

/** Words shorter than this are not split: they are words of their own. */
export const MIN_COMPOUND = 8;
/** Parts shorter than this are not words but fragments ("ei", "en"): no part may be shorter. */
export const MIN_PART = 4;
/** A part before the last may be this short: German begins compounds with short words ("Zug|pünktlichkeit"). */
export const MIN_FIRST_PART = 3;
/** Endings a part may carry before the next part (Zelle-n-, Wirkung-s-, Spiel-e-): a lemma with one is a part. */
export const LINKS = ["", "s", "n", "en", "e", "es", "er"];
/** Longer words are not split (nor compounds): the search stays bounded. */
const MAX_COMPOUND = 40;

/**
 * The parts of a compound (as written in it, lower case), or undefined when the word is not one: shorter than
 * {@link MIN_COMPOUND}, or no split into known parts. `known` says whether a piece is a word (`start`: where in
 * the compound it begins, for a caller that rules pieces out by what the compound holds from there on).
 */
export function splitCompound(
  word: string,
  known: (part: string, start: number) => boolean,
): string[] | undefined {
  const n = word.length;
  if (n < MIN_COMPOUND || n > MAX_COMPOUND || !/^[a-z]+$/.test(word)) return undefined;
  const memo = new Map<string, boolean>();
  const isWord = (piece: string, start: number): boolean => {
    let k = memo.get(piece);
    if (k === undefined) {
      k = known(piece, start);
      memo.set(piece, k);
    }
    return k;
  };
  // best[i]: the fewest parts the suffix from i splits into (Infinity: none), and where its first part ends.
  const parts = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const next = new Array<number>(n + 1).fill(-1);
  parts[n] = 0;
  for (let i = n - MIN_PART; i >= 0; i--) {
    // Shortest first: among splits into as few parts, the one whose first part is shortest is kept, so a
    // linking ending stays off the next part's head ("erdbeben|erkennung", not "erdbebener|kennung").
    for (let j = i + MIN_FIRST_PART; j <= n; j++) {
      if (j === n && j - i < MIN_PART) continue;
      if ((parts[j] as number) + 1 >= (parts[i] as number)) continue;
      if (j === n && i === 0) continue;
      if (isWord(word.slice(i, j), i)) {
        parts[i] = (parts[j] as number) + 1;
        next[i] = j;
      }
    }
  }
  if (!Number.isFinite(parts[0])) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i = next[i] as number) out.push(word.slice(i, next[i]));
  return out;
}

/**
 * Whether a list may hold a word beginning at `start` of `word` (a piece of it, with a linking letter or an
 * ending of its own): not when that word shares more of its beginning with the rest of `word` than any listed
 * word does, which `sharedPrefix` (the list's longest shared beginning with a text) tells in one search per
 * start. Exact: it only rules out words the list does not hold, so a split looks up a few dozen pieces, not all.
 */
export function listedIn(
  word: string,
  sharedPrefix: (text: string) => number,
): (key: string, start: number) => boolean {
  const shared: number[] = [];
  return (key, start) => {
    let most = shared[start];
    if (most === undefined) {
      most = sharedPrefix(word.slice(start));
      shared[start] = most;
    }
    let same = 0;
    while (same < key.length && key[same] === word[start + same]) same++;
    return same <= most;
  };
}

/**
 * A piece's lemma by `translations`, when the piece is one or is one with a linking ending ("zellen", "wirkungs"),
 * else one whose final -e the compound drops ("Zell|biologie", "Schul|buch", "Sprach|kurs").
 */
export function partLemma<T>(piece: string, translations: (lemma: string) => T | undefined): T | undefined {
  for (const link of LINKS) {
    if (piece.length - link.length < 3 || !piece.endsWith(link)) continue;
    const found = translations(piece.slice(0, piece.length - link.length));
    if (found !== undefined) return found;
  }
  return piece.length >= MIN_PART && !piece.endsWith("e") ? translations(`${piece}e`) : undefined;
}

/**
 * Letters a longer word holds besides a word that is its first or last part: a name's short part counts
 * ("SQLAlchemy", "RabbitMQ"), a lone letter does not.
 */
const MIN_AROUND = 2;
/** Endings an inflected compound may carry after its last part ("Zahnbürste-n", "Auto-s"). */
const INFLECTIONS = 3;

/** Programme words beginning with a first word looked at at once; with more, each joining is looked up alone. */
const JOIN_CANDIDATES = 64;

/**
 * The programme words two words make joined into one, as German and English write compounds ("batterie" +
 * "recycling" → "batterierecycling", "smart" + "watch" → "smartwatch", "welt" + "ordnung" → "weltordnung"),
 * with a linking ending between ({@link LINKS}) and an inflection after, for any of the `seconds`. `withPrefix`
 * lists the programme's words starting with a text, in order, at most `limit` of them. At most `max` words, shortest
 * first.
 */
export function joined(
  first: string,
  seconds: readonly string[],
  withPrefix: (prefix: string, limit: number, each: (term: string) => void) => void,
  max = 3,
): string[] {
  const out: string[] = [];
  if (first.length < 3 || !/^[a-z]+$/.test(first)) return out;
  // The words beginning with the first word, read once for every second word (one binary search, not dozens).
  const begun: string[] = [];
  withPrefix(first, JOIN_CANDIDATES + 1, (term) => {
    if (term.length >= first.length + 3) begun.push(term);
  });
  if (!begun.length) return out;
  const each = (key: string, term: string) => {
    if (term.length - key.length <= INFLECTIONS && !out.includes(term)) out.push(term);
  };
  for (const second of seconds) {
    if (second.length < 3 || !/^[a-z]+$/.test(second)) continue;
    for (const link of LINKS) {
      const key = first + link + second;
      if (key.length < MIN_COMPOUND) continue;
      // The words beginning with the key stand together among those begun (in order): found by a binary search.
      if (begun.length <= JOIN_CANDIDATES)
        for (let i = lowerBound(begun, key); i < begun.length && (begun[i] as string).startsWith(key); i++)
          each(key, begun[i] as string);
      else withPrefix(key, INFLECTIONS + 2, (term) => each(key, term));
    }
  }
  return out.sort((a, b) => a.length - b.length).slice(0, max);
}

/**
 * Where a word stands in a longer programme word it is a part of: its first part ("rollstuhl" in
 * "rollstuhlgerechte", ending at a part of {@link MIN_PART} letters or more) or its last ("zahnbürste" in
 * "bambuszahnbürsten", with an inflection after at most). `candidates` lists programme words holding the word
 * (any words: the test here decides). Each with the share of its letters the word covers, the best `limit`.
 * `front`, when given, must then take what stands before a last part for a word ("bambus"): an English word's
 * letters end many words that are no compounds of it ("city" in "capacity", "sport" in "transport").
 */
export function partOf(
  word: string,
  candidates: Iterable<string>,
  limit = 3,
  front?: (letters: string) => boolean,
): [term: string, share: number][] {
  const out: [string, number][] = [];
  if (word.length < MIN_PART || !/^[a-z]+$/.test(word)) return out;
  for (const term of candidates) {
    if (term.length < word.length + MIN_AROUND || !/^[a-z]+$/.test(term)) continue;
    const at = term.indexOf(word);
    const head = at >= MIN_AROUND && term.length - at - word.length <= INFLECTIONS;
    if (at === 0 || head) out.push([term, word.length / term.length]);
  }
  // The best by share, then those of them `front` takes: a word ruled out leaves its place empty, never making
  // room for a word of a smaller share ("Strauß" in "Blumenstrauß", behind "Straußenfarm" and others).
  return out
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .filter(([term]) => !front || term.startsWith(word) || front(term.slice(0, term.indexOf(word))));
}
