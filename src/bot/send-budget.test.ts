import { join } from "node:path";
import { Api } from "grammy";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { BotApiServer } from "../../test/support/bot-api-server.js";
import { tempDir } from "../../test/support/tmp.js";
import { Dispatcher } from "../delivery/dispatcher.js";
import { outboxHooks } from "../delivery/outcomes.js";
import { RateLimiter } from "../delivery/rate-limiter.js";
import { openDatabase } from "../store/db.js";
import { enqueue, outboxCounts } from "../store/outbox.js";
import { touchUser } from "../store/users.js";
import { sendBudget } from "./send-budget.js";
import { createApiTransport, createDispatchApi } from "./transport.js";

// Below the server's limit, as SEND_RATE (25) is below Telegram's 30: sends start evenly, but arrive with jitter.
const RATE = 8;

describe("one send budget for replies and the outbox", () => {
  it("a broadcast and the bot's replies together stay within Telegram's limits: no 429, nothing lost", async () => {
    const server = await BotApiServer.start({ rateLimit: { perSecond: 10, perChatPerSecond: 1 } });
    const db = openDatabase(join(tempDir(), "budget.sqlite"));
    try {
      const now = Date.now();
      for (let id = 1; id <= 30; id++) touchUser(db, { id, chatId: id }, now);
      enqueue(
        db,
        Array.from({ length: 30 }, (_, i) => ({
          kind: "broadcast" as const,
          dedupeKey: `broadcast:1:${i + 1}`,
          userId: i + 1,
          chatId: i + 1,
          payload: { type: "message" as const, text: "📣" },
          notBefore: now,
        })),
        now,
      );
      const limiter = new RateLimiter(RATE, now);
      const dispatcher = new Dispatcher({
        db,
        ...outboxHooks(db),
        clock: Date.now,
        logger: pino({ level: "silent" }),
        transport: createApiTransport(createDispatchApi(server.token, server.apiRoot)),
        render: (row) => ({ chatId: row.chatId, text: "📣" }),
        limiter,
      });
      // The bot's api, as createBot sets it up: replies take their turn on the same budget.
      const api = new Api(server.token, { apiRoot: server.apiRoot });
      api.config.use(sendBudget(limiter, Date.now));
      const draining = dispatcher.drain();
      // Twenty attendees get answers while the broadcast goes out.
      const started = Date.now();
      const replies = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await api.sendMessage(1000 + i, "card");
          return Date.now() - started;
        }),
      );
      await draining;
      const stats = server.stats();
      expect(stats.tooManyRequests).toBe(0);
      expect(outboxCounts(db)).toMatchObject({ sent: 30, pending: 0 });
      for (let i = 0; i < 20; i++) expect(stats.sentPerChat[1000 + i]).toBe(1);
      expect(replies).toHaveLength(20);
    } finally {
      db.close();
      await server.close();
    }
  });
});

/** An injected clock whose sleeps resolve in order of their deadline (then of their start) as `run` advances it. */
function manualClock() {
  let now = 0;
  let seq = 0;
  const timers: { at: number; seq: number; fire: () => void }[] = [];
  const at = (t: number, fire: () => void) => timers.push({ at: t, seq: seq++, fire });
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    at,
    sleep: (ms: number) => new Promise<void>((resolve) => at(now + ms, resolve)),
    /** Fires the timers one by one, letting every promise settle in between, until none is left. */
    async run(): Promise<void> {
      for (await settle(); timers.length > 0; await settle()) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift() as (typeof timers)[number];
        now = Math.max(now, next.at);
        next.fire();
      }
    },
  };
}

/** Sends through `sendBudget` on the manual clock; `sent` records each chat and the instant it went out. */
function budgetedApi(limiter: RateLimiter, clock: ReturnType<typeof manualClock>) {
  const sent: { chat: number; at: number }[] = [];
  const inFlight = new Map<number, () => void>();
  const transformer = sendBudget(limiter, clock.now, clock.sleep);
  const prev = ((_method: string, payload: { chat_id: number }) => {
    sent.push({ chat: payload.chat_id, at: clock.now() });
    return new Promise((resolve) => inFlight.set(payload.chat_id, () => resolve({ ok: true, result: true })));
  }) as unknown as Parameters<typeof transformer>[0];
  const send = (chat: number) =>
    transformer(prev, "sendMessage", { chat_id: chat, text: "card" } as never, undefined);
  return { sent, send, answer: (chat: number) => inFlight.get(chat)?.() };
}

describe("replies wait for the budget first come, first served", () => {
  it("hands tokens out in arrival order, even to a reply that has waited through a long 429 pause", async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(10, 0);
    limiter.pause(2500);
    const { sent, send, answer } = budgetedApi(limiter, clock);
    // Polling waiters woke on their own timers, and one that came later could win: here 2 came before 1.
    const replies: Promise<unknown>[] = [];
    clock.at(0, () => replies.push(send(1)));
    clock.at(1600, () => replies.push(send(2)));
    clock.at(2400, () => replies.push(send(3)));
    clock.at(2450, () => replies.push(send(4)));
    for (const chat of [1, 2, 3, 4]) clock.at(2900, () => answer(chat));
    await clock.run();
    await Promise.all(replies);
    expect(sent.map((s) => s.chat)).toEqual([1, 2, 3, 4]);
    // One token at a time at 10/s once the pause is over.
    expect(sent.map((s) => s.at)).toEqual([2500, 2600, 2700, 2800]);
  });

  it("lets later replies pass one that waits for an earlier reply to its own chat, which then keeps its place", async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(10, 0);
    const { sent, send, answer } = budgetedApi(limiter, clock);
    const replies: Promise<unknown>[] = [];
    clock.at(0, () => replies.push(send(1), send(1), send(2), send(3)));
    // Chat 1's first answer comes back at 150 ms: its second reply goes with the next token, before chat 4's.
    clock.at(150, () => answer(1));
    clock.at(160, () => replies.push(send(4)));
    for (const chat of [1, 2, 3, 4]) clock.at(1000, () => answer(chat));
    await clock.run();
    await Promise.all(replies);
    expect(sent).toEqual([
      { chat: 1, at: 0 },
      { chat: 2, at: 100 },
      { chat: 1, at: 200 },
      { chat: 3, at: 300 },
      { chat: 4, at: 400 },
    ]);
  });
});
