/**
 * The bot behind its real webhook server, as its own process (`node dist/main.js`): autocannon POSTs updates
 * (attendees' searches, each with a new update_id and one of 500 users) over 40 concurrent connections —
 * Telegram's default max_connections — and the bot answers each through a local Bot API server over HTTP.
 * A request's latency is the reply's: the webhook answers once the update is handled (the answer sent).
 * Prints updates/s and latency p50/p99, once with the default SEND_RATE (replies share the 25 messages/s
 * budget that keeps the bot within Telegram's limit, so that is what bounds it) and once with the budget
 * raised out of the way, which shows what the server and the bot's handling can do.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BotApiServer } from "../test/support/bot-api-server.js";
import { freePort } from "../test/support/followers.js";
import { START_ARGS } from "./start-command.js";

const CONNECTIONS = 40;
const SECONDS = 10;
const USERS = 500;
const QUERIES = ["flask", "django", "тестирование", "async", "armin", "celery", "шардинг", "pypy", "адфыл"];

/** The part of autocannon's API used here (it ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** Prints updates/s and reply latency of the webhook server under 40 connections. */
export default async function webhookBench(): Promise<void> {
  console.log(`\n## Webhook server (own process, ${CONNECTIONS} connections, ${SECONDS} s of searches)\n`);
  if (!existsSync("dist/main.js")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  console.log(
    "| SEND_RATE | updates/s | reply latency p50 | p99 | updates | answers sent | non-2xx | errors |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const rate of ["25", "10000"]) await run(rate);
}

async function run(sendRate: string): Promise<void> {
  const server = await BotApiServer.start();
  const dir = mkdtempSync(join(tmpdir(), "confbot-webhook-"));
  const port = await freePort();
  const since = Date.now();
  const child = spawn(process.execPath, START_ARGS, {
    env: {
      ...process.env,
      BOT_TOKEN: server.token,
      BOT_API_ROOT: server.apiRoot,
      DATABASE_PATH: join(dir, "confbot.sqlite"),
      WEBHOOK_URL: "https://bot.example.org/hook",
      WEBHOOK_SECRET: "bench_secret",
      PORT: String(port),
      LOG_LEVEL: "warn",
      SEND_RATE: sendRate,
    },
    stdio: "ignore",
  });
  try {
    await server.waitForRequest((r) => r.method === "setWebhook" && r.at >= since, 60_000);
    let updateId = 1;
    const body = () => {
      const id = updateId++;
      const user = 1 + (id % USERS);
      return JSON.stringify({
        update_id: id,
        message: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: user, type: "private", first_name: `U${user}` },
          from: { id: user, is_bot: false, first_name: `U${user}`, language_code: id % 2 ? "en" : "ru" },
          text: QUERIES[id % QUERIES.length],
        },
      });
    };
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/hook`,
      connections: CONNECTIONS,
      duration: SECONDS,
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "bench_secret" },
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
    });
    const answered = Object.values(server.stats().sentPerChat).reduce((a, b) => a + b, 0);
    console.log(
      `| ${sendRate} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.requests.total} | ${answered} | ${result.non2xx} | ${result.errors} |`,
    );
  } finally {
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
