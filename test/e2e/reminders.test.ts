/**
 * Reminder delivery end to end: the real planner, outbox and dispatcher, the bot's Bot API transport over
 * real HTTP to a local Bot API server that answers 429, 5xx, dropped connections and 403 on demand. Time is
 * an injected clock shared with the server (waits advance it), so nothing here depends on the machine's speed.
 */

import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { BotDeps } from "../../src/bot/context.js";
import { createBotDeps } from "../../src/bot/deps.js";
import { createI18n } from "../../src/bot/i18n.js";
import { createApiTransport, createDispatchApi } from "../../src/bot/transport.js";
import { createOutboxRenderer } from "../../src/bot/views/outbox.js";
import { loadConfig } from "../../src/config.js";
import { Dispatcher, type SendResult, type Transport } from "../../src/delivery/dispatcher.js";
import { outboxHooks } from "../../src/delivery/outcomes.js";
import { planReminders, reminderKey } from "../../src/delivery/planner.js";
import { ProgrammeService } from "../../src/programme/service.js";
import { openDatabase } from "../../src/store/db.js";
import { enqueue, outboxCounts } from "../../src/store/outbox.js";
import { loadProgramme, readKeys } from "../../src/store/programme-store.js";
import { subscribe, unsubscribe } from "../../src/store/subscriptions.js";
import { getUser, touchUser } from "../../src/store/users.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { smallProgramme } from "../support/programme-fixture.js";
import { tempDir } from "../support/tmp.js";

const MIN = 60_000;
/** async-io and caching start at 10:00 (+05:00); the workshop at 18:00. */
const START = Date.parse("2030-03-01T10:00:00+05:00");

let server: BotApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A database with `users` attendees (ids 1…n, chat = id) following async-io, and the means to send to them. */
async function setup(users: number, rate = 30) {
  let now = START - 10 * MIN;
  const clock = () => now;
  const s = await BotApiServer.start({ now: clock });
  server = s;
  const db = openDatabase(join(tempDir(), "e2e.sqlite"));
  const programme = smallProgramme();
  loadProgramme(db, programme, 0);
  for (let id = 1; id <= users; id++) {
    touchUser(db, { id, chatId: id, firstName: `U${id}`, languageCode: id % 2 ? "en" : "ru" }, 0);
    subscribe(db, id, "async-io", 0);
  }
  const logs: { level: number; msg: string }[] = [];
  const deps: BotDeps = createBotDeps(
    {
      config: loadConfig({}),
      db,
      i18n: createI18n(),
      clock,
      logger: pino({ level: "info" }, { write: (line: string) => logs.push(JSON.parse(line)) }),
    },
    new ProgrammeService({ db, clock: clock, defaultMinutes: 10 }),
  );
  // The bot's transport, watched: when each send started and ended on the injected clock, and how it went.
  const api = createApiTransport(createDispatchApi(s.token, s.apiRoot));
  const sends: { chat: number; start: number; end: number; result: SendResult }[] = [];
  const transport: Transport = {
    send: async (m) => {
      const start = clock();
      const result = await api.send(m);
      sends.push({ chat: m.chatId, start, end: clock(), result });
      return result;
    },
  };
  const dispatcher = new Dispatcher({
    db,
    ...outboxHooks(db),
    clock,
    logger: deps.logger,
    transport,
    render: createOutboxRenderer(deps),
    rate,
    sleep: async (ms) => {
      now += ms;
    },
  });
  return {
    s,
    db,
    deps,
    sends,
    dispatcher,
    logs,
    clock,
    setNow: (t: number) => {
      now = t;
    },
  };
}

type Sends = Awaited<ReturnType<typeof setup>>["sends"];
/** When the sends (to one chat) started, in order. */
const startTimes = (sends: Sends, chatId?: number) =>
  sends
    .filter((x) => chatId === undefined || x.chat === chatId)
    .map((x) => x.start)
    .sort((a, b) => a - b);

