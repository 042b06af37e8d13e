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
