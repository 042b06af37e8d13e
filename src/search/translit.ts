/**
 * Cross-script spelling: Cyrillic ↔ Latin. People write Latin names and brands in Cyrillic by ear ("пайтон",
 * "джанго", "ронахер") and Russian names in Latin in several ways ("Prokofiev", "Prokofjev"). Instead of
 * guessing one spelling, every word gets one or more phonetic keys in a shared alphabet; two words that
 * sound alike in the way Russians read English (or English speakers transcribe Russian) share a key.
 */

// ── Phonetic keys ─────────────────────────────────────────────────────────────────────────────────────
// The key alphabet: "a" for any vowel sound (runs collapse), consonants merged by place of articulation with
// voiced and voiceless merged (p b → p, t d → t, k g q → k, f v w → f, s z → s), "x" for the hushing
// ж ш щ sh zh, "c" for ч ch, "j" for дж j soft-g, "h" for х h kh; m n l r stay. Repeated letters collapse.

const CYR_KEY: Record<string, string> = {
  а: "a",
  е: "a",
  ё: "a",
  и: "a",
  о: "a",
  у: "a",
  ы: "a",
  э: "a",
  ю: "a",
  я: "a",
  й: "a",
  ь: "",
  ъ: "",
  б: "p",
  п: "p",
  в: "f",
  ф: "f",
  г: "k",
  к: "k",
  д: "t",
  т: "t",
  ж: "x",
  ш: "x",
  щ: "x",
  з: "s",
  с: "s",
  л: "l",
  м: "m",
  н: "n",
  р: "r",
  х: "h",
  ц: "ts",
  ч: "c",
};

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

/** Letters or pairs of Cyrillic with more than one key ("г" is k, or h in borrowed names), by what follows. */
const CYR_ALTERNATIVES: Record<string, readonly string[]> = {
  // Russian writes a Latin or German h as г in borrowed words and names: «Гамбург», «Иоганнес», «гибрид».
  г: ["k", "h"],
  // A Polish ż or Czech ž, š lose their accents in Latin: «Жиговский» Żygowski → zygowski, «Шимон» Šimon.
  ж: ["x", "s"],
  ш: ["x", "s"],
};
/** Most keys one Cyrillic word gets; each г ж ш doubles them. */
const MAX_CYRILLIC_KEYS = 8;

function cyrillicKeys(word: string): string[] {
  let keys = [""];
  const grow = (alternatives: readonly string[]) => {
    keys = extend(keys, alternatives, MAX_CYRILLIC_KEYS);
  };
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (ch === "д" && word[i + 1] === "ж") {
      grow(["j"]);
      i++;
      continue;
    }
    // Chinese zh in the Russian (Palladius) transcription: «Чжан» Zhang, «Шэньчжэнь» Shenzhen.
    if (ch === "ч" && word[i + 1] === "ж") {
      grow(["x"]);
      i++;
      continue;
    }
    // Czech ř is heard as рж («Дворжак» Dvořák, «Коняржик» Koňařík), and its accent is folded away in Latin.
    if (ch === "р" && word[i + 1] === "ж" && i > 0) {
      grow(["rx", "r"]);
      i++;
      continue;
    }
    // At the start before a vowel у is an English w ("Уотсон" Watson, "Уильям" William).
    if (ch === "у" && i === 0 && CYR_KEY[word[1] ?? ""] === "a") {
      grow(["f"]);
      continue;
    }
    const alternatives = CYR_ALTERNATIVES[ch];
    if (alternatives) {
      grow(alternatives);
      continue;
    }
    const k = CYR_KEY[ch];
    if (k === undefined) return [];
    grow([k]);
  }
  return [...new Set(keys.map(squeeze))];
}

/** One way letters may sound: the key alternatives and how many letters they take. */
type Sound = readonly [alternatives: readonly string[], length: number];

