/**
 * Why a query finds what it finds, or misses the session it should (scripts/explain-search.ts): per query word its
 * normal forms, the translations tried and how many documents each reaches, the programme's words it matches, how
 * many documents it reaches in all and what it is worth in a wanted document; then the wanted documents' totals,
 * denominators and scores against the cut-offs. It runs the search's own scoring (index.ts scoreQuery) with a
 * trace, so its scores are the search's.
 */
import { phraseDocs } from "./candidates.js";
import { isDictionaryWord, synonymsFor, translateQuery } from "./cross-language.js";
import { FIELD_NAMES } from "./documents.js";
import { scoreQuery } from "./index.js";
import { isCyrillic } from "./normalize.js";
import { russianForms } from "./ru-forms.js";
import {
  aboveCutoffs,
  MIN_SCORE,
  RELATIVE_CUTOFF,
  type ScoreTrace,
  SUGGEST_MIN,
  weakMatches,
} from "./score.js";
import { queryStem } from "./stem.js";
import type { Vocabulary } from "./vocabulary.js";

/** One way a query word is translated, and how many documents each of its alternatives reaches. */
export interface TranslationExplained {
  /** The query words it covers (a phrase covers two or more). */
  span: string;
  weight: number;
  how: string;
  alternatives: { words: string; docs: number; inWanted?: number }[];
}

/** One query word as the scoring read it. */
export interface WordExplained {
  word: string;
  /** Its stems in the programme's languages, and a Russian word's dictionary forms. */
  forms: string[];
  factor: number;
  optional: boolean;
  /** Whether a dictionary lists the word (cross-language.ts isDictionaryWord): what it means is known. */
  listed: boolean;
  skipped?: string;
  translations: TranslationExplained[];
  /** The programme's words it matches, best first (at most {@link SHOWN_MATCHES}), with documents each. */
  matches: { term: string; sim: number; docs: number }[];
  /** Its synonyms the programme holds (looked at only when the word reaches nothing strongly). */
  synonyms: string[];
  /** How many documents it reaches in all, and its rarity weight. */
  docs: number;
  idf: number;
  /** Per wanted document: the word's match × field weight there (0: it does not reach it), and by which fields. */
  wanted: { match: number; fields: string[] }[];
}

/** A document's outcome. */
export interface DocExplained {
  doc: number;
  label: string;
  score: number;
  rank?: number;
  total?: number;
  own?: number;
  gain?: number;
  alone?: boolean;
  heard?: boolean;
}

/** What {@link explainQuery} found. */
export interface Explanation {
  query: string;
  /** How many documents (sessions and speakers) the programme holds. */
  documents: number;
  words: WordExplained[];
  sums?: { sum: number; sessionSum: number; converged?: number };
  /** The best-scored document whatever the cut-offs: each query word's match there, and the second best's score. */
  top?: { doc: number; label: string; score: number; matches: number[]; second: number };
  results: DocExplained[];
  didYouMean: DocExplained[];
  wanted: DocExplained[];
  cutoffs: { min: number; suggest: number; relative: number };
}

/** How many of a word's matches, and of a translation's alternatives, are shown. */
const SHOWN_MATCHES = 8;

/** A document as a line: a session's "T:" title, a speaker's "S:" name. */
export function docLabel(v: Vocabulary, d: number): string {
  const doc = v.docs[d];
  return doc?.kind === "speaker" ? `S:${doc.name ?? ""}` : `T:${doc?.title ?? ""}`;
}

/**
 * The documents an answer of an evaluation set names ("T:title part|S:name part", case folded as the scorer
 * folds it); none for "NONE".
 */
export function wantedDocs(v: Vocabulary, answer: string): number[] {
  const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  const out: number[] = [];
  for (const want of answer.split("|")) {
    const kind = want.slice(0, 2);
    const text = fold(want.slice(2));
    if (kind !== "T:" && kind !== "S:") continue;
    v.docs.forEach((doc, d) => {
      const speaker = doc.kind === "speaker";
      const said = fold((speaker ? doc.name : doc.title) ?? "");
      if (speaker === (kind === "S:") && said.includes(text) && !out.includes(d)) out.push(d);
    });
  }
  return out;
}

