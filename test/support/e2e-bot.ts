/**
 * The set-up every end-to-end test file shares: a local Bot API server, the bot as its own process long polling
 * it over a programme and a database in a temporary folder, and the users' `say` and `press` with the file's
 * patience. Registered with the file's (or a describe block's) beforeAll and afterAll.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { stringify } from "yaml";
import { type ApiUser, BotApiServer, type ServerMessage } from "./bot-api-server.js";
import { freePort, waitForHttp } from "./http-server.js";
import { type BotProcess, type SpawnOptions, spawnBot, waitForPolling } from "./spawn-bot.js";

/** What the bot of a test file runs on. */
export interface E2eBotOptions {
  /**
   * The programme: an object (written as YAML), the path of a schedule file (copied, its name kept), or a
   * file's name and text; none when the environment names a PROGRAMME_URL.
   */
  programme?: object | string | { name: string; text: string };
  /**
   * A deployment of several conferences instead (`programme` is then unused): each programme written as
   * `<id>.yaml` beside a `conferences.yaml` that CONFERENCES names.
   */
  conferences?: { id: string; programme: object; default?: boolean; organizers?: number[] }[];
  /** More of the bot's environment (ADMIN_IDS, DEMO_NOW, …); a function is called once the server runs. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** How the process is started (`singleProcess` where signals must reach the bot itself). */
  spawn?: SpawnOptions;
  /** How long `say` and `press` wait for the bot (default 15 s). */
  waitMs?: number;
  /** Serves the Mini App on a free port and waits for it (its address in `base`). */
  webapp?: boolean;
}

/** The running bot of a test file, filled in by its beforeAll. */
export interface E2eBot {
  server: BotApiServer;
  bot: BotProcess;
  /** The temporary folder with `confbot.sqlite` and the programme file (`programme`; with `conferences`, theirs). */
  dir: string;
  /** The programme file ("" without one). */
  programme: string;
  /** The bot's whole environment. */
  env: Record<string, string>;
  /** Starts the bot again (once it was stopped) with the same environment; resolves when it polls. */
  restart(): Promise<void>;
  /** The user follows a session as attendees do (its card from a deep link, "⭐ Follow"), and is promised a reminder. */
  follow(user: ApiUser, sessionId: string): Promise<void>;
  /** The Mini App's address with `webapp`. */
  base: string;
  /** The user writes; resolves with the bot's next new or changed message in their chat (containing `part`). */
  say(user: ApiUser, text: string, part?: string): Promise<ServerMessage>;
  /** The user presses a button; resolves with the answer to the press and the message after it. */
  press(
    user: ApiUser,
    message: ServerMessage,
    button: string | number,
    part?: string,
  ): ReturnType<BotApiServer["press"]>;
}

/** Starts a bot for the tests of the enclosing file or describe block, and stops it after them. */
export function useE2eBot(options: E2eBotOptions): E2eBot {
  const timeoutMs = options.waitMs ?? 15_000;
  const e2e = {
    say: (user, text, part = "") => e2e.server.say(user, text, { part, timeoutMs }),
    press: (user, message, button, part = "") => e2e.server.press(user, message, button, { part, timeoutMs }),
    follow: async (user, sessionId) => {
      const card = await e2e.say(user, `/start ${sessionId}`);
      const { answer } = await e2e.press(user, card, "⭐");
      expect(answer.text).toMatch(/🔔/);
    },
    restart: async () => {
      const since = Date.now();
      e2e.bot = spawnBot(e2e.env, options.spawn);
      await waitForPolling(e2e.bot, e2e.server, since);
    },
  } as E2eBot;
  beforeAll(async () => {
    e2e.server = await BotApiServer.start();
    e2e.dir = mkdtempSync(join(tmpdir(), "confbot-e2e-"));
    if (options.conferences) {
      for (const c of options.conferences)
        writeFileSync(join(e2e.dir, `${c.id}.yaml`), stringify(c.programme));
      e2e.programme = join(e2e.dir, "conferences.yaml");
      writeFileSync(
        e2e.programme,
        stringify(
          options.conferences.map((c) => ({
            id: c.id,
            programme: `${c.id}.yaml`,
            ...(c.default ? { default: true } : {}),
            ...(c.organizers ? { organizers: c.organizers } : {}),
          })),
        ),
      );
    } else if (typeof options.programme === "string") {
      e2e.programme = join(e2e.dir, basename(options.programme));
      copyFileSync(options.programme, e2e.programme);
    } else if (options.programme && "text" in options.programme && "name" in options.programme) {
      e2e.programme = join(e2e.dir, options.programme.name);
      writeFileSync(e2e.programme, options.programme.text);
    } else if (options.programme) {
      e2e.programme = join(e2e.dir, "programme.yaml");
      writeFileSync(e2e.programme, stringify(options.programme));
    } else e2e.programme = "";
    const port = options.webapp ? await freePort() : undefined;
    e2e.base = port ? `http://127.0.0.1:${port}` : "";
    e2e.env = {
      BOT_TOKEN: e2e.server.token,
      BOT_API_ROOT: e2e.server.apiRoot,
      DATABASE_PATH: join(e2e.dir, "confbot.sqlite"),
      ...(options.conferences ? { CONFERENCES: e2e.programme } : {}),
      ...(!options.conferences && e2e.programme ? { PROGRAMME_PATH: e2e.programme } : {}),
      LOG_LEVEL: "warn",
      ...(port ? { PORT: String(port) } : {}),
      ...(typeof options.env === "function" ? options.env() : options.env),
    };
    e2e.bot = spawnBot(e2e.env, options.spawn);
    await waitForPolling(e2e.bot, e2e.server);
    // The Mini App's server starts with polling.
    if (port) await waitForHttp(e2e.base, e2e.bot, timeoutMs);
  }, 90_000);
  afterAll(async () => {
    await e2e.bot?.stop("SIGKILL");
    await e2e.server?.close();
    if (e2e.dir) rmSync(e2e.dir, { recursive: true, force: true });
  });
  return e2e;
}