/** The rules' outcomes, made once: this runs for every letter of every word the index holds. */
const S = (alternatives: readonly string[], length: number): Sound => [alternatives, length];
const SOUNDS = {
  x2: S(["x"], 2),
  x3: S(["x"], 3),
  x4: S(["x"], 4),
  x5: S(["x"], 5),
  x7: S(["x"], 7),
  rz: S(["rs", "rts", "x", "rx"], 2),
  sz: S(["x", "s"], 2),
  j2: S(["j"], 2),
  j3: S(["j"], 3),
  sx: S(["s", "x"], 1),
  c2: S(["c"], 2),
  c3: S(["c"], 3),
  c4: S(["c"], 4),
  chk: S(["c", "h", "k", "x"], 2),
  h2: S(["h"], 2),
  f2: S(["f"], 2),
  t2: S(["t"], 2),
  k2: S(["k"], 2),
  ts2: S(["ts"], 2),
  qu: S(["kf", "ka"], 2),
  gh: S(["", "f", "k"], 2),
  r2: S(["r"], 2),
  a: S(["a"], 1),
  silentE: S(["a", ""], 1),
  p: S(["p"], 1),
  t: S(["t"], 1),
  k: S(["k"], 1),
  kc: S(["k", "c"], 1),
  s: S(["s"], 1),
  kjx: S(["k", "j", "x"], 1),
  jax: S(["j", "a", "x", "h"], 1),
  f: S(["f"], 1),
  fSilent: S(["f", ""], 1),
  sts: S(["s", "ts"], 1),
  stsc: S(["s", "ts", "c"], 1),
  hSilent: S(["h", ""], 1),
  ksSilent: S(["ks", ""], 1),
  sSilent: S(["s", ""], 1),
  tSilent: S(["t", ""], 1),
  ng: S(["nk", "n"], 2),
  gu: S(["k", "kf"], 2),
  ill: S(["a", "al"], 3),
  kc2: S(["ks", "c"], 2),
  rSilent: S(["r", ""], 1),
  ks: S(["ks"], 1),
  xInitial: S(["ks", "s", "x"], 1),
  h: S(["h"], 1),
  l: S(["l"], 1),
  m: S(["m"], 1),
  n: S(["n"], 1),
  r: S(["r"], 1),
  none: S([], 1),
} as const;

