/**
 * Bilingual word lists built from real dictionaries (data/lexicon/, by scripts/build-lexicon.ts): a query word
 * in Russian or German finds its English translations, an English one its Russian or German ones. Each list
 * is a sorted text file, one word a line ("word\ttranslation|translation…", the word a lemma, the most usual
 * translation first), searched in place by binary search over its bytes: nothing is parsed.
 *
 * The files are large (the German one 11 MB) and a look-up reads a few lines of one, so a large file is not
 * read into memory: opening it notes the first word of each block of {@link BLOCK} bytes (one pass over the file,
 * a few milliseconds), and a look-up reads the one block its word is in, keeping the latest
 * {@link CACHED_BLOCKS} blocks. What such a list costs in memory is its block index and that cache, some 300 kB.
 * A small list (up to {@link WHOLE_LIST}: the Russian ones) is one block, read whole on its first look-up and
 * kept: a word seen for the first time is looked up in several lists, its forms and its parts too, and read
 * a block at a time each look-up read a block from disk (a few a word).
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync } from "node:fs";
import { join } from "node:path";
import { APP_ROOT } from "../app-root.js";
import { Lru } from "./lru.js";
import { queryStem } from "./stem.js";

const NEWLINE = 0x0a;
const TAB = 0x09;

/** A word list: the translations of a word, and the words with a prefix. */
export interface Lexicon {
  /** The translations of a word (a lemma, see lexiconKey in lexicon-build.ts), most usual first. */
  lookup(key: string): string[];
  /** Calls back with each listed word starting with `prefix` and its translations, in order, at most `limit`. */
  withPrefix(prefix: string, limit: number, each: (key: string, translations: string[]) => void): number;
  /**
   * How many letters of `text`'s beginning some listed word begins with (the longest such prefix): a word that
   * shares more of its beginning with `text` is not listed — a compound's pieces are ruled out by one search.
   */
  sharedPrefix?(text: string): number;
  /**
   * Reads now what the list's first look-up would read (a whole list, and where its lines start): for the work a
   * running bot does after it starts serving, off any query's path. Answers are the same either way.
   */
  prepare?(): void;
}

/** How many bytes `key` and the key of the line starting at `start` in `bytes` share from their beginnings. */
function sharedBytes(key: Buffer, bytes: Buffer, start: number): number {
  let i = 0;
  while (i < key.length && start + i < bytes.length && bytes[start + i] === key[i]) i++;
  return i;
}

/**
 * The letters (UTF-16 code units, as a string counts them) of a text's first `bytes` UTF-8 bytes, a letter cut in
 * two not counted: counted from the bytes, not decoded.
 */
function lettersIn(text: Buffer, bytes: number): number {
  let end = bytes;
  // A continuation byte (10xxxxxx) at the cut belongs to a letter begun before it.
  while (end > 0 && end < text.length && ((text[end] as number) & 0xc0) === 0x80) end--;
  let letters = 0;
  for (let i = 0; i < end; i++) {
    const b = text[i] as number;
    // Each letter's first byte; one of four bytes (11110xxx) is a letter of two code units.
    if ((b & 0xc0) !== 0x80) letters += b >= 0xf0 ? 2 : 1;
  }
  return letters;
}

/** Bytes of a file read at a time, cut at line ends: most look-ups read one block. */
export const BLOCK = 4096;
/** A list this small (in bytes) is one block, read whole and kept (see the module's comment). */
export const WHOLE_LIST = 2 * 1024 * 1024;
/** Blocks kept per file: a query's words and a compound's parts read a few dozen at most. */
export const CACHED_BLOCKS = 64;

/** Words whose look-ups a file's list keeps (a few translations each: some 200 kB a list at most). */
export const LOOKUPS_KEPT = 1_000;

/** A word list in memory (a block of a file, or a whole small list), searched in place. */
export class BufferLexicon implements Lexicon {
  /** Where each line starts, once `indexed` asked for it and the list was first searched. */
  private lineStarts?: Int32Array;

  /**
   * `indexed`: a list kept and searched often (a whole list, not a passing block) notes where its lines start on
   * its first search (some 4 bytes a line), and a search then goes from line to line, not byte by byte back to
   * each probe's line start.
   */
  constructor(
    private readonly bytes: Buffer,
    private readonly indexed = false,
  ) {}

