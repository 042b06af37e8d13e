/**
 * Webhook mode under faults, end to end: the bot as its own process behind its webhook server, the local Bot
 * API server delivering updates by POST like Telegram (and delivering again on anything but 2xx). A handler
 * that fails is answered 200 and logged, so Telegram does not repeat it; an update delivered again is
 * recognised by its update_id and not handled twice; a body far beyond any update is refused with 413 and
 * the bot carries on. Each case counts the messages each user received.
 */
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { BotApiServer } from "../support/bot-api-server.js";
import { followersSetup, freePort } from "../support/followers.js";
import { type BotProcess, killBots, spawnBot } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";
import { waitUntil } from "../support/wait.js";

const ANN = { id: 8001, first_name: "Ann", language_code: "en" };
const BOB = { id: 8002, first_name: "Bob", language_code: "en" };

afterEach(killBots);

/**
 * POSTs `body` and resolves with the status of the answer, which may come before the body is all sent (the
 * server then closes the connection, and the rest of the upload fails: that is the point).
 */
function postStatus(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "hook_secret" },
    });
    req.on("response", (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    req.on("error", (e) => setTimeout(() => reject(e), 100));
    req.end(body);
  });
}

function logged(bot: BotProcess, text: string): Promise<void> {
  return waitUntil(() => bot.output().includes(text), `"${text}" in the log`, {
    details: () => bot.output().slice(-3000),
  });
}

describe("webhook faults", () => {
  it("answers 200 to a failing handler, handles a re-delivered update once, refuses a huge body", async () => {
    const server = await BotApiServer.start();
    try {
      const { programmeFile, databaseFile } = followersSetup(tempDir(), 0, [ANN.id, BOB.id]);
      const port = await freePort();
      const hook = `http://127.0.0.1:${port}/hook`;
      server.deliverTo([hook]);
      const bot = spawnBot(
        {
          BOT_TOKEN: server.token,
          BOT_API_ROOT: server.apiRoot,
          DATABASE_PATH: databaseFile,
          PROGRAMME_PATH: programmeFile,
          WEBHOOK_URL: "https://bot.example.org/hook",
          WEBHOOK_SECRET: "hook_secret",
          PORT: String(port),
          LOG_LEVEL: "info",
        },
        { singleProcess: true },
      );
      await logged(bot, "webhook server started");
      const sent = () => server.stats().sentPerChat;

      // A normal search: one answer.
      const annUpdate = server.nextUpdate;
      await server.say(ANN, "asynchronous", { part: "Asynchronous IO" });

      // Telegram refuses Bob's answer with an error no handler expects: the handler throws.
      server.failNext({
        method: "sendMessage",
        chatId: BOB.id,
        code: 400,
        description: "Bad Request: injected",
      });
      const bobUpdate = server.nextUpdate;
      server.sendText(BOB, "asynchronous");
      await logged(bot, '"msg":"update failed"');
      await waitUntil(() => server.webhookDeliveries.some((d) => d.updateId === bobUpdate), "Bob's delivery");
      // Answered 200, so Telegram delivers it only once, and the failing answer is not repeated.
      await new Promise((r) => setTimeout(r, 1000));
      expect(server.webhookDeliveries.filter((d) => d.updateId === bobUpdate).map((d) => d.status)).toEqual([
        200,
      ]);
      expect(server.stats().calls.sendMessage).toBe(2);

      // Telegram delivers Ann's update again (say, after a timeout): it is not handled a second time.
      expect(await server.redeliver(annUpdate)).toBe(200);
      expect(await server.redeliver(annUpdate)).toBe(200);
      await logged(bot, "update handled already: skipped");

      // 20 MB is no Telegram update: 413, and the bot carries on.
      const huge = await postStatus(
        hook,
        JSON.stringify({ update_id: 999_999, message: { text: "x".repeat(20 * 1024 * 1024) } }),
      );
      expect(huge).toBe(413);
      await server.say(BOB, "asynchronous", { part: "Asynchronous IO" });

      expect(await bot.stop("SIGTERM"), bot.output().slice(-3000)).toBe(0);
      expect(sent()[ANN.id]).toBe(1);
      expect(sent()[BOB.id]).toBe(1);
    } finally {
      await server.close();
    }
  }, 90_000);
});
