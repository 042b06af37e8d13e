/**
 * Turns Debian's package descriptions (the archive's `Translation-en` and `Translation-ru` indexes: a short
 * and a long description of every package in main) into the list of what software is (data/lexicon/tech.tsv,
 * read by technames.ts): a software name ("rabbitmq", "gevent", "cython", "emacs") → the salient words of what
 * its packages say it is or does ("amqp", "broker", "messaging"; "coroutine", "greenlet"). Used by
 * scripts/build-technames.ts; the tests build small fixtures with the same code. Nothing here runs in the bot.
 *
 * A name is a package's name without the packaging around it (python3-gevent → gevent, rabbitmq-server →
 * rabbitmq, cython3 → cython, libzmq5 → zmq); a package whose name goes on after that (jupyter-notebook) tells
 * of its first part, more weakly, and says its other parts too — when some package is of that part whole (no
 * package is Linux, only of librust-linux-raw-sys). A word is salient by how much of what the name's
 * packages say it is (the short description counts most, the long one's first paragraph less) and by how rare it
 * is among all names' descriptions: a word said of many names ("library", "server", "python", "files") is no
 * word for any of them and is never listed.
 */
import { stopwordsOf } from "./languages.js";
import { inByteOrder } from "./lexicon.js";
import { isCyrillic, STOPWORDS, tokenize } from "./normalize.js";
import { stem } from "./stem.js";

/** One package's description in one language: its short line and its long text's first paragraph. */
export interface PackageDescription {
  pkg: string;
  short: string;
  long: string;
}

/**
 * The descriptions in a Debian `Translation-LL` index (stanzas of `Package:`, `Description-md5:` and
 * `Description-LL:` with the short description on its line and the long one indented below, paragraphs
 * separated by a line holding " ."). Only the long description's first paragraph is kept: what the package is;
 * later ones list features and packaging.
 */
export function readTranslation(text: string): PackageDescription[] {
  const out: PackageDescription[] = [];
  for (const stanza of text.split(/\n\n+/)) {
    const pkg = /^Package: (\S+)$/m.exec(stanza)?.[1];
    const at = stanza.search(/^Description-[a-zA-Z_]+: /m);
    if (!pkg || at < 0) continue;
    const lines = stanza.slice(at).split("\n");
    const short = (lines[0] as string).replace(/^Description-[a-zA-Z_]+: /, "").trim();
    const long: string[] = [];
    for (const line of lines.slice(1)) {
      if (!line.startsWith(" ")) break;
      if (line.trim() === ".") break;
      long.push(line.trim());
    }
    out.push({ pkg, short, long: long.join(" ") });
  }
  return out;
}

/** Package name prefixes that say which language's module it is, not what it is. */
const PREFIXES = [
  /^python3?-/,
  /^pypy3?-/,
  /^ruby-/,
  /^node-/,
  /^php-/,
  /^lua-/,
  /^r-cran-/,
  /^r-bioc-/,
  /^elpa-/,
  /^libghc-/,
  /^librust-/,
  /^libjs-/,
  /^libocaml-/,
  /^lib(?=[a-z])/,
];
/** Package families whose names are no software's name (a Go import path, Perl's module names, fonts, TeX). */
const SKIPPED =
  /^(golang-|gir1\.2-|fonts-|texlive-|texmf-|xfonts-|ttf-|otf-|hunspell-|myspell-|aspell-|hyphen-|mythes-|firmware-|linux-|task-|lib.*-perl$|.*-l10n|.*-i18n|.*-locale)/;
/**
 * Suffixes that say which part of a software a package holds (its headers, its documentation, its server),
 * version numbers, and Debian's ABI tags.
 */
const SUFFIX =
  /(?:-(?:dev|doc|docs|dbg|dbgsym|common|data|bin|utils|tools|server|client|daemon|core|examples|tests|all|gtk|gtk3|nox|lucid|el|cli|runtime|plugins?|java|cil|ocaml|perl|headers|html|full|mode|git|lib|libs|modules)|t64|[-.]?\d+(?:[.-]\d+)*[a-z]?)$/;

