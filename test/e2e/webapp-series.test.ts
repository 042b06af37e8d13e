/**
 * The Mini App of a deployment of several conferences, in a real browser: "My agenda" shows the follows of the
 * conference the user looks at, then those of the other conferences under their names, in their zones, each
 * with "✖️" that unfollows it there. Both languages and themes; screenshots in var/screenshots/.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribe, subscriptionsOf } from "../../src/store/subscriptions.js";
import { appUrl, browserLaunchUrl } from "../../src/webapp/links.js";
import { signInitData } from "../../src/webapp/server/init-data.js";
import type { WebappServer } from "../../src/webapp/server/server.js";
import { SCREENSHOTS, startBrowser, type TestBrowser, THEMES } from "../support/browser.js";
import { startSeriesWebapp, TEST_TOKEN } from "../support/webapp.js";

const NOW = Date.parse("2030-03-01T09:00:00+05:00");
const WAIT = 15_000;

let browser: TestBrowser;
let server: WebappServer | undefined;

beforeAll(async () => {
  browser = await startBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("My agenda across conferences", () => {
  it("lists the other conferences' follows under their names, and unfollows one there", async () => {
    const started = await startSeriesWebapp(NOW);
    server = started.server;
    const { h, base } = started;
    for (const [lang, theme, id, flask, caching, note] of [
      ["en", "light", 9101, "Advanced Flask patterns", "Distributed caching", "other conferences too"],
      ["ru", "dark", 9102, "Продвинутые паттерны Flask", "Распределённое кэширование", "других конференций"],
    ] as const) {
      // The user (looking at TestConf & Co) follows a session there, at SpringConf and at the 2020 edition.
      const user = { id, first_name: "Ann", language_code: lang };
      h.deps.db
        .prepare(
          "INSERT INTO users (id, chat_id, language_code, created_at, updated_at) VALUES (?, ?, ?, 0, 0)",
        )
        .run(id, id, lang);
      for (const s of ["flask-patterns", "spring:caching", "old:async-io"]) subscribe(h.deps.db, id, s, 0);
      const page = await browser.page();
      const initData = signInitData({ user, authDate: NOW, startParam: "agenda" }, TEST_TOKEN);
      await page.goto(browserLaunchUrl(appUrl(base), initData, THEMES[theme]));
      await page.waitForSelector("[data-testid=agenda-item]", { timeout: WAIT });
      expect(await page.textContent("[data-testid=agenda]")).toContain(flask);
      const groups = () =>
        page.$$eval("[data-testid=elsewhere]", (els) =>
          els.map((e) => ({
            conference: e.getAttribute("data-conference"),
            heading: e.querySelector("h2")?.textContent,
            items: [...e.querySelectorAll("[data-testid=elsewhere-item]")].map((i) => i.textContent ?? ""),
          })),
        );
      const before = await groups();
      // SpringConf (running) first, then the past 2020 edition; each line with its day and time.
      expect(before.map((g) => [g.conference, g.heading])).toEqual([
        ["spring", "🎟 SpringConf"],
        ["old", "🎟 TestConf 2020"],
      ]);
      expect(before[0]?.items[0]).toMatch(new RegExp(`1.*10:00–10:40.*${caching}`));
      expect(before[1]?.items[0]).toMatch(/2020|10:00–11:00/);
      expect(await page.textContent("[data-testid=agenda]")).toContain(note);
      // A row opens its session's card in the bot (outside Telegram: a new tab on the t.me link, answered here).
      await page.context().route("https://t.me/**", (route) => route.fulfill({ body: "t.me" }));
      const [tab] = await Promise.all([
        page.context().waitForEvent("page"),
        page.click("[data-conference=spring] [data-testid=elsewhere-item] .row"),
      ]);
      expect(tab.url()).toMatch(/^https:\/\/t\.me\/confbot_test_bot\?start=s_\d+$/);
      await tab.close();
      await page.screenshot({
        path: join(SCREENSHOTS, `series-agenda-${lang}-${theme}.png`),
        fullPage: true,
      });
      // "✖️" on the 2020 edition's session: gone from the list and from the user's follows.
      await page.click("[data-conference=old] [data-testid=unfollow]");
      await page.waitForFunction('!document.querySelector("[data-conference=old]")', undefined, {
        timeout: WAIT,
      });
      await expect
        .poll(() => subscriptionsOf(h.deps.db, id).sort())
        .toEqual(["flask-patterns", "spring:caching"]);
      expect((await groups()).map((g) => g.conference)).toEqual(["spring"]);
      await page.close();
    }
  });
});
