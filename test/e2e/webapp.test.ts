/**
 * The Mini App end to end, in a real browser: the bot runs as its own process (long polling a local Bot API
 * server, WEBAPP_URL set, so it serves the app on PORT), headless Chromium opens the app as Telegram would
 * (launch parameters in the URL's fragment, init data signed with the bot's token), and the test talks to
 * the bot as the same user. PyCon Russia 2013, both languages, both themes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScheduleFile } from "../../src/programme/formats/index.js";
import { conferenceDayOf } from "../../src/programme/model.js";
import { readProgrammeFile } from "../../src/programme/read.js";
import { appUrl, browserLaunchUrl } from "../../src/webapp/links.js";
import { signInitData } from "../../src/webapp/server/init-data.js";
import type { ApiUser } from "../support/bot-api-server.js";
import { SCREENSHOTS, startBrowser, type TestBrowser, THEMES } from "../support/browser.js";
import { useE2eBot } from "../support/e2e-bot.js";
import { freePort } from "../support/http-server.js";
import { REAL_DIR } from "../support/real-schedules.js";
import { spawnBot } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";
import { startTestWebapp, TEST_TOKEN } from "../support/webapp.js";

const PYCON = readProgrammeFile("data/pycon-ru-2013.yaml");
const WAIT = 15_000;
const PUBLIC = "https://confbot.test";

let browser: TestBrowser;

const e2e = useE2eBot({
  programme: "data/pycon-ru-2013.yaml",
  waitMs: WAIT,
  webapp: true,
  env: { WEBAPP_URL: PUBLIC },
});

beforeAll(async () => {
  browser = await startBrowser();
}, 90_000);

afterAll(() => browser?.close());

/** Opens the app in a new tab as Telegram would for `user` (init data signed now, unless told otherwise). */
async function openApp(
  user: ApiUser,
  options: { theme?: keyof typeof THEMES; initData?: string; startParam?: string } = {},
): Promise<Page> {
  const page = await browser.page();
  const initData =
    options.initData ??
    signInitData(
      { user, authDate: Date.now(), ...(options.startParam ? { startParam: options.startParam } : {}) },
      e2e.server.token,
    );
  const url = appUrl(e2e.base);
  await page.goto(initData ? browserLaunchUrl(url, initData, THEMES[options.theme ?? "light"]) : url);
  return page;
}

const day1Rooms = PYCON.conference.rooms
  .filter((r) => PYCON.sessions.some((s) => s.room === r.id && s.start.startsWith("2013-02-24")))
  .map((r) => r.id);