/** The shortest name listed (two letters are most often an abbreviation of something else). */
export const MIN_NAME = 3;

/**
 * The software a package is of: its name (letters and digits, as the index holds a word) and, for a package of
 * a part (jupyter-notebook), the words naming that part; undefined for a package that names no software.
 */
export function softwareName(pkg: string): { name: string; rest: string[] } | undefined {
  if (SKIPPED.test(pkg)) return undefined;
  let name = pkg;
  for (const prefix of PREFIXES) {
    const cut = name.replace(prefix, "");
    if (cut !== name && cut.length >= MIN_NAME) {
      name = cut;
      break;
    }
  }
  for (let cut = name.replace(SUFFIX, ""); cut !== name && cut.length >= MIN_NAME; ) {
    name = cut;
    cut = name.replace(SUFFIX, "");
  }
  const parts = name.split(/[-.+]/).filter(Boolean);
  const first = parts[0];
  if (!first || first.length < MIN_NAME || !/^[a-z][a-z0-9]*$/.test(first) || /^\d/.test(first))
    return undefined;
  return { name: first, rest: parts.slice(1).filter((p) => /^[a-z]{3,}$/.test(p)) };
}

/** What each kind of text counts towards a name's word (a package of a part counts {@link PART_SHARE} of it). */
const SHORT_WEIGHT = 1;
const LONG_WEIGHT = 0.5;
const PART_SHARE = 0.5;
/** At most this many words are listed per name and language. */
export const MAX_WORDS = 10;
/**
 * A word said of more than this share of the names (in one language) is generic: "library", "python", "server",
 * "files" say nothing of which software it is.
 */
export const GENERIC_SHARE = 0.05;
/**
 * A word must be said in the short descriptions (the one line of what a package is) of at least this many names:
 * a word of what software is ("broker", "coroutine", "multiplexer") is said of several, while a word only long
 * texts use, or only one name's, is an aside, an author's name or a joke ("indeed", "Pederson", "ice cream").
 */
export const MIN_SHORT_NAMES = 3;
/** A word must count at least this much towards a name: one mention in a part's long text is not enough. */
export const MIN_SALIENCE = 0.5;

/** Descriptions gathered per name, for one language. */
export class TechNamesBuilder {
  /** name → stem → [how much it counts, the word's forms and how often each]. */
  private readonly names = new Map<string, Map<string, { weight: number; forms: Map<string, number> }>>();
  private readonly stop: ReadonlySet<string>;
  /** Names some package is of whole (rabbitmq-server, python3-gevent), not only of a part (jupyter-notebook). */
  private readonly whole = new Set<string>();
  /** stem → the names whose short descriptions say it. */
  private readonly shortNames = new Map<string, Set<string>>();

  constructor(
    readonly lang: string,
    private readonly minShort = MIN_SHORT_NAMES,
    private readonly maxWords = MAX_WORDS,
  ) {
    this.stop = new Set([
      ...STOPWORDS,
      ...tokenize(stopwordsOf(lang).join(" ")),
      ...tokenize(stopwordsOf("en").join(" ")),
    ]);
  }

