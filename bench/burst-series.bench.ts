/**
 * Two conferences of one deployment on one send budget (issue 18: "reminders of two conferences running at the
 * same time are both on time"). SpringConf and AutumnConf each have a keynote starting at the same minute;
 * 6,000 attendees follow each (1,000 of them both, so their chats get two reminders at once); lead 10 minutes.
 * The planner ticks every 30 s over both conferences, the dispatcher sends through the bot's real transport to
 * the local Bot API server of the end-to-end tests (30 messages a second, 1 per chat, 429s beyond), rendered
 * per conference as in production. Time runs BENCH_SPEEDUP times faster (default 3), as in burst.bench.ts.
 *
 * Printed per conference: the share of reminders delivered no later than 60 s after start − lead (target ≥ 99 %
 * each), the latest delivery relative to it, lost and duplicated reminders (target 0). Then a burst too big to be on time (10,000 per conference, lead 5 min):
 * the planner's forecast per conference, which shares the lateness between them instead of starving one.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { BotDeps } from "../src/bot/context.js";
import { createSeriesDeps } from "../src/bot/deps.js";
import { createI18n } from "../src/bot/i18n.js";
import { createApiTransport, createDispatchApi } from "../src/bot/transport.js";
import { createOutboxRenderer } from "../src/bot/views/outbox.js";
import { loadConfig } from "../src/config.js";
import { Dispatcher } from "../src/delivery/dispatcher.js";
import { outboxHooks } from "../src/delivery/outcomes.js";
import { LATE_TOLERANCE_MS, PLAN_SHARE, planReminders } from "../src/delivery/planner.js";
import { RateLimiter } from "../src/delivery/rate-limiter.js";
import type { Programme } from "../src/programme/model.js";
import { qualifyProgramme } from "../src/programme/qualify.js";
import { ProgrammeService } from "../src/programme/service.js";
import { registerConference } from "../src/store/conferences.js";
import { type Db, openDatabase } from "../src/store/db.js";
import { outboxCounts } from "../src/store/outbox.js";
import { loadProgramme } from "../src/store/programme-store.js";
import { BotApiServer } from "../test/support/bot-api-server.js";
import { addFollowers, compressedClock, pct, secs } from "./burst.bench.js";

const EACH = 6_000;
/** Followers of both keynotes (counted in each conference's EACH). */
const BOTH = 1_000;
const LIMIT = 30;
const RATE = 28;
const LEAD_MIN = 10;
const SPEEDUP = Number(process.env.BENCH_SPEEDUP ?? 3);
const MIN = 60_000;

/** The two conferences: id, name, and the prefix their ids carry in the database (the first has none). */
const CONFERENCES = [
  { id: "spring", name: "SpringConf", prefix: "" },
  { id: "autumn", name: "AutumnConf", prefix: "autumn:" },
] as const;

function programme(name: string, start: number): Programme {
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  return {
    conference: {
      name: { en: name, ru: name },
      timezone: "UTC",
      languages: ["en", "ru"],
      tracks: [],
      days: [iso(start).slice(0, 10)],
      rooms: [{ id: "hall", name: { en: "Hall", ru: "Зал" } }],
    },
    sessions: [
      {
        id: "keynote",
        kind: "talk",
        title: { en: `${name} keynote`, ru: `${name}: открытие` },
        abstract: { en: "", ru: "" },
        start: iso(start),
        end: iso(start + 45 * MIN),
        room: "hall",
        speakers: ["ann"],
      },
    ],
    speakers: [{ id: "ann", name: { en: "Ann", ru: "Энн" } }],
  };
}

/**
 * Users 1…(2·EACH − BOTH): the first EACH follow the first conference's keynote, the last EACH the second's
 * (the BOTH in the middle follow both). User ids in that order are the worst case for a plan by user id.
 */
function addSeriesFollowers(db: Db): number {
  const users = 2 * EACH - BOTH;
  const [first, second] = CONFERENCES.map((c) => `${c.prefix}keynote`) as [string, string];
  addFollowers(db, users, (id) => (id <= EACH ? first : second));
  const follow = db.prepare("INSERT INTO subscriptions (user_id, session_id, created_at) VALUES (?, ?, 0)");
  db.transaction(() => {
    for (let id = users - EACH + 1; id <= EACH; id++) follow.run(id, second);
  })();
  return users;
}

