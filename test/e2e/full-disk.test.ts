/**
 * The disk fills under a running bot, end to end: the bot sends 200 reminders to a local Bot API server, and in
 * the middle of it its files stop taking writes — a file-size limit set on the running process with
 * `prlimit --pid` (util-linux), so SQLite's next write fails like on a full disk, without privileges. Sending
 * must stop at once and the organizer be told; an attendee still gets an answer to a search although their
 * user record cannot be written; once the limit is lifted, the outcomes held in memory are written, sending
 * resumes, and every follower has exactly one reminder — nothing was sent twice.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { outboxCounts } from "../../src/store/outbox.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { followersSetup } from "../support/followers.js";
import { type BotProcess, killBots, spawnBot } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";
import { waitUntil } from "../support/wait.js";

const USERS = 200;
const ADMIN = { id: 5000, first_name: "Olga", language_code: "en" };
const ATTENDEE = { id: 6000, first_name: "Petr", language_code: "en" };
/** The dispatcher's default number of sends in flight: at most these were on their way when the disk filled. */
const MAX_IN_FLIGHT = 10;

/** Whether prlimit can change a running process's limits here (util-linux; absent on some minimal systems). */
const prlimit = spawnSync("prlimit", ["--version"]).status === 0;

afterEach(killBots);

function eventually(condition: () => boolean, bot: BotProcess, what: string): Promise<void> {
  return waitUntil(condition, what, {
    timeoutMs: 60_000,
    abortIf: () => (bot.child.exitCode !== null ? "the bot exited" : undefined),
    details: () => bot.output().slice(-4000),
  });
}

describe.skipIf(!prlimit)("a full disk under the bot (prlimit --pid sets a file-size limit)", () => {
  it("stops sending at once, tells the organizer, still answers searches, and re-sends nothing", async () => {
    const server = await BotApiServer.start();
    server.setLatency(20);
    try {
      const { programmeFile, databaseFile } = followersSetup(tempDir(), USERS, [ADMIN.id, ATTENDEE.id]);
      const bot = spawnBot(
        {
          BOT_TOKEN: server.token,
          BOT_API_ROOT: server.apiRoot,
          DATABASE_PATH: databaseFile,
          PROGRAMME_PATH: programmeFile,
          ADMIN_IDS: String(ADMIN.id),
          REMINDER_TICK: "* * * * * *",
          SEND_RATE: "40",
          LOG_LEVEL: "info",
        },
        { singleProcess: true },
      );
      const perChat = () => server.stats().sentPerChat;
      const reminders = () => {
        const sent = perChat();
        let n = 0;
        for (let id = 1; id <= USERS; id++) n += sent[id] ?? 0;
        return n;
      };
      await eventually(() => reminders() >= 40, bot, "40 reminders before the disk fills");

      // The disk is full: no file of the bot may grow by a byte.
      execFileSync("prlimit", ["--pid", String(bot.child.pid), "--fsize=1:"]);
      await eventually(() => bot.output().includes("SENDING STOPPED"), bot, "sending to stop");
      const atStop = reminders();
      const told = await server.waitFor(
        (m) => m.chatId === ADMIN.id && m.text.includes("Sending has stopped"),
        20_000,
      );
      expect(told.text).toMatch(/cannot write to its database \(.+\)/);

      // Attendees still get answers, though nothing about them can be written.
      const answer = await server.say(ATTENDEE, "asynchronous", { part: "Asynchronous IO" });
      expect(answer.buttons.length).toBeGreaterThan(0);
      await eventually(
        () => bot.output().includes("could not remember a search; answering without it"),
        bot,
        "the failed write of the search to be logged",
      );

      // Nothing more goes out while the outcomes cannot be written (only sends already in flight finish).
      await new Promise((r) => setTimeout(r, 2500));
      const whileFull = reminders();
      expect(whileFull - atStop).toBeLessThanOrEqual(MAX_IN_FLIGHT);
      await new Promise((r) => setTimeout(r, 1500));
      expect(reminders()).toBe(whileFull);
      expect(whileFull).toBeLessThan(USERS);

      // Space again: the held outcomes are written, and the rest goes out.
      execFileSync("prlimit", ["--pid", String(bot.child.pid), "--fsize=unlimited:"]);
      await eventually(
        () => Object.keys(perChat()).length >= USERS + 2,
        bot,
        "every reminder after the disk has room",
      );
      await server.waitFor((m) => m.chatId === ADMIN.id && m.text.includes("sending has resumed"), 20_000);
      expect(await bot.stop("SIGTERM"), bot.output().slice(-3000)).toBe(0);

      const sent = perChat();
      for (let id = 1; id <= USERS; id++) expect(sent[id], `chat ${id}`).toBe(1);
      expect(sent[ATTENDEE.id]).toBe(1);
      expect(sent[ADMIN.id]).toBe(2);
      const db = openDatabase(databaseFile);
      expect(outboxCounts(db)).toMatchObject({ sent: USERS, pending: 0, failed: 0 });
      db.close();
      console.info(`full disk: stopped after ${atStop} reminders, ${whileFull - atStop} in flight finished`);
    } finally {
      await server.close();
    }
  }, 120_000);
});

if (!prlimit)
  describe("a full disk under the bot", () => {
    it.skip("needs prlimit (util-linux) to set a file-size limit on the running bot: not available here", () => {});
  });
