import { afterEach, describe, expect, it } from "vitest";
import { smallProgramme } from "../../../test/support/programme-fixture.js";
import { tempDir } from "../../../test/support/tmp.js";
import { startTestWebapp, TEST_TOKEN, type TestWebapp, tma } from "../../../test/support/webapp.js";
import type { QuestionRules } from "../../questions/rules.js";
import { askQuestion, castVote } from "../../questions/service.js";
import { createInvite, redeemInvite, setModerated } from "../../store/questions.js";
import { touchUser } from "../../store/users.js";
import type { ApiMe, ApiQuestions } from "../api-types.js";
import { screenKey, screenUrl } from "../screen-link.js";

const PROGRAMME = smallProgramme();
const NOW = Date.parse("2030-03-01T10:20:00+05:00");
const RULES: QuestionRules = {
  openBeforeMs: 900_000,
  closeAfterMs: 1_800_000,
  maxChars: 300,
  perSession: 3,
  intervalMs: 0,
};
const org = { id: 9001, first_name: "Olga", language_code: "en" };
const ann = { id: 9002, first_name: "Ann", language_code: "en" };
const eve = { id: 9003, first_name: "Eve", language_code: "en" };

let app: TestWebapp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The Mini App's server with two questions to "async-io" (one awaiting approval) and Ann linked as its speaker. */
async function start() {
  app = await startTestWebapp(tempDir(), PROGRAMME, { now: NOW, organizerIds: [org.id] });
  const { db } = app.deps;
  const session = PROGRAMME.sessions[0];
  if (!session) throw new Error("no session");
  for (const u of [1, 2, 3, ann.id]) touchUser(db, { id: u, chatId: u }, 0);
  const first = askQuestion(
    db,
    RULES,
    session,
    1,
    'Is <script>alert("x")</script> escaped?',
    "a",
    NOW,
    "main",
  );
  setModerated(db, "main", true, 0);
  askQuestion(db, RULES, session, 2, "Waiting for approval?", "b", NOW, "main");
  if (first.ok) castVote(db, first.question.id, 3, true, NOW);
  redeemInvite(db, createInvite(db, "speaker", "ann-lee", org.id, 0), ann.id, 0);
  return app;
}

const call = (path: string, auth?: string, method = "GET") =>
  fetch(`${app?.base}${path}`, { method, headers: auth ? { authorization: auth } : {} });

describe("questions in the Mini App's API", () => {
  it("lists a session's questions to its organizers and speakers; 401 without init data, 403 for others", async () => {
    await start();
    expect((await call("/api/questions/async-io")).status).toBe(401);
    expect(
      (await call("/api/questions/async-io", tma(eve, NOW, "999:FORGED-token-XXXXXXXXXXXX"))).status,
    ).toBe(401);
    expect((await call("/api/questions/async-io", tma(eve, NOW))).status).toBe(403);
    // Ann speaks at async-io, not at caching.
    expect((await call("/api/questions/caching", tma(ann, NOW))).status).toBe(403);
    const me = (await (await call("/api/me", tma(ann, NOW))).json()) as ApiMe;
    expect(me.moderates).toEqual({ all: false, sessions: ["async-io", "testing-workshop"] });
    const res = await call("/api/questions/async-io", tma(ann, NOW));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ApiQuestions;
    expect(body).toMatchObject({ role: "speaker", moderated: true });
    expect(body.questions.map((q) => [q.status, q.votes, q.text])).toEqual([
      ["pending", 0, "Waiting for approval?"],
      ["approved", 1, 'Is <script>alert("x")</script> escaped?'],
    ]);
    expect(body.screenUrl).toMatch(/^https:\/\/confbot\.test\/screen\/1\/[A-Za-z0-9_-]{22}$/);
  });

  it("moderates for organizers and speakers only; forged requests change nothing", async () => {
    const { deps } = await start();
    const list = (await (await call("/api/questions/async-io", tma(org, NOW))).json()) as ApiQuestions;
    const pending = list.questions.find((q) => q.status === "pending");
    if (!pending) throw new Error("no pending question");
    expect((await call(`/api/questions/async-io/${pending.id}/approve`, tma(eve, NOW), "POST")).status).toBe(
      403,
    );
    expect((await call(`/api/questions/async-io/${pending.id}/approve`, undefined, "POST")).status).toBe(401);
    // A question of async-io through another session's URL is not found there.
    expect(
      (await call(`/api/questions/testing-workshop/${pending.id}/approve`, tma(ann, NOW), "POST")).status,
    ).toBe(404);
    expect((await call(`/api/questions/async-io/${pending.id}/approve`, tma(ann, NOW))).status).toBe(405);
    const approved = await call(`/api/questions/async-io/${pending.id}/approve`, tma(ann, NOW), "POST");
    expect(((await approved.json()) as ApiQuestions).questions.every((q) => q.status === "approved")).toBe(
      true,
    );
    const answered = await call(`/api/questions/async-io/${pending.id}/answer`, tma(org, NOW), "POST");
    expect(
      ((await answered.json()) as ApiQuestions).questions.find((q) => q.id === pending.id)?.answered,
    ).toBe(true);
    const row = deps.db
      .prepare("SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key = ?")
      .get(`answered:${pending.id}`);
    expect(row).toEqual({ n: 1 });
  });

  it("serves the room screen by its signed link only, escaped, with a QR code and its data as JSON", async () => {
    await start();
    const url = screenUrl(app?.base ?? "", screenKey(TEST_TOKEN), 1, "async-io");
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'nonce-");
    const html = await page.text();
    expect(html).toContain("Is &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; escaped?");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("Waiting for approval?");
    expect(html).toContain("<svg");
    expect(html).toContain("Scan to ask a question");
    const data = (await (await fetch(`${url}/questions.json`)).json()) as {
      questions: { text: string; votes: number }[];
    };
    expect(data.questions.map((q) => q.votes)).toEqual([1]);
    // Another session's key with this signature, a changed signature, a made-up one: all 404.
    expect((await fetch(url.replace("/screen/1/", "/screen/2/"))).status).toBe(404);
    expect((await fetch(`${url.slice(0, -1)}${url.endsWith("A") ? "B" : "A"}`)).status).toBe(404);
    expect((await fetch(`${app?.base}/screen/1/short`)).status).toBe(404);
  });
});
