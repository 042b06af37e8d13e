/**
 * How closely a Cyrillic word is heard as a Latin one: the cost of spelling it so, by the ways Russians write
 * English and German sounds («гринлет» greenlet: и is ee; «хоумлаб» homelab: оу is o and a silent e added;
 * «эскейп» escape; «менеджер» manager: е is a, дж is g). An alignment over both words (a weighted edit
 * distance): a Cyrillic letter or pair spelled one of its usual ways costs nothing or little, a silent e, an h
 * after a consonant or a doubled letter on the Latin side little, any other edit a whole one. A similarity
 * measure, not a list of spellings: every way of writing the word is weighed at once, against the words a
 * programme holds.
 */

/** Ways a Cyrillic letter or pair is spelled in Latin letters, with what each costs (0: the usual one). */
const HEARD: Record<string, readonly (readonly [string, number])[]> = {
  а: [
    ["a", 0],
    ["u", 0.3],
    ["o", 0.5],
    ["e", 0.5],
  ],
  б: [["b", 0]],
  в: [
    ["v", 0],
    ["w", 0],
  ],
  г: [
    ["g", 0],
    ["h", 0.3],
    ["gh", 0.3],
  ],
  д: [["d", 0]],
  е: [
    ["e", 0],
    ["a", 0.3],
    ["ea", 0.3],
    ["ee", 0.3],
    ["i", 0.5],
    ["u", 0.5],
  ],
  ё: [
    ["yo", 0],
    ["o", 0],
    ["e", 0.3],
  ],
  ж: [
    ["zh", 0],
    ["j", 0],
    ["g", 0.2],
    ["s", 0.4],
  ],
  з: [
    ["z", 0],
    ["s", 0.2],
    ["th", 0.5],
  ],
  и: [
    ["i", 0],
    ["y", 0],
    ["ee", 0.2],
    ["ea", 0.3],
    ["ie", 0.3],
    ["e", 0.4],
  ],
  й: [
    ["y", 0],
    ["i", 0],
    ["j", 0.2],
  ],
  к: [
    ["k", 0],
    ["c", 0],
    ["ck", 0],
    ["ch", 0.3],
    ["q", 0.3],
  ],
  л: [["l", 0]],
  м: [["m", 0]],
  н: [["n", 0]],
  о: [
    ["o", 0],
    ["a", 0.3],
    // An English a before l, heard as о («смолток» smalltalk, «фолбэк» fallback).
    ["al", 0.3],
    ["oa", 0.3],
    ["ou", 0.3],
    ["u", 0.5],
  ],
  п: [["p", 0]],
  р: [["r", 0]],
  с: [
    ["s", 0],
    ["c", 0],
    ["z", 0.3],
  ],
  т: [
    ["t", 0],
    ["th", 0.2],
  ],
  у: [
    ["u", 0],
    ["oo", 0],
    ["ou", 0.2],
    ["w", 0.3],
  ],
  ф: [
    ["f", 0],
    ["ph", 0],
  ],
  х: [
    ["h", 0],
    ["kh", 0],
    ["ch", 0],
    // An x read as the Cyrillic letter it looks like, as TeX is said («латех» LaTeX).
    ["x", 0.3],
  ],
  ц: [
    ["ts", 0],
    ["c", 0],
    ["z", 0],
    ["tz", 0],
  ],
  ч: [
    ["ch", 0],
    ["tch", 0],
    ["tsch", 0.2],
    ["c", 0.3],
    ["t", 0.5],
  ],
  ш: [
    ["sh", 0],
    ["sch", 0],
    ["ch", 0.3],
    ["ti", 0.4],
    ["s", 0.4],
  ],
  щ: [
    ["sch", 0],
    ["shch", 0],
    ["sh", 0.2],
  ],
  ъ: [["", 0]],
  ь: [["", 0]],
  ы: [
    ["y", 0],
    ["i", 0],
  ],
  э: [
    ["e", 0],
    ["a", 0],
    ["ai", 0.3],
  ],
  ю: [
    ["yu", 0],
    ["u", 0],
    ["ew", 0],
    ["ue", 0.2],
    ["ju", 0.2],
    ["iu", 0.2],
  ],
  я: [
    ["ya", 0],
    ["ia", 0],
    ["a", 0.2],
    ["ja", 0.2],
  ],
  дж: [
    ["j", 0],
    ["g", 0],
    ["dg", 0],
    ["dj", 0.2],
  ],
  кс: [
    ["x", 0],
    ["ks", 0],
    ["cs", 0.2],
  ],
  эй: [
    ["a", 0],
    ["ai", 0],
    ["ay", 0],
    ["ei", 0],
    ["ey", 0],
  ],
  ей: [
    ["ey", 0],
    ["ei", 0],
    ["ay", 0],
    ["a", 0.2],
    // Greek and German eu («нейро» neuro, «Фрейд» Freud).
    ["eu", 0.3],
  ],
  ай: [
    ["i", 0],
    ["y", 0],
    ["ai", 0],
    ["ay", 0],
    ["igh", 0.2],
    ["ei", 0.2],
  ],
  ой: [
    ["oy", 0],
    ["oi", 0],
    // German eu and äu (folded to au in the index): «Дойч» Deutsch, «Хойзер» Häuser, Hauser.
    ["eu", 0.2],
    ["au", 0.3],
  ],
  // English ou and ow as in cloud, down («клауд», «даун»).
  ау: [
    ["ou", 0],
    ["ow", 0],
  ],
  оу: [
    ["o", 0],
    ["ow", 0],
    ["oa", 0],
    ["ou", 0],
  ],
  ью: [
    ["u", 0],
    ["ew", 0],
    ["eu", 0.2],
  ],
};