describe("the Mini App in a real browser", () => {
  it("points the bot's menu button at the app", () => {
    const call = e2e.server.requests.find((r) => r.method === "setChatMenuButton");
    expect(call?.payload.menu_button).toMatchObject({ type: "web_app", web_app: { url: `${PUBLIC}/app/` } });
  });

  it("shows the grid in English and Russian, light and dark: rooms in order, Telegram's colours", async () => {
    let id = 6100;
    for (const [lang, theme] of [
      ["en", "light"],
      ["en", "dark"],
      ["ru", "light"],
      ["ru", "dark"],
    ] as const) {
      const page = await openApp({ id: ++id, first_name: "Grid", language_code: lang }, { theme });
      await page.waitForSelector("[data-session=advanced-flask-patterns]", { timeout: WAIT });
      expect(await page.$$eval(".room", (els) => els.map((e) => e.getAttribute("data-room")))).toEqual(
        day1Rooms,
      );
      expect(await page.textContent("[data-testid=tab-grid]")).toBe(lang === "en" ? "Grid" : "Сетка");
      const title = await page.textContent("[data-session=advanced-flask-patterns] .s-title");
      // An English title (the Russian page kept it in English) reads the same in both languages.
      const flask = PYCON.sessions.find((s) => s.id === "advanced-flask-patterns");
      expect(title).toBe(flask?.title[lang] ?? flask?.title.en);
      const bg = await page.evaluate<string>("getComputedStyle(document.documentElement).backgroundColor");
      expect(bg).toBe(theme === "light" ? "rgb(255, 255, 255)" : "rgb(33, 33, 33)");
      expect(await page.evaluate<string>("document.documentElement.dataset.scheme")).toBe(theme);
      await page.screenshot({ path: join(SCREENSHOTS, `pycon-grid-${lang}-${theme}.png`) });
      // The second day has its own tab.
      await page.click("[data-day='2013-02-25']");
      await page.waitForSelector("[data-session=django-roadmap]", { timeout: WAIT });
      await page.close();
    }
  });

  it("fits each title into its box, ending in “…” where cut, on a phone and a desktop", async () => {
    for (const [name, size] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 800 }],
    ] as const) {
      const page = await openApp({ id: 6150, first_name: "Zoe", language_code: "en" });
      await page.setViewportSize(size);
      await page.waitForSelector("[data-session]", { timeout: WAIT });
      const spills = await page.$$eval(".session", (boxes) =>
        boxes.flatMap((box) => {
          const title = box.querySelector(".s-title");
          if (!title) return [];
          const b = box.getBoundingClientRect();
          const t = title.getBoundingClientRect();
          return t.bottom > b.bottom + 1
            ? [`${box.getAttribute("data-session")}: ${t.bottom} > ${b.bottom}`]
            : [];
        }),
      );
      expect(spills, name).toEqual([]);
      // Cut titles are clamped (the browser ends them with "…"), to as many lines as the box holds.
      const clamps = await page.$$eval(".session", (els) =>
        els.map((e) => Number(/--lines:\s*(\d+)/.exec(e.getAttribute("style") ?? "")?.[1] ?? 0)),
      );
      expect(clamps.every((n) => n >= 1)).toBe(true);
      expect(clamps.length).toBeGreaterThan(0);
      expect(new Set(clamps).size, name).toBeGreaterThan(1);
      await page.screenshot({ path: join(SCREENSHOTS, `pycon-grid-boxes-${name}.png`) });
      await page.close();
    }
  });

  it("follows in the app and the bot's /my shows it; unfollowed in the bot, it is gone from the app", async () => {
    const emma: ApiUser = { id: 6201, first_name: "Emma", language_code: "en" };
    const page = await openApp(emma);
    await page.click("[data-session=advanced-flask-patterns]");
    await page.waitForSelector("[data-testid=session-details]", { timeout: WAIT });
    const put = page.waitForResponse(
      (r) => r.url().includes("/api/follow/") && r.request().method() === "PUT",
    );
    await page.click("[data-testid=follow]");
    expect((await put).status()).toBe(200);
    expect(await page.getAttribute("[data-testid=follow]", "aria-pressed")).toBe("true");
    await page.screenshot({ path: join(SCREENSHOTS, "pycon-session-en.png") });

    const my = await e2e.server.say(emma, "/my", { timeoutMs: WAIT });
    expect(my.text).toContain("My sessions (1)");
    expect(my.buttons).toContain("📅 Subscribe in my calendar");
    expect(my.buttons).toContain("🗓 Open the grid");
    // The feed's link in both forms; the web one is not called https when it is not.
    const feed = await e2e.server.press(emma, my, "Subscribe in my calendar", {
      part: "calendar feed",
      timeoutMs: WAIT,
    });
    const web = /Apps that want an ordinary web address take this one: (\S+\.ics)/.exec(
      feed.after.text ?? "",
    )?.[1];
    expect(web, feed.after.text).toMatch(/^https?:\/\/.+\/cal\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(feed.after.text).toContain(`webcal://${web?.replace(/^https?:\/\//, "")}`);
    expect(feed.after.text).not.toMatch(/https: http:/);
    // PyCon 2013 is over: the session is behind "Show past".
    const past = await e2e.server.press(emma, my, "Show past", { timeoutMs: WAIT });
    expect(past.after.text).toContain("Advanced Flask patterns");

    // Unfollow in the bot, from the session's card.
    const card = await e2e.server.say(emma, "/start advanced-flask-patterns", { timeoutMs: WAIT });
    await e2e.server.press(emma, card, "Unfollow", { timeoutMs: WAIT });
    await page.reload();
    await page.click("[data-testid=tab-agenda]");
    await page.waitForSelector("[data-testid=agenda]", { timeout: WAIT });
    expect(await page.$$("[data-testid=agenda-item]")).toHaveLength(0);
    await page.close();
  });

  it("marks overlaps in the agenda and offers what runs in a gap", async () => {
    const ivan: ApiUser = { id: 6301, first_name: "Иван", language_code: "ru" };
    const page = await openApp(ivan, { theme: "dark" });
    await page.waitForSelector("[data-session]", { timeout: WAIT });
    // Two talks at 14:00 in two halls, then nothing of one's own until 16:00 (a coffee break at 15:30).
    for (const id of ["pep-3156-async-io", "tdd-python-django", "transition-to-python-3"]) {
      await page.click("[data-testid=tab-grid]");
      await page.click(`[data-session=${id}]`);
      const put = page.waitForResponse((r) => r.url().includes(`/api/follow/${id}`));
      await page.click("[data-testid=follow]");
      await put;
    }
    await page.click("[data-testid=tab-agenda]");
    await page.waitForSelector("[data-testid=agenda-item]", { timeout: WAIT });
    expect(
      await page.$$eval("[data-testid=agenda-item]", (els) => els.map((e) => e.getAttribute("data-session"))),
    ).toEqual(["tdd-python-django", "pep-3156-async-io", "transition-to-python-3"]);
    const overlaps = await page.$$eval("[data-testid=overlap]", (els) => els.map((e) => e.textContent));
    expect(overlaps).toHaveLength(2);
    expect(overlaps[0]).toContain("Пересекается с «");
    expect(overlaps.join(" ")).not.toMatch(/[“”]/);
    const gaps = await page.$$("[data-testid=gap]");
    expect(gaps).toHaveLength(1);
    // The coffee break at 15:30–16:00 is not free time.
    expect(await gaps[0]?.textContent()).toContain("Свободно 14:45–15:30");
    // Rows show their speakers.
    const speakers = await page.$$eval("[data-testid=agenda-item] .r-speakers", (els) =>
      els.map((e) => e.textContent),
    );
    expect(speakers).toHaveLength(3);
    expect(speakers.every((t) => (t ?? "").length > 2)).toBe(true);
    await page.click("[data-testid=gap] button");
    const offered = await page.$$eval("[data-testid=gap] [data-session]", (els) =>
      els.map((e) => e.getAttribute("data-session")),
    );
    expect(offered).toEqual(["static-analysis-python", "mongoengine-noorm-nosql"]);
    await page.screenshot({ path: join(SCREENSHOTS, "pycon-agenda-ru-dark.png") });
    await page.close();
  });

  it("searches with the bot's engine: the same first answer as in the chat", async () => {
    const ann: ApiUser = { id: 6401, first_name: "Ann", language_code: "en" };
    const page = await openApp(ann);
    await page.waitForSelector("[data-session]", { timeout: WAIT });
    await page.click("[data-testid=tab-search]");
    for (const query of ["ронахер", "адфыл", "celry"]) {
      await page.fill("[data-testid=search-input]", query);
      const response = await page.waitForResponse((r) => r.url().includes("/api/search?q="));
      expect(response.status()).toBe(200);
      await page.waitForSelector("[data-testid=search-results] .r-title", { timeout: WAIT });
      const first = (await page.textContent("[data-testid=search-results] li .r-title"))
        ?.replace(/^⭐ /, "")
        .trim();
      const chat = await e2e.server.say(ann, query, { timeoutMs: WAIT });
      expect(first, query).toBeTruthy();
      expect(chat.text.split("\n").find((l) => l.startsWith("1."))).toContain(first?.replace(/^👤 /, ""));
    }
    // Session rows name their speakers, as the agenda's rows do (issue 19, item 4).
    await page.fill("[data-testid=search-input]", "flask");
    await page.waitForResponse((r) => r.url().includes("/api/search?q=flask"));
    await page.waitForSelector("[data-testid=search-results] [data-session]", { timeout: WAIT });
    const rows = await page.$$eval("[data-testid=search-results] [data-session]", (els) =>
      els.map((e) => ({
        id: e.getAttribute("data-session") ?? "",
        speakers: e.querySelector(".r-speakers")?.textContent ?? "",
      })),
    );
    const withSpeakers = rows.filter((r) => PYCON.sessions.find((s) => s.id === r.id)?.speakers.length);
    expect(withSpeakers.length).toBeGreaterThan(0);
    for (const row of withSpeakers) {
      const session = PYCON.sessions.find((s) => s.id === row.id);
      for (const id of session?.speakers ?? []) {
        const name = PYCON.speakers.find((sp) => sp.id === id)?.name;
        expect(
          Object.values(name ?? {}).some((n) => row.speakers.includes(n)),
          `${row.id}: ${row.speakers}`,
        ).toBe(true);
      }
    }
    await page.fill("[data-testid=search-input]", "qwzxvbn");
    await page.waitForSelector("[data-testid=search-nothing]", { timeout: WAIT });
    await page.screenshot({ path: join(SCREENSHOTS, "pycon-search-en.png") });
    await page.close();
  });

  it("answers forged, altered, expired and missing init data with 401 and says so in the app", async () => {
    const eve: ApiUser = { id: 6501, first_name: "Eve", language_code: "en" };
    const good = signInitData({ user: eve, authDate: Date.now() }, e2e.server.token);
    const altered = new URLSearchParams(good);
    altered.set("user", JSON.stringify({ ...eve, id: 6201 }));
    const cases: [string, string, string][] = [
      [
        "forged",
        signInitData({ user: eve, authDate: Date.now() }, "1:not-the-bot-token-at-all-xxxx"),
        "bad-signature",
      ],
      ["altered", altered.toString(), "bad-signature"],
      [
        "expired",
        signInitData({ user: eve, authDate: Date.now() - 2 * 86_400_000 }, e2e.server.token),
        "expired",
      ],
      ["missing", "", "missing"],
    ];
    for (const [name, initData, reason] of cases) {
      const page = await openApp(eve, { initData, theme: "dark" });
      await page.waitForSelector("[data-testid=unauthorized]", { timeout: WAIT });
      expect(await page.getAttribute("[data-testid=unauthorized]", "data-reason"), name).toBe(reason);
      expect(await page.textContent("[data-testid=unauthorized] h1")).toBe("Please open this from the bot");
      if (name === "expired") await page.screenshot({ path: join(SCREENSHOTS, "unauthorized-en-dark.png") });
      await page.close();
    }
    // The API itself, directly.
    expect((await fetch(`${e2e.base}/api/me`, { headers: { authorization: `tma ${altered}` } })).status).toBe(
      401,
    );
  });

  it("opens at a session from a startapp link", async () => {
    const page = await openApp(
      { id: 6601, first_name: "Lin", language_code: "ru" },
      { startParam: `s${Buffer.from("saltstack").toString("base64url")}` },
    );
    await page.waitForSelector("[data-testid=session-details][data-session=saltstack]", { timeout: WAIT });
    await page.close();
  });

  it("gives a personal webcal feed from /my that follows the programme, and resets it", async () => {
    const olga: ApiUser = { id: 6701, first_name: "Ольга", language_code: "ru" };
    const card = await e2e.server.say(olga, "/start saltstack", { timeoutMs: WAIT });
    await e2e.server.press(olga, card, "Следить", { timeoutMs: WAIT });
    const my = await e2e.server.say(olga, "/my", { timeoutMs: WAIT });
    const feedMessage = await e2e.server.press(olga, my, "Подписаться в календаре", { timeoutMs: WAIT });
    const link = /webcal:\/\/confbot\.test\/cal\/([A-Za-z0-9_-]{32})\.ics/.exec(feedMessage.after.text);
    expect(link, feedMessage.after.text).toBeTruthy();
    const feed = await fetch(`${e2e.base}/cal/${link?.[1]}.ics`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("UID:saltstack@confbot");
    const reset = await e2e.server.press(olga, feedMessage.after, "Сбросить ссылку", { timeoutMs: WAIT });
    const fresh = /cal\/([A-Za-z0-9_-]{32})\.ics/.exec(reset.after.text)?.[1];
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(link?.[1]);
    expect((await fetch(`${e2e.base}/cal/${link?.[1]}.ics`)).status).toBe(404);
    expect((await fetch(`${e2e.base}/cal/${fresh}.ics`)).status).toBe(200);
  });
});

