/**
 * A keynote ends while the next slot's reminders go out. 5,000 people follow a keynote; 5,000 follow the talk
 * of the next slot (half of them the same people), which starts 15 minutes after the keynote ends; everyone's
 * lead is 10 minutes, so 5,000 reminders are due 5 minutes after the end and their planned burst runs from
 * about 1.7 to 5 minutes after it. The rating prompts are queued 2 minutes after the end (RATING_PROMPT_MINUTES
 * 2), in the middle of that burst. The planner (reminders and prompts) ticks every 30 s and the dispatcher sends
 * through the bot's real transport to the local Bot API server of the end-to-end tests, which enforces
 * Telegram's limits (30 messages a second overall, 1 per chat) with 429s. Time runs BENCH_SPEEDUP times faster
 * than the wall clock (default 3), the same compressed clock for the planner, the dispatcher and the server.
 *
 * Printed: reminders on time (≤ 60 s after start − lead, target ≥ 99 %), prompts delivered, lost and duplicated
 * messages (target 0), how long after being queued the prompts arrived, 429s, and the CPU time of the run.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { BotDeps } from "../src/bot/context.js";
import { createBotDeps } from "../src/bot/deps.js";
import { createI18n } from "../src/bot/i18n.js";
import { createApiTransport, createDispatchApi } from "../src/bot/transport.js";
import { createOutboxRenderer } from "../src/bot/views/outbox.js";
import { ratingPromptOutboxView } from "../src/bot/views/rating.js";
import { loadConfig } from "../src/config.js";
import { Dispatcher } from "../src/delivery/dispatcher.js";
import { outboxHooks } from "../src/delivery/outcomes.js";
import { LATE_TOLERANCE_MS, planReminders } from "../src/delivery/planner.js";
import { PROMPT_VIEW, planRatingPrompts } from "../src/delivery/prompts.js";
import { RateLimiter } from "../src/delivery/rate-limiter.js";
import type { Programme } from "../src/programme/model.js";
import { ProgrammeService } from "../src/programme/service.js";
import { type Db, openDatabase } from "../src/store/db.js";
import { outboxCounts } from "../src/store/outbox.js";
import { loadProgramme } from "../src/store/programme-store.js";
import { BotApiServer } from "../test/support/bot-api-server.js";
import { compressedClock, pct, secs } from "./burst.bench.js";

const KEYNOTE = 5_000;
const TALK = 5_000;
/** Users 1…KEYNOTE follow the keynote; users OVERLAP+1…OVERLAP+TALK the talk. */
const OVERLAP = 2_500;
const LIMIT = 30;
const LEAD_MIN = 10;
const PROMPT_MIN = 2;
const RATE = 28;
const SPEEDUP = Number(process.env.BENCH_SPEEDUP ?? 3);
const MIN = 60_000;

function programme(keynoteEnd: number): Programme {
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  const talkStart = keynoteEnd + 15 * MIN;
  const days = [...new Set([keynoteEnd - 60 * MIN, talkStart + 45 * MIN].map((t) => iso(t).slice(0, 10)))];
  const session = (id: string, kind: "keynote" | "talk", start: number, end: number, title: string) => ({
    id,
    kind,
    title: { en: title, ru: title },
    abstract: { en: "", ru: "" },
    start: iso(start),
    end: iso(end),
    room: "hall",
    speakers: ["ann"],
  });
  return {
    conference: {
      name: { en: "PromptConf", ru: "ПромптКонф" },
      timezone: "UTC",
      languages: ["en", "ru"],
      tracks: [],
      days,
      rooms: [{ id: "hall", name: { en: "Hall", ru: "Зал" } }],
    },
    sessions: [
      session("keynote", "keynote", keynoteEnd - 60 * MIN, keynoteEnd, "Keynote"),
      session("talk", "talk", talkStart, talkStart + 45 * MIN, "Talk"),
    ],
    speakers: [{ id: "ann", name: { en: "Ann", ru: "Энн" } }],
  };
}

/** The users and their follows (half English, half Russian), all made before the keynote began. */
function addFollowers(db: Db): void {
  const addUser = db.prepare(
    "INSERT INTO users (id, chat_id, language_code, created_at, updated_at) VALUES (?, ?, ?, 0, 0)",
  );
  const follow = db.prepare("INSERT INTO subscriptions (user_id, session_id, created_at) VALUES (?, ?, 0)");
  db.transaction(() => {
    for (let id = 1; id <= OVERLAP + TALK; id++) {
      addUser.run(id, id, id % 2 ? "en" : "ru");
      if (id <= KEYNOTE) follow.run(id, "keynote");
      if (id > OVERLAP) follow.run(id, "talk");
    }
  })();
}