const LATIN_VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const CYRILLIC_VOWELS = new Set(["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"]);
/** A Latin letter added that Russian does not write: a silent e, an h after a consonant, a doubled letter. */
const SILENT_E = 0.2;
const AFTER_CONSONANT_H = 0.3;
/** A German h after a vowel, not heard («фарплан» Fahrplan). */
const LENGTHENING_H = 0.3;
const DOUBLED = 0.1;
/** A Latin letter past the end of a stem (an ending): little, so that a whole word is heard closer. */
const TAIL = 0.1;
/** A vowel heard as another (they shift most between languages), and any other edit. */
const VOWEL_FOR_VOWEL = 0.8;
const EDIT = 1;

/** Whether a word is one {@link heardCost} can weigh: Cyrillic letters only. */
export function heardable(word: string): boolean {
  return /^[а-яё]+$/.test(word);
}

/** A way of spelling a letter or pair: how many letters, the spelling, its cost. */
type Way = readonly [length: number, spelling: string, cost: number];
/** A Cyrillic word's ways of being spelled, per position. */
type Ways = (readonly Way[])[];

/** Per Cyrillic letter or pair, its ways as {@link heardOf} lists them, and each way's letters (bits). */
const WAYS = new Map<string, { ways: readonly Way[]; letters: readonly number[] }>(
  Object.entries(HEARD).map(([key, ways]) => [
    key,
    {
      ways: ways.map(([spelling, cost]) => [key.length, spelling, cost] as const),
      letters: ways.map(([spelling]) => lettersOf(spelling)),
    },
  ]),
);
const NO_WAYS = { ways: [] as readonly Way[], letters: [] as readonly number[] };

/**
 * What {@link heardCost} reads of a Cyrillic word, worked out once per word (it is weighed against many): per
 * letter its ways, what leaving it unheard costs (nothing for a sign, little for a doubled letter) and whether
 * it is a vowel; and what {@link heardFloor} reads.
 */