  /** Adds what one package says of its software. */
  add(d: PackageDescription): void {
    const software = softwareName(d.pkg);
    if (!software) return;
    const { name, rest } = software;
    const share = rest.length ? PART_SHARE : 1;
    if (!rest.length) this.whole.add(name);
    let words = this.names.get(name);
    if (!words) {
      words = new Map();
      this.names.set(name, words);
    }
    const counted = new Set<string>();
    const count = (text: string, weight: number) => {
      for (const w of tokenize(text)) {
        if (!this.isWord(w, name)) continue;
        const s = stem(w, this.lang);
        const entry = words.get(s) ?? { weight: 0, forms: new Map<string, number>() };
        entry.forms.set(w, (entry.forms.get(w) ?? 0) + 1);
        // A word counts once per package and text kind, at the most it is worth there.
        const key = `${s}\u0000${weight}`;
        if (!counted.has(key)) {
          counted.add(key);
          entry.weight += weight * share;
        }
        words.set(s, entry);
        if (weight === SHORT_WEIGHT) {
          const said = this.shortNames.get(s) ?? new Set<string>();
          said.add(name);
          this.shortNames.set(s, said);
        }
      }
    };
    count(d.short, SHORT_WEIGHT);
    count(d.long, LONG_WEIGHT);
    if (this.lang === "en") count(rest.join(" "), LONG_WEIGHT);
  }

  /** Whether a token may describe software `name`: a word of this language, not a stop word, not the name. */
  private isWord(w: string, name: string): boolean {
    if (w.length < 3 || /\d/.test(w) || this.stop.has(w)) return false;
    if (isCyrillic(w) !== (this.lang === "ru")) return false;
    return !(w.startsWith(name) || name.startsWith(w));
  }

  /**
   * Each name's salient words, most salient first (see the module's comment); `everyday` rules out words of
   * everyday English ("talk", "side", "drop": said of software in passing, they would tie it to any topic).
   */
  salient(everyday: (word: string) => boolean = () => false): Map<string, string[]> {
    const df = new Map<string, number>();
    for (const words of this.names.values()) for (const s of words.keys()) df.set(s, (df.get(s) ?? 0) + 1);
    const n = this.names.size;
    const generic = Math.max(2, n * GENERIC_SHARE);
    const out = new Map<string, string[]>();
    for (const [name, words] of this.names) {
      // A first part no package is of whole is no product's name of its own (librust-linux-raw-sys is not Linux).
      if (!this.whole.has(name)) continue;
      const ranked = [...words]
        .filter(
          ([s, e]) =>
            (df.get(s) as number) <= generic &&
            e.weight >= MIN_SALIENCE &&
            !everyday(mostUsed(e.forms)) &&
            (this.shortNames.get(s)?.size ?? 0) >= this.minShort,
        )
        .map(([s, e]) => ({
          form: mostUsed(e.forms),
          salience: e.weight * Math.log(n / (df.get(s) as number)) ** 2,
          s,
        }))
        .sort((a, b) => b.salience - a.salience || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0))
        .slice(0, this.maxWords)
        .map((w) => w.form);
      if (ranked.length) out.set(name, ranked);
    }
    return out;
  }
}

/** A word used at least this often in WordNet's tagged corpus is everyday English (talk 162, tree 107, cloud 44). */
export const EVERYDAY_USE = 40;

/** The form said most often (the first in byte order among equals). */
function mostUsed(forms: Map<string, number>): string {
  let best = "";
  let count = 0;
  for (const [form, c] of forms) if (c > count || (c === count && form < best)) [best, count] = [form, c];
  return best;
}

/**
 * The list's lines, sorted by byte: `name<TAB>words`, the English words then the Russian ones joined by "|",
 * led by "*" when the name is also a word of English (`isEnglishWord`: "celery", "flask", "make"): the search
 * then takes it for the software only where the programme writes it as a name.
 */
export function techLines(
  byLang: readonly Map<string, string[]>[],
  isEnglishWord: (name: string) => boolean,
): string[] {
  const names = new Set(byLang.flatMap((m) => [...m.keys()]));
  const lines: string[] = [];
  for (const name of names) {
    const words = byLang.flatMap((m) => m.get(name) ?? []);
    if (!words.length) continue;
    lines.push(`${name}\t${isEnglishWord(name) ? "*|" : ""}${words.join("|")}`);
  }
  // Names are unique and a tab sorts before every character of a name: whole lines sort as their names do.
  return inByteOrder(lines);
}
