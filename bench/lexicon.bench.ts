/**
 * What the dictionaries' word lists (data/lexicon/, src/search/lexicon.ts) cost: their size on disk, the time and
 * memory to open each (its block index), a look-up, and on FOSDEM 2026 the search times of queries that go
 * through them (Russian and German words, German compounds) beside a mix of English ones. The index build
 * does not read the lists (translation happens at query time), so it costs the same with them or without.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { readScheduleFile } from "../src/programme/formats/index.js";
import { buildSearchIndex } from "../src/search/index.js";
import { FileLexicon, LEXICON_DIR, lexicon } from "../src/search/lexicon.js";
import { REAL_DIR } from "../test/support/real-schedules.js";

/** Russian and German words and compounds of topics, none from a dev set; some have no talk at FOSDEM. */
const CROSS_LANGUAGE = [
  "вулканы",
  "пылесосы",
  "железные дороги",
  "шифрование",
  "микроскопы",
  "телефоны",
  "принтеры",
  "законы",
  "карты",
  "погода",
  "Fahrkartenautomat",
  "Solarzellenwirkungsgrad",
  "Datenbankverwaltung",
  "Speicherverwaltung",
  "Sicherheitslücken",
  "Betriebssysteme",
  "Programmiersprachen",
  "Spracherkennung",
  "Bildverarbeitung",
  "Echtzeitbetriebssystem",
  "Eisenbahn",
  "Landkarten",
  "Wetter",
  "Gesetze",
];
const ENGLISH = ["python", "rust", "database", "kernel", "security", "javascript", "risc-v", "postgres"];

/** A full garbage collection, so memory figures are what is kept (the flag is set here, as in search.bench.ts). */
function gc(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

function cpuMs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Median and p99 of each query's CPU time (ms) over a few rounds: CPU time, as the machine is shared. */
function p99(
  queries: string[],
  search: (q: string) => unknown,
  rounds: number,
): { median: number; p99: number } {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of queries) times.push(cpuMs(() => search(q)));
  times.sort((a, b) => a - b);
  const at = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))] as number;
  return { median: at(0.5), p99: at(0.99) };
}

/** Runs the lexicon benchmark (the module's default export, for bench/main.ts). */
export default function runLexiconBench(): void {
  console.log("## lexicon (cross-language word lists)");
  const files = readdirSync(LEXICON_DIR).filter((f) => f.endsWith(".tsv"));
  let total = 0;
  // Three-letter prefixes all over the alphabets: look-ups that fill a list's block cache, as a long-running bot's do.
  const letters = "abcdefghijklmnopqrstuvwxyzабвгдежзиклмнопрстуфхцчшэюя";
  const prefixes = Array.from(
    { length: 5000 },
    (_, i) =>
      `${letters[i % letters.length]}${letters[(i * 7) % letters.length]}${letters[(i * 13) % letters.length]}`,
  );
  for (const f of files) {
    const path = join(LEXICON_DIR, f);
    const bytes = statSync(path).size;
    total += bytes;
    gc();
    const m0 = process.memoryUsage();
    let list: FileLexicon | undefined;
    const ms = cpuMs(() => {
      list = FileLexicon.open(path);
    });
    let found = 0;
    const lookupMs = cpuMs(() => {
      for (const key of prefixes) found += list?.withPrefix(key, 1, () => {}) ?? 0;
    });
    gc();
    const m1 = process.memoryUsage();
    console.log(
      `${f}: ${(bytes / 1e6).toFixed(2)} MB on disk, ${list?.blocks} blocks; opened in ${ms.toFixed(1)} ms CPU; ` +
        `${prefixes.length} look-ups ${((lookupMs * 1000) / prefixes.length).toFixed(1)} µs each (${found} found); ` +
        `kept in memory: heap ${((m1.heapUsed - m0.heapUsed) / 1e6).toFixed(2)} MB, buffers ` +
        `${((m1.arrayBuffers - m0.arrayBuffers) / 1e6).toFixed(2)} MB`,
    );
  }
  console.log(`all lists: ${(total / 1e6).toFixed(1)} MB on disk`);

  let p: ReturnType<typeof readScheduleFile>["programme"];
  try {
    p = readScheduleFile(join(REAL_DIR, "fosdem-2026-prelim.pretalx-fosdem.xml"), {}).programme;
  } catch {
    console.log("FOSDEM 2026 schedule not found beside the repository; skipped");
    return;
  }
  let index = buildSearchIndex(p);
  const buildMs = cpuMs(() => {
    index = buildSearchIndex(p);
  });
  for (const q of ENGLISH) index.search(q);
  gc();
  const english = p99(ENGLISH, (q) => index.search(q), 20);
  const first = cpuMs(() => index.search("вулканы"));
  const firstDe = cpuMs(() => index.search("Fahrkartenautomat"));
  gc();
  const cross = p99(CROSS_LANGUAGE, (q) => index.search(q), 20);
  const opened = ["ru-en", "de-en"].filter((n) => lexicon(...(n.split("-") as [string, string])));
  console.log(
    `FOSDEM 2026: index build ${buildMs.toFixed(0)} ms CPU (the lists are not read while building); first ` +
      `Russian query ${first.toFixed(1)} ms, first German one ${firstDe.toFixed(1)} ms CPU (opening ${opened.join(", ")}); ` +
      `${CROSS_LANGUAGE.length} Russian/German queries (CPU time) median ${cross.median.toFixed(3)} ms, p99 ` +
      `${cross.p99.toFixed(3)} ms (target ≤ 1 ms) ${cross.p99 <= 1 ? "ok" : "OVER"}; English ones median ` +
      `${english.median.toFixed(3)} ms, p99 ${english.p99.toFixed(3)} ms`,
  );
}
