/**
 * Mini App benchmark on real schedules: the API's latency per endpoint with FOSDEM 2026 (883 events, 30 rooms;
 * p50/p99 over sequential keep-alive requests with valid init data; target p99 ≤ 5 ms), the time to the first
 * rendered grid in headless Chromium for FOSDEM 2026 and 38C3 (72 rooms) (navigation start → the app's
 * "grid-rendered" mark; target ≤ 1 s), and the production bundle's size gzipped (target ≤ 100 kB).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readScheduleFile } from "../src/programme/formats/index.js";
import { appUrl, browserLaunchUrl } from "../src/webapp/links.js";
import { signInitData } from "../src/webapp/server/init-data.js";
import { WEBAPP_DIST } from "../src/webapp/server/static-dir.js";
import { startBrowser } from "../test/support/browser.js";
import buildWebapp from "../test/support/build-webapp.js";
import { REAL_DIR } from "../test/support/real-schedules.js";
import { startTestWebapp, TEST_TOKEN } from "../test/support/webapp.js";

const REQUESTS = 400;
const LOADS = 5;

const ms = (x: number) => `${x.toFixed(2)} ms`;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Latencies (ms) of `count` sequential requests. */
async function measure(
  agent: Agent,
  port: number,
  count: number,
  next: (i: number) => { method: string; path: string },
  auth: string,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const { method, path } = next(i);
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method,
          path,
          agent,
          headers: { authorization: auth, "accept-encoding": "gzip" },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`${method} ${path}: ${res.statusCode}`)),
          );
        },
      );
      req.on("error", reject);
      req.end();
    });
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

/** Loads the app LOADS times in fresh tabs: time to the "grid-rendered" mark, and how many boxes the DOM holds. */
async function firstRender(
  browser: Awaited<ReturnType<typeof startBrowser>>,
  base: string,
  initData: string,
  name: string,
): Promise<void> {
  const times: number[] = [];
  let boxes = 0;
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.page();
    await page.goto(browserLaunchUrl(appUrl(base), initData));
    await page.waitForFunction("performance.getEntriesByName('grid-rendered').length > 0", undefined, {
      timeout: 30_000,
    });
    times.push(await page.evaluate<number>("performance.getEntriesByName('grid-rendered')[0].startTime"));
    boxes = await page.$$eval("[data-session]", (els) => els.length);
    await page.close();
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  console.log(
    `first rendered grid, ${name} (headless Chromium, ${LOADS} loads): median ${ms(median)}, worst ${ms(times[times.length - 1] ?? 0)}, ${boxes} boxes in the DOM ${median <= 1000 ? "(target ≤ 1 s: met)" : "(target ≤ 1 s: NOT MET)"}`,
  );
}

/** Runs the Mini App benchmark and prints its figures. */
export default async function webappBench(): Promise<void> {
  console.log("## Mini App");
  await buildWebapp();
  const programme = readScheduleFile(join(REAL_DIR, "fosdem-2026-prelim.pretalx-fosdem.xml")).programme;
  const dir = mkdtempSync(join(tmpdir(), "confbot-bench-webapp-"));
  const now = Date.parse("2026-01-31T11:00:00+01:00");
  const app = await startTestWebapp(dir, programme, { now });
  try {
    console.log(
      `FOSDEM 2026: ${programme.sessions.length} sessions, ${programme.conference.rooms.length} rooms, ${programme.conference.days.length} days`,
    );
    const user = { id: 90001, first_name: "Bench", language_code: "en" };
    const initData = signInitData({ user, authDate: now }, TEST_TOKEN);
    const auth = `tma ${initData}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ids = programme.sessions.filter((_, i) => i % 7 === 0).map((s) => s.id);
    const queries = [
      "kubernetes",
      "rust async",
      "postgres",
      "ронахер",
      "базы данных",
      "observability",
      "qwzxv",
    ];
    const endpoints: [string, (i: number) => { method: string; path: string }][] = [
      ["GET /api/programme", () => ({ method: "GET", path: "/api/programme" })],
      ["GET /api/me", () => ({ method: "GET", path: "/api/me" })],
      [
        "GET /api/search",
        (i) => ({
          method: "GET",
          path: `/api/search?q=${encodeURIComponent(queries[i % queries.length] as string)}`,
        }),
      ],
      ["PUT /api/follow", (i) => ({ method: "PUT", path: `/api/follow/${ids[i % ids.length]}` })],
      ["DELETE /api/follow", (i) => ({ method: "DELETE", path: `/api/follow/${ids[i % ids.length]}` })],
      ["GET /cal/<token>.ics", () => ({ method: "GET", path: feedPath })],
    ];
    // The feed of a user following 60 sessions.
    for (const id of ids.slice(0, 60))
      await fetch(`${app.base}/api/follow/${id}`, { method: "PUT", headers: { authorization: auth } });
    const me = (await (await fetch(`${app.base}/api/me`, { headers: { authorization: auth } })).json()) as {
      calendarUrl: string;
    };
    const feedPath = new URL(me.calendarUrl).pathname;
    for (const [name, next] of endpoints) {
      await measure(agent, app.server.port, 30, next, auth); // warm-up
      const t = await measure(agent, app.server.port, REQUESTS, next, auth);
      const p99 = quantile(t, 0.99);
      console.log(
        `${name.padEnd(22)} p50 ${ms(quantile(t, 0.5))}, p99 ${ms(p99)} ${p99 <= 5 ? "(target ≤ 5 ms: met)" : "(target ≤ 5 ms: NOT MET)"}`,
      );
    }
    agent.destroy();

    const browser = await startBrowser();
    try {
      await firstRender(browser, app.base, initData, "FOSDEM 2026");
      const ccc = readScheduleFile(join(REAL_DIR, "38c3.hub.frab.xml")).programme;
      const cccNow = Date.parse(`${ccc.conference.days[1]}T14:00:00+01:00`);
      const cccApp = await startTestWebapp(join(dir, "38c3"), ccc, { now: cccNow });
      try {
        const cccInit = signInitData({ user, authDate: cccNow }, TEST_TOKEN);
        await firstRender(browser, cccApp.base, cccInit, `38C3 (${ccc.conference.rooms.length} rooms)`);
      } finally {
        await cccApp.close();
      }
    } finally {
      await browser.close();
    }

    const assets = readdirSync(join(WEBAPP_DIST, "assets"));
    const gz = (f: string) => gzipSync(readFileSync(join(WEBAPP_DIST, "assets", f))).length;
    const total =
      assets.reduce((sum, f) => sum + gz(f), 0) +
      gzipSync(readFileSync(join(WEBAPP_DIST, "index.html"))).length;
    console.log(
      `bundle: ${(total / 1024).toFixed(1)} kB gzipped (${assets.map((f) => `${f.replace(/-[\w-]{8}\./, ".")} ${(gz(f) / 1024).toFixed(1)} kB`).join(", ")}) ${total <= 100 * 1024 ? "(target ≤ 100 kB: met)" : "(target ≤ 100 kB: NOT MET)"}`,
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
