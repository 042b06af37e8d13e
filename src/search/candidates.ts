/**
 * Finding candidates: the vocabulary words a query word reaches and how well — exact, same stem, prefix, typo
 * (trigram candidates, then a bounded edit distance), phonetic key (Cyrillic ↔ Latin spelling), consonant
 * skeleton of a name — and the documents holding a phrase in one field.
 */
import { transliterate } from "../text/romanize.js";
import { ALIASES } from "./aliases.js";
import { editDistance } from "./distance.js";
import { FIELD_NAMES, FIELD_WEIGHTS, PROSE_MASK } from "./documents.js";
import { otherNameForms } from "./given-names.js";
import { heardable, heardBeginnings, heardCost } from "./heard.js";
import { matchHeardBack } from "./heard-back.js";
import { swapLayout } from "./layout.js";
import { lettersNamed, spelledAcronyms } from "./letter-names.js";
import { lexicon } from "./lexicon.js";
import { Lru, perOwner } from "./lru.js";
import { isCyrillic } from "./normalize.js";
import { sharedByWord } from "./per-word.js";
import { queryStem, stem } from "./stem.js";
import { isSoftwareName } from "./technames.js";
import {
  latinSpellings,
  phoneticKeys,
  romanizationKey,
  shortPhoneticKeys,
  skeletonsOf,
  usualSpelling,
} from "./translit.js";
import { trigrams } from "./trigrams.js";
import { isName, type Vocabulary } from "./vocabulary.js";

/**
 * BM25's saturation leaves a word said once in a text of average length at this share of its field's weight
 * (build.ts); a phrase's weight is capped at what the best field holding it gives a word said often.
 */
export const TF_BASE = 0.92;

/** Per field mask (a bit per field of FIELD_NAMES), the weight of the best field in it. */
const MASK_WEIGHT = new Float32Array(1 << FIELD_NAMES.length);
for (let m = 1; m < MASK_WEIGHT.length; m++)
  FIELD_NAMES.forEach((f, bit) => {
    if (m & (1 << bit) && FIELD_WEIGHTS[f] > (MASK_WEIGHT[m] as number)) MASK_WEIGHT[m] = FIELD_WEIGHTS[f];
  });

/** How much a query word's match is worth by how it was reached. */
export const SIM = {
  exact: 1,
  stem: 0.95,
  translation: 0.9,
  phonetic: 0.85,
  /** Upper bound of a prefix match; scaled down by how much of the word the prefix covers. */
  prefix: 0.9,
  /** Upper bound of a word found as the last part of a longer one (a compound's head); scaled by its share. */
  suffix: 0.9,
  /** Upper bound of a word found inside a longer one; scaled by its share. */
  infix: 0.8,
  /** Another form of a given name (“Grigory” Grisha, “Wlad” Vladislav): one person, not one spelling. */
  givenName: 0.8,
  /** A name whose consonants alone sound alike ("Майкл" ~ "Michael"). */
  skeleton: 0.75,
  /**
   * Upper bound of a typo match, scaled down by edits per letter: one slip in a long word still counts in an
   * abstract (0.95 × 7/8 × 0.55 ≥ MIN_SCORE), in a short one ("spring" for "sprint") only in a title or name.
   */
  typo: 0.95,
} as const;

const MAX_PREFIX_TERMS = 40;
/** Shortest query word looked for as the beginning of longer words (alone). */
const MIN_PREFIX = 4;
/** A three-letter beginning, looked for only beside other words, is worth this share of a longer one. */
const SHORT_PREFIX = 0.8;
/** Shortest query word looked for inside longer words, and how many times longer a word holding it may be. */
const MIN_INFIX = 4;
/** Cyrillic words up to this long are spelled in Latin letters; names and tech words are short. */
const MAX_SPELLED = 12;
/** Shortest Cyrillic word read as an acronym's letters by their names (two names: «айти»). */
const MIN_SPELLED_ACRONYM = 4;
/** How many of a word's Latin spellings are looked for as the beginning of a longer name. */
const PREFIX_SPELLINGS = 8;
const MAX_INFIX_SPAN = 4;
/** How much of a phonetic match's worth depends on how close the romanized spelling is to the word. */
const SPELLING_WEIGHT = 0.15;
/** A common word heard in a Cyrillic one is worth this share of a name heard so. */
const COMMON_BY_EAR = 0.9;
/** …and only when its romanized spelling is this close to the common word (edits per letter). */
const COMMON_SPELLING = 0.4;
/** …whose key may go on past the query word's by this many letters (an ending the Russian stem left out). */
const COMMON_KEY_TAIL = 1;

/** A Latin word spelled closer to how a Russian romanizes it by ear ("proxmox" → "proksmoks"). */
function spelledAsHeard(word: string): string {
  return word
    .replace(/x/g, "ks")
    .replace(/ck/g, "k")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/c(?![eiy])/g, "k");
}
/**
 * A Russian word with the ending of its borrowed Latin form: -ция is -tion, -сия -sion («анимация» animation,
 * «миграции» migration, «версия» version), whatever its case.
 */
function asBorrowed(word: string): string {
  return word.replace(/([цс])и(?:я|и|ю|ей|ям|ях|ями)$/, (_m, c: string) => (c === "ц" ? "тион" : "сион"));
}

/**
 * What {@link matchUnknown} works out of a word alone, before it meets a programme's words: the same for every
 * index of a series, so worked out once a word (per-word.ts).
 */
const romanKeyOf = sharedByWord(romanizationKey);
const acronymsSpelledBy = sharedByWord(spelledAcronyms);
const phoneticKeysOf = sharedByWord(phoneticKeys);
const romanizedOf = sharedByWord(transliterate);
/** A short word's two-consonant keys: a Cyrillic word's from three letters, a Latin one's from four. */
const shortKeysOf = sharedByWord((word) => shortPhoneticKeys(word, isCyrillic(word) ? 3 : 4));
const skeletonsOfWord = sharedByWord((word) => skeletonsOf(phoneticKeysOf(word)));
const nameFormsOf = sharedByWord(otherNameForms);

/** What a word reached inexactly is worth where it stands only in prose (score.ts's INEXACT_IN_PROSE). */
const INEXACT_PROSE = 0.8;

/** Vocabulary words a typo is compared with by edit distance, those sharing the most trigrams with it. */
const MAX_TYPO_CANDIDATES = 150;
/** A known word in at most this many documents may still be a typo for another when the query has more words. */
const RARE_DOCS = 3;
/** Vocabulary matches of query words, computed once per search: key "+word" (glossary phrase) or "-word". */
export type Memo = Map<string, Map<number, number>>;

/** Largest number of edits tolerated in a word of this length. */
function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** A query word's stems: Russian for a Cyrillic word, each content language's for a Latin one. */
function stemsOf(v: Vocabulary, word: string): string[] {
  let out = v.queryStems.get(word);
  if (out) return out;
  // Stemmed through queryStem's memo, which every programme's index shares (a series asks each the same words).
  if (isCyrillic(word)) out = [queryStem(word, "ru")];
  else {
    out = [queryStem(word)];
    for (let i = 1; i < v.latinLangs.length; i++) {
      const s = queryStem(word, v.latinLangs[i] as string);
      if (!out.includes(s)) out.push(s);
    }
  }
  // Queries repeat their words across readings, phrases and searches; a bounded memo saves the stemmers.
  if (v.queryStems.size >= 10_000) v.queryStems.clear();
  v.queryStems.set(word, out);
  return out;
}

