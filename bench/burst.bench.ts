/**
 * Reminder bursts on time. 10,000 users follow a keynote and 5,000 a talk in another slot starting three
 * minutes later; everyone's lead is 10 minutes. The planner ticks every 30 s and the dispatcher sends through
 * the bot's real transport to the local Bot API server of the end-to-end tests, which enforces Telegram's
 * limits (30 messages a second overall, 1 per chat) with 429s; meanwhile attendees keep writing to the bot,
 * whose replies share the send budget. Time runs BENCH_SPEEDUP times faster than the wall clock (default 3),
 * the same compressed clock for the planner, the dispatcher, the bot and the server's limits, so 15,000
 * messages at 28/s take ~3 minutes of wall time instead of 9.
 *
 * Printed: the share of reminders delivered no later than 60 s after their lead time (target ≥ 99 %), the
 * earliest and latest delivery relative to it, lost and duplicated reminders (target 0), 429s, and the
 * attendees' reply latency p50/p99 during the burst (in compressed-clock time, so the HTTP round trips
 * count BENCH_SPEEDUP times over: an upper bound). Then where lateness would come from: how far the
 * dispatcher fell behind the plan, how long a planner tick blocks, and the pace actually reached. The
 * compression is not free: every timer that wakes late and every tick that blocks costs BENCH_SPEEDUP times
 * more clock time, so on a busy machine the dispatcher lags more here than it would in real time.
 * Last, a burst that cannot be on time (20,000 followers, a lead of 5 minutes): what the planner forecasts.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { pino } from "pino";
import { localBotInfo } from "../src/bot/bot-info.js";
import type { BotDeps } from "../src/bot/context.js";
import { createBot } from "../src/bot/create-bot.js";
import { createBotDeps } from "../src/bot/deps.js";
import { createI18n } from "../src/bot/i18n.js";
import { sendBudget } from "../src/bot/send-budget.js";
import { createApiTransport, createDispatchApi } from "../src/bot/transport.js";
import { createOutboxRenderer } from "../src/bot/views/outbox.js";
import { loadConfig } from "../src/config.js";
import { Dispatcher } from "../src/delivery/dispatcher.js";
import { outboxHooks } from "../src/delivery/outcomes.js";
import { forecastReminders, LATE_TOLERANCE_MS, PLAN_SHARE, planReminders } from "../src/delivery/planner.js";
import { RateLimiter } from "../src/delivery/rate-limiter.js";
import type { Programme } from "../src/programme/model.js";
import { ProgrammeService } from "../src/programme/service.js";
import { type Db, openDatabase } from "../src/store/db.js";
import { outboxCounts } from "../src/store/outbox.js";
import { loadProgramme } from "../src/store/programme-store.js";
import { BotApiServer } from "../test/support/bot-api-server.js";

const KEYNOTE = 10_000;
const TALK = 5_000;
const LIMIT = 30;
const LEAD_MIN = 10;
const SPEEDUP = Number(process.env.BENCH_SPEEDUP ?? 3);
/** The bot's send rate: just under the server's limit, as SEND_RATE (25) is under Telegram's 30. */
const RATE = 28;
/** Attendees chatting with the bot during the burst (not among the followers, so their chats are free). */
const CHATTERS = 10;
const MIN = 60_000;

/** A clock that runs SPEEDUP times faster than the wall clock from `start`. */
export function compressedClock(start: number) {
  const wall0 = performance.now();
  const now = () => Math.round(start + (performance.now() - wall0) * SPEEDUP);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / SPEEDUP));
  return { now, sleep };
}

function programme(keynoteStart: number): Programme {
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  const days = [...new Set([keynoteStart, keynoteStart + 60 * MIN].map((t) => iso(t).slice(0, 10)))];
  const session = (id: string, start: number, title: string) => ({
    id,
    kind: "talk" as const,
    title: { en: title, ru: title },
    abstract: { en: "", ru: "" },
    start: iso(start),
    end: iso(start + 45 * MIN),
    room: "hall",
    speakers: ["ann"],
  });
  return {
    conference: {
      name: { en: "BurstConf", ru: "БёрстКонф" },
      timezone: "UTC",
      languages: ["en", "ru"],
      tracks: [],
      days,
      rooms: [{ id: "hall", name: { en: "Hall", ru: "Зал" } }],
    },
    sessions: [session("keynote", keynoteStart, "Keynote"), session("talk", keynoteStart + 3 * MIN, "Talk")],
    speakers: [{ id: "ann", name: { en: "Ann", ru: "Энн" } }],
  };
}

/** Users 1…n (half English, half Russian), each following the session `sessionOf(id)` names. */
export function addFollowers(db: Db, n: number, sessionOf: (id: number) => string): void {
  const addUser = db.prepare(
    "INSERT INTO users (id, chat_id, language_code, created_at, updated_at) VALUES (?, ?, ?, 0, 0)",
  );
  const follow = db.prepare("INSERT INTO subscriptions (user_id, session_id, created_at) VALUES (?, ?, 0)");
  db.transaction(() => {
    for (let id = 1; id <= n; id++) {
      addUser.run(id, id, id % 2 ? "en" : "ru");
      follow.run(id, sessionOf(id));
    }
  })();
}

