/**
 * Normalising the query: its words as the index holds them (tokenized, folded, stop words and fillers out),
 * each read as typed or retyped on the other keyboard layout, whichever reaches the vocabulary better (the
 * retyped reading loses ties and is worth a little less), so a query typed wholly or partly in the wrong layout
 * ("ещктфвщ", "ещктфвщ кэш") reads as meant.
 */
import { knows, type Memo, matchCeiling, matchMemo, SIM } from "./candidates.js";
import { LEXICON_WEIGHT, translateQueryOnce } from "./cross-language.js";
import { glossaryPhrases, type Translation } from "./glossary.js";
import { hasLayoutKeys, swapLayout } from "./layout.js";
import { lettersNamed } from "./letter-names.js";
import { FILLERS, isCyrillic, isNoise, STOPWORDS, subTokens, tokenize } from "./normalize.js";
import { sharedByWord } from "./per-word.js";
import { isPlaceWord } from "./places.js";
import { NAME_PARTICLES, usualSpelling } from "./translit.js";
import { isTypedAsMeant } from "./typed-word.js";
import type { Vocabulary } from "./vocabulary.js";

/** A word read on the other keyboard layout is worth this much of its match, and loses ties to the word as typed. */
export const LAYOUT_PENALTY = 0.95;
/** A word that retypes to letters around , ; ' [ ] reads on the other layout only this much as well. */
const BROKEN_WORD = 0.7;
const PUNCTUATION_INSIDE = /\p{L}[,;'[\]`]+\p{L}/u;
/** Punctuation the other layout puts on the keys of б ж э х ъ ю ё (shifted too). */
const LAYOUT_PUNCTUATION = /[,;'[\]`<>{}:"]/;
/** Letters a Russian word never has together: й or ь ъ after a consonant… (й after one), ь ъ ы starting it. */
const UNPRONOUNCEABLE = /[бвгджзклмнпрстфхцчшщ]й|^[ьъы]|[аеёиоуыэюяьъй][ьъ]|[йьъ]ы|[аеёиоуыэюя]ы/;

/**
 * Whether a Cyrillic word strings letters together as no Russian word does, or has four letters or more and no
 * vowel («шгкшш»): a Latin word retyped by mistake, not one meant.
 */
function unpronounceable(word: string): boolean {
  return UNPRONOUNCEABLE.test(word) || (word.length >= 4 && isCyrillic(word) && !/[аеёиоуыэюя]/.test(word));
}

/**
 * A word of the query as it will be matched, and what a match of it is worth (less when read on the other
 * layout). An optional word (one naming a kind of place: "devroom", "зал") is not matched itself: it makes the
 * names of tracks and rooms weigh more for the other words.
 */
export interface QueryWord {
  word: string;
  factor: number;
  optional?: boolean;
  /**
   * Documents the word reaches other than through the programme's words, with the weight of the field: the
   * titles an acronym spells out (acronyms.ts). They count as a translation does.
   */
  also?: Map<number, number>;
}

/** A text's normalized tokens, mixed letter-digit ones split ("python3" → "python", "3"), as the index holds them. */
export function words(text: string): string[] {
  return tokenize(text).flatMap((t) => {
    const parts = subTokens(t);
    return parts.length ? parts : [t];
  });
}

/**
 * A whitespace-separated chunk of a query as {@link words}, worked out once a chunk for every index (per-word.ts): a
 * series asks each of its conferences the same query. Shared: read it, never change it.
 */
export const chunkWords = sharedByWord(words);

/** A chunk's words retyped on the other layout (none when it has no key the layouts differ on), likewise shared. */
export const retypedChunkWords = sharedByWord((chunk) =>
  hasLayoutKeys(chunk) ? words(swapLayout(chunk)) : [],
);

/**
 * A chunk's words spelled in Latin letters when it mixes Cyrillic letters and digits («дав1д»: дав, 1, д → dav, 1,
 * d); undefined for any other chunk.
 */
function latinOfMixed(chunk: readonly string[]): string[] | undefined {
  if (chunk.length < 2 || !chunk.some((w) => /\d/.test(w)) || !chunk.some(isCyrillic)) return undefined;
  const out: string[] = [];
  for (const w of chunk) {
    const latin = isCyrillic(w) ? usualSpelling(w) : w;
    if (latin === undefined) return undefined;
    out.push(latin);
  }
  return out;
}

/**
 * Chunks of a query with each run of two or more that are names of Latin letters in Cyrillic («ди джей», «эм кью»,
 * «эс кью эль») written as one word, the acronym said letter by letter («диджей» DJ), which the later stages spell
 * out (letter-names.ts) and join with a neighbour («рэббит эмкью» RabbitMQ). A stop word («же», «те») is no name.
 */
export function joinLetterNames(chunks: readonly string[], stop: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < chunks.length; ) {
    let end = i;
    while (end < chunks.length && namesLetter(chunks[end] as string, stop)) end++;
    if (end - i >= 2) {
      out.push(chunks.slice(i, end).join(""));
      i = end;
    } else out.push(chunks[i++] as string);
  }
  return out;
}

/**
 * Whether a query chunk is one word naming a Latin letter in Cyrillic, and no stop word ({@link joinLetterNames}).
 * A function of its own, not a closure made per query: the bundle names every closure it makes (esbuild's keepNames).
 */
function namesLetter(chunk: string, stop: ReadonlySet<string>): boolean {
  const [word, ...more] = chunkWords(chunk);
  return (
    word !== undefined &&
    !more.length &&
    isCyrillic(word) &&
    lettersNamed(word).length > 0 &&
    !stop.has(word) &&
    !STOPWORDS.has(word) &&
    /^\p{L}+$/u.test(chunk)
  );
}

/** No stop words: the words after a place word are all kept ({@link meaningful}). */
export const NO_STOP: ReadonlySet<string> = new Set();

/**
 * The words of a query text that carry meaning, and whether it had words that all were noise (stop words of
 * English, Russian or a content language; fillers). With {@link NO_STOP}, stop words are kept too.
 */
export function meaningful(text: string, stop: ReadonlySet<string>): { words: string[]; noise: boolean } {
  return meaningfulOf(words(text), stop);
}

/** {@link meaningful} of a text's {@link words} (for callers that keep those: direct.ts). */
export function meaningfulOf(
  all: readonly string[],
  stop: ReadonlySet<string>,
): { words: string[]; noise: boolean } {
  const kept = all.filter((t) => (stop === NO_STOP ? !FILLERS.has(t) : !isNoise(t) && !stop.has(t)));
  return { words: kept, noise: all.length > 0 && kept.length === 0 };
}

/** A text as fuse.js compares phrases: normalized words (stop words left out) separated by single spaces. */
export function phraseText(text: string): string {
  return words(text)
    .filter((t) => !STOPWORDS.has(t))
    .join(" ");
}

/**
 * How well a reading of a query word reaches the vocabulary: the mean over its parts of the best similarity
 * of any vocabulary word it reaches (a glossary translation whose words the programme holds counts too).
 */
function reach(v: Vocabulary, words: readonly string[], memo: Memo): number {
  return reachOf(v, words, memo, translateQueryOnce(v, words, memo));
}

/**
 * {@link reach} through these translations, each word's best worth at least `atLeast` (what a translation left
 * out could add, for an upper bound).
 */
function reachOf(
  v: Vocabulary,
  words: readonly string[],
  memo: Memo,
  translations: readonly Translation[],
  atLeast = 0,
): number {
  const glossed = new Map<number, number>();
  // Words a glossary phrase translates are matched no other way; a dictionary's translation leaves the others.
  const strict = new Set<number>();
  for (const t of translations)
    if (t.alternatives.some((alt) => alt.every((w) => knows(v, w))))
      for (let i = t.start; i < t.start + t.length; i++) {
        const sim = SIM.translation * (t.weight ?? 1);
        if (sim > (glossed.get(i) ?? 0)) glossed.set(i, sim);
        if (!t.lexical) strict.add(i);
      }
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    let best = Math.max(glossed.get(i) ?? 0, atLeast);
    for (const sim of matchMemo(v, words[i] as string, strict.has(i), memo).values())
      if (sim > best) best = sim;
    sum += best;
  }
  return sum / words.length;
}
/**
 * Words of glossary phrases whose translation the programme holds: typed as meant, however short («ИИ» is AI,
 * not "bb" on the other layout).
 */