/** Latin spelling rules; each alternative in a list is one way the letters may sound. */
function latinAlternatives(word: string, i: number): Sound {
  const next = word[i + 1] ?? "";
  const soft = next === "e" || next === "i" || next === "y";
  // щ in German, French and Polish romanization of Russian: "Schtschukin", "Chtchoukine", "Szczukin".
  if (word.startsWith("schtsch", i)) return SOUNDS.x7;
  if (word.startsWith("chtch", i)) return SOUNDS.x5;
  if (word.startsWith("shch", i) || word.startsWith("szcz", i)) return SOUNDS.x4;
  if (word.startsWith("tsch", i)) return SOUNDS.c4;
  if (word.startsWith("sch", i)) return SOUNDS.x3;
  if (word.startsWith("dzh", i)) return SOUNDS.j3;
  // Polish drz is дж ("Andrzej" Анджей, "Jędrzej" Енджей).
  if (word.startsWith("drz", i)) return SOUNDS.j3;
  // German "Steinberg", "Spiegel": Штайнберг, Шпигель.
  if (i === 0 && (word.startsWith("st") || word.startsWith("sp")) && VOWELS.has(word[2] ?? ""))
    return SOUNDS.sx;
  // …and inside a German compound name: "Bernstein" Бернштейн, "Einstein".
  if (
    i > 0 &&
    word[i] === "s" &&
    (word[i + 1] === "t" || word[i + 1] === "p") &&
    !VOWELS.has(word[i - 1] as string) &&
    word[i - 1] !== "s" &&
    VOWELS.has(word[i + 2] ?? "")
  )
    return SOUNDS.sx;
  if (word.startsWith("tch", i)) return SOUNDS.c3;
  // French gu before e i y is a hard g («Гийом» Guillaume, «Ги» Guy), Italian and Spanish гв («Гвидо» Guido)…
  if (word.startsWith("gu", i) && "eiy".includes(word[i + 2] ?? "-")) return SOUNDS.gu;
  // …and French ill after a vowel й («Гийом» Guillaume, «Буйон» Bouillon).
  if (i > 0 && word.startsWith("ill", i) && VOWELS.has(word[i - 1] as string)) return SOUNDS.ill;
  // A silent w before r ("Wright": Райт); gh silent or f inside a word ("Hughes": Хьюз, "Vaughan").
  if (i === 0 && word.startsWith("wr")) return SOUNDS.r2;
  const ch = word[i] as string;
  switch (ch + next) {
    case "sh":
    case "zh":
      return SOUNDS.x2;
    // Polish sz is ш ("Łukasz" Лукаш), Hungarian sz с ("László" Ласло); Polish cz is ч ("Czech" Чех).
    case "sz":
      return SOUNDS.sz;
    case "cz":
      return SOUNDS.c2;
    // Hungarian cs is ч ("Vancsa" Ванча).
    case "cs":
      return SOUNDS.kc2;
    // Polish rz is ж ("Przybylski" Пшибыльский, "Grzegorz" Гжегож), рж read letter by letter ("Warzynski"
    // Варжински); German rz is рц ("Herz").
    case "rz":
      return SOUNDS.rz;
    case "ch":
      return SOUNDS.chk;
    case "kh":
      return SOUNDS.h2;
    case "ph":
      return SOUNDS.f2;
    case "th":
      return SOUNDS.t2;
    case "ck":
      return SOUNDS.k2;
    case "dj":
    // Hindi jh is дж ("Jhalani" Джалани, "Jha" Джха).
    case "jh":
      return SOUNDS.j2;
    case "ts":
    case "tz":
      return SOUNDS.ts2;
    case "qu":
      return SOUNDS.qu;
    case "wh":
      return SOUNDS.f2;
    // gh is silent or f in English ("Hughes", "Vaughan"), г in Dutch and Italian ("Devlieghere", "Ghent").
    case "gh":
      if (i > 0) return SOUNDS.gh;
  }
  // …nor a French r after ie at the end ("Monnier" Монье, "Olivier" Оливье).
  if (ch === "r" && i === word.length - 1 && word.endsWith("ier") && i >= 4) return SOUNDS.rSilent;
  // Nor is h after r ("Rhonda" Ронда, "Rhein" Рейн)…
  if (ch === "h" && word[i - 1] === "r") return SOUNDS.hSilent;
  // …nor a French final t or d after n or r ("Vincent" Венсан, "Durand" Дюран, "Bernard" Бернар).
  if (
    (ch === "t" || ch === "d") &&
    i === word.length - 1 &&
    i >= 4 &&
    (word[i - 1] === "n" || word[i - 1] === "r")
  )
    return SOUNDS.tSilent;
  // A German h lengthening the vowel before it is not heard ("Röhling" Рёлинг, "Lehmann" Леман, "Brahms").
  if (ch === "h" && i > 0 && VOWELS.has(word[i - 1] as string) && !VOWELS.has(next)) return SOUNDS.hSilent;
  // A final Chinese ng is н in Russian ("Zhang" Чжан, "Wang" Ван); the English "-ing" keeps its г.
  if (ch === "n" && next === "g" && i === word.length - 2 && word[i - 1] !== "i") return SOUNDS.ng;
  // French endings after a vowel pair are silent: "Varoquaux" Вароко, "Dubois" Дюбуа, "Giraud" Жиро.
  if (
    i === word.length - 1 &&
    i >= 4 &&
    VOWELS.has(word[i - 1] as string) &&
    VOWELS.has(word[i - 2] as string)
  ) {
    if (ch === "x") return SOUNDS.ksSilent;
    if (ch === "s") return SOUNDS.sSilent;
    if (ch === "t" || ch === "d") return SOUNDS.tSilent;
  }
  if (VOWELS.has(ch)) {
    // An English -er after a consonant is a Russian -р ("Alexander" Александр, "Peter" Пётр).
    if (ch === "e" && next === "r" && i === word.length - 2 && i >= 3 && !VOWELS.has(word[i - 1] as string))
      return SOUNDS.silentE;
    // A French -gue ends in its consonant ("Murgue" Мюрг, "Bogue" Бог).
    if (ch === "e" && i === word.length - 1 && i >= 3 && word[i - 1] === "u" && word[i - 2] === "g")
      return SOUNDS.silentE;
    // A silent final e after a consonant ("engine", "style").
    if (ch === "e" && i === word.length - 1 && i >= 3 && !VOWELS.has(word[i - 1] as string))
      return SOUNDS.silentE;
    return SOUNDS.a;
  }
  switch (ch) {
    case "b":
    case "p":
      return SOUNDS.p;
    case "d":
    case "t":
      return SOUNDS.t;
    case "k":
    case "q":
      return SOUNDS.k;
    case "c":
      // Final "-ic" of South Slavic surnames is "-ić" without its accent: Salihefendic, Салихефендич.
      if (i === word.length - 1 && word[i - 1] === "i") return SOUNDS.kc;
      // Soft c is s in English ("Grace"), ц in Slavic romanizations ("Zajcev", "Vaclav Havel") and ч in Italian
      // ("Cesare" Чезаре) or where č lost its accent.
      return soft ? SOUNDS.stsc : SOUNDS.k;
    case "g":
      // Soft g is дж in English ("Gemma"), ж in French ("Georges" Жорж, "Giraud" Жиро).
      return soft ? SOUNDS.kjx : SOUNDS.k;
    case "j":
      // "John" дж, "Jan" й, "Jean" ж, Spanish "Alejandro" х.
      return SOUNDS.jax;
    case "f":
    case "v":
      return SOUNDS.f;
    case "w":
      // After a vowel and before a consonant or the end, w is part of the vowel ("flow", "Bowie"): флоу.
      return VOWELS.has(word[i - 1] ?? "") && !VOWELS.has(next) ? SOUNDS.fSilent : SOUNDS.f;
    case "s":
      return SOUNDS.s;
    case "z":
      // "Zaitsev" з, "Zimmermann" ц.
      return SOUNDS.sts;
    case "x":
      // An x beginning a name may be с, ш as well: Chinese "Xi" Си, Nahuatl and Portuguese "Xochicale" Шочикале.
      return i === 0 && "aeiou".includes(next || "-") ? SOUNDS.xInitial : SOUNDS.ks;
    case "h":
      return SOUNDS.h;
    case "l":
      return SOUNDS.l;
    case "m":
      return SOUNDS.m;
    case "n":
      return SOUNDS.n;
    case "r":
      return SOUNDS.r;
  }
  return SOUNDS.none;
}