/** The p-th percentile of sorted numbers. */
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
/** Milliseconds as signed seconds: "+1.5 s". */
export const secs = (ms: number) => `${ms >= 0 ? "+" : "−"}${(Math.abs(ms) / 1000).toFixed(1)} s`;

/** Runs the burst benchmark and prints its numbers. */
export default async function burstBench(): Promise<void> {
  console.log("## reminder bursts (planned ahead, shared budget)");
  const dir = mkdtempSync(join(tmpdir(), "confbot-burst-"));
  // The keynote starts on a whole minute; the run begins 20 minutes before it (the bursts need ~10 minutes,
  // ending when the talk's reminders are due, 7 minutes before the keynote).
  const keynote = Math.ceil((Date.now() + 30 * MIN) / MIN) * MIN;
  const clock = compressedClock(keynote - 20 * MIN);
  const server = await BotApiServer.start({
    rateLimit: { perSecond: LIMIT, perChatPerSecond: 1 },
    now: clock.now,
  });
  try {
    const db = openDatabase(join(dir, "burst.sqlite"));
    const p = programme(keynote);
    loadProgramme(db, p, clock.now());
    addFollowers(db, KEYNOTE + TALK, (id) => (id <= KEYNOTE ? "keynote" : "talk"));
    const config = loadConfig({ SEND_RATE: String(RATE), DEFAULT_REMINDER_MINUTES: String(LEAD_MIN) });
    const deps: BotDeps = createBotDeps(
      { config, db, i18n: createI18n(), clock: clock.now, logger: pino({ level: "silent" }) },
      new ProgrammeService({ db, clock: clock.now, defaultMinutes: LEAD_MIN }),
    );
    // One budget for the process, as in main.ts: the dispatcher and the bot's replies take turns on it.
    const limiter = new RateLimiter(RATE, clock.now());
    const dispatcher = new Dispatcher({
      db,
      ...outboxHooks(db),
      clock: clock.now,
      logger: deps.logger,
      transport: createApiTransport(createDispatchApi(server.token, server.apiRoot)),
      render: createOutboxRenderer(deps),
      limiter,
      sleep: clock.sleep,
      // The in-flight bound (10) scaled with the clock: compressed, every round trip takes SPEEDUP times
      // longer in clock time, and 10 in flight would cap the rate at 10 / latency instead of the limits.
      maxInFlight: 10 * SPEEDUP,
    });
    const bot = createBot(server.token, deps, {
      apiRoot: server.apiRoot,
      botInfo: localBotInfo({ id: 777001, first_name: "Conf bot", username: "conf_e2e_bot" }),
    });
    // The budget on compressed time (createBot's `limiter` option would wait on the wall clock).
    bot.api.config.use(sendBudget(limiter, clock.now, clock.sleep));

    let late = 0;
    let ticks = 0;
    let ahead = 0;
    const tickMs: number[] = [];
    const tick = () => {
      const t0 = performance.now();
      const r = planReminders(db, { now: clock.now(), defaultMinutes: LEAD_MIN, rate: RATE });
      tickMs.push(performance.now() - t0);
      ticks++;
      late = Math.max(late, r.forecast.late);
      ahead = r.forecast.total;
      if (r.enqueued) dispatcher.nudge();
    };
    tick();
    const ticker = setInterval(tick, 30_000 / SPEEDUP);
    dispatcher.start();

    // Attendees ask the bot things while the reminders go out: latency of each answer, in clock time.
    const latencies: number[] = [];
    let updateId = 0;
    let chatting = true;
    const chatter = async (n: number) => {
      const id = 900_000 + n;
      while (chatting) {
        const update: Update = {
          update_id: ++updateId,
          message: {
            message_id: updateId,
            date: Math.floor(clock.now() / 1000),
            chat: { id, type: "private", first_name: `A${n}` },
            from: { id, is_bot: false, first_name: `A${n}`, language_code: "en" },
            text: "keynote",
          },
        };
        const t0 = clock.now();
        await bot.handleUpdate(update);
        const t1 = clock.now();
        const start = keynote - LEAD_MIN * MIN - 6 * MIN;
        if (t0 >= start && t1 <= keynote - LEAD_MIN * MIN + 4 * MIN) latencies.push(t1 - t0);
        await clock.sleep(10_000 + n * 500);
      }
    };
    const chatters = Array.from({ length: CHATTERS }, (_, n) => chatter(n));

    // Until every reminder is out (or, at worst, the talk has started and nothing more can be sent).
    await clock.sleep(60_000);
    while (clock.now() < keynote + 3 * MIN + 5_000 && (ahead > 0 || outboxCounts(db).pending > 0))
      await clock.sleep(5_000);
    chatting = false;
    clearInterval(ticker);
    await Promise.all(chatters);
    await dispatcher.stop();

    const first = new Map<number, number>();
    const perChat = new Map<number, number>();
    for (const r of server.requests) {
      const chatId = Number(r.payload.chat_id);
      if (r.method !== "sendMessage" || r.status !== 200 || chatId > KEYNOTE + TALK) continue;
      perChat.set(chatId, (perChat.get(chatId) ?? 0) + 1);
      if (!first.has(chatId)) first.set(chatId, r.at);
    }
    const offsets: number[] = [];
    for (let id = 1; id <= KEYNOTE + TALK; id++) {
      const at = first.get(id);
      if (at === undefined) continue;
      const due = (id <= KEYNOTE ? keynote : keynote + 3 * MIN) - LEAD_MIN * MIN;
      offsets.push(at - due);
    }
    offsets.sort((a, b) => a - b);
    const onTime = offsets.filter((o) => o <= LATE_TOLERANCE_MS).length;
    const total = KEYNOTE + TALK;
    const duplicates = [...perChat.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
    latencies.sort((a, b) => a - b);
    console.log(
      `${KEYNOTE.toLocaleString("en")} followers of a keynote + ${TALK.toLocaleString("en")} of a talk 3 min later, ` +
        `lead ${LEAD_MIN} min; sending at ${RATE}/s, server limit ${LIMIT}/s and 1/s per chat; clock ×${SPEEDUP}; ${ticks} ticks`,
    );
    console.log(
      `  on time (≤ 60 s after start − lead): ${onTime} of ${total} = ${((onTime / total) * 100).toFixed(2)} % (target ≥ 99 %)`,
    );
    console.log(
      `  earliest ${secs(offsets[0] ?? 0)}, median ${secs(pct(offsets, 50))}, latest ${secs(offsets.at(-1) ?? 0)} relative to start − lead`,
    );
    console.log(
      `  lost ${total - offsets.length}, duplicates ${duplicates}, 429s ${server.stats().tooManyRequests} ` +
        `(${server.requests.filter((r) => r.status === 429 && Number(r.payload.chat_id) > total).length} to attendees' chats), ` +
        `forecast late at worst ${late}`,
    );
    console.log(
      `  attendee replies during the burst: ${latencies.length}, latency p50 ${pct(latencies, 50)} ms, ` +
        `p99 ${pct(latencies, 99)} ms (clock time)`,
    );
    // Where lateness would come from: the plan itself (not_before past the due time) or the dispatcher
    // falling behind it (sent_at − not_before).
    const rows = db
      .prepare(
        "SELECT not_before AS planned, sent_at AS sent FROM outbox WHERE kind = 'reminder' AND status = 'sent'",
      )
      .all() as { planned: number; sent: number }[];
    const lag = rows.map((r) => r.sent - r.planned).sort((a, b) => a - b);
    tickMs.sort((a, b) => a - b);
    console.log(
      `  dispatcher behind the plan (sent − planned): p50 ${secs(pct(lag, 50))}, p99 ${secs(pct(lag, 99))}, ` +
        `max ${secs(lag.at(-1) ?? 0)}; planner tick p50 ${pct(tickMs, 50).toFixed(0)} ms, max ${(tickMs.at(-1) ?? 0).toFixed(0)} ms (wall)`,
    );
    const sentTimes = rows.map((r) => r.sent).sort((a, b) => a - b);
    const spanS = ((sentTimes.at(-1) ?? 0) - (sentTimes[0] ?? 0)) / 1000;
    console.log(
      `  reminders went out at ${(rows.length / spanS).toFixed(1)}/s on average (planned at ${(RATE * PLAN_SHARE).toFixed(1)}/s)`,
    );
    console.log(`  outbox ${JSON.stringify(outboxCounts(db))}`);
    db.close();
    impossible(dir);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A burst that cannot be on time (20,000 followers, a lead of 5 minutes, SEND_RATE's default 25/s): what the
 * planner forecasts (its log line and /stats say the same), and how much it queues at once to go at full pace.
 */
function impossible(dir: string): void {
  const n = 20_000;
  const lead = 5;
  const rate = 25;
  const db = openDatabase(join(dir, "impossible.sqlite"));
  const keynote = Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN;
  loadProgramme(db, programme(keynote), keynote - 60 * MIN);
  addFollowers(db, n, () => "keynote");
  const now = keynote - 30 * MIN;
  const f = forecastReminders(db, { now, defaultMinutes: lead, rate });
  const queued = planReminders(db, { now: keynote - 2 * lead * MIN, defaultMinutes: lead, rate }).enqueued;
  console.log(
    `${n.toLocaleString("en")} followers, lead ${lead} min, ${rate}/s (impossible): forecast ${f.late.toLocaleString("en")} late ` +
      `(${((f.late / n) * 100).toFixed(0)} %), by up to ${Math.ceil(f.maxLateMs / MIN)} min; ` +
      `at twice the lead before the start ${queued.toLocaleString("en")} queued at once, most urgent first`,
  );
  db.close();
}