function glossedPhrases(v: Vocabulary, words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of glossaryPhrases(words))
    if (t.alternatives.some((alt) => alt.every((w) => knows(v, w))))
      for (let i = t.start; i < t.start + t.length; i++) out.add(words[i] as string);
  return out;
}
/** The most a dictionary's translation of a word adds to its reach (every such translation weighs LEXICON_WEIGHT at most). */
const LEXICAL_MOST = SIM.translation * LEXICON_WEIGHT;

/**
 * The {@link reach} of one reading, unless the most it could be shows that it `loses`: then that most — a word's
 * {@link matchCeiling} (no look-up at all), else its glossary translations and matches with a dictionary's
 * translation taken to reach the programme. A dictionary's translations are a word's dearest look-ups, and a
 * jumble's (a word typed on the wrong layout, retyped) find nothing.
 */
function reachUnless(
  v: Vocabulary,
  words: readonly string[],
  memo: Memo,
  loses: (most: number) => boolean,
): number {
  const glossary = glossaryPhrases(words);
  // One word's most, looked up in nothing but the glossary: a jumble retyped from a slip ("colaborative") loses
  // at once.
  if (words.length === 1) {
    const most = Math.max(matchCeiling(v, words[0] as string), glossaryMost(v, glossary), LEXICAL_MOST);
    if (loses(most)) return most;
  }
  const most = reachOf(v, words, memo, glossary, LEXICAL_MOST);
  return loses(most) ? most : reach(v, words, memo);
}