/** Both programmes stored, each under its conference, and the deployment's dependencies over them. */
function deployment(db: Db, keynote: number, clock: () => number): BotDeps {
  const runtimes = CONFERENCES.map((c, i) => {
    registerConference(db, c.id, clock());
    loadProgramme(db, qualifyProgramme(programme(c.name, keynote), c.prefix), clock(), c.id);
    const service = new ProgrammeService({ db, clock, defaultMinutes: LEAD_MIN, conference: c.id });
    return {
      spec: { id: c.id, source: { kind: "file" as const, path: "" }, organizers: [], isDefault: i === 0 },
      service,
    };
  });
  const config = loadConfig({ SEND_RATE: String(RATE), DEFAULT_REMINDER_MINUTES: String(LEAD_MIN) });
  return createSeriesDeps(
    { config, db, i18n: createI18n(), clock, logger: pino({ level: "silent" }) },
    runtimes,
  );
}

/** Runs the benchmark and prints its numbers. */
export default async function burstSeriesBench(): Promise<void> {
  console.log("## two conferences' reminders at the same minute (one send budget)");
  const dir = mkdtempSync(join(tmpdir(), "confbot-series-burst-"));
  const keynote = Math.ceil((Date.now() + 30 * MIN) / MIN) * MIN;
  const clock = compressedClock(keynote - 20 * MIN);
  const server = await BotApiServer.start({
    rateLimit: { perSecond: LIMIT, perChatPerSecond: 1 },
    now: clock.now,
  });
  try {
    const db = openDatabase(join(dir, "series.sqlite"));
    const deps = deployment(db, keynote, clock.now);
    const users = addSeriesFollowers(db);
    const dispatcher = new Dispatcher({
      db,
      ...outboxHooks(db),
      clock: clock.now,
      logger: deps.logger,
      transport: createApiTransport(createDispatchApi(server.token, server.apiRoot)),
      render: createOutboxRenderer(deps),
      limiter: new RateLimiter(RATE, clock.now()),
      sleep: clock.sleep,
      maxInFlight: 10 * SPEEDUP,
    });
    let ticks = 0;
    let ahead = 0;
    const tickCpu: number[] = [];
    const tick = () => {
      const t0 = process.cpuUsage();
      const r = planReminders(db, { now: clock.now(), defaultMinutes: LEAD_MIN, rate: RATE });
      const used = process.cpuUsage(t0);
      tickCpu.push((used.user + used.system) / 1000);
      ticks++;
      ahead = r.forecast.total;
      if (r.enqueued) dispatcher.nudge();
    };
    const cpu0 = process.cpuUsage();
    tick();
    const ticker = setInterval(tick, 30_000 / SPEEDUP);
    dispatcher.start();
    await clock.sleep(60_000);
    while (clock.now() < keynote + 5_000 && (ahead > 0 || outboxCounts(db).pending > 0))
      await clock.sleep(5_000);
    clearInterval(ticker);
    await dispatcher.stop();
    const cpu = process.cpuUsage(cpu0);

    const due = keynote - LEAD_MIN * MIN;
    // Per conference, each chat's deliveries of its keynote's reminder (told apart by the conference's name).
    const byConference = CONFERENCES.map(() => new Map<number, number[]>());
    for (const r of server.requests) {
      if (r.method !== "sendMessage" || r.status !== 200) continue;
      const text = String(r.payload.text ?? "");
      const i = CONFERENCES.findIndex((c) => text.includes(c.name));
      const chat = Number(r.payload.chat_id);
      const at = byConference[i]?.get(chat) ?? [];
      at.push(r.at);
      byConference[i]?.set(chat, at);
    }
    const unnamed = server.requests.filter(
      (r) =>
        r.method === "sendMessage" &&
        r.status === 200 &&
        !CONFERENCES.some((c) => String(r.payload.text ?? "").includes(c.name)),
    ).length;
    console.log(
      `${CONFERENCES.map((c) => c.name).join(" and ")}: a keynote each at the same minute, ${EACH.toLocaleString("en")} followers each ` +
        `(${BOTH.toLocaleString("en")} follow both; ${users.toLocaleString("en")} users), lead ${LEAD_MIN} min; ` +
        `sending at ${RATE}/s (planned at ${(RATE * PLAN_SHARE).toFixed(1)}/s), server ${LIMIT}/s and 1/s per chat; clock ×${SPEEDUP}; ${ticks} ticks`,
    );
    CONFERENCES.forEach((c, i) => {
      const chats = byConference[i] as Map<number, number[]>;
      const offsets = [...chats.values()].map((at) => Math.min(...at) - due).sort((a, b) => a - b);
      const onTime = offsets.filter((o) => o <= LATE_TOLERANCE_MS).length;
      const duplicates = [...chats.values()].reduce((a, at) => a + at.length - 1, 0);
      console.log(
        `  ${c.name}: on time ${onTime} of ${EACH} = ${((onTime / EACH) * 100).toFixed(2)} %, ` +
          `earliest ${secs(offsets[0] ?? 0)}, median ${secs(pct(offsets, 50))}, latest ${secs(offsets.at(-1) ?? 0)}; ` +
          `lost ${EACH - offsets.length}, duplicates ${duplicates}`,
      );
    });
    const rows = db
      .prepare(
        "SELECT not_before AS planned, sent_at AS sent FROM outbox WHERE kind = 'reminder' AND status = 'sent'",
      )
      .all() as { planned: number; sent: number }[];
    const lag = rows.map((r) => r.sent - r.planned).sort((a, b) => a - b);
    tickCpu.sort((a, b) => a - b);
    console.log(
      `  messages of neither keynote ${unnamed}; 429s ${server.stats().tooManyRequests}; ` +
        `dispatcher behind the plan p50 ${secs(pct(lag, 50))}, max ${secs(lag.at(-1) ?? 0)}; ` +
        `planner tick p50 ${pct(tickCpu, 50).toFixed(0)} ms CPU, max ${(tickCpu.at(-1) ?? 0).toFixed(0)} ms; ` +
        `process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    );
    console.log(`  outbox ${JSON.stringify(outboxCounts(db))}`);
    db.close();
    tooMany(dir);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 10,000 followers per conference at the same minute, lead 5 minutes, 25/s: not all can be on time. What the
 * planner plans, per conference: the lateness is shared, not all of it on the conference queried second.
 */
function tooMany(dir: string): void {
  const n = 10_000;
  const lead = 5;
  const rate = 25;
  const db = openDatabase(join(dir, "too-many.sqlite"));
  const keynote = Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN;
  for (const c of CONFERENCES)
    loadProgramme(db, qualifyProgramme(programme(c.name, keynote), c.prefix), 0, c.id);
  addFollowers(db, 2 * n, (id) => `${(id <= n ? CONFERENCES[0] : CONFERENCES[1]).prefix}keynote`);
  planReminders(db, { now: keynote - 2 * lead * MIN, defaultMinutes: lead, rate });
  const due = keynote - lead * MIN;
  // The queue in send order (the dispatcher's: next attempt, then id), each row's slot at the planned pace.
  const order = db
    .prepare("SELECT session_id AS s FROM outbox WHERE kind = 'reminder' ORDER BY next_attempt_at, id")
    .all() as { s: string }[];
  const gap = 1000 / (rate * PLAN_SHARE);
  const start = due - 5 * MIN;
  const parts = CONFERENCES.map((c) => {
    const at = order.flatMap((r, i) => (r.s === `${c.prefix}keynote` ? [start + i * gap - due] : []));
    const late = at.filter((o) => o > LATE_TOLERANCE_MS).length;
    return `${c.name} ${late.toLocaleString("en")} late, the last ${secs(Math.max(...at))}`;
  });
  console.log(
    `${n.toLocaleString("en")} followers per conference at the same minute, lead ${lead} min, ${rate}/s (too many): ` +
      `queued at twice the lead ${order.length.toLocaleString("en")}, at the planned pace ${parts.join("; ")}`,
  );
  db.close();
}