/** Vocabulary words sharing a stem with a query word. */
export function sameStem(v: Vocabulary, word: string): number[] {
  const stems = stemsOf(v, word);
  if (stems.length === 1) return v.byStem.get(stems[0] as string) ?? [];
  const out = new Set<number>();
  for (const s of stems) for (const t of v.byStem.get(s) ?? []) out.add(t);
  return [...out];
}

/** Vocabulary words a query word reaches, each with the similarity of the best way it was reached. */
function matchWord(v: Vocabulary, word: string, translated: boolean, fuzzy: boolean): Map<number, number> {
  const found = new Map<number, number>();
  const add = (term: number, sim: number) => {
    if ((found.get(term) ?? 0) < sim) found.set(term, sim);
  };
  const exact = v.termIds.get(word);
  const wordStem = queryStem(word);
  if (exact !== undefined) add(exact, SIM.exact);
  matchAlias(v, word, add);
  matchGivenName(v, word, add);
  const stemmed = sameStem(v, word);
  for (const t of stemmed) {
    // A name is only ever written one way: "knitting" is not the project Knit, though stemmed alike.
    if (!v.lowerCount[t] && word.length > (v.terms[t] as string).length + 2) continue;
    add(t, SIM.stem);
  }
  if (exact === undefined && stemmed.length) spelledInOtherScript(v, word, found);
  if (exact === undefined) for (const id of umlautSpelled(v, word)) add(id, SIM.exact);
  if (/\d/.test(word)) return found;
  // A word typed in part ("postgr") or a derived form sharing the stem ("ускорить" → "ускорение").
  for (const prefix of new Set([word, wordStem])) {
    // Three letters begin too many words to find one by, but beside other words they may abbreviate one
    // ("forensics lab": Laboratoire d'analyse forensique), worth less.
    const short = prefix.length === MIN_PREFIX - 1 && fuzzy;
    if (prefix.length < MIN_PREFIX && !short) continue;
    const worth = short ? SIM.prefix * SHORT_PREFIX : SIM.prefix;
    v.sortedTerms.withPrefix(prefix, MAX_PREFIX_TERMS, (term, id) => {
      if (term.length > prefix.length) add(id, worth * Math.sqrt(prefix.length / term.length));
    });
  }
  if (exact !== undefined || stemmed.length || translated) {
    // Among other words, a rare known word may still be a slip for another ("jupiter notebooks").
    if (fuzzy && !translated && rare(v, exact, stemmed)) matchTypos(v, word, add);
    return found;
  }

  // An unknown word: a name spelled by ear or in the other script (in full or in part), or a typo.
  return matchUnknown(v, word, wordStem, fuzzy, found, add);
}

/**
 * The programme's names a Latin word spells with a German umlaut written the other way: ä ö ü as ae oe ue or as a
 * o u ("Graber" Graeber, "Mueller" Müller, which the index folds to muller) — one name, not a slip.
 */
function umlautSpelled(v: Vocabulary, word: string): number[] {
  if (word.length < MIN_UMLAUT_WORD || !/^[a-z]+$/.test(word)) return [];
  const out: number[] = [];
  const name = (spelling: string) => {
    const id = v.termIds.get(spelling);
    if (id !== undefined && v.proper.has(id) && isName(v, id) && !out.includes(id)) out.push(id);
  };
  for (let i = 1; i < word.length; i++) {
    const ch = word[i - 1] as string;
    if (ch !== "a" && ch !== "o" && ch !== "u") continue;
    if (word[i] === "e") name(word.slice(0, i) + word.slice(i + 1));
    else name(`${word.slice(0, i)}e${word.slice(i)}`);
  }
  return out;
}
/** Shortest Latin word read with an umlaut written the other way ({@link umlautSpelled}). */
const MIN_UMLAUT_WORD = 4;

/**
 * A Cyrillic word sharing a stem with a name of the programme, when it is another name of the programme spelled
 * whole in Cyrillic (one of its {@link latinSpellings}): «Антонио» is Antonio, not a form of Anton, though Russian
 * stems them alike. That name counts as the word's stem would, and the names the stem alone reaches only as
 * heard: a foreign name's ending is no Russian case ending. A Russian name's own forms («Антона») spell no name
 * of the programme and keep their stem.
 */
function spelledInOtherScript(v: Vocabulary, word: string, found: Map<number, number>): void {
  if (!isCyrillic(word) || word.length > MAX_SPELLED) return;
  let stemOfName = false;
  found.forEach((sim, t) => {
    if (sim === SIM.stem && isName(v, t)) stemOfName = true;
  });
  if (!stemOfName) return;
  const names: number[] = [];
  for (const spelling of latinSpellings(word)) {
    const id = v.termIds.get(spelling);
    if (id !== undefined && isName(v, id) && !names.includes(id)) names.push(id);
  }
  if (!names.length) return;
  found.forEach((sim, t) => {
    if (sim === SIM.stem && isName(v, t) && !names.includes(t)) found.set(t, SIM.phonetic);
  });
  for (const id of names) if ((found.get(id) ?? 0) < SIM.stem) found.set(id, SIM.stem);
}

/**
 * {@link matchWord} of a word the programme does not hold: a name spelled by ear or in the other script (in full
 * or in part), a borrowed word as heard, a part of a longer word, or a typo. A Russian word the dictionary lists
 * as it is typed, and not as a borrowing (none of its translations is heard in it), is a word of its own: it
 * reaches the programme's words by sound only when they name a person or a company («платье» is not
 * "platform", «кража» not "crazy", «островок» may be Ostrovok) — what it means is its translations'.
 */