/** The most a glossary translation (one whose words the programme holds) adds to a word's reach. */
function glossaryMost(v: Vocabulary, glossary: readonly Translation[]): number {
  let most = 0;
  for (const t of glossary)
    if (t.alternatives.some((alt) => alt.every((w) => knows(v, w))))
      most = Math.max(most, SIM.translation * (t.weight ?? 1));
  return most;
}

/**
 * Whether a chunk's retyped words may be words: a retyping into letters no Russian word strings together
 * («ммйяял»: й after a consonant) is none.
 */
function mayRetype(swapped: readonly string[]): boolean {
  return swapped.length > 0 && !swapped.some(unpronounceable);
}

/** What a reach on the other layout is worth against the typed reading's (less for a broken word). */
function retypedWorth(reach: number, broken: boolean): number {
  return (broken ? reach * BROKEN_WORD : reach) * LAYOUT_PENALTY;
}

/**
 * Which reading of a chunk to take: "swapped" when the other layout's reaches the programme clearly better (by
 * more than the layout penalty, broken words less), else "typed" when the typed one reaches it, else "unknown".
 * Each reach is worked out only as far as the choice needs, the choice the same: a word retyped into one the
 * programme holds wins against a typed word whose most ({@link matchCeiling}) is less, without that word's
 * look-ups (a jumble's, the dearest); a jumble retyped from a slip ("colaborative") loses to the slip without
 * its dictionary look-ups when even a translation could not lift it above.
 */
