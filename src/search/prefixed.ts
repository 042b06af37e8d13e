/**
 * Russian words made of a shortened first word and a second («велошеринг»: вело(сипед) + шеринг, bike sharing;
 * «техдолг»: тех(нический) + долг, technical debt; «нейроразнообразие»: neurodiversity), which no dictionary
 * lists. The word is split where its end is a word a list translates (or a borrowing the programme spells in
 * Latin letters) and its beginning begins a listed word; the translations of that word give the first part's
 * beginning in the programme's language (bicycle → "bic", bike → "bike"), looked for as a word beside the
 * second's translation ("bike sharing") or joined with it in one programme word ("neurodiversity").
 */

import type { Spellings } from "./borrowed.js";
import { heardBeginnings, heardCost } from "./heard.js";
import type { Lexicon } from "./lexicon.js";
import { queryStem } from "./stem.js";

/** What the splitting needs to know of the programme: what borrowed words' matching does, and more. */
export interface Programme extends Spellings {
  /** Whether the programme holds a word, as written or by stem. */
  knows(word: string): boolean;
}

/** Shortest word split, its shortest first part and shortest second. */
const MIN_WORD = 7;
const MIN_FIRST = 3;
/** Longest first part: a shortened word keeps a syllable or two (вело, тех, нейро, энерго). */
const MAX_FIRST = 6;
const MIN_SECOND = 4;
/** A first part shortens a listed word by at most this many letters (вело|сипед). */
const MAX_CUT = 6;
/** Listed words a first part may shorten, and translations of each looked at. */
const FIRST_WORDS = 10;
const SENSES = 2;
/** Letters of a first part's translation its programme word must begin with ("tech" of technical). */
const BEGINNING = 4;
/** Programme words looked at per beginning, and alternatives kept in all. */
const PER_BEGINNING = 30;
const MAX_ALTERNATIVES = 12;

/**
 * The programme's phrases a Cyrillic word may be a shortened compound of: two words in one field (a first
 * part's programme word and the second part's translation) or one programme word holding both. Empty when the
 * word splits no way into parts the lists and the programme know. `translate` gives a Russian word's
 * translations (in any form, most usual first), `list` the Russian–English list for the first parts.
 */
export function prefixedCompound(
  word: string,
  programme: Programme,
  list: Lexicon,
  translate: (word: string) => string[],
): string[][] {
  const whole: string[][] = [];
  const apart: string[][] = [];
  if (word.length < MIN_WORD || !/^[а-яё]+$/.test(word)) return whole;
  // Each phrase once, and of each kind only as many as can be returned: a common first part's beginning
  // ("comp") begins dozens of programme words, each beside every second part.
  const seen = new Set<string>();
  const add = (phrase: string[]) => {
    const out = phrase.length === 1 ? whole : apart;
    if (out.length >= MAX_ALTERNATIVES) return;
    const key = phrase.join(" ");
    if (seen.has(key)) return;
    seen.add(key);
    out.push(phrase);
  };
  for (let i = MIN_FIRST; i <= MAX_FIRST && i + MIN_SECOND <= word.length; i++) {
    if (whole.length >= MAX_ALTERNATIVES) break;
    const second = seconds(word.slice(i), programme, translate);
    if (!second.length) continue;
    for (const beginning of firsts(word.slice(0, i), list))
      programme.withPrefix(beginning, PER_BEGINNING, (term) => {
        for (const s of second) {
          // Joined into one programme word ("neurodiversity"), or beside it ("bike sharing", "technical debt").
          if (term.length > s.length + beginning.length - 1 && term.endsWith(s)) add([term]);
          else if (term !== s && !s.startsWith(beginning)) add([term, s]);
        }
      });
  }
  // A programme word holding both parts first: it is the compound itself.
  return [...whole, ...apart].slice(0, MAX_ALTERNATIVES);
}

/** A second part's words in the programme: its translations the programme holds, or its Latin spelling there. */
function seconds(part: string, programme: Programme, translate: (word: string) => string[]): string[] {
  const out = translate(part)
    .slice(0, 3)
    .filter((t) => !t.includes(" ") && programme.knows(t));
  if (out.length) return out;
  // A borrowing, heard in the programme's words as the beginning of one («шеринг» sharing): long enough to
  // be heard as no other word.
  if (part.length < MIN_HEARD) return out;
  const stem = [queryStem(part, "ru").length];
  for (const beginning of heardBeginnings(part))
    programme.withPrefix(beginning, HEARD_CANDIDATES, (term) => {
      if (heardCost(part, term, HEARD_CLOSE * term.length, stem, HEARD_TAIL) <= HEARD_CLOSE * term.length)
        out.push(term);
    });
  return out;
}

/** Programme words weighed per Latin beginning of a borrowed second part, the cost per letter tolerated, and
 * the English ending a programme word may have past its stem. */
const HEARD_CANDIDATES = 60;
const MIN_HEARD = 6;
const HEARD_CLOSE = 0.1;
const HEARD_TAIL = 4;

/**
 * The Latin beginnings a first part stands for: the first letters of the translations of the listed words it
 * shortens («вело» → велосипед → bicycle, bike), a linking о or е left out if none begins with it («энерго» →
 * энергия → energy); else its own first letters as heard («нейро» → neur).
 */
function firsts(part: string, list: Lexicon): string[] {
  const out: string[] = [];
  for (const stem of part.length > MIN_FIRST && /[ое]$/.test(part) ? [part, part.slice(0, -1)] : [part]) {
    list.withPrefix(stem, FIRST_WORDS, (lemma, translations) => {
      if (lemma.length > stem.length + MAX_CUT || lemma.includes(" ")) return;
      for (const t of translations.slice(0, SENSES)) {
        if (t.includes(" ")) continue;
        const beginning = t.slice(0, BEGINNING);
        if (beginning.length >= MIN_FIRST && !out.includes(beginning)) out.push(beginning);
      }
    });
    if (out.length) return out;
  }
  // No listed word begins so: a borrowed beginning, as heard («нейро» neur-).
  return heardBeginnings(part, BEGINNING).filter((b) => b.length === BEGINNING);
}