const MAX_KEYS = 16;

function latinKeys(word: string): string[] {
  let keys = [""];
  for (let i = 0; i < word.length; ) {
    const [alts, len] = latinAlternatives(word, i);
    if (!alts.length) return [];
    i += len;
    keys = extend(keys, alts, MAX_KEYS);
  }
  return [...new Set(keys.map(squeeze))];
}

/** Keys grown by one sound: each key by each alternative, at most `max` of them (one alternative: in place). */
function extend(keys: string[], alternatives: readonly string[], max: number): string[] {
  if (alternatives.length === 1) {
    const a = alternatives[0] as string;
    for (let j = 0; j < keys.length; j++) keys[j] += a;
    return keys;
  }
  const next: string[] = [];
  for (const k of keys) for (const a of alternatives) if (next.length < max) next.push(k + a);
  return next;
}

/** Collapses repeated key letters ("ll" → "l", vowel runs → one "a"). */
function squeeze(raw: string): string {
  let out = "";
  for (const ch of raw) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/** How many consonant letters a key has; keys with fewer than three say too little to match on. */
function consonants(key: string): number {
  let n = 0;
  for (const ch of key) if (ch !== "a") n++;
  return n;
}

/**
 * Phonetic keys of one normalized word, in either script ("пайтон" and "python" → "patan"; "джанго" and
 * "django" → "janka"). Latin words may have several (soft/hard g, ch as ч or х, silent final e). Keys with
 * fewer than three consonants say too little and are dropped; words with digits or other scripts have none.
 */
export function phoneticKeys(word: string): string[] {
  return allKeys(word).filter((k) => consonants(k) >= 3);
}

function allKeys(word: string): string[] {
  if (/^[а-яё]+$/.test(word)) return cyrillicKeys(word);
  if (/^[a-z]+$/.test(word)) return latinKeys(word);
  return [];
}

/**
 * The keys of two consonants of a word of `minLength` letters or more ("райт", "wright" → "rat"; "хьюз",
 * "hughes" → "has"): too little to look for any word by, enough to tell a short name said alike; matched whole.
 */
export function shortPhoneticKeys(word: string, minLength = 4): string[] {
  if (word.length < minLength) return [];
  return allKeys(word).filter((k) => consonants(k) === 2);
}

/**
 * The consonant skeletons of a name: its phonetic keys without vowels ("майкл", "michael" → "mkl"), for names
 * whose vowels are heard differently across languages. Only skeletons of three consonants or more.
 */
export function skeletonKeys(word: string): string[] {
  return skeletonsOf(phoneticKeys(word));
}

/** {@link skeletonKeys} from a word's {@link phoneticKeys}, for a caller that has them already. */
export function skeletonsOf(keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    const skeleton = squeeze(key.replace(/a/g, ""));
    if (skeleton.length >= 3) out.add(skeleton);
  }
  return [...out];
}