  /** A list from its text (a fixture in tests). */
  static fromText(text: string): BufferLexicon {
    return new BufferLexicon(Buffer.from(text, "utf8"));
  }

  /** The first word listed (undefined when none is). */
  firstKey(): string | undefined {
    const tab = this.bytes.indexOf(TAB);
    return tab < 0 ? undefined : this.bytes.toString("utf8", 0, tab);
  }

  /**
   * Compares `key` with the key of the line starting at `start`: negative when `key` sorts first, 0 when they
   * are equal (or, with `prefix`, when the line's key starts with `key`).
   */
  private compare(key: Buffer, start: number, prefix: boolean): number {
    const bytes = this.bytes;
    for (let i = 0; ; i++) {
      const b = start + i < bytes.length ? (bytes[start + i] as number) : NEWLINE;
      const lineEnded = b === TAB || b === NEWLINE;
      if (i === key.length) return lineEnded || prefix ? 0 : -1;
      if (lineEnded) return 1;
      const d = (key[i] as number) - b;
      if (d !== 0) return d;
    }
  }

  /** The start of the first line whose key is not below `key` (the file's length when there is none). */
  private seek(key: Buffer): number {
    const bytes = this.bytes;
    if (this.indexed) {
      const starts = this.starts();
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compare(key, starts[mid] as number, false) <= 0) hi = mid;
        else lo = mid + 1;
      }
      return lo < starts.length ? (starts[lo] as number) : bytes.length;
    }
    // Binary search over line starts: a probe in the middle of a line reads the line it falls in.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // lo is a line start, so the line holding mid starts at lo or after it.
      const start = mid === 0 ? 0 : bytes.lastIndexOf(NEWLINE, mid - 1) + 1;
      if (this.compare(key, start, false) <= 0) hi = start;
      else {
        const end = bytes.indexOf(NEWLINE, start);
        lo = end < 0 ? bytes.length : end + 1;
      }
    }
    return lo;
  }

  prepare(): void {
    if (this.indexed) this.starts();
  }

  /** Where each line starts (worked out on first use). */
  private starts(): Int32Array {
    if (!this.lineStarts) {
      const bytes = this.bytes;
      const starts: number[] = [];
      for (let at = 0; at < bytes.length; ) {
        starts.push(at);
        const end = bytes.indexOf(NEWLINE, at);
        at = end < 0 ? bytes.length : end + 1;
      }
      this.lineStarts = Int32Array.from(starts);
    }
    return this.lineStarts;
  }

  /** The line starting at `start`: its key and translations. */
  private line(start: number): [key: string, translations: string[]] {
    const bytes = this.bytes;
    const tab = bytes.indexOf(TAB, start);
    const end = bytes.indexOf(NEWLINE, tab);
    return [
      bytes.toString("utf8", start, tab),
      bytes
        .toString("utf8", tab + 1, end < 0 ? bytes.length : end)
        .split("|")
        .filter(Boolean),
    ];
  }

  /** The translations of a word (a lemma, see lexiconKey in lexicon-build.ts), most usual first. */
  lookup(key: string): string[] {
    if (!key) return [];
    const k = Buffer.from(key, "utf8");
    const start = this.seek(k);
    return start < this.bytes.length && this.compare(k, start, false) === 0 ? this.line(start)[1] : [];
  }

  sharedPrefix(text: string): number {
    const key = Buffer.from(text, "utf8");
    return lettersIn(key, this.sharedBytes(key));
  }

  /**
   * {@link sharedPrefix} in bytes: the words sorted next to `key`, the one before it and the one at or after it,
   * share the most of its beginning of all listed words.
   */
  sharedBytes(key: Buffer): number {
    const bytes = this.bytes;
    const at = this.seek(key);
    // A key holds no tab or line end, so a shared run stops at the line's key's end.
    let shared = at < bytes.length ? sharedBytes(key, bytes, at) : 0;
    if (at > 0) shared = Math.max(shared, sharedBytes(key, bytes, bytes.lastIndexOf(NEWLINE, at - 2) + 1));
    return shared;
  }

  withPrefix(prefix: string, limit: number, each: (key: string, translations: string[]) => void): number {
    if (!prefix) return 0;
    const k = Buffer.from(prefix, "utf8");
    let start = this.seek(k);
    let n = 0;
    for (; n < limit && start < this.bytes.length && this.compare(k, start, true) === 0; n++) {
      const [key, translations] = this.line(start);
      each(key, translations);
      const end = this.bytes.indexOf(NEWLINE, start);
      if (end < 0) {
        n++;
        break;
      }
      start = end + 1;
    }
    return n;
  }
}

