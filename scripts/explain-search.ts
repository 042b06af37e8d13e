// Explains why a search finds what it finds, or misses the session it should (src/search/explain.ts): per query
// word its normal forms, the translations tried and how many documents each reaches, the programme's words it
// matches, and what it is worth in the wanted session; then the wanted session's total, denominator and score
// against the cut-offs, and what the search answers.
//
//   npx tsx scripts/explain-search.ts PROGRAMME QUERY [--want "T:title part|S:name part"] [--tz ZONE] [--json]
//   npx tsx scripts/explain-search.ts --set eval/search/round8/fosdem2026.dev.tsv [--failures] [--json]
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
const set = flag("--set");
let want = flag("--want") ?? "";
let tz = flag("--tz");
const rest = args.filter((a) => !a.startsWith("--"));

let programmeArg: string;
let cases: { query: string; answer: string }[];
if (set) {
  programmeArg = basename(set).replace(/\.(dev|holdout)\.tsv$/, "");
  if (set.endsWith(".holdout.tsv")) {
    console.error("explain-search: held-out parts are run only at the end, and never explained");
    process.exit(2);
  }
  cases = readFileSync(set, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => {
      const [query = "", answer = ""] = l.split("\t");
      return { query, answer };
    });
} else {
  if (rest.length < 2) {
    console.error(
      'usage: explain-search.ts PROGRAMME QUERY [--want "T:…|S:…"] [--tz ZONE] [--json] | --set SET.dev.tsv [--failures] [--json]',
    );
    process.exit(2);
  }
  programmeArg = rest[0] as string;
  cases = [{ query: rest.slice(1).join(" "), answer: want }];
}
const known = PROGRAMMES[programmeArg];
const path = known ? known[0] : programmeArg;
tz ??= known?.[1];
const { programme } = readScheduleFile(path, tz ? { timezone: tz } : {});
const v = buildVocabulary(programme);

for (const c of cases) {
  want = c.answer;
  const wanted = wantedDocs(v, want);
  const e = explainQuery(v, c.query, wanted);
  const none = want === "NONE";
  const hit = none ? e.results.length === 0 : e.results[0] !== undefined && wanted.includes(e.results[0].doc);
  if (onlyFailures && hit) continue;
  if (json) console.log(JSON.stringify({ ...e, answer: want, hit }));
  else
    console.log(
      `${explanationText(e)}${want ? `\n  want ${want}${!none && !wanted.length ? " (in no document!)" : ""} → ${hit ? "HIT" : "MISS"}` : ""}\n`,
    );
}