/**
 * The particles of European surnames as Russians write them («фон Тадден» von Thadden, «ван Россум», «де Бур»):
 * part of the name as said, not a word to look for, and written in Latin letters only where they are.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "фон",
  "ван",
  "фан",
  "дер",
  "ден",
  "де",
  "ди",
  "да",
  "дю",
  "ду",
  "дос",
  "дель",
  "делла",
  "ла",
  "ле",
  "цу",
  "тен",
  "тер",
  "ибн",
  "аль",
  "эль",
]);

// ── Latin spellings of a Cyrillic word ────────────────────────────────────────────────────────────────
// How a Russian writes an English tech name in Cyrillic and how it was spelled in Latin: «джава» java,
// «солт» salt, «раст» rust, «зум» zoom, «эйрфлоу» airflow. Each letter (or pair) may stand for a few Latin
// spellings; the first is the usual one.

const PAIRS: Record<string, readonly string[]> = {
  дж: ["j", "dj", "g"],
  кс: ["x", "ks"],
  эй: ["ai", "ei", "a"],
  // An English a with a silent e after its consonant: «мейк» make, «нейм» name.
  ей: ["ey", "ei", "ay", "a"],
  ай: ["i", "ai", "y", "ay"],
  оу: ["ow", "o", "ou", "oa"],
  ау: ["au", "ou", "ow"],
  ью: ["u", "ew"],
};

const LETTERS: Record<string, readonly string[]> = {
  а: ["a", "u"],
  б: ["b"],
  в: ["v", "w"],
  г: ["g"],
  д: ["d"],
  е: ["e"],
  ё: ["yo", "o"],
  ж: ["zh", "j", "g"],
  з: ["z", "s"],
  и: ["i", "y"],
  й: ["y", "i", "j"],
  к: ["k", "c", "ck"],
  л: ["l"],
  м: ["m"],
  н: ["n"],
  о: ["o", "a"],
  п: ["p"],
  р: ["r"],
  с: ["s", "c"],
  т: ["t"],
  у: ["u", "oo"],
  // German and Dutch write ф as v too: «Фос» Vos, «Фогель» Vogel.
  ф: ["f", "ph", "v"],
  // An x read as the Cyrillic letter it looks like, as TeX is said: «латех» LaTeX, «тух» Tux.
  х: ["h", "kh", "x"],
  ц: ["ts", "c", "z"],
  ч: ["ch"],
  ш: ["sh"],
  щ: ["sch", "shch"],
  ъ: [""],
  ы: ["y", "i"],
  ь: [""],
  э: ["e", "a"],
  ю: ["yu", "u", "ju"],
  я: ["ya", "ia", "a", "ja"],
};

const MAX_SPELLINGS = 64;
/** Words whose spellings are kept: a query word's are asked for by several stages of one search. */
const SPELLINGS_KEPT = 256;
const spelledLately = new Map<string, readonly string[]>();

/**
 * Latin spellings a Cyrillic word may stand for, the usual first: «джава» → java, «солт» → salt, «раст» →
 * rust (at most {@link MAX_SPELLINGS}). None for a word with other letters. The list is shared with the next
 * caller asking for the same word's: read it, never change it.
 */
export function latinSpellings(word: string): readonly string[] {
  let out = spelledLately.get(word);
  if (!out) {
    out = spellings(word);
    if (spelledLately.size >= SPELLINGS_KEPT) spelledLately.clear();
    spelledLately.set(word, out);
  }
  return out;
}

/**
 * The usual Latin spelling of a Cyrillic word, each letter or pair spelled its first way: {@link latinSpellings}'
 * first, without the others. Undefined for a word with other letters.
 */
