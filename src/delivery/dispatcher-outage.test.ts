/**
 * Delivery through a Bot API outage, on an injected clock: the dispatcher sends real HTTP to the local Bot API
 * server, which refuses or stalls every call for 3 or 10 minutes in the middle of a burst of reminders.
 * Retries go by time, not by count: nothing whose session is still ahead is lost, nothing is sent twice,
 * the backlog goes out within seconds of the API coming back, and what lost its point says why.
 */
import { join } from "node:path";
import { Api } from "grammy";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { BotApiServer } from "../../test/support/bot-api-server.js";
import { tempDir } from "../../test/support/tmp.js";
import { createApiTransport } from "../bot/transport.js";
import { openDatabase } from "../store/db.js";
import { enqueue, findByKey, type NewOutboxRow, nextDueAt, outboxCounts } from "../store/outbox.js";
import { touchUser } from "../store/users.js";
import { Dispatcher } from "./dispatcher.js";
import { outboxRecorder } from "./outcomes.js";

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 1, 9, 0);
const servers: BotApiServer[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** `n` reminders, one a user, falling due 100 ms apart from `due`, for a session at `start`. */
function reminders(from: number, n: number, due: number, start: number): NewOutboxRow[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: "reminder" as const,
    dedupeKey: `reminder:${from + i}:s${start}`,
    userId: from + i,
    chatId: from + i,
    payload: { type: "message" as const, text: "soon" },
    notBefore: due + i * 100,
    expiresAt: start,
  }));
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

async function runOutage(mode: "refuse" | "stall", outageMs: number, users: number) {
  let now = T0;
  const clock = () => now;
  const server = await BotApiServer.start({ now: clock });
  servers.push(server);
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  // `users` reminders of a session after the outage (a burst the outage cuts into); 5 of one that starts
  // during it; 5 broadcasts, which are retried for 5 minutes (OUTBOX_RETRY_FOR).
  const outageFrom = T0 + 6000;
  const outageTo = outageFrom + outageMs;
  const laterStart = outageTo + 5 * MIN;
  for (const id of [...range(1, users), ...range(1001, 5), ...range(2001, 5)])
    touchUser(db, { id, chatId: id }, T0);
  enqueue(db, reminders(1, users, T0 + 5000, laterStart), T0);
  enqueue(db, reminders(1001, 5, outageFrom + 10_000, outageFrom + 2 * MIN), T0);
  enqueue(
    db,
    Array.from({ length: 5 }, (_, i) => ({
      kind: "broadcast" as const,
      dedupeKey: `broadcast:1:${2001 + i}`,
      userId: 2001 + i,
      chatId: 2001 + i,
      payload: { type: "message" as const, text: "all" },
      notBefore: outageFrom + 10_000,
    })),
    T0,
  );
  server.setOutage(undefined);
  const api = new Api(server.token, { apiRoot: server.apiRoot, timeoutSeconds: 0.2 });
  const sentAt: number[] = [];
  const transport = createApiTransport(api);
  let outageSet = false;
  const dispatcher = new Dispatcher({
    db,
    transport: {
      send: async (m) => {
        if (!outageSet && now >= outageFrom) {
          outageSet = true;
          server.setOutage({ mode, until: outageTo });
        }
        const r = await transport.send(m);
        if (r.ok) sentAt.push(now);
        return r;
      },
    },
    render: (row) => ({ chatId: row.chatId, text: "soon" }),
    clock,
    logger: pino({ level: "silent" }),
    check: () => undefined,
    record: outboxRecorder(db),
    rate: 30,
    retryForMs: 5 * MIN,
    // The injected clock moves only while the dispatcher waits.
    sleep: async (ms) => {
      now += ms;
      await new Promise((r) => setImmediate(r));
    },
  });
  // drain() returns when nothing is due yet: move the clock to the next row until none is left.
  for (let next = nextDueAt(db); next !== undefined; next = nextDueAt(db)) {
    now = Math.max(now, next);
    await dispatcher.drain();
  }
  return { db, server, sentAt, outageTo, counts: outboxCounts(db) };
}

describe("the dispatcher through a Bot API outage", () => {
  // A stalled call costs the client its (real) timeout: fewer users keep that case quick.
  for (const [mode, minutes, users] of [
    ["refuse", 3, 300],
    ["stall", 3, 20],
    ["refuse", 10, 300],
  ] as const) {
    it(`loses nothing and doubles nothing through a ${minutes}-minute outage (${mode})`, async () => {
      const { db, server, sentAt, outageTo, counts } = await runOutage(mode, minutes * MIN, users);
      const perChat = server.stats().sentPerChat;
      // Every reminder of the later session arrived, each exactly once.
      for (let user = 1; user <= users; user++) expect(perChat[user], `user ${user}`).toBe(1);
      expect(Object.values(perChat).every((n) => n === 1)).toBe(true);
      // The backlog went out at the send rate once the API was back, not after a 5-minute backoff.
      const afterRecovery = sentAt.filter((t) => t >= outageTo);
      expect(afterRecovery.length).toBeGreaterThan(users * 0.7);
      expect(Math.min(...afterRecovery) - outageTo).toBeLessThan(10_000);
      expect(Math.max(...sentAt) - outageTo).toBeLessThan(20_000);
      // The reminders of the session that started during the outage were given up at its start, saying why.
      const early = findByKey(db, `reminder:1001:s${T0 + 6000 + 2 * MIN}`);
      expect(early?.status).toBe("failed");
      expect(early?.lastError).toMatch(/^gave up: the session started before the Bot API could be reached/);
      const broadcast = findByKey(db, "broadcast:1:2001");
      if (minutes > 5) {
        expect(broadcast?.status).toBe("failed");
        expect(broadcast?.lastError).toMatch(/could not be reached for 5 min/);
      } else expect(broadcast?.status).toBe("sent");
      expect(counts.pending).toBe(0);
    }, 120_000);
  }
});
