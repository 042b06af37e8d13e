/**
 * An English word heard in a Russian programme's borrowed words: Russian talks write today's tech words as
 * English ones spelled in Cyrillic («антивирус», «браузер», «микросервисы»), so an English query word the
 * programme does not say may be one of them ("antivirus" → «антивирусе»). The mirror of matchHeard in
 * candidates.ts (a Cyrillic query word heard in the programme's Latin words): the programme's Cyrillic words
 * whose spelling may begin as the English word does are weighed by how they are heard ({@link heardCost}), their
 * Russian ending left out, and a Russian word of its own (one the Russian–English list translates into words not
 * heard in it: «ужин» is no "agent") is never taken for one.
 */
import { heardBeginnings, heardCost } from "./heard.js";
import { perOwner } from "./lru.js";
import { queryStem } from "./stem.js";
import type { Vocabulary } from "./vocabulary.js";

/** Shortest English word heard so: a shorter one is heard in too many Russian words. */
const MIN_HEARD_BACK = 6;
/** Shortest Cyrillic programme word weighed (as matchHeard's query words). */
const MIN_CYRILLIC = 5;
/** Letters the Latin spelling and the English word begin alike with: a borrowing keeps the word's beginning. */
const BEGINNING = 3;
/** Cost per letter of the English word tolerated (as matchHeard's). */
const CLOSE = 0.1;
/** Latin letters the English word may go on past the Cyrillic word's stem: an English ending (-s, -ing, -ion). */
const TAIL = 4;
const LATIN_WORD = /^[a-z]+$/;
const CYRILLIC_WORD = /^[а-яё]+$/;

/**
 * Per vocabulary, its Cyrillic words by the Latin beginnings ({@link BEGINNING} letters) they may be spelled with,
 * made on the first English word weighed against it (none on a programme without Russian texts).
 */
const byBeginning = perOwner<Vocabulary, { map?: Map<string, number[]> }>(() => ({}));

function beginnings(v: Vocabulary): Map<string, number[]> {
  const kept = byBeginning(v);
  if (kept.map) return kept.map;
  const map = new Map<string, number[]>();
  if (v.languages.includes("ru"))
    v.terms.forEach((term, id) => {
      if (term.length < MIN_CYRILLIC || !CYRILLIC_WORD.test(term)) return;
      for (const b of heardBeginnings(term, BEGINNING)) {
        const ids = map.get(b);
        if (ids) ids.push(id);
        else map.set(b, [id]);
      }
    });
  kept.map = map;
  return map;
}

/**
 * Calls `add` with each Cyrillic programme word an English word the programme lacks is heard in, and how well
 * (`phonetic`, the worth of a match by sound, less by how far it is heard from the word); `native` tells a Russian
 * word of its own, never taken for a borrowing.
 */
export function matchHeardBack(
  v: Vocabulary,
  word: string,
  phonetic: number,
  native: (term: string) => boolean,
  add: (term: number, sim: number) => void,
): void {
  if (word.length < MIN_HEARD_BACK || !LATIN_WORD.test(word) || !v.languages.includes("ru")) return;
  const candidates = beginnings(v).get(word.slice(0, BEGINNING));
  if (!candidates) return;
  const max = CLOSE * word.length;
  for (const id of candidates) {
    const term = v.terms[id] as string;
    if (term.length < word.length * 0.7 || term.length > word.length * 1.6 + TAIL) continue;
    const stem = queryStem(term, "ru");
    const stems = [stem, term.replace(/[аеёиоуыэюяйь]+$/, "")]
      .filter((s) => s.length >= MIN_CYRILLIC - 1 && term.startsWith(s))
      .map((s) => s.length);
    const cost = heardCost(term, word, max, stems, TAIL);
    if (cost <= max && !native(term)) add(id, phonetic * (1 - cost / word.length));
  }
}