/** What the lists' files have done since the process started ({@link listWork}). */
const work = { lookups: 0, blocksRead: 0 };

/**
 * How many look-ups the word lists' files have answered past their memo of the latest, and how many blocks they
 * have read from disk, since the process started: counts of work for the benchmark, which a loaded machine's
 * timings blur.
 */
export function listWork(): { lookups: number; blocksRead: number } {
  return { ...work };
}

/** A word list in a file, read a block at a time (see the module's comment). */
export class FileLexicon implements Lexicon {
  /** Where each block starts (a line start), and one past the end of the file last. */
  private readonly starts: number[] = [];
  /** Each block's first word. */
  private readonly firsts: string[] = [];
  private readonly cache = new Map<number, BufferLexicon>();
  /**
   * The latest words looked up and their translations (readers never change them): a query's words are looked
   * up again as typed alone and beside the others, and from one search to the next, and a look-up that misses
   * the block cache reads the file.
   */
  private readonly looked = new Lru<string, string[]>(LOOKUPS_KEPT);

  private constructor(private readonly fd: number) {}

  /** Opens a list's file and notes where its blocks start: one block when it is `whole` bytes or less. */
  static open(path: string, whole = WHOLE_LIST): FileLexicon {
    const fd = openSync(path, "r");
    try {
      const lexicon = new FileLexicon(fd);
      const size = fstatSync(fd).size;
      lexicon.index(size, size <= whole ? size : BLOCK);
      return lexicon;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /**
   * Notes the blocks: one starts at the first line start at or after each multiple of `block` bytes, and its
   * first word is read there (one small read a block, no pass over the whole file).
   */
  private index(size: number, block: number): void {
    const buf = Buffer.alloc(256);
    for (let at = 0; at < size; at += block) {
      let start = at;
      if (at > 0) {
        // The line holding byte at − 1 ends somewhere after it: the next line starts the block.
        let from = at - 1;
        start = -1;
        while (start < 0 && from < size) {
          const n = readSync(this.fd, buf, 0, buf.length, from);
          const nl = buf.subarray(0, n).indexOf(NEWLINE);
          if (nl >= 0) start = from + nl + 1;
          else from += n;
        }
        if (start < 0 || start >= size || start === this.starts[this.starts.length - 1]) continue;
      }
      const n = readSync(this.fd, buf, 0, buf.length, start);
      const tab = buf.subarray(0, n).indexOf(TAB);
      this.starts.push(start);
      this.firsts.push(buf.toString("utf8", 0, tab < 0 ? n : tab));
    }
    this.starts.push(size);
  }

  /** The block at index i, read (or taken from the cache). */
  private block(i: number): BufferLexicon {
    let b = this.cache.get(i);
    if (b) {
      // Most recently used last: the first entry is the one to drop.
      this.cache.delete(i);
      this.cache.set(i, b);
      return b;
    }
    work.blocksRead++;
    const start = this.starts[i] as number;
    // Not zeroed first: the read fills it (what it did not fill is cut off).
    const bytes = Buffer.allocUnsafe((this.starts[i + 1] as number) - start);
    // A whole list's one block is read in as many reads as it takes.
    let read = 0;
    for (let n = -1; n !== 0 && read < bytes.length; read += n)
      n = readSync(this.fd, bytes, read, bytes.length - read, start + read);
    // A whole list's one block is kept and searched again and again: its lines are noted.
    b = new BufferLexicon(read < bytes.length ? bytes.subarray(0, read) : bytes, this.firsts.length === 1);
    if (this.cache.size >= CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(i, b);
    return b;
  }

  /** The block a word would be in: the last whose first word is not above it (UTF-16 order is byte order here). */
  private blockOf(key: string): number {
    let lo = 0;
    let hi = this.firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.firsts[mid] as string) <= key) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  /** A whole list (one block) is read and its lines noted; one read a block at a time is left as it is. */
  prepare(): void {
    if (this.firsts.length === 1) this.block(0).prepare();
  }

  lookup(key: string): string[] {
    if (!key || !this.firsts.length) return [];
    let found = this.looked.get(key);
    if (!found) {
      work.lookups++;
      found = this.block(this.blockOf(key)).lookup(key);
      this.looked.set(key, found);
    }
    return found;
  }

  sharedPrefix(text: string): number {
    if (!text || !this.firsts.length) return 0;
    const key = Buffer.from(text, "utf8");
    const b = this.blockOf(text);
    // The word after the block's last is the next block's first.
    let shared = this.block(b).sharedBytes(key);
    const next = this.firsts[b + 1];
    if (next !== undefined) shared = Math.max(shared, sharedBytes(key, Buffer.from(next, "utf8"), 0));
    return lettersIn(key, shared);
  }

  withPrefix(prefix: string, limit: number, each: (key: string, translations: string[]) => void): number {
    if (!prefix || !this.firsts.length) return 0;
    let n = 0;
    // Words with the prefix may run on into the next blocks.
    for (let i = this.blockOf(prefix); i < this.firsts.length && n < limit; i++) {
      if (n > 0 || i > this.blockOf(prefix)) {
        if (!(this.firsts[i] as string).startsWith(prefix)) break;
      }
      n += this.block(i).withPrefix(prefix, limit - n, each);
    }
    return n;
  }

  /** How many blocks the file has: its index's size. */
  get blocks(): number {
    return this.firsts.length;
  }
}

/**
 * The key of a phrase of two words ("стиральная машина", "erneuerbare Energie"): their stems, so any of the
 * phrase's forms finds it ("стиральные машины"). A space sorts before every letter, so a phrase comes right
 * after its first word's lemma when that is its stem.
 */
export function phraseKey(words: readonly string[], lang: string): string {
  return words.map((w) => queryStem(w, lang)).join(" ");
}

/** The folder of the built lists. */
export const LEXICON_DIR = join(APP_ROOT, "data", "lexicon");

/** A list's lines in the order its binary search over the file's bytes expects (UTF-8 byte order), for the builds. */
export function inByteOrder(lines: string[]): string[] {
  return lines
    .map((l) => Buffer.from(l, "utf8"))
    .sort(Buffer.compare)
    .map((b) => b.toString("utf8"));
}

const loaded = new Map<string, FileLexicon | null>();

/**
 * The list translating `from` into `to` ("ru", "en"), read on first use; undefined when there is none (no
 * such pair, or the data folder left out of a deployment: search then works without translations). `kind` names a
 * second list of the pair made another way ("pivot": ru-en-pivot.tsv, Russian → English through other languages).
 */
export function lexicon(from: string, to: string, kind = ""): Lexicon | undefined {
  const name = kind ? `${from}-${to}-${kind}` : `${from}-${to}`;
  let found = loaded.get(name);
  if (found === undefined) {
    const path = join(LEXICON_DIR, `${name}.tsv`);
    found = existsSync(path) ? FileLexicon.open(path) : null;
    loaded.set(name, found);
  }
  return found ?? undefined;
}

/** A translation or synonym list's file name ("ru-en.tsv", "ru-en-pivot.tsv", "en-syn.tsv"): from, to, kind. */
const LIST_FILE = /^([a-z]{2})-([a-z]{2}|syn)(?:-([a-z]+))?\.tsv$/;

/** The list files of data/lexicon/, read once. */
let listFiles: string[] | undefined;

/**
 * Opens the word lists of data/lexicon/ between `languages` (a synonym list: of one of them) and reads the whole
 * ones ({@link Lexicon.prepare}), as the first queries needing them would: for after the bot starts serving.
 * Returns the names of the lists opened.
 */
export function prepareLexicons(languages: readonly string[]): string[] {
  listFiles ??= existsSync(LEXICON_DIR) ? readdirSync(LEXICON_DIR).sort() : [];
  const opened: string[] = [];
  for (const file of listFiles) {
    const [, from, to, kind] = LIST_FILE.exec(file) ?? [];
    if (!from || !to || !languages.includes(from) || (to !== "syn" && !languages.includes(to))) continue;
    lexicon(from, to, kind)?.prepare?.();
    opened.push(file.slice(0, -".tsv".length));
  }
  return opened;
}

/** The lists opened so far, with how many blocks each has (for the benchmark). */
export function openedLexicons(): { name: string; blocks: number }[] {
  return [...loaded].flatMap(([name, l]) => (l ? [{ name, blocks: l.blocks }] : []));
}