function matchUnknown(
  v: Vocabulary,
  word: string,
  wordStem: string,
  fuzzy: boolean,
  found: Map<number, number>,
  add: (term: number, sim: number) => void,
): Map<number, number> {
  const typed = add;
  if (isCyrillic(word) && isNativeWord(word))
    add = (term, sim) => {
      if (isName(v, term)) typed(term, sim);
    };
  // A name in another romanization, however short ("Iurii" Yury, «Юрий» Iurii).
  const romanKey = romanKeyOf(word);
  if (romanKey.length >= 3) for (const id of v.romanKeys().get(romanKey) ?? []) add(id, SIM.phonetic);
  // A short name, too short for a phonetic key ("Удо", "Ян"), spelled letter by letter.
  // Beside other words, a name of two letters too («Йо Ван Бульк» Jo Van Bulck, «Ян» Jan).
  if (isCyrillic(word) && word.length >= (fuzzy ? 2 : 3)) matchLatinSpellings(v, word, add);
  // An acronym said letter by letter («диджеем» DJ, «айти» IT), as the programme writes it: in capitals.
  if (isCyrillic(word) && word.length >= MIN_SPELLED_ACRONYM)
    for (const acronym of acronymsSpelledBy(word)) {
      const id = v.termIds.get(acronym);
      if (id !== undefined && v.proper.has(id) && !v.lowerCount[id]) add(id, SIM.phonetic);
    }
  // The word's forms' phonetic keys, each worked out once for every index: the name keys, the common words' and
  // the skeletons ask for the same forms' keys.
  const keysOf = phoneticKeysOf;
  let spelledAlike = (_id: number, _sim: number) => {};
  if (word.length >= 4) {
    // Words that sound alike are told apart by how close their letters are, romanized: "годот" is "godot",
    // which sounds like "guided" too.
    const romanized = isCyrillic(word) ? romanizedOf(word) : word;
    spelledAlike = (id: number, sim: number) => {
      const term = v.terms[id] as string;
      const d = editDistance(romanized, term, term.length);
      add(id, sim * (1 - SPELLING_WEIGHT * Math.min(1, d / Math.max(term.length, romanized.length))));
    };
    for (const key of new Set([...keysOf(word), ...keysOf(wordStem), ...keysOf(asBorrowed(word))])) {
      v.sortedKeys.withPrefix(key, MAX_PREFIX_TERMS, (k, id) => {
        if (k === key) spelledAlike(id, SIM.phonetic);
        // A name typed in part: most of its sound, spelled nearly alike as far as typed ("маникюр" is not
        // "Managerial"), not a short word that happens to begin a long name.
        else if (
          word.length >= 5 &&
          key.length >= 5 &&
          key.length >= 0.7 * k.length &&
          beginsAlike(romanized, v.terms[id] as string)
        )
          spelledAlike(id, SIM.phonetic * Math.sqrt(key.length / k.length));
      });
    }
  }
  // A short name heard alike in the other script ("Райт" Wright, "Хьюз" Hughes, "Бёк" Böck), too short for
  // the keys above.
  const cyrillic = isCyrillic(word);
  for (const key of shortKeysOf(word))
    for (const id of v.shortKeys.get(key) ?? [])
      if (isCyrillic(v.terms[id] as string) !== cyrillic) add(id, SIM.phonetic * (1 - SPELLING_WEIGHT));
  // A common word must also be spelled nearly alike: "маникюр" sounds like "manager" but is not it.
  // Borrowed words are compared by their stems too ("инциденты" → "инцидент" ~ "incidents").
  if (!found.size && isCyrillic(word) && word.length >= 5) {
    for (const form of new Set([word, wordStem, asBorrowed(word)])) {
      const romanized = romanizedOf(form);
      for (const key of keysOf(form))
        v.commonKeys().withPrefix(key, MAX_PREFIX_TERMS, (k, id) => {
          if (k.length > key.length + COMMON_KEY_TAIL) return;
          const term = spelledAsHeard(v.terms[id] as string);
          const close = editDistance(romanized, term, term.length) <= COMMON_SPELLING * term.length;
          if (close) spelledAlike(id, SIM.phonetic * COMMON_BY_EAR);
        });
    }
  }
  // Vowels are heard least alike across languages ("Майкл" ~ "Michael"): a name's consonants may do.
  // Three consonants are too little to go on for a word alone, enough within a full name ("Майкл Микс").
  if (word.length >= 5 && isCyrillic(word)) {
    for (const skeleton of skeletonsOfWord(word))
      if (fuzzy || skeleton.length >= 4)
        for (const id of v.skeletons.get(skeleton) ?? []) add(id, SIM.skeleton);
  }
  // A native word spelled as typed in Latin letters is a borrowing after all («фабрика» fabric); a part, a slip.
  const native = add !== typed;
  matchLast(v, word, (add, typed) => {
    if (cyrillic) matchHeard(v, word, wordStem, add, native ? typed : undefined);
    // An English word heard in a Russian programme's borrowing («антивирусе» antivirus).
    else matchHeardBack(v, word, SIM.phonetic, add);
    matchInfix(v, word, typed);
    matchTypos(v, word, typed);
  })(add, typed);
  return found;
}

/** How many words' last steps ({@link matchLast}) a vocabulary keeps. */
const LAST_STEPS_KEPT = 64;
/** Per vocabulary, the calls the last steps of {@link matchUnknown} made, by word. */
const lastSteps = perOwner<Vocabulary, Lru<string, Float64Array>>(() => new Lru(LAST_STEPS_KEPT));

/**
 * The last steps of {@link matchUnknown} (sound, part, slip), which depend on the word alone — not on whether it
 * stands beside others, which the steps before do — as a replay of the calls they made to `add` and `typed`, in
 * order: a query of several words asks for each word's matches alone (reading it) and beside the others
 * (scoring it), and these steps are most of an unknown word's cost.
 */
function matchLast(
  v: Vocabulary,
  word: string,
  steps: (add: (term: number, sim: number) => void, typed: (term: number, sim: number) => void) => void,
): (add: (term: number, sim: number) => void, typed: (term: number, sim: number) => void) => void {
  const calls = lastSteps(v).remember(word, () => {
    // Per call: 0 for add, 1 for typed; the term; the similarity.
    const made: number[] = [];
    steps(
      (term, sim) => made.push(0, term, sim),
      (term, sim) => made.push(1, term, sim),
    );
    return Float64Array.from(made);
  });
  return (add, typed) => {
    for (let i = 0; i < calls.length; i += 3)
      ((calls[i] as number) === 0 ? add : typed)(calls[i + 1] as number, calls[i + 2] as number);
  };
}

/** Shortest Cyrillic word weighed as heard against the programme's Latin words. */
const MIN_HEARD = 5;
/**
 * A heard match this cheap (in {@link heardCost}'s units) of a word this long is as good as typing it so in
 * Latin letters.
 */
const HEARD_AS_TYPED = 0.4;
const MIN_AS_TYPED = 6;
/** Cost per letter of the Latin word tolerated for a heard match. */
const HEARD_CLOSE = 0.1;
/** Latin letters a programme word may go on past a Russian stem (an English ending: -s, -ing, -ies). */
const HEARD_TAIL = 4;
/** Programme words looked at per Latin beginning, and the longest beginning looked for when more begin so. */
const HEARD_CANDIDATES = 60;
const HEARD_BEGINNING_MAX = 5;
/** The fields naming people: a name is never as good as typed when heard (another person may sound alike). */
const PERSON_MASK = FIELD_NAMES.reduce(
  (m, f, bit) => (f === "name" || f === "speakerName" ? m | (1 << bit) : m),
  0,
);

/** A borrowing is heard in its translation within this many edits per letter («формула» formula). */
const COGNATE = 0.25;
/** Shortest Russian word taken for a native one (a short one may well be a name or a tech word: «сим» SIM). */
const MIN_NATIVE = 5;

/**
 * Whether a Cyrillic word is a Russian word the Russian–English list holds as typed, none of whose first
 * translations (or those of a word sharing its stem and length, an ending for another) is heard in it: a native word («платье» dress), not a
 * borrowing («формула» formula, «энергии» energy).
 */
function nativeWord(word: string): boolean {
  if (word.length < MIN_NATIVE || !heardable(word)) return false;
  const list = lexicon("ru", "en");
  const own = list?.lookup(word) ?? [];
  if (!own.length || !list) return false;
  const s = queryStem(word, "ru");
  const translations = own.slice(0, 3);
  list.withPrefix(s, 30, (lemma, more) => {
    if (lemma !== word && lemma.length === word.length && queryStem(lemma, "ru") === s)
      translations.push(...more.slice(0, 3));
  });
  return !translations.some((t) => {
    const max = COGNATE * t.length;
    return heardCost(word, t.replace(/ /g, ""), max, [s.length], 4) <= max;
  });
}

