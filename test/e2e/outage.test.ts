/**
 * A Bot API outage, end to end: the bot long-polls a local Bot API server that drops every sendMessage
 * connection. The answer to an attendee is retried a bounded number of times and then fails cleanly (logged,
 * the bot keeps running); when the network is back the next message is answered at once. Counts the attempts
 * and the messages the user received.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CALL_BOUNDS } from "../../src/bot/bounded-calls.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { killBots, spawnPollingBot, waitForPolling } from "../support/spawn-bot.js";
import { waitUntil } from "../support/wait.js";

const ANN = { id: 8101, first_name: "Ann", language_code: "en" };

afterEach(killBots);

describe("a Bot API outage", () => {
  it("retries an answer a bounded number of times, fails it cleanly, and answers again once the network is back", async () => {
    const server = await BotApiServer.start();
    try {
      const bot = spawnPollingBot(server, [ANN.id]);
      await waitForPolling(bot, server);

      server.failNext({ method: "sendMessage", code: "network", times: 1000 });
      server.sendText(ANN, "asynchronous");
      await waitUntil(() => bot.output().includes('"msg":"update failed"'), "the answer to fail", {
        timeoutMs: CALL_BOUNDS.budgetMs + 10_000,
        details: () => bot.output().slice(-3000),
      });
      expect(server.stats().calls.sendMessage).toBe(CALL_BOUNDS.attempts);
      expect(bot.output()).toMatch(/"msg":"update failed"[^\n]*|network/);

      // The network is back: the bot was not stuck, the next message is answered.
      server.clearFaults();
      await server.say(ANN, "asynchronous", { part: "Asynchronous IO" });
      expect(server.stats().sentPerChat[ANN.id]).toBe(1);
      expect(await bot.stop("SIGTERM"), bot.output().slice(-3000)).toBe(0);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("answers within seconds of the end of a 30-second outage (getUpdates' retries are capped)", async () => {
    const server = await BotApiServer.start();
    try {
      const bot = spawnPollingBot(server, [ANN.id]);
      await waitForPolling(bot, server);
      const outageMs = 30_000;
      server.setOutage({ mode: "refuse", until: Date.now() + outageMs });
      // The long poll in hand ends with the outage's first refusal.
      server.sendText(ANN, "asynchronous");
      await new Promise((r) => setTimeout(r, outageMs));
      const back = Date.now();
      // The runner's own retry doubled without a cap: 100 ms … 12.8 s, 25.6 s — 21 s of silence after this one.
      await server.waitFor((m) => m.chatId === ANN.id && m.text.includes("Asynchronous"), 6000);
      console.info(`answered ${Date.now() - back} ms after a ${outageMs / 1000} s outage`);
      expect(await bot.stop("SIGTERM"), bot.output().slice(-3000)).toBe(0);
    } finally {
      await server.close();
    }
  }, 90_000);
});
