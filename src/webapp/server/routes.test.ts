import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../../../test/support/tmp.js";
import { startTestWebapp, type TestWebapp, tma } from "../../../test/support/webapp.js";
import { readProgrammeFile } from "../../programme/read.js";
import { subscribe, subscriptionsOf } from "../../store/subscriptions.js";
import { setReminders } from "../../store/users.js";
import type { ApiMe, ApiProgramme, ApiSearch } from "../api-types.js";
import { FEED_RATE, SEARCH_RATE } from "./routes.js";

const PYCON = readProgrammeFile("data/pycon-ru-2013.yaml");
const NOW = Date.parse("2013-02-24T09:00:00+06:00");
const ann = { id: 7001, first_name: "Ann", language_code: "en" };
const ivan = { id: 7002, first_name: "Иван", language_code: "ru" };

let app: TestWebapp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(staticDir?: string) {
  app = await startTestWebapp(tempDir(), PYCON, { now: NOW, staticDir });
  return app;
}

const call = (path: string, auth?: string, method = "GET", headers: Record<string, string> = {}) =>
  fetch(`${app?.base}${path}`, {
    method,
    redirect: "manual",
    headers: { ...(auth ? { authorization: auth } : {}), ...headers },
  });

describe("the Mini App's API", () => {
  it("answers 401 to every endpoint without valid, fresh init data, and touches nothing", async () => {
    await start();
    const forged = tma(ann, NOW, "999:NOT-THE-BOT-TOKEN-XXXXXXXX");
    const altered = tma(ann, NOW).replace("Ann", "Eve");
    const stale = tma(ann, NOW - 2 * 3600_000);
    const cases: [string | undefined, string][] = [
      [undefined, "missing"],
      ["Bearer abc", "malformed"],
      [forged, "bad-signature"],
      [altered, "bad-signature"],
      [stale, "expired"],
    ];
    for (const [auth, reason] of cases)
      for (const [method, path] of [
        ["GET", "/api/programme"],
        ["GET", "/api/me"],
        ["GET", "/api/search?q=flask"],
        ["PUT", "/api/follow/advanced-flask-patterns"],
        ["DELETE", "/api/follow/advanced-flask-patterns"],
        ["GET", "/api/nothing-here"],
      ] as const) {
        const res = await call(path, auth, method);
        expect(res.status, `${method} ${path} with ${reason}`).toBe(401);
        expect(await res.json()).toEqual({ error: "unauthorized", reason });
      }
    expect(subscriptionsOf(app?.deps.db as never, ann.id)).toEqual([]);
  });

  it("gives the programme in the user's language, rooms in order, cached by ETag and gzipped", async () => {
    await start();
    const res = await call("/api/programme", tma(ivan, NOW), "GET", { "accept-encoding": "gzip" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ApiProgramme;
    expect(body.lang).toBe("ru");
    expect(body.rooms.map((r) => r.id)).toEqual(PYCON.conference.rooms.map((r) => r.id));
    expect(body.rooms[0]?.name).toBe(PYCON.conference.rooms[0]?.name.ru);
    expect(body.days.map((d) => d.date)).toEqual(PYCON.conference.days);
    expect(body.sessions).toHaveLength(PYCON.sessions.length);
    const flask = body.sessions.find((s) => s.id === "advanced-flask-patterns");
    expect(flask).toMatchObject({
      title: PYCON.sessions.find((s) => s.id === "advanced-flask-patterns")?.title.en,
      day: "2013-02-24",
      followable: true,
    });
    expect(body.sessions.find((s) => s.kind === "break")?.followable).toBe(false);
    const etag = res.headers.get("etag") as string;
    expect(etag).toBeTruthy();
    const again = await call("/api/programme", tma(ivan, NOW), "GET", { "if-none-match": etag });
    expect(again.status).toBe(304);
    const en = (await (await call("/api/programme?lang=en", tma(ivan, NOW))).json()) as ApiProgramme;
    expect(en.lang).toBe("en");
    expect(en.rooms[0]?.name).toBe(PYCON.conference.rooms[0]?.name.en);
  });

  it("follows and unfollows in the bot's own subscriptions; refuses unknown and unfollowable sessions", async () => {
    const { deps } = await start();
    const auth = tma(ann, NOW);
    const put = await call("/api/follow/advanced-flask-patterns", auth, "PUT");
    expect(put.status).toBe(200);
    expect(((await put.json()) as ApiMe).following).toEqual(["advanced-flask-patterns"]);
    expect(subscriptionsOf(deps.db, ann.id)).toEqual(["advanced-flask-patterns"]);
    // Followed in the bot: the app sees it.
    subscribe(deps.db, ann.id, "django-roadmap", NOW);
    const me = (await (await call("/api/me", auth)).json()) as ApiMe;
    expect(me.following.sort()).toEqual(["advanced-flask-patterns", "django-roadmap"]);
    expect(me.user).toEqual({ id: ann.id, firstName: "Ann", lang: "en" });
    expect(me.reminderMinutes).toBe(10);
    expect(me.reminders).toBe(true);
    setReminders(deps.db, ann.id, false, NOW);
    expect(((await (await call("/api/me", auth)).json()) as ApiMe).reminders).toBe(false);
    expect(me.now).toBe(NOW);
    expect(me.calendarUrl).toMatch(/^https:\/\/confbot\.test\/cal\/[A-Za-z0-9_-]{32}\.ics$/);
    const del = await call("/api/follow/django-roadmap", auth, "DELETE");
    expect(((await del.json()) as ApiMe).following).toEqual(["advanced-flask-patterns"]);
    expect((await call("/api/follow/no-such-talk", auth, "PUT")).status).toBe(404);
    expect((await call("/api/follow/%E0%A4%A", auth, "PUT")).status).toBe(404);
    expect((await call("/api/follow/day1-coffee-break", auth, "PUT")).status).toBe(422);
    expect((await call("/api/follow/advanced-flask-patterns", auth, "POST")).status).toBe(405);
    expect(subscriptionsOf(deps.db, ann.id)).toEqual(["advanced-flask-patterns"]);
  });

  it("searches with the bot's own engine", async () => {
    const { deps } = await start();
    for (const q of ["ронахер", "адфыл", "базы данных", "qwzxv"]) {
      const res = (await (
        await call(`/api/search?q=${encodeURIComponent(q)}`, tma(ann, NOW))
      ).json()) as ApiSearch;
      const chat = deps.catalog.index.search(q, { limit: 60 });
      expect(res.results.map((r) => r.id)).toEqual(chat.map((r) => r.id));
      if (q === "qwzxv") expect(res.results).toEqual([]);
      else expect(res.results.length).toBeGreaterThan(0);
    }
  });

  it("answers a query that names a room with all of its sessions in time order, as the chat does", async () => {
    await start();
    for (const q of ["large conference hall", "Малый конференц-зал"]) {
      const res = (await (
        await call(`/api/search?q=${encodeURIComponent(q)}`, tma(ann, NOW))
      ).json()) as ApiSearch;
      const room = PYCON.conference.rooms.find((r) =>
        Object.values(r.name).some((n) => n.toLowerCase() === q.toLowerCase()),
      );
      const own = PYCON.sessions
        .filter((s) => s.room === room?.id)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end));
      expect(own.length).toBeGreaterThan(5);
      expect(res.results).toEqual(own.map((s) => ({ kind: "session", id: s.id })));
    }
  });
});

