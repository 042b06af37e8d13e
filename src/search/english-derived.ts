/**
 * An English query word the programme does not say, found by the words WordNet derives from it or it from
 * (`data/lexicon/en-en.tsv`, its derivational and pertainym pointers): "verification" → verify, "authentication" →
 * authenticate, "crawler" → crawl, "adding" → add → addition. People name a talk's topic by another part of speech
 * than its title ("certificate verification failed" for a talk whose abstract says "verify"); Snowball's stems
 * join inflections, not derivations ("verification" is verif-, "verify" verifi-), and it cuts a doubled consonant
 * a dictionary's lemma keeps ("adding" is ad-, "add" add-). Only a word that reaches nothing as typed or by stem
 * looks: a word the programme says is found by that.
 */
import { type Memo, matchMemo, phraseDocs, SIM } from "./candidates.js";
import { FIELD_WEIGHTS } from "./documents.js";
import { englishLemmas } from "./english-lemmas.js";
import { lexicon } from "./lexicon.js";
import { sharedByWord } from "./per-word.js";
import type { QueryWord } from "./query.js";
import type { Vocabulary } from "./vocabulary.js";

/** A derived word's match is worth this share of a translation's (as a Russian word's derived translation is). */
export const DERIVED_WEIGHT = 0.9;
/**
 * A derived word counts only where a heading says it (a title, subtitle, name, track): said in passing in an
 * abstract it drifts ("rental" → rent finds a talk that mentions a rent).
 */
const HEADING_WEIGHT = FIELD_WEIGHTS.subtitle;
/** Shorter words are too often an acronym or a name to be read as English. */
const MIN_LETTERS = 4;
const LATIN_WORD = /^[a-z]+$/;

/**
 * The English words derived from a word or its lemma, or that it or its lemma is derived from, by WordNet (the
 * lemma itself first when it is not the word): empty when WordNet lists no form of the word. Shared by every
 * index (per-word.ts).
 */
export const derivedWords = sharedByWord((word: string): string[] => {
  const list = lexicon("en", "en");
  if (!list || word.length < MIN_LETTERS || !LATIN_WORD.test(word)) return [];
  const out: string[] = [];
  for (const lemma of englishLemmas(word)) {
    const forms = list.lookup(lemma);
    if (!forms.length) continue;
    if (lemma !== word && !out.includes(lemma)) out.push(lemma);
    for (const f of forms) if (!f.includes(" ") && f !== word && !out.includes(f)) out.push(f);
  }
  return out;
});

/**
 * Gives each English query word that reaches nothing as typed or by stem the documents whose headings say a word
 * derived from it (or it from), as {@link QueryWord.also} at {@link DERIVED_WEIGHT} of the field's weight.
 */
export function deriveEnglish(v: Vocabulary, read: readonly QueryWord[], memo: Memo): void {
  for (const q of read) {
    if (q.optional || q.also || q.word.length < MIN_LETTERS || !LATIN_WORD.test(q.word)) continue;
    let said = false;
    for (const sim of matchMemo(v, q.word, false, memo, read.length > 1).values())
      if (sim >= SIM.stem) said = true;
    if (said) continue;
    const forms = derivedWords(q.word);
    if (!forms.length) continue;
    const docs = new Map<number, number>();
    for (const f of forms)
      phraseDocs(v, [f]).forEach((w, d) => {
        if (w >= HEADING_WEIGHT && (docs.get(d) ?? 0) < w * DERIVED_WEIGHT) docs.set(d, w * DERIVED_WEIGHT);
      });
    if (docs.size) q.also = docs;
  }
}