interface Heard {
  ways: Ways;
  unheard: Float64Array;
  vowel: Uint8Array;
  /** The Latin letters (a bit per letter a–z) any of the word's ways spells. */
  spells: number;
  /**
   * Per letter, the letters (bits) of each way that may hear it, its own and a pair's begun a letter before
   * (letter i's from `heardFrom[i]` to `heardFrom[i + 1]`): it is heard by a way only when the Latin word holds
   * every letter of one.
   */
  heardBy: Int32Array;
  heardFrom: Int32Array;
  /** Per letter, the least that hearing it by no way costs: left unheard, or heard as another letter. */
  unwayed: Float64Array;
}

/** Words whose {@link Heard} is kept: a search weighs a word, its parts and its neighbours joined by turns. */
const HEARD_KEPT = 64;
const heardLately = new Map<string, Heard>();
/** {@link Heard} of a word (remembered for the last {@link HEARD_KEPT} words). */
function heardOf(cyrillic: string): Heard {
  const kept = heardLately.get(cyrillic);
  if (kept) return kept;
  const n = cyrillic.length;
  const ways: Ways = [];
  const unheard = new Float64Array(n + 1);
  const vowel = new Uint8Array(n + 1);
  const unwayed = new Float64Array(n);
  const heardFrom = new Int32Array(n + 1);
  const heardBy: number[] = [];
  let spells = 0;
  let pairBefore = NO_WAYS;
  for (let i = 0; i < n; i++) {
    const c = cyrillic[i] as string;
    const one = WAYS.get(c) ?? NO_WAYS;
    const pair = (i + 1 < n && WAYS.get(cyrillic.slice(i, i + 2))) || NO_WAYS;
    // A letter's own ways first, then its pair's.
    ways.push(pair.ways.length ? [...one.ways, ...pair.ways] : one.ways);
    unheard[i] = c === "ь" || c === "ъ" ? 0 : c === cyrillic[i - 1] ? DOUBLED : EDIT;
    vowel[i] = CYRILLIC_VOWELS.has(c) ? 1 : 0;
    unwayed[i] = Math.min(unheard[i] as number, vowel[i] ? VOWEL_FOR_VOWEL : EDIT);
    heardFrom[i] = heardBy.length;
    for (const letters of [one.letters, pair.letters, pairBefore.letters])
      for (const mask of letters) {
        spells |= mask;
        heardBy.push(mask);
      }
    pairBefore = pair;
  }
  heardFrom[n] = heardBy.length;
  // Past the last letter: nothing is read there but the Latin letters added.
  unheard[n] = EDIT;
  const heard = { ways, unheard, vowel, spells, heardBy: Int32Array.from(heardBy), heardFrom, unwayed };
  if (heardLately.size >= HEARD_KEPT) heardLately.clear();
  heardLately.set(cyrillic, heard);
  return heard;
}

/** The alignment's table, reused across calls (grown when a longer pair of words comes). */
let table = new Float64Array(64 * 64);
/** Per Latin letter, what adding it costs and whether it is a vowel (reused across calls, grown likewise). */
let addedAt = new Float64Array(64);
let latinVowel = new Uint8Array(64);
const LATIN_VOWEL_CODES = new Uint8Array(128);
for (const v of LATIN_VOWELS) LATIN_VOWEL_CODES[v.charCodeAt(0)] = 1;
const E = "e".charCodeAt(0);
const H = "h".charCodeAt(0);

/**
 * The cost of hearing a Cyrillic word as the Latin one, or a beginning of it (`stems`: lengths of its Russian
 * stems) as the Latin word's beginning with up to `tail` Latin letters left over (an English ending the stem
 * lacks: greenlet-s, coach-ing; a tenth each); Infinity above `max`. 0 for a usual spelling («джава» java), a
 * few tenths for a less usual one, one per plain edit. One alignment weighs the word and all its stems;
 * `inside` lets it begin anywhere in the Latin word (a part of a compound: «фарплан» in EventFahrplan).
 * What depends on one word alone is worked out once per word or per call, not per cell of the table (a query
 * word's first sight weighs it against dozens of programme words).
 */
