import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness } from "../../../test/support/bot-harness.js";
import { testSeries } from "../../../test/support/series.js";
import { TEST_TOKEN, tma } from "../../../test/support/webapp.js";
import { setUserConference } from "../../store/users.js";
import type { ApiMe, ApiProgramme } from "../api-types.js";
import type { WebappDeps } from "./deps.js";
import { createWebappHandler } from "./routes.js";
import { startWebappServer, type WebappServer } from "./server.js";
import { WEBAPP_DIST } from "./static-dir.js";

const NOW = Date.parse("2030-03-01T09:00:00+05:00");
const ann = { id: 8001, first_name: "Ann", language_code: "en" };
const bob = { id: 8002, first_name: "Bob", language_code: "en" };

let server: WebappServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The Mini App's server over a deployment of three conferences, scoped as main.ts scopes it. */
async function series() {
  const h = createHarness({ conferences: testSeries(), now: "2030-03-01T09:00:00+05:00" });
  const deps: WebappDeps = {
    db: h.deps.db,
    catalog: h.deps.catalog,
    clock: () => NOW,
    authClock: () => NOW,
    logger: pino({ level: "silent" }),
    botToken: TEST_TOKEN,
    publicUrl: "https://confbot.test",
    defaultReminderMinutes: 10,
    maxAuthAgeSeconds: 3600,
    staticDir: WEBAPP_DIST,
    scope: (by) => h.deps.conferences.scope(by),
  };
  server = await startWebappServer(createWebappHandler(deps), { port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${server.port}`;
  const call = (path: string, user = ann, method = "GET") =>
    fetch(`${base}${path}`, { method, headers: { authorization: tma(user, NOW) } });
  return { h, base, call };
}

describe("the Mini App in a deployment of several conferences", () => {
  it("acts within the user's current conference, or the one asked for, and refuses one it does not serve", async () => {
    const { h, call } = await series();
    const name = async (path: string, user = ann) =>
      ((await (await call(path, user)).json()) as ApiProgramme).conference.name;
    expect(await name("/api/programme")).toBe("TestConf & Co");
    expect(await name("/api/programme?conference=spring")).toBe("SpringConf");
    expect((await call("/api/programme?conference=nowhere")).status).toBe(404);
    // Following a session of another conference, asked for by its conference.
    expect((await call("/api/follow/spring:caching?conference=spring", ann, "PUT")).status).toBe(200);
    expect((await call("/api/follow/spring:caching", ann, "PUT")).status).toBe(404);
    const me = async (path: string, user = ann) => (await (await call(path, user)).json()) as ApiMe;
    expect((await me("/api/me")).following).toEqual([]);
    expect((await me("/api/me?conference=spring")).following).toEqual(["spring:caching"]);
    // Init data says who: Bob sees none of Ann's follows.
    expect((await me("/api/me?conference=spring", bob)).following).toEqual([]);
    // The user's current conference is the Mini App's.
    setUserConference(h.deps.db, ann.id, "spring", NOW);
    expect(await name("/api/programme")).toBe("SpringConf");
    expect((await me("/api/me")).following).toEqual(["spring:caching"]);
  });

  it("gives a calendar feed of the user's follows at the conference they look at", async () => {
    const { h, base, call } = await series();
    await call("/api/follow/spring:caching?conference=spring", ann, "PUT");
    await call("/api/follow/flask-patterns", ann, "PUT");
    const { calendarUrl } = (await (await call("/api/me")).json()) as ApiMe;
    const feed = async () => (await fetch(`${base}${new URL(calendarUrl ?? "").pathname}`)).text();
    expect(await feed()).toContain("Advanced Flask patterns");
    expect(await feed()).not.toContain("Distributed caching");
    setUserConference(h.deps.db, ann.id, "spring", NOW);
    expect(await feed()).toContain("Distributed caching");
    expect(await feed()).not.toContain("Advanced Flask patterns");
  });
});
