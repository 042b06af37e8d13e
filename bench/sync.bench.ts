/**
 * Sync benchmark (issue 9). A published schedule served by a local HTTP server (the sync tests' server):
 *
 * - a sync cycle that finds no change (target ≤ 50 ms), on FOSDEM 2026 (~1,000 events, ~3 MB of frab XML):
 *   answered 304; served whole with the same bytes (download + hash); served with different bytes that
 *   parse to the same programme (download + parse + diff);
 * - a sync that moves 30 sessions followed by 5,000 users each: time to commit it (programme stored, one
 *   notice per user queued, reminders re-planned; target for the notices ≤ 200 ms), and the notices alone.
 *
 * Median and worst of several runs, printed, never asserted.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enqueueChangeNotices } from "../src/delivery/notices.js";
import type { Programme } from "../src/programme/model.js";
import { ProgrammeService } from "../src/programme/service.js";
import { SourceSync } from "../src/programme/sync.js";
import { type Db, openDatabase } from "../src/store/db.js";
import { REAL_DIR } from "../test/support/real-schedules.js";
import { startScheduleServer } from "../test/support/schedule-server.js";
import { shift, syncProgramme } from "../test/support/sync-programme.js";

const FOSDEM = join(REAL_DIR, "fosdem-2026-prelim.pretalx-fosdem.xml");
const USERS = 5_000;
const MOVED = 30;
const RUNS = 15;

const ms = (t0: number) => performance.now() - t0;
/** CPU milliseconds (user + system) since `since` (process.cpuUsage()): what load on the machine inflates least. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${median.toFixed(1)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
}

async function noChangeCycles(dir: string): Promise<void> {
  const xml = readFileSync(FOSDEM, "utf8");
  const withEtags = await startScheduleServer(xml);
  const without = await startScheduleServer(xml, { etags: false });
  try {
    const db = openDatabase(join(dir, "fosdem.sqlite"));
    const service = new ProgrammeService({ db, clock: Date.now, defaultMinutes: 10 });
    const limits = { timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024 };
    const sync = (url: string) =>
      new SourceSync({ db, service, clock: Date.now, url, limits, organizerIds: [] });
    const conditional = sync(withEtags.url);
    const t0 = performance.now();
    await conditional.syncNow("start");
    const first = ms(t0);
    const cycle = async (s: SourceSync) => {
      const t = performance.now();
      const r = await s.syncNow("poll");
      if (r.kind === "applied" || r.kind === "failed") throw new Error(`unexpected ${r.kind}`);
      return ms(t);
    };
    const notModified: number[] = [];
    for (let i = 0; i < RUNS; i++) notModified.push(await cycle(conditional));
    // The same bytes again, the server ignoring conditional requests: downloaded and hashed, not parsed.
    const plain = sync(without.url);
    const sameBytes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.publish(xml);
      sameBytes.push(await cycle(plain));
    }
    // Different bytes, same programme (an exporter's timestamp moved): downloaded, parsed, diffed, unchanged.
    const reparsed: number[] = [];
    for (let i = 0; i < 5; i++) {
      without.publish(xml.replace("<schedule", `<!-- export ${i} --><schedule`));
      reparsed.push(await cycle(plain));
    }
    const sessions = service.current()?.sessions.length ?? 0;
    console.log(
      `sync, FOSDEM 2026 (${sessions} sessions, ${(xml.length / 1e6).toFixed(1)} MB): first load ${first.toFixed(0)} ms`,
    );
    console.log(`  no change, 304:                         ${stats(notModified)}   (target ≤ 50 ms)`);
    console.log(`  no change, same bytes re-downloaded:    ${stats(sameBytes)}`);
    console.log(`  no change, new bytes, same programme:   ${stats(reparsed)}`);
    db.close();
  } finally {
    await withEtags.close();
    await without.close();
  }
}

/** 60 talks on day one; 5,000 users follow the first 30, which the change moves to day two. */
function followed(dir: string, name: string): { db: Db; service: ProgrammeService; moved: Programme } {
  const db = openDatabase(join(dir, `${name}.sqlite`));
  const now = Date.parse("2030-02-01T00:00:00Z");
  const service = new ProgrammeService({ db, clock: () => now, defaultMinutes: 10 });
  const base = syncProgramme(60);
  base.conference.days = ["2030-03-01", "2030-03-02"];
  service.commit(service.prepare(base), { origin: "startup" });
  const user = db.prepare(
    "INSERT INTO users (id, chat_id, first_name, language_code, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)",
  );
  const sub = db.prepare("INSERT INTO subscriptions (user_id, session_id, created_at) VALUES (?, ?, 0)");
  db.transaction(() => {
    for (let id = 1; id <= USERS; id++) {
      user.run(id, id, `U${id}`, id % 2 ? "en" : "ru");
      for (let s = 1; s <= MOVED; s++) sub.run(id, `talk-${s}`);
    }
  })();
  const moved = structuredClone(base);
  for (const s of moved.sessions.slice(0, MOVED)) shift(s, 24 * 60);
  return { db, service, moved };
}

function movedSessions(dir: string): void {
  const commits: number[] = [];
  const noticesOnly: number[] = [];
  const noticesCpu: number[] = [];
  let queued = 0;
  for (let run = 0; run < 5; run++) {
    const a = followed(dir, `commit-${run}`);
    const change = a.service.prepare(a.moved);
    const t0 = performance.now();
    const outcome = a.service.commit(change, { origin: "sync" });
    commits.push(ms(t0));
    if (outcome.ok) queued = outcome.result.notices;
    a.db.close();

    const b = followed(dir, `notices-${run}`);
    const changes = b.service.prepare(b.moved).changes;
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    enqueueChangeNotices(b.db, changes, Date.parse("2030-02-01T00:00:00Z"));
    noticesCpu.push(cpuMs(c1));
    noticesOnly.push(ms(t1));
    b.db.close();
  }
  console.log(
    `sync moving ${MOVED} sessions followed by ${USERS.toLocaleString("en")} users each (${queued.toLocaleString("en")} notices, one per user):`,
  );
  console.log(`  queue the notices:                      ${stats(noticesOnly)}   (target ≤ 200 ms)`);
  console.log(`  … CPU time of queueing them:           ${stats(noticesCpu)}`);
  console.log(`  whole commit (programme, notices, reminders, version): ${stats(commits)}`);
}

/** Runs the sync benchmark. */
export default async function syncBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "confbot-bench-sync-"));
  try {
    await noChangeCycles(dir);
    movedSessions(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
