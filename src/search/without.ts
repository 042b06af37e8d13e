/**
 * A thing named by what it goes without: «функции без серверов», "login without a password", «ohne Kabel» are
 * what English writes as one word in -less — serverless, passwordless, wireless, headless, stateless. The
 * preposition is a stop word and the noun alone (server, password) names the opposite of the topic, so such a
 * query reached the talk only by its other words. Here the word after «без» / "without" / "ohne" / "sans" (a
 * function word or two between them skipped: «без своих серверов») looks for the programme's words in -less made
 * of it or of its usual English translations (whether the programme says them or not: it may say only the -less
 * word), and reaches their documents as a translation would.
 */
import { keepBestOne } from "./best-weights.js";
import { sameStem } from "./candidates.js";
import { englishTranslations } from "./cross-language.js";
import { englishLemmas } from "./english-lemmas.js";
import { isFunctionForm } from "./function-words.js";
import { isCyrillic, isNoise, tokenize } from "./normalize.js";
import type { QueryWord } from "./query.js";
import type { Vocabulary } from "./vocabulary.js";

/** Prepositions saying "without" in the query languages. */
const WITHOUT = new Set(["без", "безо", "without", "ohne", "sans"]);
/** At most this many function words between the preposition and its noun («без своих серверов»). */
const MAX_BETWEEN = 2;
/** A word's translations made into an -less word: its usual ones. */
const SENSES = 3;
/** Shortest base of an -less word (shorter ones are other words: "bless", "unless"). */
const MIN_BASE = 3;

/**
 * The nouns of a query that follow "without" in one of its languages, as the query's tokens (normalized):
 * the first token after the preposition that carries meaning, a function word or two between them skipped.
 */
export function withoutNouns(query: string): string[] {
  const tokens = tokenize(query);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (!WITHOUT.has(t)) return;
    for (let j = i + 1; j <= i + 1 + MAX_BETWEEN && j < tokens.length; j++) {
      const next = tokens[j] as string;
      if (WITHOUT.has(next)) return;
      if (isNoise(next) || isFunctionForm(next)) continue;
      out.push(next);
      return;
    }
  });
  return out;
}

/** The Latin words in -less made of a word (its English lemmas: "servers" → serverless). */
export function lessWords(word: string): string[] {
  if (isCyrillic(word)) return [];
  return englishLemmas(word)
    .filter((lemma) => lemma.length >= MIN_BASE && /^[a-z]+$/.test(lemma))
    .map((lemma) => `${lemma}less`);
}

/**
 * Gives each query word following "without" the documents holding a programme word in -less made of it or of its
 * first translations ({@link lessWords}), with the weight of the best field holding it, as {@link QueryWord.also}.
 */
export function reachWithout(v: Vocabulary, query: string, read: readonly QueryWord[]): void {
  const nouns = withoutNouns(query);
  if (!nouns.length) return;
  for (const noun of nouns) {
    const q = read.find((r) => r.word === noun);
    if (!q || q.optional) continue;
    const forms = [
      noun,
      ...englishTranslations(noun)
        .filter((t) => !t.includes(" "))
        .slice(0, SENSES),
    ];
    const docs = new Map<number, number>(q.also ?? []);
    for (const less of forms.flatMap(lessWords))
      for (const t of lessTerms(v, less)) {
        const ids = v.postingDocs(t);
        const weights = v.postingWeights(t);
        ids.forEach((d, i) => {
          keepBestOne(docs, d, weights[i] as number);
        });
      }
    if (docs.size) q.also = docs;
  }
}

/** The programme's terms an -less word is written as: itself, or a word sharing its stem ("serverless"). */
function lessTerms(v: Vocabulary, less: string): number[] {
  const out = new Set(sameStem(v, less));
  const exact = v.termIds.get(less);
  if (exact !== undefined) out.add(exact);
  return [...out];
}
