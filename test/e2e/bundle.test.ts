/**
 * End to end: the bot as `npm start` runs it — bundled by scripts/build.mjs into one file and run by plain
 * node — long polling a local Bot API server. The bundle must find the locales, talk to the Bot API (grammY's
 * fetch recognises its abort signals by class name, which bundling would rename) and answer a search; a restart
 * with the programme file unchanged serves the stored version without parsing it, and restores the search
 * index from its snapshot instead of building it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { START_ARGS } from "../../bench/start-command.js";
import { attendeeProgramme } from "../support/attendee-programme.js";
import { type ApiUser, BotApiServer } from "../support/bot-api-server.js";
import { killBots, spawnBot, waitForPolling } from "../support/spawn-bot.js";

const WAIT = 15_000;
const emma: ApiUser = { id: 7001, first_name: "Emma", language_code: "en" };
// Inside the repository, like dist/: the bundle finds the app's folder (locales, webapp) above itself.
const OUTDIR = `var/test-bundle-${process.pid}`;

let server: BotApiServer;
let dir: string;

beforeAll(async () => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { env: { ...process.env, BUILD_OUTDIR: OUTDIR } });
  server = await BotApiServer.start();
  dir = mkdtempSync(join(tmpdir(), "confbot-bundle-"));
}, 60_000);

afterAll(async () => {
  await killBots();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  rmSync(OUTDIR, { recursive: true, force: true });
});

describe("the bundled bot (npm start)", () => {
  it("answers a search, and after a restart serves the unchanged programme file without parsing it", async () => {
    const programme = join(dir, "programme.yaml");
    writeFileSync(programme, stringify(attendeeProgramme()));
    const env = {
      BOT_TOKEN: server.token,
      BOT_API_ROOT: server.apiRoot,
      DATABASE_PATH: join(dir, "confbot.sqlite"),
      PROGRAMME_PATH: programme,
      LOG_LEVEL: "info",
    };
    // `npm start`'s way: its node flags (START_ARGS, read from package.json), then the bundle's loader.
    const script = join(OUTDIR, "main.js");
    const nodeFlags = START_ARGS.filter((a) => a.startsWith("--"));
    const first = spawnBot(env, { script, nodeFlags });
    await waitForPolling(first, server);
    const answer = await server.say(emma, "flask", { timeoutMs: WAIT });
    expect(answer.text).toContain("Flask");
    // Compiled through the V8 code cache the build recorded (src/code-cache.ts), not from source.
    expect(first.stdout()).toMatch(/"codeCache":"used".*"msg":"bundle loaded"/);
    expect(first.stdout()).toContain('"msg":"programme loaded"');
    expect(first.stdout()).toMatch(/"source":"built".*"msg":"search index ready"/);
    expect(await first.stop()).toBe(0);

    const since = Date.now();
    const second = spawnBot(env, { script, nodeFlags });
    await waitForPolling(second, server, since);
    expect(second.stdout()).toContain('"msg":"programme file unchanged; serving the stored version"');
    expect(second.stdout()).not.toContain('"msg":"programme loaded"');
    expect(second.stdout()).toMatch(/"source":"restored".*"msg":"search index ready"/);
    const again = await server.say(emma, "flask", { timeoutMs: WAIT });
    expect(again.text).toContain("Flask");
    expect(await second.stop()).toBe(0);
  }, 90_000);
});
