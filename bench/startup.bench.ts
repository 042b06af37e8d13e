/**
 * Start-up time and memory of the bot as its own process, the way it runs in production: long polling a local
 * Bot API server, a database with 10,000 users who follow sessions, at FOSDEM size (the FOSDEM 2026 schedule
 * as published, 883 sessions) and with PyCon Russia 2013. Start-up is from spawning the process to its first
 * getUpdates (the programme loaded, the search index built, the bot serving); memory is the process's peak
 * RSS (VmHWM) after 300 searches. Each runs `npm start`'s way (the bundle, `node dist/main.js`) and the way it
 * ran before (`node --import tsx src/main.ts`). The first start finds no search index snapshot (as after a
 * deploy of new search code; `programme load` leaves one), builds the index and stores it; a restart (best of
 * the next two) finds the programme file unchanged and restores the index. CPU time is the process's own (user +
 * system), which load on the machine inflates far less than the wall time; beside it, the CPU once the work
 * start-up defers (the search's first-use keys, made 2 s after serving begins) is done, nothing asked meanwhile.
 * Targets at FOSDEM size with 10,000 users: ≤ 1 s and ≤ 150 MB.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { PREPARE_INDEX_AFTER_MS } from "../src/bot/deps.js";
import { openDatabase } from "../src/store/db.js";
import { BotApiServer } from "../test/support/bot-api-server.js";
import { START_ARGS } from "./start-command.js";

const USERS = 10_000;
const SEARCHES = 300;
const RUNS = 3;
/** English words, and Russian and German ones that go through the dictionaries' word lists (src/search/lexicon.ts). */
const QUERIES = [
  "python",
  "rust",
  "database",
  "kernel",
  "security",
  "javascript",
  "flask",
  "тестирование",
  "пылесосы",
  "Datenbankverwaltung",
];

/** The published schedules sit beside the repository (`../shared`); BENCH_SHARED points elsewhere. */
const SHARED = process.env.BENCH_SHARED ?? "../shared";
/** A deployment of several conferences: the seven PyCon Russia editions, FOSDEM 2026 and 38C3 (CONFERENCES). */
const SERIES = [
  ...[2013, 2014, 2015, 2016, 2017, 2018, 2019].map((y) => ({
    id: `pycon-ru-${y}`,
    file: `data/pycon-ru-${y}.yaml`,
  })),
  { id: "fosdem-2026", file: `${SHARED}/eval/real/fosdem-2026-prelim.pretalx-fosdem.xml` },
  { id: "38c3", file: `${SHARED}/eval/real/38c3.hub.frab.xml` },
];
const CASES: { name: string; file: string; series?: typeof SERIES }[] = [
  { name: "FOSDEM 2026", file: `${SHARED}/eval/real/fosdem-2026-prelim.pretalx-fosdem.xml` },
  { name: "PyCon Russia 2013", file: "data/pycon-ru-2013.yaml" },
  {
    name: "9 conferences (PyCon Russia 2013–2019, FOSDEM 2026, 38C3)",
    file: SERIES[8]?.file ?? "",
    series: SERIES,
  },
];
const RUNNERS =
  process.env.BENCH_RUNNERS === "compiled"
    ? [{ name: `node ${START_ARGS.join(" ")}`, args: START_ARGS }]
    : [
        { name: `node ${START_ARGS.join(" ")}`, args: START_ARGS },
        { name: "tsx src/main.ts", args: ["--import", "tsx", "src/main.ts"] },
      ];

/** Peak and current RSS of a process in MB, from /proc (Linux). */
function rssOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: kb("VmHWM") / 1024, now: kb("VmRSS") / 1024 };
}

/** CPU seconds a process has used (user + system, from /proc): start-up cost that does not depend on load. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A database with the programme (or every conference of `series`, configured in dir/conferences.yaml) loaded
 * and USERS users following three sessions each (of any conference).
 */
