/**
 * An English word heard in a Russian programme's borrowed words: Russian talks write today's tech words as
 * English ones spelled in Cyrillic («антивирус», «браузер», «микросервисы»), so an English query word the
 * programme does not say may be one of them ("antivirus" → «антивирусе»). The mirror of matchHeard in
 * candidates.ts (a Cyrillic query word heard in the programme's Latin words): the programme's Cyrillic words
 * whose spelling may begin as the English word does are weighed by how they are heard ({@link heardCost}), their
 * Russian ending left out. Sounding alike is not enough: «конца» sounds like "council", «данные» like "dancing". A
 * Cyrillic word counts only when no Russian–English list knows it or its lemmas (a borrowing too new for them:
 * «воркшопе», spelled as such a word usually is) or when one translates it into the English word itself (its stem
 * or lemma: «интересен» → interesting for "interest"), and never when it names a person or company («Петров» is no
 * "patterns").
 */

import { englishLemmas } from "./english-lemmas.js";
import { heardBeginnings, heardCost } from "./heard.js";
import { type Lexicon, lexicon } from "./lexicon.js";
import { perOwner } from "./lru.js";
import { russianForms } from "./ru-forms.js";
import { queryStem, stem } from "./stem.js";
import { isName, type Vocabulary } from "./vocabulary.js";

/** Shortest English word heard so: a shorter one is heard in too many Russian words. */
const MIN_HEARD_BACK = 6;
/** Shortest Cyrillic programme word weighed (as matchHeard's query words). */
const MIN_CYRILLIC = 5;
/** Letters the Latin spelling and the English word begin alike with: a borrowing keeps the word's beginning. */
const BEGINNING = 3;
/** Cost per letter of the English word tolerated (as matchHeard's). */
const CLOSE = 0.1;
/** A Cyrillic word this many letters longer than the English one is another word. */
const TAIL = 4;
/** Latin letters an English form may go on past the Cyrillic word's stem: a silent final e, a plural's s. */
const SILENT = 1;
/** What hearing a word no list knows may cost ({@link heardCost}'s units): a borrowing spelled as usual. */
const UNCONFIRMED = 0.2;
/** Shortest English form (the word, its lemma or stem) weighed: "test" of "testing". */
const MIN_FORM = 4;
const LATIN_WORD = /^[a-z]+$/;
const CYRILLIC_WORD = /^[а-яё]+$/;

/**
 * Per vocabulary, its Cyrillic words by the Latin beginnings ({@link BEGINNING} letters) they may be spelled with,
 * made on the first English word weighed against it (none on a programme without Russian texts).
 */
const byBeginning = perOwner<Vocabulary, { map?: Map<string, number[]> }>(() => ({}));

/** A vocabulary's {@link byBeginning}, made on first use. */
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

/** Translations of a Russian lemma read, the first ones: a later sense is another word's. */
const SENSES = 3;
/**
 * Whether a Cyrillic programme word heard as an English one may be that English word borrowed: no Russian–English
 * list knows it or its lemmas, or one of their first translations is the English word (by stem or lemma).
 */
function means(term: string, word: string, cost: number): boolean {
  const lists = [lexicon("ru", "en", "pivot"), lexicon("ru", "en")].filter(
    (l): l is Lexicon => l !== undefined,
  );
  const lemmas = [term, ...(russianForms()?.lemmasOf(term) ?? [])];
  const translations = lemmas.flatMap((lemma) =>
    lists.flatMap((list) => list.lookup(lemma).slice(0, SENSES)),
  );
  // No list to confirm it: only one spelled as such a borrowing usually is («релизы» is no "realize").
  if (!translations.length) return cost <= UNCONFIRMED;
  const own = new Set(englishLemmas(word).map((w) => stem(w, "en")));
  return translations.some((t) => !t.includes(" ") && englishLemmas(t).some((w) => own.has(stem(w, "en"))));
}

/**
 * Calls `add` with each Cyrillic programme word an English word the programme lacks is heard in, and how well
 * (`phonetic`, the worth of a match by sound, less by how far it is heard from the word), when it may mean it.
 */
export function matchHeardBack(
  v: Vocabulary,
  word: string,
  phonetic: number,
  add: (term: number, sim: number) => void,
): void {
  if (word.length < MIN_HEARD_BACK || !LATIN_WORD.test(word) || !v.languages.includes("ru")) return;
  const candidates = beginnings(v).get(word.slice(0, BEGINNING));
  if (!candidates) return;
  // The Cyrillic word's stem heard as the whole English word, or as its lemma or stem (an English ending the
  // Russian word has not: "testing" → test → «тестами»; a silent final letter aside): heard only as a beginning,
  // a short Russian stem would be heard in many longer English words («поучимся» in "pocket").
  const forms = [...new Set([word, ...englishLemmas(word), stem(word, "en")])].filter(
    (f) => f.length >= MIN_FORM,
  );
  for (const id of candidates) {
    const term = v.terms[id] as string;
    if (term.length < word.length * 0.7 || term.length > word.length * 1.6 + TAIL) continue;
    const russian = queryStem(term, "ru");
    const stems = [russian, term.replace(/[аеёиоуыэюяйь]+$/, "")]
      .filter((s) => s.length >= MIN_CYRILLIC - 1 && term.startsWith(s))
      .map((s) => s.length);
    let best = Number.POSITIVE_INFINITY;
    let cost = Number.POSITIVE_INFINITY;
    for (const f of forms) {
      const max = CLOSE * f.length;
      const c = heardCost(term, f, max, stems, SILENT);
      if (c <= max && c / f.length < best) [best, cost] = [c / f.length, c];
    }
    if (best < Number.POSITIVE_INFINITY && !isName(v, id) && means(term, word, cost))
      add(id, phonetic * (1 - best));
  }
}