function layoutChoice(
  v: Vocabulary,
  typed: readonly string[],
  swapped: readonly string[],
  broken: boolean,
  memo: Memo,
): "typed" | "swapped" | "unknown" {
  // A reach is at most an exact match's, so the other layout's reading can only win against one below
  // LAYOUT_PENALTY of that: a word the programme holds as typed, or by its stem, is read so without working
  // out the other reading (a Cyrillic or Latin jumble, the dearest kind of word to look up).
  const below = LAYOUT_PENALTY * SIM.exact;
  // A typed word's translations, a glossary's or a dictionary's, are worth SIM.translation at most.
  const ceiling =
    typed.length === 1
      ? Math.max(matchCeiling(v, typed[0] as string), SIM.translation)
      : Number.POSITIVE_INFINITY;
  let swappedReach: number | undefined;
  if (ceiling < below && swapped.some((w) => knows(v, w)) && mayRetype(swapped)) {
    swappedReach = reach(v, swapped, memo);
    if (retypedWorth(swappedReach, broken) > ceiling) return "swapped";
  }
  const typedReach = reach(v, typed, memo);
  if (typedReach < below && (swappedReach !== undefined || mayRetype(swapped))) {
    swappedReach ??=
      swapped.length === 1
        ? reachUnless(v, swapped, memo, (most) => retypedWorth(most, broken) <= typedReach)
        : reach(v, swapped, memo);
    if (retypedWorth(swappedReach, broken) > typedReach) return "swapped";
  }
  return typedReach > 0 ? "typed" : "unknown";
}

/**
 * The query's words, each read as typed or on the other layout. The choice is made per whitespace-separated
 * word, not per query, so a query typed partly in the wrong layout reads right too: the retyped reading is
 * taken when it reaches the vocabulary clearly better (by more than the layout penalty). A word that retypes
 * to a stop word or filler and means nothing as typed ("ghj" → "про") is dropped like one. A word unknown
 * either way follows the layout the other words were read in (it may still complete a glossary phrase), or,
 * with no such hint, counts as the one word it is rather than as the pieces that the keys for б ю ж э х cut
 * it into as typed ("vj,bkmyfz").
 */
export function interpret(v: Vocabulary, query: string, memo: Memo): QueryWord[] {
  return interpretQuery(v, query, memo).words;
}

/**
 * {@link interpret}'s words, and the query's text as read: each whitespace-separated chunk read on the other layout
 * retyped, the others as typed — for the stages that read the text itself (acronyms.ts: its capitals, its
 * initials), so a query typed on the wrong layout goes through them as it would typed right.
 */