/** {@link nativeWord}, worked out once a word for every index (it asks the word lists alone). */
const isNativeWord = sharedByWord(nativeWord);

/**
 * A borrowed word written in Cyrillic matched to the programme's Latin words by how it is heard ({@link
 * heardCost}): the word whole, or its Russian stem (its ending left out, an adjective's suffix too:
 * «коучинговые» → коучинг; or only its final vowels: «электромобили» → электромобил) as the beginning of a
 * programme word («гринлеты» greenlets, «хоумлаб» homelabing).
 * Spelled as usual, a long word counts as typed in Latin letters — unless it names a person, or a person's name
 * is heard about as closely («дэниел» is Daniel, not denial); less closely, by how far.
 */
function matchHeard(
  v: Vocabulary,
  word: string,
  wordStem: string,
  add: (term: number, sim: number) => void,
  asTyped: (term: number, sim: number) => void = add,
): void {
  if (!mayBeHeard(v, word)) return;
  const stems = heardStems(word, wordStem);
  const suffixed = suffixedStem(wordStem);
  const seen = new Map<number, number>();
  const { candidates, costs } = heardCosts(v, word, stems, suffixed);
  for (let k = 0; k < candidates.length; k++) {
    const [term, id] = candidates[k] as [string, number];
    const within = costs[k] as number;
    const cost = within <= HEARD_CLOSE * term.length ? within : Number.POSITIVE_INFINITY;
    if (cost < (seen.get(id) ?? Number.POSITIVE_INFINITY)) seen.set(id, cost);
  }
  let closestPerson = Number.POSITIVE_INFINITY;
  const people = new Set<number>();
  for (const [id, cost] of seen)
    for (const m of v.postingMasks(id))
      if (m & PERSON_MASK) {
        people.add(id);
        closestPerson = Math.min(closestPerson, cost);
        break;
      }
  for (const [id, cost] of seen) {
    const typedSo =
      cost <= HEARD_AS_TYPED &&
      word.length >= MIN_AS_TYPED &&
      !people.has(id) &&
      closestPerson > cost + HEARD_AS_TYPED;
    // A native word only when spelled so nearly to the letter, its ending aside («фабрика» fabric, not
    // «платье» plats or platform).
    if (typedSo && (asTyped === add || nearlyAsSpelled(word, v.terms[id] as string, stems)))
      asTyped(id, SIM.exact);
    else add(id, SIM.phonetic * (1 - cost / (v.terms[id] as string).length));
  }
  // Inside a longer word, an English -ing written in Cyrillic may be left too («андервольтинг» → андервольт).
  const root = wordStem.replace(/инг$/, "").length;
  if (word.length >= MIN_HEARD_INSIDE)
    matchHeardInside(v, word, root < wordStem.length && root >= MIN_HEARD ? [...stems, root] : stems, add);
}

/**
 * Whether a word may be heard as a Latin word (matchHeard): a Cyrillic one of five letters or more, not typed on
 * the wrong keyboard layout («щкпфтшяфешщт» organization is no borrowing).
 */
function mayBeHeard(v: Vocabulary, word: string): boolean {
  return word.length >= MIN_HEARD && /^[а-яё]+$/.test(word) && !v.termIds.has(swapLayout(word));
}

/**
 * The lengths of a Cyrillic word's beginnings a Latin word may be heard in, its ending left out: its Russian
 * stem, that stem less an adjective's suffix, the word less its final vowels.
 */
function heardStems(word: string, wordStem: string): number[] {
  const stems: number[] = [];
  for (const s of [wordStem, wordStem.replace(/(?:ов|ев|н|ск)$/, ""), word.replace(/[аеёиоуыэюяйь]+$/, "")])
    if (s.length >= MIN_HEARD - 1 && word.startsWith(s) && !stems.includes(s.length)) stems.push(s.length);
  return stems;
}

/**
 * A Cyrillic word's stem less a noun's suffix -к- («админка» admin, «флешка» flash), as a length, when it has one:
 * heard as a whole Latin word, no ending past it («валенки» is no Valentin).
 */
function suffixedStem(wordStem: string): number[] | undefined {
  return /к$/.test(wordStem) && wordStem.length >= MIN_HEARD ? [wordStem.length - 1] : undefined;
}

/** {@link heardCost} of a word's stems with an ending past them, or of its suffixed stem as the whole Latin word. */
function heardAs(
  word: string,
  term: string,
  max: number,
  stems: readonly number[],
  suffixed: readonly number[] | undefined,
): number {
  const cost = heardCost(word, term, max, stems, HEARD_TAIL);
  return suffixed ? Math.min(cost, heardCost(word, term, max, suffixed)) : cost;
}

/**
 * The programme words a Cyrillic word is weighed against as heard (matchHeard): those beginning as it is
 * spelled — where too many do («эле…», more than {@link HEARD_CANDIDATES}), those beginning with a letter more —
 * of a length it may be heard as. Read in place from the sorted words (a beginning that begins too many is
 * told by one look past the bound, not by collecting them), each length's beginnings worked out once; the last
 * word's list is kept, for matchCeiling and matchWord ask for the same one in turn.
 */
function heardCandidates(v: Vocabulary, word: string, stems: readonly number[]): [string, number][] {
  const shortest = Math.min(word.length, ...stems);
  const last = lastHeard.get(v);
  if (last && last.word === word && last.shortest === shortest) return last.out;
  const { strings, ids } = v.sortedTerms;
  const out: [string, number][] = [];
  const beginnings: string[][] = [];
  const beginningsOf = (letters: number) => {
    beginnings[letters] ??= heardBeginnings(word, letters);
    return beginnings[letters];
  };
  const visit = (of: readonly string[], letters: number) => {
    for (const beginning of of) {
      const lo = v.sortedTerms.lowerBound(beginning);
      const beyond = strings[lo + HEARD_CANDIDATES];
      if (beyond?.startsWith(beginning) && letters < HEARD_BEGINNING_MAX) {
        const longer = beginningsOf(letters + 1).filter(
          (b) => b.length > beginning.length && b.startsWith(beginning),
        );
        if (longer.length) {
          visit(longer, letters + 1);
          continue;
        }
      }
      for (let i = lo; i < strings.length && i <= lo + HEARD_CANDIDATES; i++) {
        const term = strings[i] as string;
        if (!term.startsWith(beginning)) break;
        if (term.length >= shortest * 0.7 && term.length <= word.length * 1.6 + HEARD_TAIL)
          out.push([term, ids[i] as number]);
      }
    }
  };
  visit(beginningsOf(3), 3);
  lastHeard.set(v, { word, shortest, out });
  return out;
}

/** Per vocabulary, {@link heardCandidates}' last answer (its callers only read it). */
const lastHeard = new WeakMap<Vocabulary, { word: string; shortest: number; out: [string, number][] }>();

/**
 * Whether matchHeard may take a word as a Latin word typed so (worth an exact match): some programme word it is
 * weighed against is heard in it within {@link HEARD_AS_TYPED}. Cheaper than matchHeard: no word's full cost.
 */
function mayBeHeardAsTyped(v: Vocabulary, word: string): boolean {
  if (word.length < MIN_AS_TYPED || !mayBeHeard(v, word)) return false;
  const wordStem = queryStem(word);
  return heardCosts(v, word, heardStems(word, wordStem), suffixedStem(wordStem)).costs.some(
    (cost) => cost <= HEARD_AS_TYPED,
  );
}

