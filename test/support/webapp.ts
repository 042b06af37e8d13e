/**
 * The Mini App's server for tests: the real handler on a real node:http server over a real SQLite file, and
 * init data signed (or forged) the way Telegram signs it.
 */
import { join } from "node:path";
import { pino } from "pino";
import { webappFollows } from "../../src/bot/views/follows.js";
import { Catalog } from "../../src/catalog.js";
import type { Programme } from "../../src/programme/model.js";
import { openDatabase } from "../../src/store/db.js";
import { loadProgramme } from "../../src/store/programme-store.js";
import { screenKey } from "../../src/webapp/screen-link.js";
import type { WebappDeps } from "../../src/webapp/server/deps.js";
import { type InitDataUser, signInitData } from "../../src/webapp/server/init-data.js";
import { createWebappHandler } from "../../src/webapp/server/routes.js";
import { startWebappServer, type WebappServer } from "../../src/webapp/server/server.js";
import { WEBAPP_DIST } from "../../src/webapp/server/static-dir.js";
import { createHarness, type Harness } from "./bot-harness.js";
import { testSeries } from "./series.js";

/** The bot token the test servers check init data against. */
export const TEST_TOKEN = "123456:TEST-webapp-token-ABCDEFGHIJ";

/** A running Mini App server with what it serves. */
export interface TestWebapp {
  deps: WebappDeps;
  server: WebappServer;
  base: string;
  /** Moves the injected clock. */
  setNow(ms: number): void;
  close(): Promise<void>;
}

/** Starts the Mini App's routes over `programme` in a fresh database in `dir`. */
export async function startTestWebapp(
  dir: string,
  programme: Programme,
  options: { now: number; staticDir?: string; organizerIds?: number[] },
): Promise<TestWebapp> {
  const db = openDatabase(join(dir, "webapp.sqlite"));
  loadProgramme(db, programme, 0);
  let now = options.now;
  const deps: WebappDeps = {
    db,
    catalog: new Catalog(programme),
    clock: () => now,
    authClock: () => now,
    logger: pino({ level: "silent" }),
    botToken: TEST_TOKEN,
    publicUrl: "https://confbot.test",
    botUsername: "confbot_test_bot",
    defaultReminderMinutes: 10,
    maxAuthAgeSeconds: 3600,
    staticDir: options.staticDir ?? WEBAPP_DIST,
    organizerIds: options.organizerIds ?? [],
    screenKey: screenKey(TEST_TOKEN),
  };
  const server = await startWebappServer(createWebappHandler(deps), { port: 0, host: "127.0.0.1" });
  return {
    deps,
    server,
    base: `http://127.0.0.1:${server.port}`,
    setNow: (ms) => {
      now = ms;
    },
    close: async () => {
      await server.close();
      db.close();
    },
  };
}

/** `Authorization` header value for a user, signed at `authDate` with `token`. */
export function tma(user: InitDataUser, authDate: number, token = TEST_TOKEN): string {
  return `tma ${signInitData({ user, authDate }, token)}`;
}

/**
 * The Mini App's server over the test series (test/support/series.ts) at `now`, wired as main.ts wires a
 * deployment of several conferences (scoped requests, every conference's follows). Call inside a test.
 */
export async function startSeriesWebapp(
  now: number,
): Promise<{ h: Harness; server: WebappServer; base: string }> {
  const h = createHarness({ conferences: testSeries(), now: new Date(now).toISOString() });
  const deps: WebappDeps = {
    db: h.deps.db,
    catalog: h.deps.catalog,
    clock: () => now,
    authClock: () => now,
    logger: pino({ level: "silent" }),
    botToken: TEST_TOKEN,
    publicUrl: "https://confbot.test",
    defaultReminderMinutes: 10,
    maxAuthAgeSeconds: 3600,
    staticDir: WEBAPP_DIST,
    botUsername: "confbot_test_bot",
    scope: (by) => h.deps.conferences.scope(by),
    follows: webappFollows(h.deps),
  };
  const server = await startWebappServer(createWebappHandler(deps), { port: 0, host: "127.0.0.1" });
  return { h, server, base: `http://127.0.0.1:${server.port}` };
}
