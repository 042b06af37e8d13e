/**
 * Crash safety of the outbox, end to end: the bot runs as its own process against a local Bot API server,
 * 1,000 attendees follow a session a few minutes ahead, and the bot is killed with SIGKILL in the middle of
 * sending their reminders, then started again. No reminder may be lost, and duplicates stay within the bound
 * the README promises (the sends in flight at the moment of the kill, at most 10).
 *
 * The bot is started as `node --import tsx src/main.ts` (spawnBot's `singleProcess`) — one process, so SIGKILL
 * hits the bot itself (the tsx CLI would run it in a child that a SIGKILL of the parent leaves alive). The
 * programme is placed a few minutes in the future and REMINDER_TICK runs every second: no test hook in the bot
 * is needed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { outboxCounts } from "../../src/store/outbox.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { followersSetup } from "../support/followers.js";
import { type BotProcess, killBots, spawnBot } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";
import { waitUntil } from "../support/wait.js";

const USERS = 1000;
/** The dispatcher's default number of sends in flight: the duplicate bound after a crash. */
const MAX_IN_FLIGHT = 10;

afterEach(killBots);

/** Waits up to 90 s for `condition`; fails at once, with the end of the bot's output, if the bot exits. */
function eventually(condition: () => boolean, bot: BotProcess, what: string): Promise<void> {
  return waitUntil(condition, what, {
    timeoutMs: 90_000,
    intervalMs: 20,
    abortIf: () => (bot.child.exitCode !== null ? "the bot exited" : undefined),
    details: () => bot.output().slice(-4000),
  });
}

describe("reminders survive a crash", () => {
  it("SIGKILL in the middle of 1,000 reminders: none lost, duplicates within the in-flight bound", async () => {
    const server = await BotApiServer.start();
    // Answers arrive 40 ms after a message is sent, so several accepted sends are always in flight.
    server.setLatency(40);
    try {
      const { programmeFile, databaseFile } = followersSetup(tempDir(), USERS);

      const env = {
        BOT_TOKEN: server.token,
        BOT_API_ROOT: server.apiRoot,
        DATABASE_PATH: databaseFile,
        PROGRAMME_PATH: programmeFile,
        REMINDER_TICK: "* * * * * *",
        SEND_RATE: "150",
        LOG_LEVEL: "info",
      };
      const delivered = () => Object.keys(server.stats().sentPerChat).length;
      const total = () => Object.values(server.stats().sentPerChat).reduce((a, b) => a + b, 0);

      const first = spawnBot(env, { singleProcess: true });
      await eventually(() => total() >= 300, first, "300 reminders before the kill");
      first.child.kill("SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      const atKill = total();
      expect(atKill).toBeLessThan(USERS);

      const second = spawnBot(env, { singleProcess: true });
      await eventually(() => delivered() === USERS, second, "every reminder after the restart");
      // Let it record the last sends, then stop it gracefully.
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);

      const perChat = server.stats().sentPerChat;
      const duplicates = total() - USERS;
      for (let id = 1; id <= USERS; id++) expect(perChat[id], `chat ${id}`).toBeGreaterThanOrEqual(1);
      expect(Math.max(...Object.values(perChat))).toBeLessThanOrEqual(2);
      expect(duplicates).toBeLessThanOrEqual(MAX_IN_FLIGHT);
      const after = openDatabase(databaseFile);
      expect(outboxCounts(after)).toMatchObject({ sent: USERS, pending: 0, failed: 0, dropped: 0 });
      after.close();
      console.info(
        `crash test: killed after ${atKill} sends; ${duplicates} duplicate(s) (bound ${MAX_IN_FLIGHT})`,
      );
    } finally {
      await server.close();
    }
  }, 180_000);
});