export function heardCost(
  cyrillic: string,
  latin: string,
  max: number,
  stems: readonly number[] = [],
  tail = 0,
  inside = false,
): number {
  const n = cyrillic.length;
  const m = latin.length;
  const heard = heardOf(cyrillic);
  const { ways, unheard, vowel } = heard;
  // d[i * width + j]: cost of the first i Cyrillic letters heard as the first j Latin ones.
  const width = m + 1;
  const size = (n + 1) * width;
  if (table.length < size) table = new Float64Array(size * 2);
  if (addedAt.length < width) {
    addedAt = new Float64Array(width * 2);
    latinVowel = new Uint8Array(width * 2);
  }
  // A Latin letter Russian does not write: a doubled letter, a silent e, an h after a vowel or a consonant.
  for (let j = 0; j < m; j++) {
    const l = latin.charCodeAt(j);
    const prev = j > 0 ? latin.charCodeAt(j - 1) : -1;
    latinVowel[j] = l < 128 ? (LATIN_VOWEL_CODES[l] as number) : 0;
    addedAt[j] =
      l === prev
        ? DOUBLED
        : l === E
          ? SILENT_E
          : l === H && prev >= 0
            ? prev < 128 && LATIN_VOWEL_CODES[prev]
              ? LENGTHENING_H
              : AFTER_CONSONANT_H
            : EDIT;
  }
  if (heardFloor(heard, latin, stems, tail, inside) > max + FLOOR_SLACK) return Number.POSITIVE_INFINITY;
  const d = table;
  d.fill(Number.POSITIVE_INFINITY, 0, size);
  d[0] = 0;
  // Heard inside the Latin word: it may begin anywhere.
  if (inside) d.fill(0, 0, width);
  let lastRowBest = Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= n; i++) {
    const unheardHere = unheard[i] as number;
    const cVowel = vowel[i] === 1;
    const spellings = ways[i] ?? [];
    const spelled = spellings.length;
    let rowBest = Number.POSITIVE_INFINITY;
    const row = i * width;
    for (let j = 0; j <= m; j++) {
      const here = d[row + j] as number;
      if (here > max) continue;
      if (here < rowBest) rowBest = here;
      // A Latin letter Russian does not write.
      if (j < m) {
        const added = addedAt[j] as number;
        if (here + added < (d[row + j + 1] as number)) d[row + j + 1] = here + added;
      }
      if (i === n) continue;
      // A Cyrillic letter not heard: a sign, a doubled letter, else an edit.
      const below = row + width + j;
      if (here + unheardHere < (d[below] as number)) d[below] = here + unheardHere;
      // A letter or pair spelled one of its ways.
      for (let k = 0; k < spelled; k++) {
        const way = spellings[k] as readonly [number, string, number];
        const spelling = way[1];
        if (latin.startsWith(spelling, j)) {
          const at = (i + way[0]) * width + j + spelling.length;
          if (here + way[2] < (d[at] as number)) d[at] = here + way[2];
        }
      }
      // A letter heard as another.
      if (j < m) {
        const other = here + (cVowel && latinVowel[j] === 1 ? VOWEL_FOR_VOWEL : EDIT);
        if (other < (d[below + 1] as number)) d[below + 1] = other;
      }
    }
    // A stem heard as the Latin word's beginning, its ending left.
    if (stems.includes(i))
      for (let j = Math.max(0, m - tail); j <= m; j++)
        best = Math.min(best, (d[row + j] as number) + (m - j) * TAIL);
    // A pair spans two rows: past two rows above the bound, nothing below it is left.
    if (rowBest > max && lastRowBest > max) break;
    lastRowBest = rowBest;
  }
  best = Math.min(best, d[n * width + m] as number);
  return best <= max ? best : Number.POSITIVE_INFINITY;
}

