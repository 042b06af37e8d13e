/**
 * Questions to the speaker end to end: the bot runs as its own process (long polling a local Bot API server,
 * WEBAPP_URL set so it serves the Mini App and the room screens on PORT, DEMO_NOW in the middle of a talk);
 * the test plays an organizer, attendees and a speaker through that server, then opens the room's screen and
 * the Mini App's moderation in headless Chromium, saving screenshots for the README (docs/screenshots/).
 */
import { afterAll, describe, expect, it } from "vitest";
import { appUrl, browserLaunchUrl, sessionStartParam } from "../../src/webapp/links.js";
import { signInitData } from "../../src/webapp/server/init-data.js";
import { attendeeProgramme } from "../support/attendee-programme.js";
import type { ApiUser, ServerMessage } from "../support/bot-api-server.js";
import { startBrowser, type TestBrowser } from "../support/browser.js";
import { useE2eBot } from "../support/e2e-bot.js";

const WAIT = 15_000;
const PUBLIC = "https://confbot.test";
const SHOTS = "docs/screenshots";
const olga: ApiUser = { id: 6100, first_name: "Olga", language_code: "en" };
const alice: ApiUser = { id: 6101, first_name: "Alice", language_code: "en" };
const bob: ApiUser = { id: 6102, first_name: "Боб", language_code: "ru" };
const armin: ApiUser = { id: 6103, first_name: "Armin", language_code: "en" };
const mallory: ApiUser = { id: 6104, first_name: "Mallory", language_code: "en" };

let browser: TestBrowser | undefined;
/** The room screen's link as the bot gives it, and its inviting link. */
let screenLink = "";

const e2e = useE2eBot({
  programme: attendeeProgramme(),
  waitMs: WAIT,
  webapp: true,
  env: {
    WEBAPP_URL: PUBLIC,
    ADMIN_IDS: String(olga.id),
    // Half-way through "Advanced Flask patterns" (10:00–11:00, Hall A).
    DEMO_NOW: "2030-03-01T10:30:00+05:00",
    QUESTION_INTERVAL: "30",
  },
});
const { say, press } = e2e;

afterAll(() => browser?.close());

/** The user's moderation list of the Flask talk, through /questions. */
async function moderationList(user: ApiUser): Promise<ServerMessage> {
  const list = await say(user, "/questions");
  return (await press(user, list, "Advanced Flask patterns", "Shown:")).after;
}

