/**
 * Two bot processes on one database (a rolling deploy, a second replica), end to end, in long polling (the
 * second one standing by on 409 Conflict, as Telegram answers a second getUpdates) and in webhook mode (the local Bot API server playing a load balancer that takes turns between the two). Exactly
 * one of them sends the 300 reminders that are due — the holder of the dispatch lease — while both answer
 * attendees, each update once. Then the sender is killed with SIGKILL in the middle: the standby takes over
 * once the lease expires and sends the rest. Every follower gets their reminder; only what was in flight at
 * the kill (the README's bound, 10) may arrive twice.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { outboxCounts } from "../../src/store/outbox.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { followersSetup, freePort } from "../support/followers.js";
import { type BotProcess, killBots, spawnBot } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";
import { waitUntil } from "../support/wait.js";

const USERS = 300;
const LEASE_SECONDS = 3;
const MAX_IN_FLIGHT = 10;
/** Attendees who only search, one per phase. */
const SEARCHERS = [
  { id: 7001, first_name: "Ira", language_code: "en" },
  { id: 7002, first_name: "Lev", language_code: "ru" },
];

afterEach(killBots);

function eventually(condition: () => boolean, bots: BotProcess[], what: string, timeoutMs = 60_000) {
  return waitUntil(condition, what, {
    timeoutMs,
    details: () => bots.map((b, i) => `── bot ${i}\n${b.output().slice(-3000)}`).join("\n"),
  });
}

const SENDER = "this process now sends the outbox";

for (const mode of ["polling", "webhook"] as const) {
  describe(`two processes on one database (${mode})`, () => {
    it("one sends, both answer; after SIGKILL of the sender the standby takes over", async () => {
      const server = await BotApiServer.start();
      // Answers arrive 30 ms after a message is sent, so several accepted sends are in flight at the kill.
      server.setLatency(30);
      try {
        const { programmeFile, databaseFile } = followersSetup(
          tempDir(),
          USERS,
          SEARCHERS.map((s) => s.id),
        );
        const ports = mode === "webhook" ? [await freePort(), await freePort()] : [];
        const env = (i: number) => ({
          BOT_TOKEN: server.token,
          BOT_API_ROOT: server.apiRoot,
          DATABASE_PATH: databaseFile,
          PROGRAMME_PATH: programmeFile,
          REMINDER_TICK: "* * * * * *",
          SEND_RATE: "60",
          DISPATCH_LEASE_SECONDS: String(LEASE_SECONDS),
          LOG_LEVEL: "info",
          ...(mode === "webhook"
            ? {
                WEBHOOK_URL: "https://bot.example.org/hook",
                WEBHOOK_SECRET: "shared_secret",
                PORT: String(ports[i]),
              }
            : {}),
        });
        if (mode === "webhook") server.deliverTo(ports.map((p) => `http://127.0.0.1:${p}/hook`));
        const bots = [spawnBot(env(0), { singleProcess: true }), spawnBot(env(1), { singleProcess: true })];
        const reminders = () => {
          const sent = server.stats().sentPerChat;
          let n = 0;
          for (let id = 1; id <= USERS; id++) n += sent[id] ?? 0;
          return n;
        };
        await eventually(() => reminders() >= 60, bots, "60 reminders");
        const started = (b: BotProcess) =>
          b.output().includes(mode === "webhook" ? "webhook server started" : "long polling started");
        await eventually(() => bots.every(started), bots, "both processes serving");

        // Exactly one of them sends.
        const senders = bots.filter((b) => b.output().includes(SENDER));
        expect(senders).toHaveLength(1);
        const [active] = senders as [BotProcess];
        const standby = bots.find((b) => b !== active) as BotProcess;
        expect(Math.max(...Object.values(server.stats().sentPerChat))).toBe(1);

        // Long polling: Telegram (and the local server) answer a second getUpdates with 409; the second process
        // stands by instead of exiting, and takes over polling when the first one dies.
        const STANDBY = "another process polls this bot: standing by";
        const poller = mode === "polling" ? bots.find((b) => !b.output().includes(STANDBY)) : undefined;
        if (mode === "polling") {
          await eventually(() => bots.some((b) => b.output().includes(STANDBY)), bots, "a polling standby");
          expect(bots.filter((b) => b.output().includes(STANDBY))).toHaveLength(1);
        }

        // Both answer attendees (in polling mode, the one that polls), each update once.
        const deliveredBefore = server.webhookDeliveries.length;
        for (let i = 0; i < 4; i++)
          await server.say(SEARCHERS[0] as (typeof SEARCHERS)[0], "asynchronous", { part: "Asynchronous" });

        if (mode === "webhook") {
          const served = server.webhookDeliveries.slice(deliveredBefore).filter((d) => d.status === 200);
          expect(new Set(served.map((d) => d.target)).size).toBe(2);
        }
        active.child.kill("SIGKILL");
        expect(await active.exited).toBe("SIGKILL");
        const killedAt = Date.now();
        const atKill = reminders();
        expect(atKill).toBeLessThan(USERS);

        await eventually(
          () => standby.output().includes(SENDER),
          [standby],
          "the standby to take over",
          LEASE_SECONDS * 4000,
        );
        const tookOverMs = Date.now() - killedAt;
        if (mode === "webhook")
          server.deliverTo(
            ports.filter((_, i) => bots[i] === standby).map((p) => `http://127.0.0.1:${p}/hook`),
          );
        await eventually(
          () => Object.keys(server.stats().sentPerChat).filter((id) => Number(id) <= USERS).length === USERS,
          [standby],
          "every reminder after the takeover",
        );
        // If the killed process polled, the standby polls now (it asks every 3 s), and answers.
        await server.say(SEARCHERS[1] as (typeof SEARCHERS)[1], "асинхронный", {
          part: "Асинхронный",
          timeoutMs: 15_000,
        });
        if (poller === active) expect(standby.output()).toContain("this process polls");
        expect(await standby.stop("SIGTERM"), standby.output().slice(-3000)).toBe(0);

        const sent = server.stats().sentPerChat;
        for (let id = 1; id <= USERS; id++) expect(sent[id], `chat ${id}`).toBeGreaterThanOrEqual(1);
        expect(Math.max(...Array.from({ length: USERS }, (_, i) => sent[i + 1] ?? 0))).toBeLessThanOrEqual(2);
        const duplicates = reminders() - USERS;
        expect(duplicates).toBeLessThanOrEqual(MAX_IN_FLIGHT);
        // Four searches, four answers; one more after the takeover.
        expect(sent[SEARCHERS[0]?.id ?? 0]).toBe(4);
        expect(sent[SEARCHERS[1]?.id ?? 0]).toBe(1);
        const db = openDatabase(databaseFile);
        expect(outboxCounts(db)).toMatchObject({ sent: USERS, pending: 0, failed: 0, dropped: 0 });
        db.close();
        console.info(
          `two processes (${mode}): killed the sender after ${atKill} reminders; standby took over in ${tookOverMs} ms (lease ${LEASE_SECONDS} s); ${duplicates} duplicate(s)`,
        );
      } finally {
        await server.close();
      }
    }, 150_000);
  });
}