/** A Latin letter's bit (a–z; any other letter none: no way spells it). */
function letterBit(code: number): number {
  return code >= 97 && code <= 122 ? 1 << (code - 97) : 0;
}

/** The letters of a spelling, a bit each. */
function lettersOf(spelling: string): number {
  let mask = 0;
  for (let j = 0; j < spelling.length; j++) mask |= letterBit(spelling.charCodeAt(j));
  return mask;
}

/** Room for rounding between a floor summed in one order and the same costs summed along an alignment. */
const FLOOR_SLACK = 1e-9;

/**
 * A floor under {@link heardCost} (of a Latin word whose `addedAt` is filled), from the letters of either word
 * that no way of the other's can hear. A Latin letter none of the Cyrillic word's ways spells is added, heard as
 * another letter or left as an ending's; a Cyrillic letter before the shortest stem none of whose ways the Latin
 * word holds every letter of is left unheard or heard as another. Each such letter costs at least that whatever
 * the alignment, and no step pays for two letters of one word: either sum is a floor (not both added: hearing a
 * letter as another pays for one of each). Linear in the words' lengths, where the alignment is their product:
 * most words a Cyrillic word is weighed against are ruled out by it.
 */
function heardFloor(
  heard: Heard,
  latin: string,
  stems: readonly number[],
  tail: number,
  inside: boolean,
): number {
  const m = latin.length;
  let present = 0;
  let latinFloor = 0;
  for (let j = 0; j < m; j++) {
    const bit = letterBit(latin.charCodeAt(j));
    present |= bit;
    // Inside a longer word, the letters before where it is heard cost nothing.
    if (inside || bit & heard.spells) continue;
    let least = Math.min(addedAt[j] as number, VOWEL_FOR_VOWEL);
    if (stems.length && j >= m - tail) least = Math.min(least, TAIL);
    latinFloor += least;
  }
  let heardTo = heard.unwayed.length;
  for (const s of stems) if (s < heardTo) heardTo = s;
  let cyrillicFloor = 0;
  const { heardBy, heardFrom } = heard;
  for (let i = 0; i < heardTo; i++) {
    let spelled = false;
    for (let k = heardFrom[i] as number; k < (heardFrom[i + 1] as number) && !spelled; k++)
      spelled = ((heardBy[k] as number) & present) === heardBy[k];
    if (!spelled) cyrillicFloor += heard.unwayed[i] as number;
  }
  return Math.max(latinFloor, cyrillicFloor);
}

/**
 * The Latin beginnings (two or three letters) a Cyrillic word's spellings may start with, to find the
 * programme words worth weighing by {@link heardCost}: a borrowing keeps the word's beginning.
 */
const BEGINNING_VOWEL = 0.3;

export function heardBeginnings(cyrillic: string, letters = 3): string[] {
  let out: [spelled: string, at: number][] = [["", 0]];
  const done = new Set<string>();
  for (let step = 0; step < letters && out.length; step++) {
    const next: [string, number][] = [];
    for (const [spelled, at] of out) {
      if (spelled.length >= letters || at >= cyrillic.length) {
        done.add(spelled.slice(0, letters));
        continue;
      }
      for (const len of [1, 2]) {
        const ways = HEARD[cyrillic.slice(at, at + len)];
        if (!ways || at + len > cyrillic.length) continue;
        // A consonant's usual spellings only; a vowel's less usual ones too (vowels shift most).
        const vowel = CYRILLIC_VOWELS.has(cyrillic[at] as string);
        for (const [spelling, cost] of ways)
          if (cost <= (vowel ? BEGINNING_VOWEL : 0)) next.push([spelled + spelling, at + len]);
      }
    }
    out = next;
  }
  for (const [spelled] of out) if (spelled.length >= 2) done.add(spelled.slice(0, letters));
  return [...done].filter((b) => b.length >= 2);
}
