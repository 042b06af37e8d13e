/**
 * Programme search benchmark: this search against plain fuse.js (every text field, ignoreLocation) on the PyCon
 * Russia 2013 programme and on synthetic programmes of 1,000 and 10,000 sessions, with 1,200 mixed queries
 * each (fuse.js gets a sample: it takes half a second a query at 10,000). Reports index build time, heap
 * growth and per-query median and p99 — the best of three passes (later passes find the query's words in the
 * search's word caches) and on first sight (each of half the distinct queries timed once, after a warm-up on the
 * other half; and, additionally, "V8 warmed": the same in a fresh process after thousands of another programme's
 * first-sight queries) — then checks that the shared development set's hit@1 does not change
 * when the PyCon programme is mixed into the synthetic ones.
 */
import { spawnSync } from "node:child_process";
import { openSync, readFileSync, readSync } from "node:fs";
import { dirname, join } from "node:path";
import { type PerformanceEntry, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import Fuse from "fuse.js";
import { readScheduleFile } from "../src/programme/formats/index.js";
import { isContentKind, type Programme } from "../src/programme/model.js";
import { readProgrammeFile } from "../src/programme/read.js";
import {
  buildSearchIndex,
  restoreSearchIndex,
  type SearchIndex,
  searchIndexSnapshot,
} from "../src/search/index.js";
import { swapLayout } from "../src/search/layout.js";
import { listWork } from "../src/search/lexicon.js";
import { REAL_DIR } from "../test/support/real-schedules.js";
import { type EvalCase, hitAt1, readEvalSet } from "./devset.js";
import { benchQueries, freshQueries, mergeProgrammes, pick, rng, syntheticProgramme } from "./synthetic.js";

const QUERIES = 1200;
const FUSE_SAMPLE: Record<string, number> = { pycon: 1200, "1k": 150, "10k": 25 };
const DEV_SET = join(dirname(fileURLToPath(import.meta.url)), "../../shared/eval/search-dev.tsv");

/** A full garbage collection, for heap measurements (the flag is set here, not on the command line). */
function gc(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

function fuseOver(p: Programme): Fuse<Record<string, string>> {
  const names = new Map(p.speakers.map((s) => [s.id, s]));
  const records: Record<string, string>[] = [
    ...p.sessions
      .filter((s) => isContentKind(s.kind))
      .map((s) => ({
        titleEn: s.title.en ?? "",
        titleRu: s.title.ru ?? "",
        abstractEn: s.abstract.en ?? "",
        abstractRu: s.abstract.ru ?? "",
        speakers: s.speakers.map((id) => `${names.get(id)?.name.en} ${names.get(id)?.name.ru}`).join(", "),
      })),
    ...p.speakers.map((s) => ({
      nameEn: s.name.en ?? "",
      nameRu: s.name.ru ?? "",
      affiliation: `${s.affiliation?.en ?? ""} ${s.affiliation?.ru ?? ""}`,
      bio: `${s.bio?.en ?? ""} ${s.bio?.ru ?? ""}`,
    })),
  ];
  const keys = [
    "titleEn",
    "titleRu",
    "abstractEn",
    "abstractRu",
    "speakers",
    "nameEn",
    "nameRu",
    "affiliation",
    "bio",
  ];
  return new Fuse(records, { keys, ignoreLocation: true, includeScore: true });
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/**
 * Per-query time, the best of `passes` runs of the whole list (after a warm-up): the machine is shared, and a
 * query that was preempted once would otherwise count another process's time. `cpu` is the same for the
 * process's own CPU time (user + system), which other processes' load inflates far less than wall time.
 */
function time(
  queries: string[],
  run: (q: string, i: number) => unknown,
  passes: number,
): { median: number; p99: number; cpuMedian: number; cpuP99: number; cpuOf: number[] } {
  queries.slice(0, Math.min(20, Math.ceil(queries.length / 10))).forEach(run);
  const best = queries.map(() => Number.POSITIVE_INFINITY);
  const bestCpu = queries.map(() => Number.POSITIVE_INFINITY);
  for (let pass = 0; pass < passes; pass++)
    queries.forEach((q, i) => {
      const c = process.cpuUsage();
      const t = performance.now();
      run(q, i);
      best[i] = Math.min(best[i] as number, performance.now() - t);
      const used = process.cpuUsage(c);
      bestCpu[i] = Math.min(bestCpu[i] as number, (used.user + used.system) / 1000);
    });
  const cpuOf = [...bestCpu];
  best.sort((a, b) => a - b);
  bestCpu.sort((a, b) => a - b);
  return {
    median: percentile(best, 0.5),
    p99: percentile(best, 0.99),
    cpuMedian: percentile(bestCpu, 0.5),
    cpuP99: percentile(bestCpu, 0.99),
    cpuOf,
  };
}

/** This thread's scheduler statistics (Linux), whose first field is the CPU time it has run, in ns. */
const SCHEDSTAT = (() => {
  try {
    return openSync("/proc/thread-self/schedstat", "r");
  } catch {
    return undefined;
  }
})();
const schedstat = Buffer.alloc(64);

/**
 * The CPU time (ms) this thread — the event loop's, where a search runs — has used, where Linux tells it:
 * process.cpuUsage() counts every thread of the process, V8's optimizing compiler and garbage collector helpers
 * too, whose work a query may set off (a function grown hot, a heap grown full) but does not wait for. Read right
 * after process.cpuUsage(), which brings the running thread's count up to date (a read costs some 7 µs).
 */
function threadCpu(): number {
  if (SCHEDSTAT === undefined) return Number.NaN;
  const n = readSync(SCHEDSTAT, schedstat, 0, schedstat.length, 0);
  return Number(schedstat.toString("latin1", 0, n).split(" ")[0]) / 1e6;
}

/**
 * Per-query times of queries each timed once (wall, CPU and the search's own thread's CPU, NaN where the system
 * does not tell it): median and p99, and how many; `each` is every timed query with its CPU times, in the order
 * timed.
 */
type Once = {
  n: number;
  median: number;
  p99: number;
  cpuMedian: number;
  cpuP99: number;
  threadMedian: number;
  threadP99: number;
  each: [query: string, cpu: number, thread: number][];
  /** Each timed query's wall-clock span (performance.now() at start and end), in the order timed. */
  spans: [start: number, end: number][];
  /**
   * What the word lists' files did during the timed half (all runs together, lexicon.ts listWork): look-ups past
   * their memo and blocks read from disk — counts of work, which the machine's load does not blur.
   */
  lists: { lookups: number; blocksRead: number };
};

/**
 * p99 on first sight: the distinct queries' first half is run once as a warm-up (so one-off start costs — keys
 * made on first use, word filters — are paid, and the word caches hold what that half typed), then each query
 * of the other half is timed once, the caches as they are then: no query has been seen whole before, its words
 * only as far as the warm-up or earlier ones in the half typed them. Call it before {@link time} on the same
 * index (whose three passes would have seen every query). With several `runs`, the measured half is shared
 * between them in turn (each query timed by one run only; the warm-up goes through the first).
 */
function firstSight(queries: readonly string[], runs: ((q: string, i: number) => unknown)[]): Once[] {
  const distinct = [...new Set(queries)];
  const half = Math.ceil(distinct.length / 2);
  const first = runs[0] as (q: string, i: number) => unknown;
  distinct.slice(0, half).forEach((q, i) => {
    first(q, i);
  });
  const wall: number[][] = runs.map(() => []);
  const each: [string, number, number][][] = runs.map(() => []);
  const spans: [number, number][][] = runs.map(() => []);
  const listsBefore = listWork();
  distinct.slice(half).forEach((q, i) => {
    const r = i % runs.length;
    const c = process.cpuUsage();
    const thread = threadCpu();
    const t = performance.now();
    (runs[r] as (q: string, i: number) => unknown)(q, half + i);
    const end = performance.now();
    (wall[r] as number[]).push(end - t);
    (spans[r] as [number, number][]).push([t, end]);
    const used = process.cpuUsage(c);
    (each[r] as [string, number, number][]).push([q, (used.user + used.system) / 1000, threadCpu() - thread]);
  });
  const listsAfter = listWork();
  const lists = {
    lookups: listsAfter.lookups - listsBefore.lookups,
    blocksRead: listsAfter.blocksRead - listsBefore.blocksRead,
  };
  return runs.map((_, r) => {
    const w = (wall[r] as number[]).sort((a, b) => a - b);
    const timed = each[r] as [string, number, number][];
    const c = timed.map(([, ms]) => ms).sort((a, b) => a - b);
    const own = timed.map(([, , ms]) => ms).sort((a, b) => a - b);
    return {
      n: w.length,
      median: percentile(w, 0.5),
      p99: percentile(w, 0.99),
      cpuMedian: percentile(c, 0.5),
      cpuP99: percentile(c, 0.99),
      threadMedian: percentile(own, 0.5),
      threadP99: percentile(own, 0.99),
      each: timed,
      spans: spans[r] as [number, number][],
      lists,
    };
  });
}

/**
 * Garbage-collection pauses of the process (node:perf_hooks "gc" entries), kept from {@link observeGc} on. V8
 * reports them after the pause, through the event loop: await {@link gcSettled} before reading them.
 */
const gcPauses: PerformanceEntry[] = [];
let gcObserver: PerformanceObserver | undefined;

/** Starts keeping every GC pause in {@link gcPauses} (once per process). */
function observeGc(): void {
  if (gcObserver) return;
  gcObserver = new PerformanceObserver((list) => {
    gcPauses.push(...list.getEntries());
  });
  gcObserver.observe({ entryTypes: ["gc"] });
}

/** Lets the pauses of the work just done reach {@link gcPauses} (they are queued to the event loop). */
async function gcSettled(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** V8's GC kinds as perf_hooks numbers them (`detail.kind`). */
const GC_KINDS: Record<number, string> = {
  1: "scavenge",
  2: "mark-compact",
  4: "incremental",
  8: "weak callbacks",
};

/**
 * Beside a first-sight line (never instead of it): how many timed queries overlapped a GC pause (any kind, by
 * wall-clock span), what those pauses were, and the wall and CPU p99 of the queries no pause touched — how much
 * of the tail is the collector's, which lands on whichever query runs when the young generation fills.
 */
function gcLine(t: Once): string {
  const touched = new Set<number>();
  const kinds = new Map<string, { n: number; ms: number; max: number }>();
  for (const e of gcPauses) {
    const start = e.startTime;
    const end = start + e.duration;
    let hit = false;
    t.spans.forEach(([a, b], i) => {
      if (start < b && end > a) {
        touched.add(i);
        hit = true;
      }
    });
    if (!hit) continue;
    const kind = GC_KINDS[(e as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? "other";
    const k = kinds.get(kind) ?? { n: 0, ms: 0, max: 0 };
    kinds.set(kind, { n: k.n + 1, ms: k.ms + e.duration, max: Math.max(k.max, e.duration) });
  }
  const restWall = t.spans
    .map(([a, b], i) => (touched.has(i) ? -1 : b - a))
    .filter((ms) => ms >= 0)
    .sort((a, b) => a - b);
  const restCpu = t.each
    .map(([, ms], i) => (touched.has(i) ? -1 : ms))
    .filter((ms) => ms >= 0)
    .sort((a, b) => a - b);
  const pauses = [...kinds]
    .map(([kind, k]) => `${k.n} ${kind}, ${k.ms.toFixed(1)} ms in all, longest ${k.max.toFixed(1)} ms`)
    .join("; ");
  const rest = restWall.length
    ? `p99 ${percentile(restWall, 0.99).toFixed(3)} ms (CPU p99 ${percentile(restCpu, 0.99).toFixed(3)} ms)`
    : "none";
  return (
    `  GC: ${touched.size} of the ${t.n} overlapped a GC pause${pauses ? ` (${pauses})` : ""}; ` +
    `the ${restWall.length} no pause touched: ${rest}`
  );
}

type Build = { index: SearchIndex; ms: number; heapMb: number };

/** Builds an index, timing it and measuring how much the heap grows (call before other work litters it). */
function measureBuild(p: Programme): Build {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const t = performance.now();
  const index = buildSearchIndex(p);
  const ms = performance.now() - t;
  gc();
  gc();
  return { index, ms, heapMb: (process.memoryUsage().heapUsed - before) / 2 ** 20 };
}

interface Row {
  name: string;
  docs: number;
  terms: number;
  buildMs: number;
  heapMb: number;
  median: number;
  p99: number;
  first: Once;
  fuseN: number;
  fuseBuildMs: number;
  fuseMedian: number;
  fuseP99: number;
}

function benchOne(name: string, key: string, p: Programme, { index, ms, heapMb }: Build): Row {
  const queries = benchQueries(p, QUERIES);
  const [first] = firstSight(queries, [(q) => index.search(q)]) as [Once];
  const ours = time(queries, (q) => index.search(q), 3);
  const t = performance.now();
  const fuse = fuseOver(p);
  const fuseBuildMs = performance.now() - t;
  const sample = queries.slice(0, FUSE_SAMPLE[key] ?? 100);
  const theirs = time(sample, (q) => fuse.search(q, { limit: 10 }), 1);
  return {
    name,
    docs: index.stats.documents,
    terms: index.stats.terms,
    buildMs: ms,
    heapMb,
    median: ours.median,
    p99: ours.p99,
    first,
    fuseN: sample.length,
    fuseBuildMs,
    fuseMedian: theirs.median,
    fuseP99: theirs.p99,
  };
}

function table(rows: Row[]): string {
  const f = (n: number, d = 2) => n.toFixed(d);
  const head = [
    "programme",
    "docs",
    "terms",
    "build ms",
    "heap MB",
    "queries",
    "median ms",
    "p99 ms best of 3",
    "1st sight: queries",
    "median ms",
    "p99 ms",
    "CPU p99 ms",
    "fuse build ms",
    "fuse queries",
    "fuse median ms",
    "fuse p99 ms",
  ];
  const body = rows.map((r) => [
    r.name,
    String(r.docs),
    String(r.terms),
    f(r.buildMs, 0),
    f(r.heapMb, 1),
    String(QUERIES),
    f(r.median, 3),
    f(r.p99, 3),
    String(r.first.n),
    f(r.first.median, 3),
    f(r.first.p99, 3),
    f(r.first.cpuP99, 3),
    f(r.fuseBuildMs, 0),
    String(r.fuseN),
    f(r.fuseMedian, 1),
    f(r.fuseP99, 1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function devCheck(cases: EvalCase[], pycon: Programme, synthetic: Map<string, Programme>): string[] {
  const out: string[] = [];
  const alone = buildSearchIndex(pycon);
  const base = hitAt1(cases, (q) => alone.search(q));
  out.push(
    `dev set hit@1, PyCon alone: ${base.ok}/${cases.length}${base.failed.length ? ` (fails: ${base.failed.join(", ")})` : ""}`,
  );
  for (const [name, synth] of synthetic) {
    const mixed = buildSearchIndex(mergeProgrammes(synth, pycon));
    const r = hitAt1(cases, (q) => mixed.search(q));
    const changed = [...new Set([...r.failed, ...base.failed])].filter(
      (q) => r.failed.includes(q) !== base.failed.includes(q),
    );
    out.push(
      `dev set hit@1, PyCon + synthetic ${name}: ${r.ok}/${cases.length} — ${changed.length ? `CHANGED: ${changed.join(", ")}` : "same"}`,
    );
  }
  return out;
}

/** Russian topics an attendee types over a programme in another language. */
const RUSSIAN_TOPICS = [
  "базы данных",
  "контейнеры",
  "безопасность",
  "машинное обучение",
  "сети",
  "ядро линукса",
];

/**
 * A deterministic mix of queries on a real schedule: two title words, a surname, a typo, a title word on the
 * wrong layout, a room's or track's name, a Russian topic, nonsense.
 */
function realQueries(p: Programme, count: number): string[] {
  const random = rng(11);
  const text = (t: Record<string, string> | undefined) => Object.values(t ?? {})[0] ?? "";
  const words = (t: string) => t.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
  const places = [...p.conference.rooms, ...p.conference.tracks].map((x) => text(x.name));
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const title = words(text(pick(random, p.sessions).title));
    const word = pick(random, title) ?? "";
    const cut = Math.floor(random() * word.length);
    const q = [
      title.slice(0, 2).join(" "),
      text(pick(random, p.speakers)?.name).split(" ").at(-1) ?? "",
      word.slice(0, cut) + word.slice(cut + 1),
      swapLayout(word),
      pick(random, places) ?? "",
      pick(random, RUSSIAN_TOPICS),
      pick(random, ["qwxzv", "гороскоп", "football", "ипотека"]),
    ][i % 7] as string;
    if (q.trim()) out.push(q.toLowerCase());
  }
  return out;
}

/** Latin letters and pairs as a Russian writes them by ear, pairs first (a bench's respelling, not the search's). */
const BY_EAR: [RegExp, string][] = [
  [/sh/g, "ш"],
  [/ch/g, "ч"],
  [/th/g, "т"],
  [/ph/g, "ф"],
  [/ck/g, "к"],
  [/oo/g, "у"],
  [/ee/g, "и"],
  [/x/g, "кс"],
  [/j/g, "дж"],
];
const BY_EAR_LETTERS: Record<string, string> = Object.fromEntries(
  [..."abcdefghiklmnopqrstuvwyz"].map((l, i) => [l, "абкдефгхиклмнопкрстуввиз"[i] as string]),
);

/**
 * Words in the other script a programme has not met, as attendees type them on a Latin programme: its title
 * words on the Russian layout, spelled in Cyrillic by ear, and Russian words whose first English translation
 * (data/lexicon/ru-en.tsv) is one of them — a deterministic shuffle, each word once.
 */
function otherScriptWords(p: Programme): string[] {
  const titles = new Set(
    p.sessions.flatMap((s) =>
      Object.values(s.title)
        .join(" ")
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => /^[a-z]{4,}$/.test(w)),
    ),
  );
  const russian = readFileSync("data/lexicon/ru-en.tsv", "utf8")
    .split("\n")
    .map((line) => line.split("\t"))
    .filter(([ru, en]) => /^[а-яё]{5,}$/.test(ru ?? "") && titles.has(en?.split("|")[0] ?? ""))
    .map(([ru]) => ru as string);
  const heard = (w: string) =>
    [...BY_EAR.reduce((out, [latin, cyrillic]) => out.replace(latin, cyrillic), w)]
      .map((l) => BY_EAR_LETTERS[l] ?? l)
      .join("");
  const words = [...new Set([...[...titles].flatMap((w) => [swapLayout(w), heard(w)]), ...russian])];
  const random = rng(5);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j] as string, words[i] as string];
  }
  return words;
}

/** The p99 line of a timing: wall and CPU time, against the 1 ms target. */
function p99Line(t: ReturnType<typeof time>): string {
  return (
    `median ${t.median.toFixed(3)} ms, p99 ${t.p99.toFixed(3)} ms (CPU: median ${t.cpuMedian.toFixed(3)} ms, ` +
    `p99 ${t.cpuP99.toFixed(3)} ms) (target ≤ 1 ms) ${Math.min(t.p99, t.cpuP99) <= 1 ? "ok" : "OVER"}`
  );
}

/** The first-sight line of a timing ({@link firstSight}): wall and CPU time, against the 1 ms target. */
function firstLine(t: Once): string {
  const thread = Number.isNaN(t.threadP99)
    ? ""
    : `; the search's own thread: median ${t.threadMedian.toFixed(3)} ms, p99 ${t.threadP99.toFixed(3)} ms`;
  return (
    `${t.n} queries seen once: median ${t.median.toFixed(3)} ms, p99 ${t.p99.toFixed(3)} ms (CPU: median ` +
    `${t.cpuMedian.toFixed(3)} ms, p99 ${t.cpuP99.toFixed(3)} ms${thread}) ` +
    `${Math.min(t.p99, t.cpuP99) <= 1 ? "ok" : "OVER"} (word lists' files over the timed half: ` +
    `${t.lists.lookups} look-ups, ${t.lists.blocksRead} blocks read)`
  );
}

/** The real schedules benchmarked: name, file in the real-schedules directory, time zone where it lacks one. */
const REAL_FILES: [name: string, file: string, timezone?: string][] = [
  ["FOSDEM 2026", "fosdem-2026-prelim.pretalx-fosdem.xml"],
  ["38C3", "38c3.hub.frab.xml"],
  ["FOSDEM 2020", "fosdem-2020.pentabarf.xml", "Europe/Brussels"],
];

/** Index build and per-query times on real schedules, loaded as the bot loads them. */
async function realSchedules(): Promise<void> {
  for (const [name, file, timezone] of REAL_FILES) {
    let p: Programme;
    try {
      p = readScheduleFile(join(REAL_DIR, file), { timezone }).programme;
    } catch {
      console.log(`${name}: ${file} not found beside the repository; skipped`);
      continue;
    }
    const build = measureBuild(p);
    const queries = realQueries(p, QUERIES);
    const [first] = firstSight(queries, [(q) => build.index.search(q)]) as [Once];
    const t = time(queries, (q) => build.index.search(q), 3);
    await gcSettled();
    console.log(
      `${name}: ${p.sessions.length} sessions, ${build.index.stats.documents} documents, ${build.index.stats.terms} terms; ` +
        `index build ${build.ms.toFixed(0)} ms, ${build.heapMb.toFixed(1)} MB; ${QUERIES} queries, best of 3 passes: ${p99Line(t)}` +
        `; on first sight (after a warm-up on the other half): ${firstLine(first)}`,
    );
    console.log(gcLine(first));
    // Words in the other script alone, on a fresh index (the sound matching, transliteration and dictionaries'
    // share of the first-sight tail), the first half again a warm-up.
    const fresh = restoreSearchIndex(searchIndexSnapshot(build.index));
    const [other] = firstSight(otherScriptWords(p), [(q) => fresh.search(q)]) as [Once];
    await gcSettled();
    console.log(
      `${name}: words in the other script on first sight (its title words on the Russian layout, spelled in ` +
        `Cyrillic by ear, Russian words translated into them; a fresh index): ${firstLine(other)}`,
    );
    console.log(gcLine(other));
  }
}

/** Matches from this many other conferences, this many results asked of each (src/bot/views/series.ts). */
const ELSEWHERE_CONFERENCES = 3;
const ELSEWHERE_LIMIT = 2;

/**
 * The nine conferences' programmes (FOSDEM 2026, 38C3, PyCon Russia 2019 back to 2013), their indexes and the
 * queries drawn from each; undefined when the real schedules are not beside the repository.
 */
function nineDeployment():
  | { programmes: Programme[]; indexes: SearchIndex[]; queries: string[] }
  | undefined {
  const programmes: Programme[] = [];
  try {
    programmes.push(readScheduleFile(join(REAL_DIR, "fosdem-2026-prelim.pretalx-fosdem.xml")).programme);
    programmes.push(readScheduleFile(join(REAL_DIR, "38c3.hub.frab.xml")).programme);
  } catch {
    return undefined;
  }
  for (let y = 2019; y >= 2013; y--) programmes.push(readProgrammeFile(`data/pycon-ru-${y}.yaml`));
  const indexes = programmes.map((p) => buildSearchIndex(p));
  const queries = programmes.flatMap((p) => realQueries(p, Math.ceil(QUERIES / programmes.length)));
  return { programmes, indexes, queries };
}

/**
 * The two runs the nine conferences' first-sight line shares its timed half between: with "Also at" (the
 * reader's conference, each in turn, then the others until three have a match) and the reader's conference alone.
 */
function nineFirstSightRuns(indexes: SearchIndex[]): [(q: string) => void, (q: string) => void] {
  let turn = 0;
  const withAlsoAt = (q: string) => {
    const own = turn++ % indexes.length;
    (indexes[own] as SearchIndex).search(q);
    let found = 0;
    for (let i = 0; i < indexes.length && found < ELSEWHERE_CONFERENCES; i++) {
      if (i === own) continue;
      if ((indexes[i] as SearchIndex).search(q, { limit: ELSEWHERE_LIMIT, direct: true }).length) found++;
    }
  };
  return [withAlsoAt, (q) => void (indexes[turn++ % indexes.length] as SearchIndex).search(q)];
}

/**
 * Search in a deployment of nine conferences (the seven PyCon Russia editions, FOSDEM 2026, 38C3), as the bot
 * searches: the reader's conference (each in turn), then the others in order until three have a match ("Also
 * at …", src/bot/views/series.ts `alsoAt`: a direct search of each, `SearchOptions.direct`, for its first two
 * results; the bot asks for more only when those are not two sessions). Queries are drawn from every programme.
 */
async function nineConferences(): Promise<void> {
  const nine = nineDeployment();
  if (!nine) {
    console.log("9 conferences: the real schedules are not beside the repository; skipped");
    return;
  }
  const { programmes, indexes, queries } = nine;
  const [firstAlsoAt, firstAlone] = firstSight(queries, nineFirstSightRuns(indexes)) as [Once, Once];
  let turn = 0;
  const ownOf: number[] = [];
  const t = time(
    queries,
    (q, i) => {
      const own = turn++ % indexes.length;
      ownOf[i] = own;
      (indexes[own] as SearchIndex).search(q);
      let found = 0;
      for (let i = 0; i < indexes.length && found < ELSEWHERE_CONFERENCES; i++) {
        if (i === own) continue;
        const index = indexes[i] as SearchIndex;
        if (index.search(q, { limit: ELSEWHERE_LIMIT, direct: true }).length) found++;
      }
    },
    3,
  );
  turn = 0;
  const alone = time(queries, (q) => (indexes[turn++ % indexes.length] as SearchIndex).search(q), 3);
  await gcSettled();
  console.log(
    `9 conferences (PyCon Russia 2013–2019, FOSDEM 2026, 38C3), ${queries.length} queries, best of 3 passes: the reader's ` +
      `conference alone ${p99Line(alone)}; with "Also at" ${p99Line(t)}`,
  );
  console.log(
    `9 conferences on first sight (after a warm-up on half the distinct queries, the rest shared out, each timed ` +
      `once): the reader's conference alone ${firstLine(firstAlone)}; with "Also at" ${firstLine(firstAlsoAt)}`,
  );
  console.log(`${gcLine(firstAlone)} (the reader's conference alone)`);
  console.log(`${gcLine(firstAlsoAt)} (with "Also at")`);
  // BENCH_SEARCH_SLOWEST=N: the tail itself, to profile — each query's CPU with "Also at", its own search's
  // share, and the reader's conference; then the slowest on first sight (a single timing each, so a GC pause or
  // a neighbour's load may put a cheap query there: time one several times, in fresh processes, to tell).
  const slowest = Number(process.env.BENCH_SEARCH_SLOWEST ?? 0);
  if (slowest > 0) {
    for (const [label, once] of [
      ['with "Also at"', firstAlsoAt],
      ["the reader's conference alone", firstAlone],
    ] as const) {
      console.log(
        `the ${slowest} slowest on first sight, ${label} (CPU ms, the search's own thread's; query):`,
      );
      for (const [q, ms, thread] of [...once.each].sort((a, b) => b[1] - a[1]).slice(0, slowest))
        console.log(`  ${ms.toFixed(3)}  ${thread.toFixed(3)}  ${q}`);
    }
    const names = programmes.map((p) => Object.values(p.conference.name)[0] ?? "");
    const order = queries.map((_, i) => i).sort((a, b) => (t.cpuOf[b] as number) - (t.cpuOf[a] as number));
    console.log(`the ${slowest} slowest with "Also at" (CPU ms: all, the reader's conference alone; query):`);
    for (const i of order.slice(0, slowest))
      console.log(
        `  ${(t.cpuOf[i] as number).toFixed(3)}  ${(alone.cpuOf[i] as number).toFixed(3)}  ` +
          `${names[ownOf[i] as number]}: ${queries[i]}`,
      );
  }
}

/** Generated first-sight queries run to warm V8 before a "V8 warmed" line's timed half (a fresh process each). */
const V8_WARMUP = 4000;

/** A query's words as the overlap check compares them: lower case, split at what is not a letter or digit. */
function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Warms V8 — not the word caches of the words about to be timed — as a bot that has answered thousands of queries
 * is warm: {@link V8_WARMUP} first-sight queries of another programme (a synthetic 1,000-session one, seed 3:
 * `freshQueries`, then its words in the other script), on that programme's own index, skipping every query
 * that shares a word, or its other-layout spelling, with `avoid`. Returns the words the warm-up typed.
 */
function warmV8(avoid: readonly string[]): Set<string> {
  const banned = new Set(avoid.flatMap(queryWords).flatMap((w) => [w, swapLayout(w)]));
  const other = syntheticProgramme(1000, 3);
  const index = buildSearchIndex(other);
  const pool = [...freshQueries(other, 2 * V8_WARMUP, 17), ...otherScriptWords(other)];
  const typed = new Set<string>();
  let run = 0;
  for (const q of pool) {
    if (run === V8_WARMUP) break;
    const words = queryWords(q);
    if (words.some((w) => banned.has(w))) continue;
    index.search(q);
    for (const w of words) typed.add(w).add(swapLayout(w));
    run++;
  }
  if (run < V8_WARMUP)
    throw new Error(`warmV8: only ${run} warm-up queries share no word with the timed ones`);
  return typed;
}

/**
 * A "V8 warmed" first-sight line, in a fresh process (BENCH_SEARCH=v8warm:<line>, started by
 * {@link v8WarmedLines}): the same programme, index, queries and runs as the first-sight line it stands beside, but
 * {@link warmV8} first. Checks that no timed query shares a word with the warm-up, counts those that do and
 * leaves them out of the line.
 */
async function v8WarmedChild(line: string): Promise<void> {
  let name: string;
  let queries: string[];
  let runs: ((q: string) => unknown)[];
  const real = REAL_FILES.find(([n]) => n === line);
  if (real) {
    const [, file, timezone] = real;
    let p: Programme;
    try {
      p = readScheduleFile(join(REAL_DIR, file), { timezone }).programme;
    } catch {
      return;
    }
    const index = buildSearchIndex(p);
    name = line;
    queries = realQueries(p, QUERIES);
    runs = [(q) => index.search(q)];
  } else {
    const nine = nineDeployment();
    if (!nine) return;
    name = "9 conferences";
    queries = nine.queries;
    runs = nineFirstSightRuns(nine.indexes);
  }
  const distinct = [...new Set(queries)];
  const timedHalf = distinct.slice(Math.ceil(distinct.length / 2));
  const typed = warmV8(timedHalf);
  await gcSettled();
  gcPauses.length = 0;
  const lines: [string, string, number, Once][] = [];
  const labels = runs.length > 1 ? ['with "Also at"', "the reader's conference alone"] : [""];
  firstSight(queries, runs).forEach((once, r) => {
    const clean = once.each.map(([q]) => !queryWords(q).some((w) => typed.has(w)));
    const kept: Once = {
      ...once,
      each: once.each.filter((_, i) => clean[i]),
      spans: once.spans.filter((_, i) => clean[i]),
    };
    const wall = kept.spans.map(([a, b]) => b - a).sort((a, b) => a - b);
    const cpu = kept.each.map(([, ms]) => ms).sort((a, b) => a - b);
    const own = kept.each.map(([, , ms]) => ms).sort((a, b) => a - b);
    Object.assign(kept, {
      n: wall.length,
      median: percentile(wall, 0.5),
      p99: percentile(wall, 0.99),
      cpuMedian: percentile(cpu, 0.5),
      cpuP99: percentile(cpu, 0.99),
      threadMedian: percentile(own, 0.5),
      threadP99: percentile(own, 0.99),
    });
    lines.push([name, labels[r] as string, once.n - kept.n, kept]);
  });
  await gcSettled();
  for (const [n, label, shared, kept] of lines) {
    console.log(
      `${n} on first sight, V8 warmed${label ? ` (${label})` : ""} (not the headline; a fresh process, V8 warmed ` +
        `first on ${V8_WARMUP} generated first-sight queries of a synthetic 1,000-session programme, none sharing ` +
        `a word with the timed queries; then the same warm-up half and timed half as the first-sight line; ` +
        `${shared} timed queries shared a word with the V8 warm-up, left out): ${firstLine(kept)}`,
    );
    console.log(gcLine(kept));
  }
}

/**
 * The "V8 warmed" first-sight lines, each in a fresh process (this one's V8 and word caches have seen the timed
 * queries): beside each real-schedule line and the nine conferences'. Run after those, so that their numbers
 * stay as they were.
 */
function v8WarmedLines(): void {
  for (const line of [...REAL_FILES.map(([name]) => name), "9 conferences"]) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, BENCH: "search", BENCH_SEARCH: `v8warm:${line}`, BENCH_SEARCH_SLOWEST: "0" },
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
    });
    process.stdout.write(child.stdout.replace(/^## search\n/, ""));
    if (child.status !== 0)
      console.log(`${line} on first sight, V8 warmed: the process failed (${child.status})`);
  }
}

/** Runs the search benchmark and prints its table and checks (the module's default export, for bench/main.ts). */
export default async function runSearchBench(): Promise<void> {
  console.log("## search");
  observeGc();
  // BENCH_SEARCH=real: only the real schedules and the nine-conference deployment (no synthetic table).
  const v8warm = process.env.BENCH_SEARCH?.match(/^v8warm:(.+)$/)?.[1];
  if (v8warm) return v8WarmedChild(v8warm);
  if (process.env.BENCH_SEARCH === "real") {
    await realSchedules();
    await nineConferences();
    v8WarmedLines();
    return;
  }
  const pycon = readProgrammeFile("data/pycon-ru-2013.yaml");
  const synthetic = new Map([
    ["1,000", syntheticProgramme(1000, 1)],
    ["10,000", syntheticProgramme(10000, 2)],
  ]);
  const programmes = [
    ["PyCon Russia 2013", "pycon", pycon],
    ["synthetic 1,000", "1k", synthetic.get("1,000") as Programme],
    ["synthetic 10,000", "10k", synthetic.get("10,000") as Programme],
  ] as const;
  const builds = programmes.map(([, , p]) => measureBuild(p));
  const rows = programmes.map(([name, key, p], i) => benchOne(name, key, p, builds[i] as Build));
  await gcSettled();
  console.log(table(rows));
  for (const r of rows) console.log(`${gcLine(r.first)} (${r.name}, first sight)`);
  const targets = [
    ["synthetic 1,000", 2],
    ["synthetic 10,000", 10],
  ] as const;
  for (const [name, limit] of targets) {
    const r = rows.find((x) => x.name === name) as Row;
    console.log(
      `p99 at ${name}: ${r.p99.toFixed(3)} ms (target ≤ ${limit} ms) ${r.p99 <= limit ? "ok" : "OVER"}; ` +
        `on first sight ${r.first.p99.toFixed(3)} ms (CPU ${r.first.cpuP99.toFixed(3)} ms) ` +
        `${Math.min(r.first.p99, r.first.cpuP99) <= limit ? "ok" : "OVER"}`,
    );
  }
  await realSchedules();
  await nineConferences();
  v8WarmedLines();
  const cases = readEvalSet(DEV_SET);
  if (!cases.length) console.log(`dev set not found at ${DEV_SET}; skipping the hit@1 check`);
  else for (const line of devCheck(cases, pycon, synthetic)) console.log(line);
}