describe("the console's Mini App", () => {
  it("prints a local link, signed for the console user, that opens the same data as the console chat", async () => {
    const consoleDir = mkdtempSync(join(tmpdir(), "confbot-console-webapp-"));
    const chat = spawnBot(
      { DATABASE_PATH: join(consoleDir, "c.sqlite"), PORT: String(await freePort()) },
      { openStdin: true },
    );
    try {
      const deadline = Date.now() + WAIT * 2;
      let link: string | undefined;
      while (!link) {
        link = /🗓 The grid \(the Mini App\) in your browser: (http:\/\/127\.0\.0\.1:\d+\/app\/#\S+)/.exec(
          chat.stdout(),
        )?.[1];
        if (Date.now() > deadline) throw new Error(`no Mini App link\n${chat.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const page = await browser.page();
      await page.goto(link);
      await page.click("[data-session=advanced-flask-patterns]");
      const put = page.waitForResponse((r) => r.url().includes("/api/follow/"));
      await page.click("[data-testid=follow]");
      expect((await put).status()).toBe(200);
      // The console chat sees it: /my lists the session followed in the browser.
      const before = chat.stdout().length;
      chat.child.stdin?.write("/my\n");
      const until = Date.now() + WAIT;
      while (!chat.stdout().slice(before).includes("(1)")) {
        if (Date.now() > until) throw new Error(`no /my answer\n${chat.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await page.close();
    } finally {
      chat.child.stdin?.end();
      await chat.stop();
      rmSync(consoleDir, { recursive: true, force: true });
    }
  });
});

describe("FOSDEM 2026 in the grid", () => {
  it("shows a day of 30 rooms and ~450 events in both languages and themes, rendering only what is near", async () => {
    const fosdem = readScheduleFile(join(REAL_DIR, "fosdem-2026-prelim.pretalx-fosdem.xml")).programme;
    const day = fosdem.conference.days[0] as string;
    const ofDay = fosdem.sessions.filter((s) => conferenceDayOf(s.start, fosdem.conference) === day);
    const rooms = fosdem.conference.rooms.filter((r) => ofDay.some((s) => s.room === r.id)).map((r) => r.id);
    const now = Date.parse(`${day}T11:00:00+01:00`);
    const app = await startTestWebapp(tempDir(), fosdem, { now });
    try {
      for (const [lang, theme] of [
        ["en", "light"],
        ["ru", "dark"],
      ] as const) {
        const page = await browser.page();
        const initData = signInitData(
          { user: { id: 7100, first_name: "F", language_code: lang }, authDate: now },
          TEST_TOKEN,
        );
        await page.goto(browserLaunchUrl(appUrl(app.base), initData, THEMES[theme]));
        await page.waitForSelector("[data-session]", { timeout: WAIT });
        // The "now" line is there (the injected clock is 11:00 on the first day), and the view scrolled to it.
        await page.waitForSelector("[data-testid=now-line]", { timeout: WAIT });
        const shown = await page.$$eval(".room", (els) => els.map((e) => e.getAttribute("data-room")));
        // Only the columns near the viewport are rendered, in the programme's order.
        expect(shown.length).toBeGreaterThan(1);
        expect(rooms.slice(0, shown.length)).toEqual(shown);
        const boxes = await page.$$eval("[data-session]", (els) => els.length);
        expect(boxes).toBeGreaterThan(3);
        expect(boxes).toBeLessThan(ofDay.length / 3);
        await page.screenshot({ path: join(SCREENSHOTS, `fosdem-2026-grid-${lang}-${theme}.png`) });
        // Scrolled to the far right, the last rooms appear.
        await page.$eval("[data-testid=grid]", (el) => el.scrollTo({ left: el.scrollWidth }));
        await page.waitForSelector(`[data-room="${rooms[rooms.length - 1]}"]`, { timeout: WAIT });
        // A track filter keeps that track's sessions and their rooms only.
        const track = ofDay.find((s) => s.track)?.track as string;
        await page.click("[data-testid=filters-toggle]");
        // The filters the programme calls for: tracks, the day's rooms (with "all" first), no language (one).
        const selects = await page.$$eval("[data-testid=filters] select", (els) =>
          els.map((e) => ({
            id: e.getAttribute("data-testid"),
            options: e.querySelectorAll("option").length,
          })),
        );
        expect(selects.map((x) => x.id)).toEqual(["filter-track", "filter-room"]);
        expect(selects[1]?.options).toBe(rooms.length + 1);
        await page.selectOption("[data-testid=filter-track]", track);
        await page.waitForFunction(
          `[...document.querySelectorAll("[data-session]")].every((e) => e.getAttribute("data-track") === ${JSON.stringify(track)})`,
          undefined,
          { timeout: WAIT },
        );
        const trackRooms = new Set(ofDay.filter((s) => s.track === track).map((s) => s.room));
        const filteredRooms = await page.$$eval(".room", (els) =>
          els.map((e) => e.getAttribute("data-room")),
        );
        expect(filteredRooms.every((r) => trackRooms.has(r ?? ""))).toBe(true);
        await page.screenshot({ path: join(SCREENSHOTS, `fosdem-2026-track-${lang}-${theme}.png`) });
        await page.close();
      }
    } finally {
      await app.close();
    }
  });
});
