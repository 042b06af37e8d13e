/**
 * What software is, from Debian's package descriptions (data/lexicon/tech.tsv, built by
 * scripts/build-technames.ts with technames-build.ts): a talk named after a technology ("RabbitMQ в
 * продакшене", "Gevent", "Jupyter") is found by what that technology is or does ("брокер сообщений", "AMQP
 * client", "green threads" → coroutine, "notebooks"). The index gives a session whose title names a listed
 * software the words its description says, in a field of their own (`about`) that weighs less than an
 * abstract's words: a hint of the topic, never above a talk that says the words itself.
 *
 * A name that is also a word of English ("celery", "make", "screen") counts only where the programme writes it
 * as a name (capitalized inside a sentence, or never in lower case), and a name in many of the programme's
 * titles ("python" at PyCon) is the conference's subject, not one talk's: its words would go to every talk.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BufferLexicon, LEXICON_DIR, lexicon } from "./lexicon.js";
import { STOPWORDS } from "./normalize.js";

/** The file of the list: name → words (see technames-build.ts's techLines). */
export const TECH_FILE = join(LEXICON_DIR, "tech.tsv");

/** Marks a name that is also a word of English, first among its words. */
const COMMON = "*";

/** What the list says of one software name. */
export interface TechWords {
  /** Its description's words, most salient first. */
  words: string[];
  /** Also a word of English: a name only where the programme writes it as one. */
  common: boolean;
}

/** What software names are, looked up in a list's text (the file's, or a fixture's). */
export class TechNames {
  private readonly list: BufferLexicon;

  constructor(bytes: Buffer) {
    this.list = new BufferLexicon(bytes);
  }

  /** A list from its text (a fixture in tests). */
  static fromText(text: string): TechNames {
    return new TechNames(Buffer.from(text, "utf8"));
  }

  /** What the list says of a name (a word as the index holds it); undefined when it lists none. */
  lookup(name: string): TechWords | undefined {
    const words = this.list.lookup(name);
    if (!words.length) return undefined;
    const common = words[0] === COMMON;
    return { words: common ? words.slice(1) : words, common };
  }
}

/**
 * The list in data/lexicon, read for each index built (1.6 MB, a millisecond; not kept: an index is built at
 * start and on a programme's change); undefined when the file is left out of a deployment.
 */
export function techNames(): TechNames | undefined {
  return existsSync(TECH_FILE) ? new TechNames(readFileSync(TECH_FILE)) : undefined;
}

let shared: TechNames | null | undefined;
/** Shortest word taken for a software name by {@link isSoftwareName}. */
const MIN_SOFTWARE_NAME = 3;
/**
 * Whether a word is the name of software the list holds and no word of English: not marked common, no stop word,
 * no headword of the English–Russian list ("git", "nginx", "tux"; not "make", "zoom", "most", "salt"). The list is read on the first call and kept (1.25 MB): a query asks it only
 * for a short Cyrillic word's Latin spellings (candidates.ts).
 */
export function isSoftwareName(word: string): boolean {
  if (word.length < MIN_SOFTWARE_NAME || STOPWORDS.has(word)) return false;
  if (shared === undefined) shared = techNames() ?? null;
  const found = shared?.lookup(word);
  if (found === undefined || found.common) return false;
  // Müller's English headwords; FreeDict's English–German list holds slang and rare senses too ("git", "tux").
  return !lexicon("en", "ru")?.lookup(word).length;
}

/** A name in more than this share of a programme's sessions' titles (and more than {@link MIN_FREQUENT}) is its subject. */
export const FREQUENT_SHARE = 0.02;
export const MIN_FREQUENT = 3;

/**
 * The words to give the sessions whose titles name listed software: per session, its `about` text
 * (English). `titled` holds each session's title words (its document → the ids of its title's words),
 * `terms` every word by id, `isName` whether the programme writes a word as a name.
 */
export function aboutTexts(
  list: TechNames,
  titled: ReadonlyMap<number, readonly number[]>,
  terms: readonly string[],
  isName: (id: number) => boolean,
): Map<number, string> {
  const sessions = new Map<number, number>();
  for (const ids of titled.values())
    for (const id of new Set(ids)) sessions.set(id, (sessions.get(id) ?? 0) + 1);
  const most = Math.max(MIN_FREQUENT, titled.size * FREQUENT_SHARE);
  const known = new Map<number, TechWords | null>();
  const out = new Map<number, string>();
  for (const [doc, ids] of titled) {
    const about = new Set<string>();
    for (const id of ids) {
      let words = known.get(id);
      if (words === undefined) {
        const name = terms[id] as string;
        const found =
          /^[a-z][a-z0-9]{2,}$/.test(name) && (sessions.get(id) as number) <= most
            ? list.lookup(name)
            : undefined;
        words = found && (!found.common || isName(id)) ? found : null;
        known.set(id, words);
      }
      if (!words) continue;
      for (const w of words.words) about.add(w);
    }
    if (about.size) out.set(doc, [...about].join(" "));
  }
  return out;
}
