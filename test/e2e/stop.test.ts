/**
 * Stopping within a container's grace period (10 s) whatever the Bot API does: SIGTERM while the start-up's
 * calls cannot reach it, and SIGTERM to a running bot whose API stalls every call (a long poll and sends
 * hanging unanswered).
 */
import { afterEach, describe, expect, it } from "vitest";
import { BotApiServer } from "../support/bot-api-server.js";
import { killBots, spawnPollingBot, waitForPolling } from "../support/spawn-bot.js";
import { waitUntil } from "../support/wait.js";

afterEach(killBots);

const ANN = { id: 8201, first_name: "Ann", language_code: "en" };

describe("stopping", () => {
  it("exits on SIGTERM during start-up while the Bot API refuses every call", async () => {
    const server = await BotApiServer.start();
    try {
      server.setOutage({ mode: "refuse" });
      const bot = spawnPollingBot(server, [ANN.id], { singleProcess: true });
      // The programme is loaded; then getMe and the commands cannot get through.
      await waitUntil(() => /"msg":"programme (loaded|file unchanged)/.test(bot.output()), "the start-up", {
        timeoutMs: 30_000,
        details: () => bot.output(),
      });
      await new Promise((r) => setTimeout(r, 1000));
      // stop() kills with SIGKILL after its timeout and then answers "SIGKILL": exit 0 means it stopped itself.
      const asked = Date.now();
      expect(await bot.stop("SIGTERM", 10_000), bot.output().slice(-2000)).toBe(0);
      console.info(`stopped ${Date.now() - asked} ms after SIGTERM during start-up`);
      expect(bot.output()).toContain("stopped during start-up");
    } finally {
      await server.close();
    }
  }, 60_000);

  it("exits on SIGTERM while the Bot API stalls every call", async () => {
    const server = await BotApiServer.start();
    try {
      const bot = spawnPollingBot(server, [ANN.id], { singleProcess: true });
      await waitForPolling(bot, server);
      server.setOutage({ mode: "stall" });
      // A search whose answer hangs, and the long poll hanging behind it.
      server.sendText(ANN, "asynchronous");
      await new Promise((r) => setTimeout(r, 1500));
      const asked = Date.now();
      expect(await bot.stop("SIGTERM", 10_000), bot.output().slice(-2000)).not.toBe("SIGKILL");
      console.info(`stopped ${Date.now() - asked} ms after SIGTERM with the API stalled`);
    } finally {
      await server.close();
    }
  }, 60_000);
});