/** A word's {@link heardCandidates} and what hearing it as each costs ({@link heardCosts}). */
interface HeardCosts {
  candidates: [string, number][];
  key: string;
  costs: Float64Array;
}
/** Per vocabulary, {@link heardCosts}' last answer. */
const lastCosts = new WeakMap<Vocabulary, HeardCosts>();

/**
 * A Cyrillic word's {@link heardCandidates}, each with {@link heardAs} within the larger of the two bounds
 * asked of it: {@link HEARD_AS_TYPED} (matchCeiling: may it be a Latin word typed so?) and what matchHeard
 * tolerates for that programme word. A cost within a bound is the same whichever higher bound it was worked out
 * under (the bound only cuts the alignment short), so both questions read one alignment per programme word,
 * not two; the last word's are kept per vocabulary.
 */
function heardCosts(
  v: Vocabulary,
  word: string,
  stems: readonly number[],
  suffixed: readonly number[] | undefined,
): HeardCosts {
  const candidates = heardCandidates(v, word, suffixed ? [...stems, ...suffixed] : stems);
  const key = `${stems.join(",")}/${suffixed?.join(",") ?? ""}`;
  const last = lastCosts.get(v);
  if (last && last.candidates === candidates && last.key === key) return last;
  const costs = new Float64Array(candidates.length);
  candidates.forEach(([term], k) => {
    costs[k] = heardAs(word, term, Math.max(HEARD_AS_TYPED, HEARD_CLOSE * term.length), stems, suffixed);
  });
  const out = { candidates, key, costs };
  lastCosts.set(v, out);
  return out;
}

/** Latin letters a native Russian word's stem may be short of a programme word heard as typed («либерал|en»). */
const NATIVE_TAIL = 2;

/** Whether a Russian word is heard as a Latin word of six letters or more, a stem with at most a short ending. */
function nearlyAsSpelled(word: string, term: string, stems: readonly number[]): boolean {
  return (
    term.length >= MIN_AS_TYPED && heardCost(word, term, HEARD_AS_TYPED, stems, NATIVE_TAIL) <= HEARD_AS_TYPED
  );
}

/** Shortest Cyrillic word looked for inside longer Latin words as heard, and the cost per letter tolerated. */
const MIN_HEARD_INSIDE = 7;
const HEARD_INSIDE = 0.1;
/** Words holding one of the spelling's trigrams looked at, from the two rarest trigrams. */
const INSIDE_CANDIDATES = 200;

/**
 * A borrowed word heard as a part of a longer Latin word («андервольтинг» in Plundervolt, «фарпланн» in
 * EventFahrplan): the words holding the rarest trigrams of its usual spelling, weighed by {@link heardCost}
 * with the word beginning anywhere in them, worth an infix's share. No person's name.
 */
function matchHeardInside(
  v: Vocabulary,
  word: string,
  stems: readonly number[],
  add: (term: number, sim: number) => void,
): void {
  const root = Math.min(word.length, ...stems);
  const spelled = usualSpelling(word.slice(0, root));
  if (!spelled || spelled.length < MIN_HEARD_INSIDE - 1) return;
  const lists: Int32Array[] = [];
  for (let i = 0; i + 3 <= spelled.length; i++) {
    const list = v.byGram(spelled.slice(i, i + 3));
    if (list) lists.push(list);
  }
  lists.sort((a, b) => a.length - b.length);
  const seen = new Set<number>();
  for (const list of lists.slice(0, 2))
    for (let i = 0; i < list.length && i < INSIDE_CANDIDATES; i++) {
      const t = list[i] as number;
      if (seen.has(t)) continue;
      seen.add(t);
      const term = v.terms[t] as string;
      if (term.length <= spelled.length || term.length > spelled.length * MAX_INFIX_SPAN) continue;
      const cost = heardCost(word, term, HEARD_INSIDE * root, stems, HEARD_TAIL, true);
      if (!Number.isFinite(cost) || v.postingMasks(t).some((m) => m & PERSON_MASK)) continue;
      add(t, SIM.infix * Math.sqrt(spelled.length / term.length) * (1 - cost / spelled.length));
    }
}
/** The programme's terms a word of a phrase is held as: the word itself and the words sharing its stem. */
export function termsOf(v: Vocabulary, word: string): Set<number> {
  const terms = new Set(sameStem(v, word));
  const exact = v.termIds.get(word);
  if (exact !== undefined) terms.add(exact);
  return terms;
}
/**
 * Documents holding every word of a phrase (exactly or by stem) in one field, with the weight of the best field
 * holding them all: "smart home" in a title, not "smart" in the title and "home" in the track. A phrase held
 * only in prose is worth `inProse` of that (a dictionary's translation said in passing is weak evidence).
 */
export function matchPhrase(v: Vocabulary, words: readonly string[], inProse = 1): Map<number, number> {
  if (words.length === 1) return matchOneWordPhrase(v, words[0] as string, inProse);
  // Per document, the fields holding every word so far (none: 0) and the weakest of those words' weights (each
  // word's best): the words before in one scratch, this word in the other; `held` lists the documents before.
  let before = phraseScratch(v);
  let now = phraseScratch(v, 1);
  let held: number[] = [];
  for (let k = 0; k < words.length; k++) {
    const docs = collectPhraseWord(v, words[k] as string, k > 0 ? before : undefined, now);
    for (const d of held) {
      before.fields[d] = 0;
      before.weight[d] = 0;
    }
    [before, now, held] = [now, before, docs];
    if (!held.length) break;
  }
  const out = new Map<number, number>();
  for (const d of held) {
    const m = before.fields[d] as number;
    const w = before.weight[d] as number;
    const best = Math.min(w, (MASK_WEIGHT[m] as number) * (2 - TF_BASE));
    out.set(d, (m & ~PROSE_MASK) === 0 ? best * inProse : best);
    before.fields[d] = 0;
    before.weight[d] = 0;
  }
  return out;
}

/**
 * How many phrases' documents ({@link phraseDocs}) an index remembers from one search to the next: a glossary's
 * phrase comes back in query after query ("open source" in a dozen FOSDEM track names), and its words reach
 * hundreds of documents. Most take a kB or two; the broadest some 15 kB.
 */
export const PHRASES_KEPT = 256;
const rememberedPhrases = perOwner<Vocabulary, Lru<string, Map<number, number>>>(() => new Lru(PHRASES_KEPT));

/**
 * {@link matchPhrase}, remembered across a vocabulary's searches (full and direct): the same phrase finds the
 * same documents every time. Its readers never change the map.
 */
export function phraseDocs(v: Vocabulary, words: readonly string[], inProse = 1): Map<number, number> {
  return rememberedPhrases(v).remember(`${inProse} ${words.join(" ")}`, () => matchPhrase(v, words, inProse));
}

/**
 * One word of a phrase into `now`: per document, the fields holding the word by any of its terms (and, after the
 * first word, every word `before` too), and the weakest weight so far (this word's best term's). The documents
 * in the order first met; only those holding every word so far in one field.
 */