export function interpretQuery(
  v: Vocabulary,
  query: string,
  memo: Memo,
): { words: QueryWord[]; text: string } {
  type Reading = {
    chunk: number;
    typed: string[];
    swapped: string[];
    choice: "typed" | "swapped" | "unknown";
    /** The chunk retypes to a stop word or filler (its typed reading kept only for reaching something). */
    swappedNoise?: boolean;
    /** A chunk of one letter: that letter retyped. */
    letter?: string | undefined;
  };
  const readings: Reading[] = [];
  // Words read in Cyrillic minus words read in Latin letters, over the words with a clear reading.
  let cyrillic = 0;
  const chunks = joinLetterNames(query.split(/\s+/), v.stop);
  // Each chunk tokenized once, its words then kept or dropped as stop words by where it stands.
  const tokens = chunks.map(chunkWords);
  // A name of letters and digits typed in Cyrillic («дав1д» dav1d, «к8с» k8s) is its letters' usual Latin spelling
  // where the programme holds every word of that.
  for (let c = 0; c < tokens.length; c++) {
    const latin = latinOfMixed(tokens[c] as string[]);
    if (latin?.every((w) => /\d/.test(w) || knows(v, w))) tokens[c] = latin;
  }
  const glossed = glossedPhrases(
    v,
    tokens.flatMap((t) => meaningfulOf(t, v.stop).words),
  );
  let afterPlace = false;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] as string;
    // The word after a place word names the place, even when it reads as a stop word ("зал в", "hall a").
    const typed: string[] = meaningfulOf(tokens[c] as string[], afterPlace ? NO_STOP : v.stop).words;
    afterPlace = typed.length > 0 && isPlaceWord(typed[typed.length - 1] as string);
    if (!typed.length) continue;
    // A place word ("зал"), or a word of a glossary phrase the programme knows ("машинное обучение"), reads as typed;
    // so does a surname's particle beside other words («мишель де баккер»: «де» is no "lt").
    if (
      !hasLayoutKeys(chunk) ||
      typed.some((w) => glossed.has(w) || isPlaceWord(w)) ||
      (chunks.length > 1 && typed.every((w) => NAME_PARTICLES.has(w)))
    ) {
      readings.push({ chunk: c, typed, swapped: [], choice: "typed" });
      continue;
    }
    // A real word («шахматы», «жизнь», «синхронизации») was typed as meant, held by the programme or not: its
    // retyping is a jumble that reaches only noise ("vfns"), and is neither read nor dropped as a stop word.
    const asTyped = heldAsTyped(v, chunk, typed, memo) || typed.every(isTypedAsMeant);
    const retyped = swapLayout(chunk);
    const swapped = meaningfulOf(asTyped ? [] : retypedChunkWords(chunk), v.stop);
    // A chunk of one letter retyped is that letter ("y" н, as in «драм н бейс»): read so only beside words typed
    // on the wrong layout throughout (below), never by its own reach.
    const letter = swapped.words.length === 1 && typed.length === 1 ? swapped.words[0] : undefined;
    // Letters left alone by the other layout's punctuation keys ("cdflm,f") are pieces, not words.
    swapped.words = swapped.words.filter((w) => w.length > 1 || /\d/.test(w));
    if (swapped.noise) {
      if (reach(v, typed, memo) > 0)
        readings.push({ chunk: c, typed, swapped: [], choice: "typed", swappedNoise: true });
      continue;
    }
    // Retyped, б ж э х ъ become , ; ' [ ] inside the word: a Latin word never holds them ("сибер" is not "cb,th");
    // at a word's edge they cut a letter off a word typed as letters only ("Берг" is not "<thu").
    const broken =
      PUNCTUATION_INSIDE.test(retyped) || (/^\p{L}+$/u.test(chunk) && LAYOUT_PUNCTUATION.test(retyped));
    const choice = layoutChoice(v, typed, swapped.words, broken, memo);
    if (choice !== "unknown") cyrillic += scriptVote(choice === "swapped" ? swapped.words : typed);
    // Read as typed, a chunk may hold several words ("островок.ру"): each that means nothing and retypes to
    // a stop word is dropped, as it would be standing alone.
    const kept =
      choice === "typed" && typed.length > 1 && !asTyped
        ? typed.filter((w) => reach(v, [w], memo) > 0 || !meaningful(swapLayout(w), v.stop).noise)
        : typed;
    readings.push({ chunk: c, typed: kept, swapped: swapped.words, choice, letter });
  }
  const out: QueryWord[] = [];
  const retypedChunks = new Set<number>();
  for (const reading of readings) {
    const { typed, swapped, choice } = reading;
    let retype = choice === "swapped";
    // Unknown either way: the reading in the script most other words were read in, else the fewer pieces.
    if (choice === "unknown" && swapped.length)
      retype = cyrillic ? swapped.some(isCyrillic) === cyrillic > 0 : swapped.length < typed.length;
    // Typed with the wrong layout on throughout: a word of one letter, which reaches something either way, and a
    // stop word are read like the words around them («драм н бейс» typed "lhfv y ,tqc"; "d" is «в»).
    if (!retype && choice === "typed" && wrongLayoutThroughout(readings, reading)) {
      if (reading.swappedNoise) {
        retypedChunks.add(reading.chunk);
        continue;
      }
      if (reading.letter !== undefined && (typed[0] as string).length === 1) {
        retypedChunks.add(reading.chunk);
        out.push({ word: reading.letter, factor: 1 });
        continue;
      }
      // A word the programme does not hold as typed (a slip's or a sound's reach only: "flf" of «ада для
      // начинающих») whose other reading reaches it too.
      retype =
        swapped.length > 0 &&
        reach(v, typed, memo) < LAYOUT_PENALTY * SIM.stem &&
        reach(v, swapped, memo) > 0;
    }
    if (retype) retypedChunks.add(reading.chunk);
    // A word read on the other layout counts as the same word typed right would: the penalty only decides
    // between the two readings (layoutChoice), so a query typed on the wrong layout scores as typed right.
    if (retype) for (const word of swapped) out.push({ word, factor: 1 });
    else for (const word of typed) out.push({ word, factor: 1 });
  }
  // A surname's particle in Cyrillic («фон Тадден») is said, not looked for, when other words name the person
  // and the programme does not write it so («ван» is van in "Ilja van Sprundel").
  if (out.some((q) => !NAME_PARTICLES.has(q.word)))
    for (let i = out.length - 1; i >= 0; i--) {
      const word = (out[i] as QueryWord).word;
      if (NAME_PARTICLES.has(word) && !reach(v, [word], memo)) out.splice(i, 1);
    }
  const text = chunks.map((chunk, c) => (retypedChunks.has(c) ? swapLayout(chunk) : chunk)).join(" ");
  // Single letters say nothing on their own ("<b>&", "c"); beside other words they may ("hall b", "plan 9").
  if (out.every((q) => q.word.length === 1 && !/\d/.test(q.word))) return { words: [], text };
  // Words naming a kind of place ("devroom", "зал") ask for a track or room, unless they are all there is.
  if (out.some((q) => !isPlaceWord(q.word))) for (const q of out) if (isPlaceWord(q.word)) q.optional = true;
  return { words: out, text };
}

