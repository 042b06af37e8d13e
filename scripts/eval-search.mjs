#!/usr/bin/env node
// Runs every search evaluation set through ../shared/eval/score-search.mjs and prints a table of hit@1.
//
//   npm run eval:search [-- --holdout] [--only NAME] [--jsonl DIR] [--failures] [--dir SETS]
//
// Each set's queries go once through the CLI (`search --jsonl`, the programme from PROGRAMME_PATH with its
// PROGRAMME_TIMEZONE); the answers are scored by the shared scorer. --holdout adds the held-out parts
// (eval/search/*.holdout.tsv: run those only at the end), --jsonl DIR keeps every set's answers as DIR/NAME.jsonl
// (to compare two versions of the search byte for byte), --failures prints the failed queries. A programme not
// in the repository yet (data/pycon-ru-YYYY.yaml) is reported as missing, not failed. --dir runs the sets of
// another directory (eval/search/fresh, eval/search/names): each NAME.dev.tsv there on the programme PROGRAMMES
// names NAME (the shared regression sets only with the default directory).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROGRAMMES } from "./eval-programmes.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = join(ROOT, "..", "shared", "eval");
const REAL = join(SHARED, "real");

/** The two shared development sets: regression checks, not part of the new sets. */
const SHARED_SETS = [
  [
    "shared pycon-2013",
    join(ROOT, "data", "pycon-ru-2013.yaml"),
    "Asia/Yekaterinburg",
    join(SHARED, "search-dev.tsv"),
  ],
  [
    "shared fosdem-2020",
    join(REAL, "fosdem-2020.pentabarf.xml"),
    "Europe/Brussels",
    join(SHARED, "search-fosdem2020-dev.tsv"),
  ],
];

const args = process.argv.slice(2);
const holdout = args.includes("--holdout");
const failures = args.includes("--failures");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const jsonlDir = args.includes("--jsonl") ? args[args.indexOf("--jsonl") + 1] : undefined;
const setsDir = args.includes("--dir") ? args[args.indexOf("--dir") + 1] : undefined;
const SETS = setsDir ? resolve(setsDir) : join(ROOT, "eval", "search");
if (jsonlDir) mkdirSync(jsonlDir, { recursive: true });
const { BOT_TOKEN: _token, PROGRAMME_URL: _url, ...env } = process.env;
const scratch = mkdtempSync(join(tmpdir(), "eval-search-"));

/** Queries of a set file (the scorer's format), in order. */
function queries(set) {
  return readFileSync(set, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t")[0]);
}

/** Scores one set: { ok, all, lines } or { missing } when its programme is not there. */
function run(name, programme, timezone, set) {
  if (!existsSync(programme)) return { missing: true };
  const answers = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), "search", "--jsonl"],
    {
      cwd: ROOT,
      input: `${queries(set).join("\n")}\n`,
      encoding: "utf8",
      maxBuffer: 64 << 20,
      env: { ...env, PROGRAMME_PATH: programme, PROGRAMME_TIMEZONE: timezone },
    },
  );
  if (answers.status !== 0) throw new Error(`${name}: search failed: ${answers.stderr.slice(0, 2000)}`);
  const file = join(jsonlDir ?? scratch, `${name.replaceAll(" ", "-")}.jsonl`);
  writeFileSync(file, answers.stdout);
  const score = spawnSync(
    process.execPath,
    [join(SHARED, "score-search.mjs"), "--set", set, "--", "cat", file],
    {
      encoding: "utf8",
    },
  );
  if (score.status !== 0) throw new Error(`${name}: scorer failed: ${score.stderr}${score.stdout}`);
  const [, ok, all] = /hit@1 (\d+)\/(\d+)/.exec(score.stdout) ?? [];
  const lines = score.stdout.split("\n").filter((l) => l.startsWith("  "));
  return { ok: Number(ok), all: Number(all), lines };
}

const pct = (r) =>
  r.missing ? "(no programme yet)" : `${r.ok}/${r.all} = ${((100 * r.ok) / r.all).toFixed(1)}%`;
const rows = [];
const total = { dev: [0, 0], holdout: [0, 0] };
for (const [name, [programme, timezone]] of Object.entries(PROGRAMMES)) {
  if (only && name !== only) continue;
  if (!existsSync(join(SETS, `${name}.dev.tsv`))) continue;
  const dev = run(`${name}.dev`, programme, timezone, join(SETS, `${name}.dev.tsv`));
  const held =
    holdout && existsSync(join(SETS, `${name}.holdout.tsv`))
      ? run(`${name}.holdout`, programme, timezone, join(SETS, `${name}.holdout.tsv`))
      : undefined;
  for (const [part, r] of [
    ["dev", dev],
    ["holdout", held],
  ])
    if (r && !r.missing) {
      total[part][0] += r.ok;
      total[part][1] += r.all;
    }
  rows.push([name, pct(dev), held ? pct(held) : "—"]);
  if (failures) for (const r of [dev, held]) for (const l of r?.lines ?? []) console.log(`${name}${l}`);
}
for (const [name, programme, timezone, set] of setsDir ? [] : SHARED_SETS) {
  if (only && !name.includes(only)) continue;
  const r = run(name, programme, timezone, set);
  rows.push([name, pct(r), "—"]);
  if (failures) for (const l of r.lines ?? []) console.log(`${name}${l}`);
}
if (!only) {
  const sum = ([ok, all]) => (all ? `${ok}/${all} = ${((100 * ok) / all).toFixed(1)}%` : "—");
  rows.push(["all new sets", sum(total.dev), holdout ? sum(total.holdout) : "—"]);
}
const widths = [20, 24, 24];
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
console.log(line(["set", "seen (dev) hit@1", "held-out hit@1"]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));