function collectPhraseWord(
  v: Vocabulary,
  word: string,
  before: PhraseScratch | undefined,
  now: PhraseScratch,
): number[] {
  const docs: number[] = [];
  const { fields, weight } = now;
  for (const t of termsOf(v, word)) {
    const ids = v.postingDocs(t);
    const masks = v.postingMasks(t);
    const weights = v.postingWeights(t);
    for (let i = 0; i < ids.length; i++) {
      const d = ids[i] as number;
      let m = masks[i] as number;
      let w = weights[i] as number;
      if (before) {
        m &= before.fields[d] as number;
        if (!m) continue;
        w = Math.min(w, before.weight[d] as number);
      }
      if (fields[d]) {
        fields[d] = (fields[d] as number) | m;
        weight[d] = Math.max(weight[d] as number, w);
      } else {
        // A posting holds its word in some field, so a document met is never left at 0.
        docs.push(d);
        fields[d] = m;
        weight[d] = w;
      }
    }
  }
  return docs;
}
/**
 * {@link matchPhrase} of one word (most translations are), in typed arrays: a common word's documents number
 * hundreds, and a tuple per document in a map cost most of a translated query's scoring.
 */
function matchOneWordPhrase(v: Vocabulary, word: string, inProse: number): Map<number, number> {
  const terms = termsOf(v, word);
  const out = new Map<number, number>();
  if (!terms.size) return out;
  const { fields, weight } = phraseScratch(v);
  const held: number[] = [];
  for (const t of terms) {
    const ids = v.postingDocs(t);
    const masks = v.postingMasks(t);
    const weights = v.postingWeights(t);
    for (let i = 0; i < ids.length; i++) {
      const d = ids[i] as number;
      if (!fields[d]) held.push(d);
      fields[d] = (fields[d] as number) | (masks[i] as number);
      if ((weights[i] as number) > (weight[d] as number)) weight[d] = weights[i] as number;
    }
  }
  for (const d of held) {
    const m = fields[d] as number;
    const w = Math.min(weight[d] as number, (MASK_WEIGHT[m] as number) * (2 - TF_BASE));
    out.set(d, (m & ~PROSE_MASK) === 0 ? w * inProse : w);
    fields[d] = 0;
    weight[d] = 0;
  }
  return out;
}

/** Per vocabulary, {@link matchOneWordPhrase}'s per-document arrays, all zero between calls (cleared as read). */
/** Per document, a phrase's fields (bits of FIELD_NAMES) and weight; all 0 between searches. */
type PhraseScratch = { fields: Uint16Array; weight: Float32Array };

const phraseScratches = new WeakMap<Vocabulary, [PhraseScratch, PhraseScratch]>();

/**
 * A vocabulary's per-document arrays for {@link matchPhrase} (the first or the second pair): made once, not twice
 * per translation.
 */
function phraseScratch(v: Vocabulary, which: 0 | 1 = 0): PhraseScratch {
  let scratch = phraseScratches.get(v);
  if (!scratch) {
    const make = () => ({ fields: new Uint16Array(v.docs.length), weight: new Float32Array(v.docs.length) });
    scratch = [make(), make()];
    phraseScratches.set(v, scratch);
  }
  return scratch[which];
}
/** Adds the vocabulary words within a few edits of a query word (candidates by shared trigrams first). */
function matchTypos(v: Vocabulary, word: string, add: (term: number, sim: number) => void): void {
  const max = maxEdits(word.length);
  if (max === 0 || /\d/.test(word)) return;
  const grams = trigrams(word);
  // Counted in a typed array reused across searches: a Map here cost most of a typo query's time.
  const shared = v.gramCounts;
  const touched: number[] = [];
  let need = Math.max(2, grams.length - 4 * max);
  const lo = word.length - max;
  const hi = word.length + max;
  // Indexed loops over the trigram lists: a for…of over `list ?? []` (a typed array or an array) made an iterator
  // result per word, a tenth of a first-sight query's garbage.
  for (const g of new Set(grams)) {
    const list = v.byGram(g);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const t = list[i] as number;
      const len = v.termLengths[t] as number;
      if (len < lo || len > hi) continue;
      if (shared[t] === 0) touched.push(t);
      shared[t] = (shared[t] as number) + 1;
    }
  }
  // Only the candidates sharing the most trigrams get the edit distance, at most MAX_TYPO_CANDIDATES of them.
  const histogram = new Uint32Array(grams.length + 2);
  for (const t of touched) histogram[shared[t] as number] = (histogram[shared[t] as number] as number) + 1;
  let above = 0;
  for (let n = grams.length + 1; n >= need; n--) {
    above += histogram[n] as number;
    if (above > MAX_TYPO_CANDIDATES) {
      need = n + 1;
      break;
    }
  }
  for (const t of touched) {
    const n = shared[t] as number;
    shared[t] = 0;
    if (n < need) continue;
    const term = v.terms[t] as string;
    const d = editDistance(word, term, max);
    if (d === 0 || d > max) continue;
    add(t, SIM.typo * (1 - d / Math.max(word.length, term.length)));
  }
  matchOneSlip(v, word, add);
}

/**
 * The words one slip away that trigrams miss: in a short word a swapped pair of letters ("flsak") or a doubled
 * one ("ассинхронный") breaks most of its trigrams. Each swap of neighbours and each letter left out is looked
 * up as a word and as a stem, so a word form with a slip still finds its word ("ассинхронного").
 */
function matchOneSlip(v: Vocabulary, word: string, add: (term: number, sim: number) => void): void {
  const sim = SIM.typo * (1 - 1 / word.length);
  // Russian words change their endings: a variant is also looked up by its stem, when the stem keeps most of
  // the word (a Latin word's variants only whole: "knitting" less an n is "kitting", not the word "kit").
  const cyrillic = isCyrillic(word);
  const shortest = Math.max(5, word.length - 4);
  // A variant keeps the word's letters before its slip: whether the word's first n letters are a stem the
  // programme has is looked up once for every variant, not once per variant.
  const beginsStem: boolean[] = [];
  const tryVariant = (variant: string, slip: number) => {
    const exact = v.termIds.get(variant);
    if (exact !== undefined) add(exact, sim);
    if (!cyrillic || !mayStemTo(v, variant, shortest, word, slip, beginsStem)) return;
    const s = stem(variant, "ru");
    if (s.length >= shortest) for (const t of v.byStem.get(s) ?? []) add(t, sim * SIM.stem);
  };
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) tryVariant(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), i);
  for (let i = 0; i < word.length; i++)
    if (i === 0 || word[i] !== word[i - 1]) tryVariant(word.slice(0, i) + word.slice(i + 1), i);
}
/**
 * Whether a Russian word's stem of `shortest` letters or more may be one the programme's words have: the Russian
 * stemmer only takes an ending off (and folds ё), so such a stem is one of the word's beginnings that long. A few
 * look-ups instead of stemming each of a slip's variants, most of which stem to nothing the programme holds. The
 * variant's first `slip` letters are `of`'s, whose beginnings' answers `beginsStem` keeps.
 */