/** Runs the keynote-ends benchmark and prints its numbers. */
export default async function promptsBench(): Promise<void> {
  console.log("## rating prompts while the next slot's reminders go out");
  const dir = mkdtempSync(join(tmpdir(), "confbot-prompts-"));
  const keynoteEnd = Math.ceil((Date.now() + 30 * MIN) / MIN) * MIN;
  // From 4 minutes before the keynote ends: the reminders' burst is planned from the first tick.
  const clock = compressedClock(keynoteEnd - 4 * MIN);
  const server = await BotApiServer.start({
    rateLimit: { perSecond: LIMIT, perChatPerSecond: 1 },
    now: clock.now,
  });
  const cpu0 = process.cpuUsage();
  try {
    const db = openDatabase(join(dir, "prompts.sqlite"));
    const p = programme(keynoteEnd);
    loadProgramme(db, p, clock.now());
    addFollowers(db);
    const config = loadConfig({ SEND_RATE: String(RATE), DEFAULT_REMINDER_MINUTES: String(LEAD_MIN) });
    const deps: BotDeps = createBotDeps(
      { config, db, i18n: createI18n(), clock: clock.now, logger: pino({ level: "silent" }) },
      new ProgrammeService({ db, clock: clock.now, defaultMinutes: LEAD_MIN }),
    );
    const dispatcher = new Dispatcher({
      db,
      ...outboxHooks(db),
      clock: clock.now,
      logger: deps.logger,
      transport: createApiTransport(createDispatchApi(server.token, server.apiRoot)),
      render: createOutboxRenderer(deps, { [PROMPT_VIEW]: ratingPromptOutboxView }),
      limiter: new RateLimiter(RATE, clock.now()),
      sleep: clock.sleep,
      maxInFlight: 10 * SPEEDUP,
    });
    let promptsQueuedAt: number | undefined;
    const tick = () => {
      const now = clock.now();
      const r = planReminders(db, { now, defaultMinutes: LEAD_MIN, rate: RATE });
      const prompts = planRatingPrompts(db, { now, delayMs: PROMPT_MIN * MIN });
      if (prompts && promptsQueuedAt === undefined) promptsQueuedAt = now;
      if (r.enqueued || prompts) dispatcher.nudge();
    };
    tick();
    const ticker = setInterval(tick, 30_000 / SPEEDUP);
    dispatcher.start();
    const deadline = keynoteEnd + 15 * MIN;
    while (clock.now() < deadline) {
      await clock.sleep(5_000);
      const c = outboxCounts(db);
      if (promptsQueuedAt !== undefined && c.pending === 0 && clock.now() > keynoteEnd + 5 * MIN) break;
    }
    clearInterval(ticker);
    await dispatcher.stop();

    const due = keynoteEnd + 5 * MIN;
    const reminderAt = new Map<number, number[]>();
    const promptAt = new Map<number, number[]>();
    for (const r of server.requests) {
      if (r.method !== "sendMessage" || r.status !== 200) continue;
      const chat = Number(r.payload.chat_id);
      const text = String(r.payload.text ?? "");
      const into = /How was|Как вам/.test(text) ? promptAt : reminderAt;
      into.set(chat, [...(into.get(chat) ?? []), r.at]);
    }
    const offsets = [...reminderAt.values()].map((ats) => (ats[0] ?? 0) - due).sort((a, b) => a - b);
    const onTime = offsets.filter((o) => o <= LATE_TOLERANCE_MS).length;
    const promptDelays = [...promptAt.values()]
      .map((ats) => (ats[0] ?? 0) - (promptsQueuedAt ?? 0))
      .sort((a, b) => a - b);
    const dupes = (m: Map<number, number[]>) => [...m.values()].reduce((a, ats) => a + ats.length - 1, 0);
    // Where lateness comes from: the dispatcher behind the reminders' plan (sent − planned), on this clock.
    const lag = (
      db
        .prepare("SELECT sent_at - not_before AS lag FROM outbox WHERE kind = 'reminder' AND status = 'sent'")
        .all() as { lag: number }[]
    )
      .map((r) => r.lag)
      .sort((a, b) => a - b);
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `${KEYNOTE.toLocaleString("en")} follow a keynote, ${TALK.toLocaleString("en")} the next slot (${(KEYNOTE - OVERLAP).toLocaleString("en")} both); ` +
        `reminders due ${PROMPT_MIN + 3} min after the end (lead ${LEAD_MIN}), prompts queued ${PROMPT_MIN} min after it; ` +
        `${RATE}/s, server limit ${LIMIT}/s and 1/s per chat; clock ×${SPEEDUP}`,
    );
    console.log(
      `  reminders on time (≤ 60 s after start − lead): ${onTime} of ${TALK} = ${((onTime / TALK) * 100).toFixed(2)} % ` +
        `(target ≥ 99 %); latest ${secs(offsets.at(-1) ?? 0)}`,
    );
    console.log(
      `  prompts delivered ${promptAt.size} of ${KEYNOTE}; after being queued: p50 ${secs(pct(promptDelays, 50))}, ` +
        `max ${secs(promptDelays.at(-1) ?? 0)} (clock time)`,
    );
    console.log(
      `  lost ${TALK - reminderAt.size} reminders, ${KEYNOTE - promptAt.size} prompts; duplicates ${dupes(reminderAt) + dupes(promptAt)}; ` +
        `429s ${server.stats().tooManyRequests}; outbox ${JSON.stringify(outboxCounts(db))}`,
    );
    console.log(
      `  dispatcher behind the reminders' plan (sent − planned): p50 ${secs(pct(lag, 50))}, p99 ${secs(pct(lag, 99))}, max ${secs(lag.at(-1) ?? 0)}`,
    );
    console.log(
      `  CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s), bot and server in one process`,
    );
    db.close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
