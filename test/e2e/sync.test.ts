/**
 * End to end, following a published schedule: the bot runs as its own process with PROGRAMME_URL pointing
 * at a local HTTP server that serves successive versions of a schedule, and PROGRAMME_POLL=1. Attendees and
 * an organizer talk to it through a local Bot API server. Times are real: the programme is built around now.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Programme } from "../../src/programme/model.js";
import type { ApiUser } from "../support/bot-api-server.js";
import { runCli } from "../support/cli.js";
import { useE2eBot } from "../support/e2e-bot.js";
import { type ScheduleServer, startScheduleServer } from "../support/schedule-server.js";
import { editSession, shift, syncProgramme } from "../support/sync-programme.js";

const WAIT = 20_000;

const admin: ApiUser = { id: 8001, first_name: "Olga", language_code: "en" };
const ann: ApiUser = { id: 8101, first_name: "Ann", language_code: "en" };
const boris: ApiUser = { id: 8102, first_name: "Борис", language_code: "ru" };
const carl: ApiUser = { id: 8103, first_name: "Carl", language_code: "en" };
const attendees = [ann, boris, carl];

/** The sync test programme moved to start in a few hours, on today's and tomorrow's dates. */
function programmeAroundNow(): Programme {
  const p = syncProgramme(10);
  const first = Date.parse(p.sessions[0]?.start ?? "");
  const start = Math.ceil((Date.now() + 3 * 3600_000) / 3600_000) * 3600_000;
  for (const s of p.sessions) shift(s, (start - first) / 60_000);
  const day = (ms: number) => new Date(ms).toLocaleDateString("sv", { timeZone: p.conference.timezone });
  p.conference.days = [...new Set([day(start - 86_400_000), day(start), day(start + 86_400_000)])];
  return p;
}

const text = (p: Programme) => JSON.stringify(p, null, 1);
const v1 = programmeAroundNow();

let schedule: ScheduleServer;

// The published schedule is served before the bot starts, which follows it.
beforeAll(async () => {
  schedule = await startScheduleServer(text(v1));
});
afterAll(() => schedule?.close());

const e2e = useE2eBot({
  env: () => ({
    PROGRAMME_URL: schedule.url,
    PROGRAMME_POLL: "1",
    PROGRAMME_FETCH_TIMEOUT: "2",
    ADMIN_IDS: String(admin.id),
  }),
  spawn: { singleProcess: true },
  waitMs: WAIT,
});
const { say, press, follow } = e2e;
const received = (user: ApiUser, part: string) =>
  e2e.server.messages(user.id).filter((m) => m.text.includes(part));
const arrives = (user: ApiUser, part: string, after = 0) =>
  e2e.server.waitFor((m) => m.chatId === user.id && m.seq > after && m.text.includes(part), WAIT);
/** Waits for a few polls to go by, so that anything the bot would still send has been sent. */
const settle = async () => {
  const seen = schedule.requests.length;
  while (schedule.requests.length < seen + 3) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1500));
};

beforeAll(async () => {
  for (const u of [admin, ...attendees]) await say(u, "/start");
  await follow(ann, "talk-1");
  await follow(ann, "talk-2");
  await follow(boris, "talk-1");
  await follow(carl, "talk-5");
}, 120_000);

