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

function cyrillicKey(word: string): string {
  let raw = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (ch === "д" && word[i + 1] === "ж") {
      raw += "j";
      i++;
      continue;
    }
    const k = CYR_KEY[ch];
    if (k === undefined) return "";
    raw += k;
  }
  return squeeze(raw);
}

/** Latin spelling rules; each alternative in a list is one way the letters may sound. */
function latinAlternatives(word: string, i: number): [string[], number] {
  const next = word[i + 1] ?? "";
  const soft = next === "e" || next === "i" || next === "y";
  const at = (s: string) => word.startsWith(s, i);
  if (at("shch") || at("sch")) return [["x"], at("shch") ? 4 : 3];
  if (at("dzh")) return [["j"], 3];
  // German "Steinberg", "Spiegel": Штайнберг, Шпигель.
  if (i === 0 && (at("st") || at("sp")) && VOWELS.has(word[2] ?? "")) return [["s", "x"], 1];
  if (at("tch")) return [["c"], 3];
  const two = word.substr(i, 2);
  switch (two) {
    case "sh":
    case "zh":
      return [["x"], 2];
    case "ch":
      return [["c", "h", "k"], 2];
    case "kh":
      return [["h"], 2];
    case "ph":
      return [["f"], 2];
    case "th":
      return [["t"], 2];
    case "ck":
      return [["k"], 2];
    case "dj":
      return [["j"], 2];
    case "ts":
    case "tz":
      return [["ts"], 2];
    case "qu":
      return [["kf", "ka"], 2];
    case "wh":
      return [["f"], 2];
  }
  const ch = word[i] as string;
  if (VOWELS.has(ch)) {
    // A silent final e after a consonant ("engine", "style").
    if (ch === "e" && i === word.length - 1 && i >= 3 && !VOWELS.has(word[i - 1] as string))
      return [["a", ""], 1];
    return [["a"], 1];
  }
  switch (ch) {
    case "b":
    case "p":
      return [["p"], 1];
    case "d":
    case "t":
      return [["t"], 1];
    case "k":
    case "q":
      return [["k"], 1];
    case "c":
      return [[soft ? "s" : "k"], 1];
    case "g":
      return [soft ? ["k", "j"] : ["k"], 1];
    case "j":
      // "John" дж, "Jan" й, "Jean" ж.
      return [["j", "a", "x"], 1];
    case "f":
    case "v":
      return [["f"], 1];
    case "w":
      // After a vowel and before a consonant or the end, w is part of the vowel ("flow", "Bowie"): флоу.
      return [VOWELS.has(word[i - 1] ?? "") && !VOWELS.has(next) ? ["f", ""] : ["f"], 1];
    case "s":
      return [["s"], 1];
    case "z":
      // "Zaitsev" з, "Zimmermann" ц.
      return [["s", "ts"], 1];
    case "x":
      return [["ks"], 1];
    case "h":
      return [["h"], 1];
    case "l":
    case "m":
    case "n":
    case "r":
      return [[ch], 1];
  }
  return [[], 1];
}

const MAX_KEYS = 8;

function latinKeys(word: string): string[] {
  let keys = [""];
  for (let i = 0; i < word.length; ) {
    const [alts, len] = latinAlternatives(word, i);
    if (!alts.length) return [];
    const next: string[] = [];
    for (const k of keys) for (const a of alts) if (next.length < MAX_KEYS) next.push(k + a);
    keys = next;
    i += len;
  }
  return [...new Set(keys.map(squeeze))];
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
  let keys: string[];
  if (/^[а-яё]+$/.test(word)) keys = [cyrillicKey(word)];
  else if (/^[a-z]+$/.test(word)) keys = latinKeys(word);
  else return [];
  return keys.filter((k) => consonants(k) >= 3);
}

/**
 * The consonant skeletons of a name: its phonetic keys without vowels ("майкл", "michael" → "mkl"), for names
 * whose vowels are heard differently across languages. Only skeletons of three consonants or more.
 */
export function skeletonKeys(word: string): string[] {
  const out = new Set<string>();
  for (const key of phoneticKeys(word)) {
    const skeleton = squeeze(key.replace(/a/g, ""));
    if (skeleton.length >= 3) out.add(skeleton);
  }
  return [...out];
}