function mayStemTo(
  v: Vocabulary,
  variant: string,
  shortest: number,
  of: string,
  slip: number,
  beginsStem: boolean[],
): boolean {
  if (variant.includes("ё")) return true;
  for (let n = shortest; n <= variant.length; n++) {
    if (n > slip) {
      if (v.byStem.has(variant.slice(0, n))) return true;
      continue;
    }
    let known = beginsStem[n];
    if (known === undefined) {
      known = v.byStem.has(of.slice(0, n));
      beginsStem[n] = known;
    }
    if (known) return true;
  }
  return false;
}
/**
 * A word inside a longer one: the end of a compound ("kabel" in "Seekabel", "drohne" in "Rettungsdrohne") or
 * its middle ("sync" in "asynchronous"). The longer word's share held by the query word scales the match; a
 * compound's last part (its head) is worth more than a middle. Candidates are the words holding the query
 * word's rarest trigram.
 */
function matchInfix(v: Vocabulary, word: string, add: (term: number, sim: number) => void): void {
  if (word.length < MIN_INFIX || /\d/.test(word)) return;
  let rarest: Int32Array | undefined;
  for (let i = 0; i + 3 <= word.length; i++) {
    const list = v.byGram(word.slice(i, i + 3));
    if (!list) return;
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  let n = 0;
  for (const t of rarest ?? []) {
    const term = v.terms[t] as string;
    const at = term.indexOf(word, 1);
    if (at < 0 || term.length > word.length * MAX_INFIX_SPAN) continue;
    const share = Math.sqrt(word.length / term.length);
    add(t, (at + word.length === term.length ? SIM.suffix : SIM.infix) * share);
    if (++n >= MAX_PREFIX_TERMS) break;
  }
}

/**
 * A technology by its other name ({@link ALIASES}: "golang" is Go, "k8s" Kubernetes), where the programme
 * holds that name as a name: "go" in prose is a verb, not the language.
 */
function matchAlias(v: Vocabulary, word: string, add: (term: number, sim: number) => void): void {
  const alias = ALIASES.get(word);
  const id = alias === undefined ? undefined : v.termIds.get(alias);
  if (id !== undefined && v.proper.has(id)) add(id, SIM.translation);
}

/**
 * The programme's names that are another form of the given name `word` is (given-names.ts: “Grigory” Grisha,
 * “Wlad” Vladislav, “Andrew” Андрей), where they stand in a name: one person, said another way.
 */
function matchGivenName(v: Vocabulary, word: string, add: (term: number, sim: number) => void): void {
  const forms = nameFormsOf(word);
  if (!forms.length) return;
  const keys = v.romanKeys();
  for (const key of forms) for (const id of keys.get(key) ?? []) if (isName(v, id)) add(id, SIM.givenName);
}

/** Shortest Latin spelling looked for inside a longer name, and how many of a word's spellings are. */
const MIN_SPELLED_INSIDE = 5;
const INSIDE_SPELLINGS = 8;
/** Shortest common word (not a name) found by a Cyrillic word's Latin spelling: «мост» is no "most". */
const MIN_COMMON_SPELLED = 5;
/** …and by a word with letters Russian writes only in borrowings: оу, дж, ью. */
const MIN_FOREIGN_SPELLED = 3;
const FOREIGN_PAIR = /оу|дж|ью/;

/**
 * A name or tech word written in Cyrillic as Russians write it («джава», «го», «солт», «монго», «пандас»): its
 * Latin spellings looked up whole — a name of any length, another word of five letters or more — and as the
 * beginning of a name of which it is the first part («монго» MongoEngine, «солт» SaltStack).
 */
function matchLatinSpellings(v: Vocabulary, word: string, add: (term: number, sim: number) => void): void {
  if (word.length > MAX_SPELLED) return;
  // A word with a pair of letters only borrowings have («флоу» flow, «джем» jam) is English of any length.
  const shortest = FOREIGN_PAIR.test(word) ? MIN_FOREIGN_SPELLED : MIN_COMMON_SPELLED;
  const wholes = spelledWholes(word);
  latinSpellings(word).forEach((spelling, i) => {
    matchAlias(v, spelling, add);
    // Spelled whole, or with the silent final e Russian does not write («Ассанж» Assange, «ансибл» Ansible); a
    // short one when it names software and is no word of English or Russian («гит» git; «мост» is no "most").
    for (const whole of wholes[i] as readonly string[]) {
      const id = v.termIds.get(whole);
      if (id !== undefined && (v.proper.has(id) || whole.length >= shortest || softwareSpelled(word, whole)))
        add(id, SIM.phonetic);
    }
    // The first, likeliest spellings only begin a longer name: each look-up is a binary search.
    if (spelling.length >= 4 && i < PREFIX_SPELLINGS)
      v.sortedTerms.withPrefix(spelling, MAX_PREFIX_TERMS, (term, t) => {
        if (term.length > spelling.length && v.proper.has(t))
          add(t, SIM.phonetic * Math.sqrt(spelling.length / term.length));
      });
    // …or end or stand inside one («латех» PLMlatex), as a Latin word would: the likeliest few, a trigram search each.
    if (spelling.length >= MIN_SPELLED_INSIDE && i < INSIDE_SPELLINGS)
      matchInfix(v, spelling, (t, sim) => {
        if (v.proper.has(t)) add(t, sim * SIM.phonetic);
      });
  });
}

/**
 * Whether a Latin spelling of a Cyrillic word names software ({@link isSoftwareName}: no stop word, no word of the
 * English or German lists) and the Cyrillic word is none of Russian's, as no Russian–English list holds it as
 * typed, however short («гит» git; «кот», «мост» are Russian).
 */
function softwareSpelled(word: string, spelling: string): boolean {
  return (
    isSoftwareName(spelling) &&
    !(lexicon("ru", "en")?.lookup(word).length ?? 0) &&
    !(lexicon("ru", "en", "pivot")?.lookup(word).length ?? 0)
  );
}

/** Words whose spellings whole are kept (up to 128 strings each), as many as translit.ts keeps spellings of. */
const SPELLED_WORDS_KEPT = 256;
/**
 * A Cyrillic word's {@link latinSpellings} as looked up whole, each as it is and with the silent final e Russian
 * does not write: worked out once a word for every index (per-word.ts).
 */
const spelledWholes = sharedByWord(
  (word) => latinSpellings(word).map((s) => [s, `${s}e`] as const),
  SPELLED_WORDS_KEPT,
);

/** Whether the words a query word reaches exactly or by stem are in at most {@link RARE_DOCS} documents. */
export function rare(v: Vocabulary, exact: number | undefined, stemmed: readonly number[]): boolean {
  let n = exact === undefined ? 0 : v.postingCount(exact);
  for (const t of stemmed) if (t !== exact) n += v.postingCount(t);
  return n <= RARE_DOCS;
}
/** Whether a romanized word is spelled nearly like the beginning of a vocabulary word, as heard. */
function beginsAlike(romanized: string, term: string): boolean {
  const head = spelledAsHeard(term).slice(0, romanized.length);
  return editDistance(romanized, head, romanized.length) <= COMMON_SPELLING * romanized.length;
}
/**
 * How many query words' matches an index remembers from one search to the next ({@link matchMemo}): attendees
 * repeat words far more often than whole queries. A word's matches are a few dozen vocabulary words at most
 * (some 2 kB), so this is a few MB per index at most.
 */
export const MATCHED_WORDS_KEPT = 2_000;
/** Per vocabulary, the matches of the query words looked for lately (see {@link MATCHED_WORDS_KEPT}). */
/** The matches of query words remembered across a vocabulary's searches (never changed by their readers). */
export const rememberedMatches = perOwner<Vocabulary, Lru<string, Map<number, number>>>(
  () => new Lru(MATCHED_WORDS_KEPT),
);

/**
 * {@link matchWord}, remembered for the rest of one search and, bounded, across searches: the vocabulary never
 * changes, so neither do a word's matches; callers only read them.
 */
export function matchMemo(
  v: Vocabulary,
  word: string,
  translated: boolean,
  memo: Memo,
  fuzzy = false,
): Map<number, number> {
  const key = `${translated ? "+" : "-"}${fuzzy ? "~" : ""}${word}`;
  let found = memo.get(key);
  if (!found) {
    found = rememberedMatches(v).remember(key, () => matchWord(v, word, translated, fuzzy));
    memo.set(key, found);
  }
  return found;
}
/**
 * The most one query word's matches ({@link matchWord}, translated or not) can be worth, found without looking for
 * them: 1 for a word the programme holds, {@link SIM.stem} for one sharing a stem, else the best that a slip
 * (Damerau), a beginning, a part or a sound may give, or a technology's other name when one of its spellings is
 * one (matchAlias) — or 1 for a Cyrillic word that may be heard as a Latin one typed so (matchHeard). A word's
 * translations are bounded apart (query.ts). For telling a reading of a query word that cannot win apart without
 * its dear look-ups; keep it in step with {@link matchWord}: candidates.test.ts holds matchWord's results under it.
 */
export function matchCeiling(v: Vocabulary, word: string): number {
  if (v.termIds.has(word) || umlautSpelled(v, word).length) return SIM.exact;
  const edits = /\d/.test(word) ? 0 : maxEdits(word.length);
  // A beginning, an end or a middle of a longer word: at most the share of one a letter longer.
  const part = Math.sqrt(Math.max(word.length, queryStem(word).length) / (word.length + 1));
  const fuzzy = Math.max(
    SIM.prefix * part,
    SIM.suffix * part,
    SIM.infix,
    SIM.phonetic,
    SIM.skeleton,
    edits ? SIM.typo * (1 - 1 / (word.length + edits)) : 0,
    aliased(v, word) ? SIM.translation : 0,
  );
  if (sameStem(v, word).length) return Math.max(SIM.stem, fuzzy);
  return mayBeHeardAsTyped(v, word) ? SIM.exact : fuzzy;
}

/** Whether a word, or a Cyrillic word's Latin spelling, is another name of a technology the programme names. */
function aliased(v: Vocabulary, word: string): boolean {
  let found = false;
  const seen = () => {
    found = true;
  };
  matchAlias(v, word, seen);
  if (!found && isCyrillic(word) && word.length <= MAX_SPELLED)
    for (const spelling of latinSpellings(word)) matchAlias(v, spelling, seen);
  return found;
}

/** A word the programme writes as one reached from two query words must be reached at least this well. */
const MIN_JOINED = 0.8;
/**
 * …or this well, when neither word reaches anything alone: a name written in Cyrillic across two words
 * («ворк эдвенчер» Workadventure) is heard as loosely as the one word would be.
 */
export const MIN_JOINED_ALONE = 0.7;
/** How many vocabulary words sharing its first letters a joined word is compared with letter by letter. */
const JOINED_CANDIDATES = 40;

/**
 * The vocabulary words two query words written together reach: exactly, by stem, within a few slips of the
 * words beginning as it does (a slip rarely hits the first letters, and a trigram search over a long word costs
 * too much to run for every pair), or, in Cyrillic, by their Latin spellings («макос» macos).
 */
function matchJoined(v: Vocabulary, word: string, first: number): Map<number, number> {
  const found = new Map<number, number>();
  const add = (term: number, sim: number) => {
    if ((found.get(term) ?? 0) < sim) found.set(term, sim);
  };
  const exact = v.termIds.get(word);
  if (exact !== undefined) add(exact, SIM.exact);
  for (const t of sameStem(v, word)) add(t, SIM.stem);
  const max = maxEdits(word.length);
  if (max > 0)
    v.sortedTerms.withPrefix(word.slice(0, Math.min(4, first)), JOINED_CANDIDATES, (term, t) => {
      const d = editDistance(word, term, max);
      if (d > 0 && d <= max) add(t, SIM.typo * (1 - d / Math.max(word.length, term.length)));
    });
  if (isCyrillic(word) && word.length <= MAX_SPELLED)
    for (const wholes of spelledWholes(word))
      for (const whole of wholes) {
        const id = v.termIds.get(whole);
        if (id !== undefined) add(id, SIM.phonetic);
      }
  // …or its first word a letter's name («икс раст» XRust, «ай пад» iPad).
  if (isCyrillic(word) && word.length - first <= MAX_SPELLED)
    for (const letter of lettersNamed(word.slice(0, first)))
      for (const wholes of spelledWholes(word.slice(first)))
        for (const whole of wholes) {
          const id = v.termIds.get(letter + whole);
          if (id !== undefined) add(id, SIM.phonetic);
        }
  // …or its second an acronym said letter by letter («рэббит эмкью» RabbitMQ, «джанго дэ эр эф»).
  if (isCyrillic(word) && first <= MAX_SPELLED)
    for (const acronym of acronymsSpelledBy(word.slice(first)))
      for (const wholes of spelledWholes(word.slice(0, first)))
        for (const whole of wholes) {
          const id = v.termIds.get(whole + acronym);
          if (id !== undefined) add(id, SIM.phonetic);
        }
  // …or as heard («эскейп румы» escaperooms).
  if (isCyrillic(word)) matchHeard(v, word, stem(word, "ru"), add);
  return found;
}

/**
 * The documents holding two query words written apart as one word of the programme ("wi fi" Wifi7, «мак ос»
 * macOS, "battery recycling" Batterierecycling), each with how well (match × field weight; less in prose only
 * when the match is inexact), or undefined when none does. Words of one script, no digits.
 */
export function joinedDocs(
  v: Vocabulary,
  a: string,
  b: string,
  memo: Memo,
  min = MIN_JOINED,
): Map<number, number> | undefined {
  if (isCyrillic(a) !== isCyrillic(b) || /\d/.test(a + b) || a.length + b.length < 4) return undefined;
  const key = `&${a}${b}`;
  let terms = memo.get(key);
  if (!terms) {
    // Across searches by both words: where the first ends decides which words are compared letter by letter.
    terms = rememberedMatches(v).remember(`&${a} ${b}`, () => matchJoined(v, a + b, a.length));
    memo.set(key, terms);
  }
  let out: Map<number, number> | undefined;
  for (const [term, sim] of terms) {
    if (sim < min) continue;
    const ids = v.postingDocs(term);
    const weights = v.postingWeights(term);
    const masks = v.postingMasks(term);
    for (let i = 0; i < ids.length; i++) {
      const inProseOnly = sim < 1 && ((masks[i] as number) & ~PROSE_MASK) === 0;
      const w = sim * (weights[i] as number) * (inProseOnly ? INEXACT_PROSE : 1);
      out ??= new Map();
      const d = ids[i] as number;
      if ((out.get(d) ?? 0) < w) out.set(d, w);
    }
  }
  return out;
}

/** Whether the vocabulary holds a word, exactly or by stem. */
export function knows(v: Vocabulary, word: string): boolean {
  return v.termIds.has(word) || sameStem(v, word).length > 0;
}