describe("following a published schedule, end to end", () => {
  it("tells exactly the subscribers of a moved and a cancelled session, once, in their language, one notice each", async () => {
    const mark = e2e.server.mark();
    const v2 = editSession(
      editSession(v1, "talk-1", (s) => shift(s, 300)),
      "talk-2",
      (s) => {
        s.cancelled = true;
      },
    );
    schedule.publish(text(v2));
    const annNotice = await arrives(ann, "The programme changed", mark);
    expect(annNotice.text).toContain("Talk number 1 — was");
    expect(annNotice.text).toContain("❌ Talk number 2 — cancelled");
    const borisNotice = await arrives(boris, "Изменения в программе: Доклад номер 1", mark);
    expect(borisNotice.text).toContain("было");
    await settle();
    const sinceMark = (u: ApiUser) => e2e.server.messages(u.id).filter((m) => m.seq > mark);
    expect(sinceMark(ann)).toHaveLength(1);
    expect(sinceMark(boris)).toHaveLength(1);
    expect(sinceMark(carl)).toHaveLength(0);
    expect(schedule.requests.filter((r) => r.status === 304).length).toBeGreaterThan(0);
  });

  it("/source names the source and its version; /move says the programme is edited there", async () => {
    const source = await say(admin, "/source");
    expect(source.text).toContain(schedule.url);
    expect(source.text).toMatch(/Version 2, .* \(sync\)/);
    expect(source.text).toContain("Last successful fetch");
    const move = await say(admin, "/move talk-3 1 10:00");
    expect(move.text).toContain(`The programme follows ${schedule.url} — edit it there.`);
  });

  it("keeps the programme while the source fails; the organizer hears once that it broke and once that it recovered", async () => {
    const mark = e2e.server.mark();
    schedule.mode("error");
    await arrives(admin, "The programme source stopped working", mark);
    await settle();
    schedule.mode("hang");
    await settle();
    schedule.mode("serve");
    await arrives(admin, "The programme source works again", mark);
    await settle();
    expect(received(admin, "The programme source stopped working")).toHaveLength(1);
    expect(received(admin, "The programme source works again")).toHaveLength(1);
    for (const u of attendees) expect(e2e.server.messages(u.id).filter((m) => m.seq > mark)).toHaveLength(0);
  });

  it("holds a version that drops 80% of the sessions until the organizer applies it", async () => {
    const mark = e2e.server.mark();
    const current = editSession(
      editSession(v1, "talk-1", (s) => shift(s, 300)),
      "talk-2",
      (s) => {
        s.cancelled = true;
      },
    );
    schedule.publish(text({ ...current, sessions: current.sessions.slice(0, 2) }));
    const held = await arrives(admin, "A new version of the programme is held", mark);
    expect(held.text).toContain("(8 of 10 sessions)");
    await settle();
    for (const u of attendees) expect(e2e.server.messages(u.id).filter((m) => m.seq > mark)).toHaveLength(0);
    expect((await say(carl, "/start talk-5")).text).toContain("Talk number 5");

    await press(admin, held, "Apply this version", "Applied");
    const gone = await arrives(carl, "Removed from the programme: Talk number 5", mark);
    expect(gone.text).toContain("Talk number 5");
    await settle();
    expect(
      e2e.server.messages(carl.id).filter((m) => m.seq > mark && m.text.includes("Removed")),
    ).toHaveLength(1);
    expect(e2e.server.messages(ann.id).filter((m) => m.seq > mark)).toHaveLength(0);
  });

  it("restarts between versions without losing or repeating anything", async () => {
    expect(await e2e.bot.stop("SIGTERM")).toBe(0);
    const mark = e2e.server.mark();
    // Published while the bot is down: applied once at start.
    const back = editSession(v1, "talk-1", (s) => shift(s, 330));
    schedule.publish(text({ ...back, sessions: back.sessions.slice(0, 2) }));
    await e2e.restart();
    await arrives(ann, "Talk number", mark);
    await settle();
    expect(await e2e.bot.stop("SIGTERM")).toBe(0);
    await e2e.restart();
    await settle();
    const sinceMark = (u: ApiUser) => e2e.server.messages(u.id).filter((m) => m.seq > mark);
    // Ann: talk-1 moved and talk-2 back — one notice; Boris: talk-1 moved; nothing else, for anyone.
    expect(sinceMark(ann)).toHaveLength(1);
    expect(sinceMark(boris)).toHaveLength(1);
    expect(sinceMark(carl)).toHaveLength(0);
    expect(sinceMark(admin)).toHaveLength(0);
  });

  it("a `programme load` beside the running bot reaches the subscribers and the bot's cards", async () => {
    const mark = e2e.server.mark();
    const current = editSession(v1, "talk-1", (s) => shift(s, 330));
    const edited = editSession({ ...current, sessions: current.sessions.slice(0, 2) }, "talk-2", (s) => {
      s.room = "hall-a";
      shift(s, 360);
    });
    const file = join(e2e.dir, "edited.json");
    writeFileSync(file, text(edited));
    const load = runCli(["programme", "load", file], { env: { DATABASE_PATH: e2e.env.DATABASE_PATH ?? "" } });
    expect(load.status, load.stderr).toBe(0);
    expect(load.stdout).toContain("1 change notice queued");
    const notice = await arrives(ann, "Changed: Talk number 2", mark);
    expect(notice.text).toContain("Hall A");
    const card = await say(ann, "/start talk-2");
    expect(card.text).toContain("Hall A");
  });
});
