/**
 * Questions benchmark: one session with 500 questions and 5,000 votes (10 per question on average, skewed so
 * the order by votes matters). Measures over sequential keep-alive requests, p50/p99 and the server's CPU time
 * per request: the Mini App's moderation list (`GET /api/questions/<session>`: all 500, with init data checked
 * and roles looked up), the room screen's poll (`…/questions.json`: the top 30) — and in process, the chat's
 * page of 5 questions with the viewer's votes, and recording the 5,000 votes (one transaction each, as the
 * bot does). The machine is shared: read p50 and the CPU time per request before p99.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QuestionRules } from "../src/questions/rules.js";
import { askQuestion, castVote } from "../src/questions/service.js";
import { listQuestions } from "../src/store/questions.js";
import { touchUser } from "../src/store/users.js";
import { screenKey, screenUrl } from "../src/webapp/screen-link.js";
import { smallProgramme } from "../test/support/programme-fixture.js";
import { startTestWebapp, TEST_TOKEN, tma } from "../test/support/webapp.js";

const QUESTIONS = 500;
const VOTES = 5000;
const VOTERS = 1000;
const REQUESTS = 400;
const RULES: QuestionRules = {
  openBeforeMs: 3600_000,
  closeAfterMs: 3600_000,
  maxChars: 300,
  perSession: 10,
  intervalMs: 0,
};

const ms = (x: number) => `${x.toFixed(2)} ms`;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Latencies (ms, sorted) of `count` sequential GETs, and the CPU time (ms) the process spent on them. */
async function measure(agent: Agent, port: number, path: string, auth?: string) {
  const out: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path, agent, headers: auth ? { authorization: auth } : {} },
        (res) => {
          res.resume();
          res.on("end", () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`)),
          );
        },
      );
      req.on("error", reject);
      req.end();
    });
    out.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { sorted: out.sort((a, b) => a - b), cpuMs: (cpu.user + cpu.system) / 1000 };
}

export default async function questionsBench(): Promise<void> {
  const programme = smallProgramme();
  const session = programme.sessions[0];
  if (!session) throw new Error("no session");
  const now = Date.parse(session.start);
  const organizer = { id: 1, first_name: "Olga" };
  const dir = mkdtempSync(join(tmpdir(), "confbot-questions-bench-"));
  const app = await startTestWebapp(dir, programme, { now, organizerIds: [organizer.id] });
  const { db } = app.deps;
  db.transaction(() => {
    for (let u = 1; u <= VOTERS + QUESTIONS; u++) touchUser(db, { id: u, chatId: u }, 0);
  })();
  const ids: number[] = [];
  for (let i = 0; i < QUESTIONS; i++) {
    const asked = askQuestion(
      db,
      RULES,
      session,
      VOTERS + 1 + i,
      `Question ${i}: ${"what about the GIL and async? ".repeat(4)}`,
      `bench:${i}`,
      now + i,
      "main",
    );
    if (asked.ok) ids.push(asked.question.id);
  }
  // Votes skewed towards a few questions (as rooms vote), each voter at most once per question.
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const cast = new Set<string>();
  let calls = 0;
  for (let v = 0; cast.size < VOTES; v++) {
    const voter = (v % VOTERS) + 1;
    const q = ids[Math.floor(ids.length * Math.random() ** 3)] as number;
    calls++;
    if (castVote(db, q, voter, true, now).ok) cast.add(`${voter}:${q}`);
  }
  const stored = db.prepare("SELECT COUNT(*) FROM question_votes").pluck().get();
  if (stored !== VOTES) throw new Error(`${stored} votes stored for ${VOTES} cast`);
  const voteCpu = process.cpuUsage(cpu0);
  const voteMs = performance.now() - t0;

  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const auth = tma(organizer, now);
  const api = await measure(agent, app.server.port, `/api/questions/${session.id}`, auth);
  const screenPath = new URL(
    `${screenUrl(app.base, screenKey(TEST_TOKEN), app.deps.catalog.sessionKey(session.id), session.id)}/questions.json`,
  ).pathname;
  const screen = await measure(agent, app.server.port, screenPath);
  const page: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    listQuestions(db, session.id, { viewer: (i % VOTERS) + 1, limit: 5, offset: (i % 20) * 5 });
    page.push(performance.now() - t);
  }
  page.sort((a, b) => a - b);
  agent.destroy();
  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const line = (name: string, r: { sorted: number[]; cpuMs: number }) =>
    `  ${name}: p50 ${ms(quantile(r.sorted, 0.5))}, p99 ${ms(quantile(r.sorted, 0.99))}, CPU ${ms(r.cpuMs / REQUESTS)} per request`;
  console.log(
    `questions: ${QUESTIONS} questions, ${VOTES} votes on one session (${REQUESTS} sequential requests each)`,
  );
  console.log(line("Mini App list GET /api/questions/<session> (all 500)", api));
  console.log(line("room screen poll …/questions.json (top 30)", screen));
  console.log(
    `  chat page of 5 with the viewer's votes: p50 ${ms(quantile(page, 0.5))}, p99 ${ms(quantile(page, 0.99))}`,
  );
  console.log(
    `  ${calls} vote presses (${VOTES} distinct votes stored, repeats counted once), one transaction each: ${ms(voteMs / calls)} wall, ${ms((voteCpu.user + voteCpu.system) / 1000 / calls)} CPU per press`,
  );
}