/** The fields of document `d` holding programme word `term` (names of FIELD_NAMES). */
function fieldsOf(v: Vocabulary, term: number, d: number): string[] {
  const docs = v.postingDocs(term);
  const masks = v.postingMasks(term);
  const i = docs.indexOf(d);
  if (i < 0) return [];
  return FIELD_NAMES.filter((_f, bit) => ((masks[i] as number) & (1 << bit)) !== 0);
}

/**
 * Explains `query` over a programme's vocabulary: every word as read and scored, the results and "did you mean"
 * as the search gives them (before re-ranking near-ties), and each of the `wanted` documents' outcome.
 */
export function explainQuery(v: Vocabulary, query: string, wanted: readonly number[] = []): Explanation {
  const traced: { w: number; docs: number; idf: number; byDoc: Map<number, number>; skipped?: string }[] = [];
  const matchesOf = new Map<number, ReadonlyMap<number, number>>();
  const outcome = new Map<number, Omit<DocExplained, "doc" | "label" | "score">>();
  let sums: Explanation["sums"];
  const trace: ScoreTrace = {
    word: ({ w, matches, docs, idf, match, skipped }) => {
      matchesOf.set(w, matches);
      traced.push({
        w,
        docs: docs.length,
        idf,
        byDoc: new Map(docs.map((d) => [d, match(d)])),
        ...(skipped ? { skipped } : {}),
      });
    },
    sums: (s) => {
      sums = s;
    },
    doc: (d, info) => {
      if (wanted.includes(d)) outcome.set(d, info);
    },
  };
  const scores = new Map<number, number>();
  const read = scoreQuery(v, query, scores, trace);
  const texts = read.map((q) => q.word);
  const translations = translateQuery(v, texts);
  const words: WordExplained[] = read.map((q, w) => {
    const t = traced.find((x) => x.w === w);
    const matches = [...(matchesOf.get(w) ?? new Map<number, number>())]
      .sort((a, b) => b[1] - a[1])
      .map(([term, sim]) => ({ term: v.terms[term] as string, sim, docs: v.postingCount(term) }));
    return {
      word: q.word,
      forms: formsOf(v, q.word),
      factor: q.factor,
      optional: q.optional ?? false,
      listed: isDictionaryWord(q.word),
      ...(t?.skipped ? { skipped: t.skipped } : {}),
      translations: translations
        .filter((x) => x.start <= w && w < x.start + x.length)
        .map((x) => ({
          span: texts.slice(x.start, x.start + x.length).join(" "),
          weight: x.weight ?? 1,
          how: [x.lexical ? "dictionary" : "glossary", x.pivot ? "pivot" : "", x.parts ? "compound" : ""]
            .filter(Boolean)
            .join(" "),
          alternatives: x.alternatives.slice(0, SHOWN_MATCHES).map((alt) => {
            const docs = phraseDocs(v, alt);
            const inWanted = Math.max(0, ...wanted.map((d) => docs.get(d) ?? 0));
            return { words: alt.join(" "), docs: docs.size, ...(inWanted ? { inWanted } : {}) };
          }),
        })),
      matches: matches.slice(0, SHOWN_MATCHES),
      synonyms: q.optional
        ? []
        : synonymsFor(v, q.word).flatMap((x) => x.alternatives.map((a) => a.join(" "))),
      docs: t?.docs ?? 0,
      idf: t?.idf ?? 0,
      wanted: wanted.map((d) => ({
        match: t?.byDoc.get(d) ?? 0,
        fields: [
          ...new Set(
            [...(matchesOf.get(w) ?? new Map<number, number>()).keys()].flatMap((term) =>
              fieldsOf(v, term, d),
            ),
          ),
        ],
      })),
    };
  });
  const shown = (ranked: [number, number][]) =>
    ranked.map(([d, score], i) => ({ doc: d, label: docLabel(v, d), score, rank: i + 1 }));
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const [first, second] = ranked;
  return {
    query,
    documents: v.docs.length,
    words,
    ...(first
      ? {
          top: {
            doc: first[0],
            label: docLabel(v, first[0]),
            score: first[1],
            matches: read.map((_q, w) => traced.find((x) => x.w === w)?.byDoc.get(first[0]) ?? 0),
            second: second?.[1] ?? 0,
          },
        }
      : {}),
    ...(sums ? { sums } : {}),
    results: shown(aboveCutoffs(scores, 10)),
    didYouMean: shown(weakMatches(scores)),
    wanted: wanted.map((d) => {
      const rank = ranked.findIndex(([x]) => x === d);
      return {
        doc: d,
        label: docLabel(v, d),
        score: scores.get(d) ?? 0,
        ...(rank >= 0 ? { rank: rank + 1 } : {}),
        ...outcome.get(d),
      };
    }),
    cutoffs: {
      min: MIN_SCORE,
      suggest: SUGGEST_MIN,
      relative: RELATIVE_CUTOFF * (ranked[0]?.[1] ?? 0),
    },
  };
}