describe("questions to the speaker, end to end", () => {
  it("moderation on: Alice asks (text only, a way out), the question waits until Olga approves it", async () => {
    expect((await say(olga, "/moderation on")).text).toContain("Moderation is on");
    const card = await say(alice, "/start flask-patterns", "Advanced Flask patterns");
    expect(card.buttons).toContain("❓ Ask a question");
    const prompt = (await press(alice, card, "Ask a question", "Your question")).after;
    expect(prompt.text).toContain("up to 300 characters");
    e2e.server.sendSticker(alice);
    await e2e.server.waitFor((m) => m.chatId === alice.id && m.text.includes("as text only"), WAIT);
    const asked = await say(alice, "Does <b>Flask</b> scale & how far?", "moderator approves");
    expect(asked.buttons).toContain("💬 See the questions");
    // Bob sees no question yet; a forged vote for the pending one and a forged approval change nothing.
    const bobCard = await say(bob, "/start flask-patterns", "Продвинутые паттерны Flask");
    expect(bobCard.buttons).toContain("💬 Вопросы: 0");
    const mod = await moderationList(olga);
    expect(mod.text).toContain("1. ⏳ 👍 0 Does <b>Flask</b> scale & how far?");
    expect(mod.html).toContain("Does &lt;b&gt;Flask&lt;/b&gt; scale &amp; how far?");
    const approve = mod.buttons.find((b) => b.startsWith("✅")) ?? "";
    const forged = e2e.server.pressData(mallory, "qo:a:1:0");
    expect(await e2e.server.waitForAnswer(forged, WAIT)).toMatchObject({ show_alert: true });
    const forgedVote = e2e.server.pressData(mallory, "qv:1:1:0");
    expect((await e2e.server.waitForAnswer(forgedVote, WAIT)).text).toContain("no longer shown");
    const approved = await press(olga, mod, approve, "Shown: 1");
    expect(approved.answer.text).toContain("Approved");
    screenLink = /📺 Room screen: (\S+)/.exec(approved.after.text)?.[1] ?? "";
    expect(screenLink).toMatch(/^https:\/\/confbot\.test\/screen\/\d+\/[A-Za-z0-9_-]{22}$/);
  });

  it("Bob votes Alice's question up and takes the vote back; moderation off shows his own at once; limits hold", async () => {
    const card = await say(bob, "/start flask-patterns", "Продвинутые паттерны Flask");
    const list = (await press(bob, card, "Вопросы: 1", "Вопросы к докладу")).after;
    expect(list.text).toContain("1. 👍 0 Does <b>Flask</b> scale & how far?");
    const voted = await press(bob, list, "👍 1", "👍 1 Does");
    expect(voted.answer.text).toBe("👍 Голос учтён.");
    const back = await press(bob, voted.after, "↩️ 1", "👍 0 Does");
    expect(back.answer.text).toBe("↩️ Голос отозван.");
    await press(bob, back.after, "👍 1", "👍 1 Does");
    // The same vote pressed twice (two devices) is one vote.
    const twice = e2e.server.pressData(bob, "qv:1:1:0");
    await e2e.server.waitForAnswer(twice, WAIT);
    await say(olga, "/moderation off", "Moderation is off");
    const prompt = (
      await press(bob, await say(bob, "/start flask-patterns", "Flask"), "Задать вопрос", "Ваш вопрос")
    ).after;
    expect(prompt.buttons).toContain("✖️ Не спрашивать");
    expect((await say(bob, "Что с async в Flask 3?", "Вопрос опубликован")).text).toContain("голосовать");
    // One question per 30 seconds here: asking again at once is refused with the wait.
    const again = await say(bob, "/start flask-patterns", "Flask");
    const refused = e2e.server.pressButton(bob, again, "Задать вопрос");
    expect((await e2e.server.waitForAnswer(refused, WAIT)).text).toMatch(/через \d+ секунд/);
    // A question over the length limit is refused with its length, and may be sent again shorter.
    const card2 = await say(mallory, "/start flask-patterns", "Advanced");
    await press(mallory, card2, "Ask a question", "Your question");
    expect((await say(mallory, "x".repeat(301), "characters long")).text).toContain(
      "301 characters long; the limit is 300",
    );
    await say(mallory, "/start", "Hi, Mallory");
    const listNow = await moderationList(olga);
    expect(listNow.text).toMatch(/1\. 👍 1 Does <b>Flask<\/b>.*\n2\. 👍 0 Что с async/s);
  });

  it("a one-time invitation links the speaker; a second use is refused; answered tells the asker once", async () => {
    const invitation = await say(olga, "/invite Armin", "one-time invitation");
    const token = /start=(inv_[0-9a-f]{32})/.exec(invitation.text)?.[1];
    expect(token).toBeDefined();
    const photo = await e2e.server.waitForRequest((r) => r.method === "sendPhoto", WAIT);
    expect(photo).toBeDefined();
    expect((await say(armin, `/start ${token}`, "Welcome")).text).toContain("Welcome, Armin Ronacher!");
    expect((await say(mallory, `/start ${token}`, "already been used")).text).toContain(
      "Each link works once",
    );
    const mod = await moderationList(armin);
    expect(mod.buttons.some((b) => b.startsWith("🚫"))).toBe(false);
    const answered = await press(armin, mod, "Answered 1", "answered");
    expect(answered.answer.text).toContain("the asker is told");
    const told = await e2e.server.waitFor(
      (m) => m.chatId === alice.id && m.text.includes("has answered your question"),
      WAIT,
    );
    expect(told.text).toContain("Does <b>Flask</b> scale & how far?");
    // Pressing it again (or a forged copy) tells nobody twice.
    const again = e2e.server.pressData(
      armin,
      answered.after.replyMarkup ? "qo:n:1:0" : "qo:n:1:0",
      answered.after,
    );
    await e2e.server.waitForAnswer(again, WAIT);
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      e2e.server.messages(alice.id).filter((m) => m.text.includes("has answered your question")),
    ).toHaveLength(1);
  });

  it("the Mini App's questions API refuses forged init data (401) and attendees (403)", async () => {
    const url = `${e2e.base}/api/questions/flask-patterns`;
    const forged = signInitData({ user: armin, authDate: Date.now() }, "999:NOT-the-bot-token-xxxxxxxx");
    expect((await fetch(url, { headers: { authorization: `tma ${forged}` } })).status).toBe(401);
    const mal = signInitData({ user: mallory, authDate: Date.now() }, e2e.server.token);
    expect((await fetch(url, { headers: { authorization: `tma ${mal}` } })).status).toBe(403);
    expect(
      (await fetch(`${url}/1/hide`, { method: "POST", headers: { authorization: `tma ${mal}` } })).status,
    ).toBe(403);
    const own = signInitData({ user: armin, authDate: Date.now() }, e2e.server.token);
    expect((await fetch(url, { headers: { authorization: `tma ${own}` } })).status).toBe(200);
  });

  it("the room's screen and the Mini App's moderation in Chromium (screenshots)", async () => {
    browser = await startBrowser();
    const screen = await browser.page();
    await screen.setViewportSize({ width: 1280, height: 720 });
    await screen.goto(screenLink.replace(PUBLIC, e2e.base));
    await screen.waitForSelector("#questions li");
    expect(await screen.locator("#questions li").first().textContent()).toContain(
      "Does <b>Flask</b> scale & how far?",
    );
    expect(await screen.locator("#questions b").count()).toBe(0);
    expect(await screen.locator("aside svg").count()).toBe(1);
    // A new question shows without reloading.
    const card = await say(mallory, "/start flask-patterns", "Advanced");
    await press(mallory, card, "Ask a question", "Your question");
    await say(mallory, "Will the slides be online?", "Your question is up");
    await screen.waitForSelector("text=Will the slides be online?", { timeout: WAIT });
    await screen.screenshot({ path: `${SHOTS}/questions-screen.png` });
    // A forged signature is a plain 404.
    expect((await fetch(`${screenLink.replace(PUBLIC, e2e.base).slice(0, -2)}xx`)).status).toBe(404);

    // Armin, the speaker, in the Mini App on his talk: hides Mallory's question; the screen drops it.
    const app = await browser.page();
    const initData = signInitData({ user: armin, authDate: Date.now() }, e2e.server.token);
    await app.goto(browserLaunchUrl(appUrl(e2e.base, sessionStartParam("flask-patterns")), initData));
    await app.waitForSelector("[data-testid=questions] li");
    const items = app.locator("[data-testid=questions] li");
    expect(await items.count()).toBe(3);
    await app.locator("[data-testid=questions]").scrollIntoViewIfNeeded();
    await app.screenshot({ path: `${SHOTS}/questions-miniapp.png` });
    await items
      .filter({ hasText: "Will the slides be online?" })
      .getByRole("button", { name: "Hide" })
      .click();
    await app.waitForFunction('document.querySelectorAll("[data-testid=questions] li").length === 2');
    // The page runs no eval (its CSP): wait through the DOM.
    await screen.getByText("Will the slides be online?").waitFor({ state: "detached", timeout: WAIT });
  }, 90_000);
});
