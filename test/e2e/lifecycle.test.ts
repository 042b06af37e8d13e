/**
 * End to end, start-up failures: when the bot cannot serve updates after its background jobs started (Telegram
 * refuses long polling, the webhook port is taken), the process must end with an error instead of running on
 * without updates while its dispatcher, reminder tick and SIGHUP handler keep going. And a SIGHUP while it is
 * still talking to Telegram at start-up must not end it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { attendeeProgramme } from "../support/attendee-programme.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { type BotProcess, killBots, spawnBot, waitForPolling } from "../support/spawn-bot.js";
import { waitUntil } from "../support/wait.js";

let server: BotApiServer;
let dir: string;

beforeAll(async () => {
  server = await BotApiServer.start();
  dir = mkdtempSync(join(tmpdir(), "confbot-e2e-"));
  writeFileSync(join(dir, "programme.yaml"), stringify(attendeeProgramme()));
});

afterAll(async () => {
  await killBots();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = (name: string, extra: Record<string, string> = {}) => ({
  BOT_TOKEN: server.token,
  BOT_API_ROOT: server.apiRoot,
  DATABASE_PATH: join(dir, `${name}.sqlite`),
  PROGRAMME_PATH: join(dir, "programme.yaml"),
  LOG_LEVEL: "warn",
  ...extra,
});

/** The exit code, or "still running" when the process has not ended within `ms`. */
function exitWithin(bot: BotProcess, ms: number): Promise<number | string> {
  return Promise.race([bot.exited, new Promise<string>((r) => setTimeout(() => r("still running"), ms))]);
}

describe("start-up failures", () => {
  it("stands by when Telegram refuses long polling (another instance polls), and polls once it may", async () => {
    server.failNext({ method: "getUpdates", code: 409, times: 2 });
    const since = Date.now();
    const bot = spawnBot(env("conflict"), { singleProcess: true });
    await waitUntil(() => bot.output().includes("another process polls this bot: standing by"), "a standby", {
      timeoutMs: 30_000,
      details: () => bot.output(),
    });
    // Asked again after the conflicts, getUpdates is served: this process polls.
    await server.waitForRequest(
      (r) => r.method === "getUpdates" && r.status === 200 && r.at >= since,
      15_000,
    );
    expect(await bot.stop("SIGTERM")).toBe(0);
  }, 60_000);

  it("exits with an error when the webhook port is taken", async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, "0.0.0.0", r));
    const address = taken.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const bot = spawnBot(
        env("webhook", { WEBHOOK_URL: "https://bot.example.org/hook", PORT: String(port) }),
      );
      expect(await exitWithin(bot, 30_000)).toBe(1);
      expect(bot.stderr()).toContain("EADDRINUSE");
    } finally {
      taken.close();
    }
  }, 45_000);
});

describe("start-up signals", () => {
  it("survives a SIGHUP while it is still starting", async () => {
    server.setLatency(2000);
    try {
      const since = Date.now();
      const bot = spawnBot(env("hup"), { singleProcess: true });
      await server.waitForRequest((r) => r.method === "getMe" && r.at >= since, 30_000);
      bot.child.kill("SIGHUP");
      server.setLatency(0);
      await waitForPolling(bot, server, Date.now());
      expect(bot.child.exitCode).toBeNull();
      expect(await bot.stop("SIGTERM")).toBe(0);
    } finally {
      server.setLatency(0);
    }
  }, 60_000);
});
