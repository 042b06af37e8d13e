// Explains why a search finds what it finds, or misses the session it should (src/search/explain.ts): per query
// word its normal forms, the translations tried and how many documents each reaches, the programme's words it
// matches, and what it is worth in the wanted session; then the wanted session's total, denominator and score
// against the cut-offs, and what the search answers.
//
//   npx tsx scripts/explain-search.ts PROGRAMME QUERY [--want "T:title part|S:name part"] [--tz ZONE] [--json]
//   npx tsx scripts/explain-search.ts --set eval/search/round8/fosdem2026.dev.tsv [--set …] [--failures] [--json]
//
// PROGRAMME is a programme file or an evaluation set's programme name (fosdem2026, 36c3, pycon-ru-2016… as in
// scripts/eval-programmes.mjs). --set explains every query of a set file on its programme (named by the file),
// its answer column as the wanted documents; --failures only those whose first result is not one of them
// (the scorer's rule: a NONE query fails when it finds anything).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readScheduleFile } from "../src/programme/formats/index.js";
import { buildVocabulary } from "../src/search/build.js";
import { explainQuery, explanationText, wantedDocs } from "../src/search/explain.js";
import type { Vocabulary } from "../src/search/vocabulary.js";
import { PROGRAMMES } from "./eval-programmes.mjs";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const json = args.includes("--json");
const onlyFailures = args.includes("--failures");
const sets: string[] = [];
for (let set = flag("--set"); set !== undefined; set = flag("--set")) sets.push(set);
const want = flag("--want") ?? "";
const tz = flag("--tz");
const rest = args.filter((a) => !a.startsWith("--"));

/** The queries to explain, each with its programme (a file or a set's name) and the answer wanted. */
const runs: { programme: string; set?: string; cases: { query: string; answer: string }[] }[] = [];
for (const set of sets) {
  if (set.endsWith(".holdout.tsv")) {
    console.error("explain-search: held-out parts are run only at the end, and never explained");
    process.exit(2);
  }
  runs.push({
    programme: basename(set).replace(/\.(dev|holdout)\.tsv$/, ""),
    set,
    cases: readFileSync(set, "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"))
      .map((l) => {
        const [query = "", answer = ""] = l.split("\t");
        return { query, answer };
      }),
  });
}
if (!sets.length) {
  if (rest.length < 2) {
    console.error(
      'usage: explain-search.ts PROGRAMME QUERY [--want "T:…|S:…"] [--tz ZONE] [--json] | --set SET.dev.tsv… [--failures] [--json]',
    );
    process.exit(2);
  }
  runs.push({ programme: rest[0] as string, cases: [{ query: rest.slice(1).join(" "), answer: want }] });
}

/** Each programme's vocabulary, built once however many sets search it. */
const built = new Map<string, Vocabulary>();
function vocabularyOf(name: string): Vocabulary {
  let v = built.get(name);
  if (!v) {
    const known = PROGRAMMES[name];
    const zone = tz ?? known?.[1];
    v = buildVocabulary(readScheduleFile(known ? known[0] : name, zone ? { timezone: zone } : {}).programme);
    built.set(name, v);
  }
  return v;
}

for (const run of runs) {
  const v = vocabularyOf(run.programme);
  for (const c of run.cases) {
    const wanted = wantedDocs(v, c.answer);
    const e = explainQuery(v, c.query, wanted);
    const none = c.answer === "NONE";
    const hit = none
      ? e.results.length === 0
      : e.results[0] !== undefined && wanted.includes(e.results[0].doc);
    if (onlyFailures && hit) continue;
    const answer = c.answer;
    if (json) console.log(JSON.stringify({ ...e, set: run.set, answer, hit }));
    else
      console.log(
        `${explanationText(e)}${answer ? `\n  want ${answer}${!none && !wanted.length ? " (in no document!)" : ""} → ${hit ? "HIT" : "MISS"}` : ""}\n`,
      );
  }
}
