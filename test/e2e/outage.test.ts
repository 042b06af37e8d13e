/**
 * A Bot API outage, end to end: the bot long-polls a local Bot API server that drops every sendMessage
 * connection. The answer to an attendee is retried a bounded number of times and then fails cleanly (logged,
 * the bot keeps running); when the network is back the next message is answered at once. Counts the attempts
 * and the messages the user received.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CALL_BOUNDS } from "../../src/bot/bounded-calls.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { followersSetup } from "../support/followers.js";
import { killBots, spawnBot, waitForPolling } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";
import { waitUntil } from "../support/wait.js";

const ANN = { id: 8101, first_name: "Ann", language_code: "en" };

afterEach(killBots);

describe("a Bot API outage", () => {
  it("retries an answer a bounded number of times, fails it cleanly, and answers again once the network is back", async () => {
    const server = await BotApiServer.start();
    try {
      const { programmeFile, databaseFile } = followersSetup(tempDir(), 0, [ANN.id]);
      const bot = spawnBot({
        BOT_TOKEN: server.token,
        BOT_API_ROOT: server.apiRoot,
        DATABASE_PATH: databaseFile,
        PROGRAMME_PATH: programmeFile,
        LOG_LEVEL: "info",
      });
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
});
