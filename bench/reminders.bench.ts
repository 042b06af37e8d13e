/**
 * Reminder benchmark. 10,000 users follow one session: how long the planner's tick takes to queue all their
 * reminders (and a second tick, which finds them queued). Then the dispatcher sends a sample of them through
 * the bot's real transport to the local Bot API server of the end-to-end tests, which enforces Telegram's
 * limits (30 messages a second overall, 1 per chat) by answering 429 with retry_after: delivered per second
 * as a fraction of the limit (target ≥ 90 %), lost (target 0), duplicates (target 0), and 429s received.
 * Sending all 10,000 at 30/s would take 5.5 minutes, so the rate part sends a sample (BENCH_SAMPLE, 1,200).
 * The dispatcher runs at BENCH_RATE messages a second (default: the server's limit, 30); a second, smaller
 * run at 40/s (SEND_RATE set above the limit) exercises the 429 path under load.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createBotDeps } from "../src/bot/deps.js";
import { createI18n } from "../src/bot/i18n.js";
import { createApiTransport, createDispatchApi } from "../src/bot/transport.js";
import { createOutboxRenderer } from "../src/bot/views/outbox.js";
import { systemClock } from "../src/clock.js";
import { loadConfig } from "../src/config.js";
import { Dispatcher } from "../src/delivery/dispatcher.js";
import { outboxHooks } from "../src/delivery/outcomes.js";
import { planReminders } from "../src/delivery/planner.js";
import type { Programme } from "../src/programme/model.js";
import { ProgrammeService } from "../src/programme/service.js";
import { openDatabase } from "../src/store/db.js";
import { outboxCounts } from "../src/store/outbox.js";
import { loadProgramme } from "../src/store/programme-store.js";
import { BotApiServer } from "../test/support/bot-api-server.js";

const USERS = 10_000;
const LIMIT = 30;
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 1200);
const RATE = Number(process.env.BENCH_RATE ?? LIMIT);
/** The second, smaller run above the limit. */
const OVER_RATE = 40;
const OVER_SAMPLE = 300;

/** One conference with one talk starting five minutes from `now`. */
function programme(now: number): Programme {
  const start = Math.ceil((now + 5 * 60_000) / 60_000) * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  const days = [...new Set([iso(start).slice(0, 10), iso(start + 3_600_000).slice(0, 10)])];
  return {
    conference: {
      name: { en: "BenchConf", ru: "БенчКонф" },
      timezone: "UTC",
      languages: ["en", "ru"],
      tracks: [],
      days,
      rooms: [{ id: "hall", name: { en: "Hall", ru: "Зал" } }],
    },
    sessions: [
      {
        id: "talk",
        kind: "talk",
        title: { en: "Benchmarks", ru: "Бенчмарки" },
        abstract: { en: "", ru: "" },
        start: iso(start),
        end: iso(start + 3_600_000),
        room: "hall",
        speakers: ["ann"],
      },
    ],
    speakers: [{ id: "ann", name: { en: "Ann", ru: "Энн" } }],
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Runs the reminder benchmark and prints its numbers. */
export default async function remindersBench(): Promise<void> {
  console.log("## reminders");
  const dir = mkdtempSync(join(tmpdir(), "confbot-bench-"));
  const server = await BotApiServer.start({ rateLimit: { perSecond: LIMIT, perChatPerSecond: 1 } });
  try {
    const db = openDatabase(join(dir, "bench.sqlite"));
    const now = systemClock();
    const p = programme(now);
    loadProgramme(db, p, now);
    const addUser = db.prepare(
      "INSERT INTO users (id, chat_id, language_code, created_at, updated_at) VALUES (?, ?, ?, 0, 0)",
    );
    const follow = db.prepare(
      "INSERT INTO subscriptions (user_id, session_id, created_at) VALUES (?, 'talk', 0)",
    );
    db.transaction(() => {
      for (let id = 1; id <= USERS; id++) {
        addUser.run(id, id, id % 2 ? "en" : "ru");
        follow.run(id);
      }
    })();

    let t = performance.now();
    const first = planReminders(db, { now, defaultMinutes: 10 });
    const enqueueMs = performance.now() - t;
    t = performance.now();
    const second = planReminders(db, { now: now + 30_000, defaultMinutes: 10 });
    const retickMs = performance.now() - t;
    console.log(`enqueue: ${first.enqueued} reminders for ${USERS} subscribers in ${ms(enqueueMs)}`);
    console.log(`next tick: ${second.enqueued} more (all already queued), ${ms(retickMs)}`);

    // The rate part: keep a sample pending, set the rest aside.
    db.prepare(
      "UPDATE outbox SET status = 'dropped', last_error = 'bench: outside the sample' WHERE id > ?",
    ).run(SAMPLE);
    const deps = createBotDeps(
      {
        config: loadConfig({}),
        db,
        i18n: createI18n(),
        clock: systemClock,
        logger: pino({ level: "silent" }),
      },
      new ProgrammeService({ db, clock: systemClock, defaultMinutes: 10 }),
    );
    /** Drains what is pending at `rate` and reports delivered, lost, duplicates and 429s for chats `ids`. */
    const dispatch = async (label: string, ids: number[], rate: number) => {
      const before = server.stats();
      const dispatcher = new Dispatcher({
        db,
        ...outboxHooks(db),
        clock: systemClock,
        logger: deps.logger,
        transport: createApiTransport(createDispatchApi(server.token, server.apiRoot)),
        render: createOutboxRenderer(deps),
        rate,
      });
      const started = performance.now();
      const stats = await dispatcher.drain();
      const seconds = (performance.now() - started) / 1000;
      const after = server.stats();
      const counts = ids.map((id) => after.sentPerChat[id] ?? 0);
      const delivered = counts.filter((n) => n > 0).length;
      const duplicates = counts.reduce((a, n) => a + Math.max(0, n - 1), 0);
      const perSecond = delivered / seconds;
      console.log(
        `${label}: ${ids.length} messages, dispatcher at ${rate}/s, server limit ${LIMIT}/s and 1/s per chat`,
      );
      console.log(
        `  delivered ${delivered} in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)}/s = ` +
          `${((perSecond / LIMIT) * 100).toFixed(1)} % of the limit`,
      );
      console.log(
        `  lost ${ids.length - delivered}, duplicates ${duplicates}, ` +
          `429s received ${after.tooManyRequests - before.tooManyRequests} (flood waits ${stats.flood})`,
      );
    };
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    console.log(
      `dispatch: a sample of ${SAMPLE} of the ${first.enqueued} (all 10,000 at ${LIMIT}/s would take ` +
        `${(USERS / LIMIT / 60).toFixed(1)} min); targets: ≥ 90 % of the limit, 0 lost, 0 duplicates`,
    );
    await dispatch("at the limit", range(1, SAMPLE), RATE);
    // SEND_RATE set above Telegram's limit (a misconfiguration): the 429 path under load. Nothing may be lost
    // or doubled; each 429 pauses all sending for its retry_after, which costs throughput.
    db.prepare(
      "UPDATE outbox SET status = 'pending', last_error = NULL, next_attempt_at = ? WHERE id > ? AND id <= ?",
    ).run(systemClock(), SAMPLE, SAMPLE + OVER_SAMPLE);
    await dispatch("over the limit", range(SAMPLE + 1, OVER_SAMPLE), OVER_RATE);
    console.log(`  outbox ${JSON.stringify(outboxCounts(db))}`);
    db.close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