/** A word's stems in the programme's languages and, Cyrillic, its dictionary forms (hunspell's). */
function formsOf(v: Vocabulary, word: string): string[] {
  const forms = isCyrillic(word)
    ? [queryStem(word, "ru"), ...(russianForms()?.lemmasOf(word) ?? [])]
    : v.latinLangs.map((l) => queryStem(word, l));
  return [...new Set(forms)].filter((f) => f !== word);
}

/** An {@link Explanation} as readable lines. */
export function explanationText(e: Explanation): string {
  const n = (x: number) => x.toFixed(2);
  const out = [`query: ${e.query}`];
  for (const w of e.words) {
    const head = [
      `  word «${w.word}»`,
      w.forms.length ? `forms ${w.forms.join(", ")}` : "",
      w.factor !== 1 ? `×${n(w.factor)}` : "",
      w.optional ? "(place word: not matched itself)" : "",
      w.skipped ? `SKIPPED: ${w.skipped}` : `reaches ${w.docs} docs, idf ${n(w.idf)}`,
      ...w.wanted.map(
        (x, i) => `wanted#${i + 1} ${n(x.match)}${x.fields.length ? ` in ${x.fields.join("+")}` : ""}`,
      ),
    ].filter(Boolean);
    out.push(head.join(" · "));
    if (w.matches.length)
      out.push(`    matches: ${w.matches.map((m) => `${m.term} ${n(m.sim)} (${m.docs})`).join(", ")}`);
    for (const t of w.translations)
      out.push(
        `    ${t.how}${t.span !== w.word ? ` [${t.span}]` : ""} ×${n(t.weight)}: ${t.alternatives
          .map((a) => `${a.words} (${a.docs}${a.inWanted ? `, wanted ${n(a.inWanted)}` : ""})`)
          .join(", ")}`,
      );
    if (!w.translations.length && !w.optional) out.push("    no translation the programme holds");
    if (w.synonyms.length) out.push(`    synonyms: ${w.synonyms.slice(0, SHOWN_MATCHES).join(", ")}`);
  }
  if (e.sums)
    out.push(
      `  sums: whole ${n(e.sums.sum)}, sessions ${n(e.sums.sessionSum)}${
        e.sums.converged !== undefined ? `, converged ${n(e.sums.converged)}` : ""
      }`,
    );
  const doc = (d: DocExplained) =>
    [
      `${d.label} ${n(d.score)}`,
      d.rank ? `#${d.rank}` : "unreached",
      d.total !== undefined ? `total ${n(d.total)} / ${n(d.own ?? 0)}` : "",
      d.gain ? `gain ${n(d.gain)}` : "",
      d.alone ? "carried alone (below cut-off)" : "",
      d.heard ? "heard alone (0)" : "",
    ]
      .filter(Boolean)
      .join(" · ");
  for (const d of e.wanted) out.push(`  wanted: ${doc(d)}`);
  out.push(
    `  cut-offs: show ≥ ${n(e.cutoffs.min)}, did-you-mean ≥ ${n(e.cutoffs.suggest)}, relative ≥ ${n(e.cutoffs.relative)}`,
  );
  if (e.results.length) for (const d of e.results.slice(0, 5)) out.push(`  result ${doc(d)}`);
  else if (e.didYouMean.length) for (const d of e.didYouMean) out.push(`  did you mean ${doc(d)}`);
  else out.push("  nothing found");
  return out.join("\n");
}