export function usualSpelling(word: string): string | undefined {
  let out = "";
  for (let i = 0; i < word.length; ) {
    const pair = PAIRS[word.slice(i, i + 2)];
    const alts = pair ?? LETTERS[word[i] as string];
    if (!alts) return undefined;
    i += pair ? 2 : 1;
    out += alts[0] as string;
  }
  return out;
}

/** {@link latinSpellings}, worked out. */
function spellings(word: string): string[] {
  let out = [""];
  for (let i = 0; i < word.length; ) {
    const pair = PAIRS[word.slice(i, i + 2)];
    const alts = pair ?? LETTERS[word[i] as string];
    if (!alts) return [];
    i += pair ? 2 : 1;
    const next: string[] = [];
    for (const alt of alts) for (const s of out) if (next.length < MAX_SPELLINGS) next.push(s + alt);
    out = next;
  }
  return [...new Set(out)];
}

// ── One spelling for every romanization of a Russian name ─────────────────────────────────────────────
// Russian names reach Latin letters by several schemes — English (Yury Zaytsev), German (Jurij Saizew,
// Owtschinnikow), French (Iouri), Polish (Szczukin), scholarly and passport ones (Iurii, Zajcev) — and short first
// names have too few consonants for a phonetic key. Each spelling is read back into one Cyrillic form, with
// what the schemes disagree on merged (й ы → и, ё э → е, щ → ш, soft and hard signs dropped, doubled letters
// once), so Yury, Iurii, Jurij and Юрий all read «юри».

/** Latin letter groups read back into Cyrillic, longest first. */
const BACK: [RegExp, string][] = [
  [/schtsch|shch|szcz|chtch/g, "ш"],
  [/tsch|tch/g, "ч"],
  [/sch|sh|sz/g, "ш"],
  [/cz|ch/g, "ч"],
  [/zh/g, "ж"],
  [/kh|h/g, "х"],
  [/tz|ts|c/g, "ц"],
  [/x/g, "кс"],
  [/ph/g, "ф"],
  [/ck|q/g, "к"],
  [/w/g, "в"],
  // Iotated vowels: ю я, е (ё after a consonant: Pyotr, Piotr, Fyodor are Пётр, Фёдор).
  [/(?:iya|iia|ija)$/g, "я"],
  [/[iyj]u/g, "ю"],
  [/[iyj]a/g, "я"],
  [/[iyj]e/g, "е"],
  [/(?<=[^aeiouyj])[iyj]o/g, "е"],
  [/ou|oo/g, "у"],
  // й after a vowel; a final -iy -ii -ij -yj; ы elsewhere (Kadyrov, Kadirov).
  [/(?<=[aeiou])[yj]/g, "и"],
  [/(?:ii|iy|ij|yi|yj)$/g, "и"],
  [/j/g, "и"],
  [/y/g, "и"],
];
const LATIN_BACK: Record<string, string> = {
  a: "а",
  b: "б",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  i: "и",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  v: "в",
  z: "з",
};
/** What romanization schemes disagree on, merged on the Cyrillic side. */
const CYRILLIC_MERGED: Record<string, string> = { й: "и", ы: "и", ё: "е", э: "е", щ: "ш", ь: "", ъ: "" };

/**
 * A Russian name's one spelling whatever scheme romanized it ("yury", "iurii", "jurij", «юрий» → «юри»;
 * "zaytsev", "zajcev", «зайцев» → «заицев»), for a Latin word or a Cyrillic one; "" for a word of other
 * letters. Compared whole: it says two spellings may be one name, nothing about words that are not names.
 */
export function romanizationKey(word: string): string {
  let w = word;
  if (/^[a-z]+$/.test(w)) {
    for (const [from, to] of BACK) w = w.replace(from, to);
    let out = "";
    for (const ch of w) out += LATIN_BACK[ch] ?? ch;
    w = out;
  } else if (!/^[а-яё]+$/.test(w)) return "";
  let out = "";
  for (const ch of w) {
    const c = CYRILLIC_MERGED[ch] ?? ch;
    if (c && out[out.length - 1] !== c) out += c;
  }
  // -ия is -я in most schemes (Yulia, Maria); the key holds only Cyrillic letters.
  out = out.replace(/ия$/, "я");
  return /^[а-я]+$/.test(out) ? out : "";
}