/**
 * Whether a chunk reads the same whether or not its word is {@link isTypedAsMeant}, so that its dictionary look-ups
 * (three word lists for a Latin word, the dearest step of a word met for the first time) need not be made: one word
 * of two letters or more that the programme holds as typed and reaches in full, whose retyping is no stop word.
 * Taken as typed as meant, its reading is the typed one. Taken otherwise, it is too: its other-layout reading could
 * only win against a reach below {@link LAYOUT_PENALTY} of an exact match (layoutChoice, and the reading of a word
 * typed with the wrong layout throughout), and the retyped letter is read only for a one-letter word; only a retyping
 * into noise takes another path (the chunk then read as typed but not voting for its script).
 */
function heldAsTyped(v: Vocabulary, chunk: string, typed: readonly string[], memo: Memo): boolean {
  const word = typed[0] as string;
  return (
    typed.length === 1 &&
    word.length > 1 &&
    v.termIds.has(word) &&
    reach(v, typed, memo) >= LAYOUT_PENALTY * SIM.exact &&
    !meaningfulOf(retypedChunkWords(chunk), v.stop).noise
  );
}

/** A clear reading's vote for the script the query was typed in: 1 Cyrillic, −1 Latin letters, else 0. */
function scriptVote(words: readonly string[]): number {
  if (words.some(isCyrillic)) return 1;
  return words.some((w) => /[a-z]/.test(w)) ? -1 : 0;
}

/**
 * Whether the other words of the query say it was typed with the wrong layout on, and so a short word of it too:
 * at least one was read on the other layout, and none was read as typed in this word's script.
 */
function wrongLayoutThroughout(
  readings: readonly { choice: string; typed: readonly string[]; swapped: readonly string[] }[],
  self: { typed: readonly string[] },
): boolean {
  const cyrillic = self.typed.some(isCyrillic);
  let swapped = 0;
  for (const r of readings) {
    if (r === self || r.choice === "unknown") continue;
    if (r.choice === "swapped") swapped++;
    else if (r.typed.some((w) => isCyrillic(w) === cyrillic && /\p{L}/u.test(w))) return false;
  }
  return swapped > 0;
}
