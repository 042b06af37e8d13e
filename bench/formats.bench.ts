/**
 * Schedule loading benchmark: FOSDEM 2026 (frab XML, 883 events) and 38C3 (CCC hub XML, 1,007 events) from
 * ../shared/eval/real — parse + validate (parseSchedule: XML, texts, ids, speakers, days, warnings), then
 * storing it in a fresh SQLite file and building the search index. Best of three runs each.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSchedule } from "../src/programme/formats/index.js";
import type { Programme } from "../src/programme/model.js";
import { buildSearchIndex } from "../src/search/index.js";
import { openDatabase } from "../src/store/db.js";
import { loadProgramme } from "../src/store/programme-store.js";
import { REAL_DIR } from "../test/support/real-schedules.js";

const FILES = ["fosdem-2026-prelim.pretalx-fosdem.xml", "38c3.hub.frab.xml"];
const RUNS = 3;

const ms = (n: number) => `${n.toFixed(0)} ms`;
const timed = (t: { ms: number; cpu: number }) => `${ms(t.ms)} (CPU ${ms(t.cpu)})`;

/**
 * The best wall time of `RUNS` runs of `f` and the CPU time of that run (on a busy machine the two differ),
 * with its last result; the error instead when it fails.
 */
function best<T>(f: () => T): { ms: number; cpu: number; result: T } | { error: string } {
  let fastest = Number.POSITIVE_INFINITY;
  let cpu = 0;
  let result: T | undefined;
  try {
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      result = f();
      const wall = performance.now() - t;
      const used = process.cpuUsage(c);
      if (wall < fastest) {
        fastest = wall;
        cpu = (used.user + used.system) / 1000;
      }
    }
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0] ?? "failed" };
  }
  return { ms: fastest, cpu, result: result as T };
}

export default function formatsBench(): void {
  console.log("## schedule loading (real schedules)");
  const dir = mkdtempSync(join(tmpdir(), "confbot-bench-formats-"));
  try {
    for (const file of FILES) {
      const bytes = readFileSync(join(REAL_DIR, file));
      const parsed = best(() => parseSchedule(bytes, { source: file }));
      if ("error" in parsed) {
        console.log(`${file}: parse failed: ${parsed.error}`);
        continue;
      }
      const p: Programme = parsed.result.programme;
      let n = 0;
      const load = best(() => {
        const db = openDatabase(join(dir, `${file}-${n++}.sqlite`));
        try {
          return loadProgramme(db, p);
        } finally {
          db.close();
        }
      });
      const index = best(() => buildSearchIndex(p));
      const parts = [
        `parse + validate ${timed(parsed)}`,
        "error" in load ? `load: ${load.error}` : `load into SQLite ${timed(load)}`,
        "error" in index ? `index: ${index.error}` : `search index ${timed(index)}`,
      ];
      const sum = (k: "ms" | "cpu") =>
        [parsed, load, index].reduce((t, x) => t + ("error" in x ? 0 : x[k]), 0);
      const total = `${ms(sum("ms"))} (CPU ${ms(sum("cpu"))})`;
      console.log(
        `${file}: ${p.sessions.length} sessions, ${p.speakers.length} speakers, ${parsed.result.warnings.length} warnings — ${parts.join(", ")}; total ${total} (target ≤ 1 s)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