function prepare(
  dir: string,
  file: string,
  series?: typeof SERIES,
): { database: string; env: Record<string, string> } {
  const database = join(dir, "confbot.sqlite");
  const conferences = join(dir, "conferences.yaml");
  if (series)
    writeFileSync(
      conferences,
      series
        .map((c, i) => `- id: ${c.id}\n  programme: ${resolve(c.file)}\n  default: ${i === 0}\n`)
        .join(""),
    );
  const source: Record<string, string> = series ? { CONFERENCES: conferences } : { PROGRAMME_PATH: file };
  // The first start loads the programme; the ones measured find it in the database, as every restart does.
  for (const id of series ? series.map((c) => c.id) : [undefined])
    execFileSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "programme", "load", ...(id ? ["--conference", id] : [file])],
      { env: { ...process.env, ...source, DATABASE_PATH: database, LOG_LEVEL: "silent" }, stdio: "ignore" },
    );
  const db = openDatabase(database);
  const sessions = db.prepare("SELECT id FROM sessions WHERE removed = 0").pluck().all() as string[];
  const addUser = db.prepare(
    "INSERT INTO users (id, chat_id, first_name, language_code, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)",
  );
  const follow = db.prepare(
    "INSERT OR IGNORE INTO subscriptions (user_id, session_id, created_at) VALUES (?, ?, 0)",
  );
  db.transaction(() => {
    for (let id = 1; id <= USERS; id++) {
      addUser.run(id, id, `U${id}`, id % 3 ? "en" : "ru");
      for (let k = 0; k < 3; k++) follow.run(id, sessions[(id * 7 + k * 13) % sessions.length]);
    }
  })();
  db.close();
  return { database, env: source };
}

async function measure(args: string[], env: Record<string, string>, server: BotApiServer) {
  const since = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: "ignore" });
  try {
    await server.waitForRequest((r) => r.method === "getUpdates" && r.at >= since, 60_000);
    const startupMs = performance.now() - started;
    const startupCpu = cpuSecondsOf(child.pid as number);
    // What start-up leaves for later (the search's first-use keys, made PREPARE_INDEX_AFTER_MS after serving
    // begins) is start-up cost too: CPU once that is done, nothing asked meanwhile.
    await new Promise((r) => setTimeout(r, PREPARE_INDEX_AFTER_MS + 1500));
    const settledCpu = cpuSecondsOf(child.pid as number);
    for (let i = 0; i < SEARCHES; i++) {
      const user = { id: 1 + (i % 50), first_name: "Bench", language_code: i % 2 ? "en" : "ru" };
      await server.say(user, QUERIES[i % QUERIES.length] as string, { timeoutMs: 20_000 });
    }
    return { startupMs, startupCpu, settledCpu, ...rssOf(child.pid as number) };
  } finally {
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

/** Prints start-up time and peak RSS per programme and way of running. */
export default async function startupBench(): Promise<void> {
  console.log("\n## Start-up and memory (a process long-polling a local Bot API server, 10,000 users)\n");
  if (!existsSync("dist/main.js")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  console.log(
    "| programme | run as | start | start-up (wall) | start-up (CPU) | CPU with the deferred keys | peak RSS (after 300 searches) | target |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  // BENCH_STARTUP=<words> runs only the cases whose name begins with them ("9 conferences", "FOSDEM 2026").
  const only = process.env.BENCH_STARTUP;
  for (const c of CASES.filter((x) => !only || x.name.startsWith(only))) {
    if (!existsSync(c.file)) {
      console.log(`| ${c.name} | — | skipped: ${c.file} is not here | | | |`);
      continue;
    }
    for (const runner of RUNNERS) {
      const server = await BotApiServer.start();
      const dir = mkdtempSync(join(tmpdir(), "confbot-startup-"));
      try {
        const prepared = prepare(dir, c.file, c.series);
        const env = {
          BOT_TOKEN: server.token,
          BOT_API_ROOT: server.apiRoot,
          DATABASE_PATH: prepared.database,
          ...prepared.env,
          LOG_LEVEL: "warn",
        };
        const runs: Awaited<ReturnType<typeof measure>>[] = [];
        // The first start finds no index snapshot, as after a deploy that changed the search code (the CLI's
        // load left one); the next ones restore the snapshot that start stored.
        const db = openDatabase(env.DATABASE_PATH);
        db.prepare("DELETE FROM search_indexes").run();
        db.close();
        for (let i = 0; i < RUNS; i++) runs.push(await measure(runner.args, env, server));
        const target = c.name.startsWith("FOSDEM") ? "≤ 1 s, ≤ 150 MB" : c.series ? "≤ 1 s, ≤ 200 MB" : "";
        const row = (start: string, of: typeof runs) =>
          console.log(
            `| ${c.name} | \`${runner.name}\` | ${start} | ${(Math.min(...of.map((r) => r.startupMs)) / 1000).toFixed(2)} s | ${Math.min(...of.map((r) => r.startupCpu)).toFixed(2)} s | ${Math.min(...of.map((r) => r.settledCpu)).toFixed(2)} s | ${Math.min(...of.map((r) => r.peak)).toFixed(0)} MB | ${target} |`,
          );
        row("first after a search-code deploy (index built)", runs.slice(0, 1));
        row("restart (index restored)", runs.slice(1));
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}
