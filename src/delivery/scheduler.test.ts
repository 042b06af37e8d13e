import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import type { Programme } from "../programme/model.js";
import { type Db, openDatabase } from "../store/db.js";
import { markSent, outboxCounts } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { subscribe } from "../store/subscriptions.js";
import { touchUser } from "../store/users.js";
import { applyProgrammeChange } from "./notices.js";
import { startReminderScheduler } from "./scheduler.js";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** async-io and caching start at 10:00 (+05:00). */
const START = Date.parse("2030-03-01T10:00:00+05:00");
const T0 = START - 40 * DAY;
/** Never fires on its own: the tests tick by hand. */
const YEARLY = "0 0 0 1 1 *";

function setup(followers: number) {
  const db = openDatabase(join(tempDir(), "s.sqlite"));
  loadProgramme(db, smallProgramme(), T0);
  db.transaction(() => {
    for (let id = 1; id <= followers; id++) {
      touchUser(db, { id, chatId: id }, T0);
      subscribe(db, id, "async-io", T0);
    }
  })();
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (l: string) => logs.push(JSON.parse(l)) });
  return { db, logs, logger };
}

const count = (db: Db, table: string) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The programme with async-io starting `hour` o'clock. */
function asyncIoAt(hour: number): Programme {
  const p = smallProgramme();
  const s = p.sessions.find((x) => x.id === "async-io");
  if (!s) throw new Error("fixture");
  s.start = `2030-03-01T${hour}:00:00+05:00`;
  s.end = `2030-03-01T${hour}:45:00+05:00`;
  return p;
}

describe("reminder tick", () => {
  it("says in the log how many reminders will be late and by how much, once per change", async () => {
    const { db, logs, logger } = setup(600);
    let now = START - 30 * MIN;
    const scheduler = startReminderScheduler({
      db,
      clock: () => now,
      logger,
      tick: YEARLY,
      defaultMinutes: 5,
      rate: 1,
    });
    const warnings = () => logs.filter((l) => String(l.msg).startsWith("reminders will be late"));
    // 600 at 0.9 a second from 9:50 (no earlier than twice the lead of 5 minutes): the last ~6 minutes late.
    expect(warnings()).toHaveLength(1);
    const first = warnings()[0] ?? {};
    expect(first).toMatchObject({ level: 40, upcoming: 600, rate: 1, due: "2030-03-01T04:55:00.000Z" });
    expect(first.late).toBeGreaterThan(200);
    expect(first.maxLateSeconds).toBeGreaterThan(5 * 60);
    now += 30_000;
    scheduler.tickNow();
    expect(warnings()).toHaveLength(1);
    // More followers: said again, with the new numbers.
    for (let id = 601; id <= 700; id++) {
      touchUser(db, { id, chatId: id }, now);
      subscribe(db, id, "async-io", now);
    }
    now += 30_000;
    scheduler.tickNow();
    expect(warnings()).toHaveLength(2);
    expect(Number(warnings()[1]?.late)).toBeGreaterThan(Number(first.late));
    await scheduler.stop();
    db.close();
  });

  it("prunes finished outbox rows and the change batches no pending notice names, a few per tick", async () => {
    const { db, logger } = setup(3);
    // Three edits a second apart: each stores a batch; the later notices supersede the waiting ones.
    for (const [i, hour] of [11, 12, 13].entries())
      applyProgrammeChange(db, asyncIoAt(hour), { now: T0 + i * 1000, defaultMinutes: 10 });
    expect(count(db, "notice_batches")).toBe(3);
    const pending = db.prepare("SELECT id FROM outbox WHERE status = 'pending'").all() as { id: number }[];
    expect(pending).toHaveLength(3);
    expect(outboxCounts(db)).toMatchObject({ dropped: 6, total: 9 });

    let now = T0 + 15 * DAY;
    const scheduler = startReminderScheduler({
      db,
      clock: () => now,
      logger,
      tick: YEARLY,
      defaultMinutes: 10,
      rate: 25,
      retentionMs: 14 * DAY,
      pruneBatch: 4,
    });
    // The start-up pass took 4 of the 6 superseded notices and the 2 batches only they named.
    expect(outboxCounts(db)).toMatchObject({ pending: 3, total: 5 });
    expect(count(db, "notice_batches")).toBe(1);
    now += 30_000;
    scheduler.tickNow();
    expect(outboxCounts(db)).toMatchObject({ pending: 3, total: 3 });
    // The newest batch stays while its notices wait, and goes once they are out; the rows stay their 14 days.
    scheduler.tickNow();
    expect(count(db, "notice_batches")).toBe(1);
    for (const r of pending) markSent(db, r.id, now);
    scheduler.tickNow();
    expect(count(db, "notice_batches")).toBe(0);
    expect(outboxCounts(db)).toMatchObject({ sent: 3, total: 3 });
    now += 15 * DAY;
    scheduler.tickNow();
    expect(outboxCounts(db).total).toBe(0);
    await scheduler.stop();
    db.close();
  });
});