describe("reminder delivery against a Bot API server", () => {
  it("delivers every reminder exactly once through 429s, 5xx, dropped connections and a blocked user", async () => {
    const { s, db, dispatcher, clock, sends } = await setup(60);
    expect(planReminders(db, { now: clock(), defaultMinutes: 10 }).enqueued).toBe(60);

    s.failNext({ method: "sendMessage", code: 429, retryAfter: 3, times: 2 });
    s.failNext({ method: "sendMessage", chatId: 17, code: 500, times: 3 });
    s.failNext({ method: "sendMessage", chatId: 23, code: "network", times: 2 });
    s.failNext({ method: "sendMessage", chatId: 42, code: 403 });
    const stats = await dispatcher.drain();

    const sent = s.stats().sentPerChat;
    for (let id = 1; id <= 60; id++) expect(sent[id] ?? 0, `chat ${id}`).toBe(id === 42 ? 0 : 1);
    expect(s.stats().tooManyRequests).toBe(2);
    expect(stats).toMatchObject({ sent: 59, flood: 2, blocked: 1, failed: 0 });
    expect(stats.retried).toBe(5);
    expect(outboxCounts(db)).toMatchObject({ sent: 59, failed: 1, pending: 0 });
    // 403 is final: the user is marked and nothing more is planned for them.
    expect(getUser(db, 42)?.blockedAt).not.toBeNull();
    subscribe(db, 42, "caching", 0);
    expect(planReminders(db, { now: clock(), defaultMinutes: 10 }).enqueued).toBe(0);

    // After each 429 no send at all started until its retry_after had passed.
    const floods = sends.filter((x) => !x.result.ok && x.result.kind === "retry" && x.result.flood);
    expect(floods).toHaveLength(2);
    for (const f of floods) expect(startTimes(sends).some((t) => t > f.end && t < f.end + 3000)).toBe(false);
  });

  it("keeps the global rate and one message per second per chat", async () => {
    const { db, dispatcher, clock, sends } = await setup(40, 20);
    // User 1 also gets two broadcasts: three messages for one chat.
    const now = clock();
    enqueue(
      db,
      [1, 2].map((n) => ({
        kind: "broadcast" as const,
        dedupeKey: `broadcast:${n}:1`,
        userId: 1,
        chatId: 1,
        payload: { type: "message" as const, text: `news ${n}` },
        notBefore: now,
        broadcastId: n,
      })),
      now,
    );
    planReminders(db, { now, defaultMinutes: 10 });
    await dispatcher.drain();
    const all = startTimes(sends);
    expect(all).toHaveLength(42);
    for (let i = 1; i < all.length; i++) expect((all[i] ?? 0) - (all[i - 1] ?? 0)).toBeGreaterThanOrEqual(50);
    const one = startTimes(sends, 1);
    expect(one).toHaveLength(3);
    for (let i = 1; i < one.length; i++)
      expect((one[i] ?? 0) - (one[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("sends nothing for a reminder unsubscribed, cancelled or moved after it was queued, or whose session began", async () => {
    const { s, db, dispatcher, clock, setNow, logs } = await setup(4);
    subscribe(db, 4, "caching", 0);
    expect(planReminders(db, { now: clock(), defaultMinutes: 10 }).enqueued).toBe(5);
    unsubscribe(db, 1, "async-io");
    const p = smallProgramme();
    const caching = p.sessions.find((x) => x.id === "caching");
    if (caching) caching.cancelled = true;
    loadProgramme(db, p, clock());
    // The bot was down until the session began: reminders 2 and 3 are late; they are dropped and logged.
    setNow(START);
    await dispatcher.drain();
    expect(s.stats().sentPerChat).toEqual({});
    const reasons = db
      .prepare("SELECT dedupe_key AS key, last_error AS reason FROM outbox ORDER BY dedupe_key")
      .all() as { key: string; reason: string }[];
    expect(reasons).toEqual([
      { key: reminderKey(1, "async-io", START), reason: "session-started" },
      { key: reminderKey(2, "async-io", START), reason: "session-started" },
      { key: reminderKey(3, "async-io", START), reason: "session-started" },
      { key: reminderKey(4, "async-io", START), reason: "session-started" },
      { key: reminderKey(4, "caching", START), reason: "session-started" },
    ]);
    expect(logs.filter((l) => l.msg === "outbox row dropped")).toHaveLength(5);
  });

  it("drops reminders that lost their point before their session began, and sends the rest", async () => {
    const { s, db, deps, dispatcher, clock } = await setup(4);
    subscribe(db, 4, "caching", 0);
    planReminders(db, { now: clock(), defaultMinutes: 10 });
    unsubscribe(db, 1, "async-io");
    const p = smallProgramme();
    const caching = p.sessions.find((x) => x.id === "caching");
    if (caching) caching.cancelled = true;
    const io = p.sessions.find((x) => x.id === "async-io");
    if (io) io.room = "hall-b";
    if (caching) caching.room = "hall-a";
    loadProgramme(db, p, clock());
    deps.catalog.replace(p, readKeys(db));
    await dispatcher.drain();
    expect(s.stats().sentPerChat).toEqual({ 2: 1, 3: 1, 4: 1 });
    // Rendered at send time: the new room, in each user's language.
    const texts = s.messages().map((m) => m.text);
    expect(texts).toContain("⏰ Через 10 минут: Асинхронный ввод-вывод — Энн Ли, Зал B, 10:00–11:00");
    expect(texts).toContain("⏰ In 10 minutes: Asynchronous IO — Ann Lee, Hall B, 10:00–11:00");
    const reasons = db
      .prepare("SELECT last_error AS r FROM outbox WHERE status = 'dropped' ORDER BY r")
      .all();
    expect(reasons).toEqual([{ r: "session-cancelled" }, { r: "unsubscribed" }]);
  });
});