describe("the personal calendar feed", () => {
  it("holds the followed sessions at their current times; a reset link answers 404", async () => {
    const { deps } = await start();
    const auth = tma(ann, NOW);
    await call("/api/follow/advanced-flask-patterns", auth, "PUT");
    const me = (await (await call("/api/me", auth)).json()) as ApiMe;
    const path = new URL(me.calendarUrl as string).pathname;
    const feed = await call(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await feed.text();
    expect(ics).toContain("UID:advanced-flask-patterns@confbot");
    expect(ics).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT60M");
    expect(ics).toContain("URL:https://t.me/confbot_test_bot?startapp=s");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);

    // The organizers move the talk: the same URL now has the new time.
    const moved = structuredClone(PYCON);
    const talk = moved.sessions.find((s) => s.id === "advanced-flask-patterns");
    if (!talk) throw new Error("fixture");
    const before = /DTSTART;TZID=[^\r\n]*/.exec(ics)?.[0];
    talk.start = talk.start.replace(/T\d\d/, "T17");
    talk.end = talk.end.replace(/T\d\d/, "T18");
    deps.catalog.replace(moved);
    const after = /DTSTART;TZID=[^\r\n]*/.exec(await (await call(path)).text())?.[0];
    expect(after).not.toBe(before);
    expect(after).toContain("T17");

    const { resetFeedToken } = await import("../../store/calendar-feeds.js");
    const fresh = resetFeedToken(deps.db, ann.id, NOW);
    expect((await call(path)).status).toBe(404);
    expect((await call(`/cal/${fresh}.ics`)).status).toBe(200);
    expect((await call("/cal/not-a-token.ics")).status).toBe(404);
  });
});

describe("rate limits per client", () => {
  it("answers 429 with Retry-After to a client searching or guessing feed tokens too fast", async () => {
    await start();
    const auth = tma(ann, NOW);
    const searches = await Promise.all(
      Array.from({ length: SEARCH_RATE.burst + 10 }, () => call("/api/search?q=flask", auth)),
    );
    const statuses = searches.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(SEARCH_RATE.burst);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const refused = searches.find((r) => r.status === 429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused?.json()).toEqual({ error: "too many requests" });

    const guesses = [];
    for (let i = 0; i < 50; i++) guesses.push((await call(`/cal/guess${i}.ics`)).status);
    expect(guesses.slice(0, FEED_RATE.burst).every((s) => s === 404)).toBe(true);
    expect(guesses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - FEED_RATE.burst - 5);
  });
});

describe("the static app", () => {
  it("serves the build from memory only, never a path outside it", async () => {
    const dir = tempDir();
    await start(join(dir, "missing"));
    expect((await call("/app/")).status).toBe(503);
    await app?.close();
    mkdirSync(join(dir, "dist", "assets"), { recursive: true });
    writeFileSync(join(dir, "dist", "index.html"), "<!doctype html><title>x</title>");
    writeFileSync(
      join(dir, "dist", "assets", "app-abc.js"),
      `console.log(${JSON.stringify("x".repeat(2000))})`,
    );
    await start(join(dir, "dist"));
    const index = await call("/app/");
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const js = await call("/app/assets/app-abc.js", undefined, "GET", { "accept-encoding": "gzip" });
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect((await js.text()).length).toBeGreaterThan(2000);
    expect((await call("/app")).status).toBe(301);
    for (const p of [
      "/app/../package.json",
      "/app/%2e%2e/package.json",
      "/app/assets/../../x",
      "/app/nope.js",
    ])
      expect((await call(p)).status).toBe(404);
    expect((await call("/elsewhere")).status).toBe(404);
    expect((await call("/healthz")).status).toBe(200);
  });
});
