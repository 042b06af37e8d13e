import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import type { Programme } from "../programme/model.js";
import { qualifyProgramme } from "../programme/qualify.js";
import { type Db, openDatabase } from "../store/db.js";
import { findByKey, outboxCounts } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { mutedOf, setReminder, subscribe, unsubscribe } from "../store/subscriptions.js";
import { markUserBlocked, setReminderMinutes, touchUser } from "../store/users.js";
import { Dispatcher } from "./dispatcher.js";
import { outboxHooks } from "./outcomes.js";
import { MISSED, planReminders, QUEUE_AHEAD_MS, reminderKey, replanReminders } from "./planner.js";

const MIN = 60_000;
/** async-io and caching start at 10:00 (+05:00), the workshop at 18:00. */
const START = Date.parse("2030-03-01T10:00:00+05:00");
const WORKSHOP = Date.parse("2030-03-01T18:00:00+05:00");
const T0 = START - 24 * 60 * MIN;

function setup(file = join(tempDir(), "p.sqlite")): { db: Db; file: string } {
  const db = openDatabase(file);
  loadProgramme(db, smallProgramme(), T0);
  touchUser(db, { id: 1, chatId: 1, firstName: "Ann" }, T0);
  subscribe(db, 1, "async-io", T0);
  return { db, file };
}

const plan = (db: Db, now: number, missedSince?: number) =>
  planReminders(db, { now, defaultMinutes: 10, ...(missedSince === undefined ? {} : { missedSince }) });

function status(db: Db, user: number, session: string, start: number) {
  const row = findByKey(db, reminderKey(user, session, start));
  return row ? `${row.status}${row.lastError ? `:${row.lastError}` : ""}` : "none";
}

function withAsyncIo(edit: (s: Programme["sessions"][number]) => void): Programme {
  const p = smallProgramme();
  const s = p.sessions.find((x) => x.id === "async-io");
  if (!s) throw new Error("fixture");
  edit(s);
  return p;
}

const at = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

describe("reminder planner", () => {
  it("sends no reminder for a followed session whose reminder is off, and drops one already queued", () => {
    const { db } = setup();
    expect(setReminder(db, 1, "async-io", false)).toBe(true);
    expect(mutedOf(db, 1)).toEqual(["async-io"]);
    expect(plan(db, START - 5 * MIN).enqueued).toBe(0);
    expect(setReminder(db, 1, "async-io", true)).toBe(true);
    expect(plan(db, START - 5 * MIN).enqueued).toBe(1);
    setReminder(db, 1, "async-io", false);
    plan(db, START - 4 * MIN);
    expect(status(db, 1, "async-io", START)).toBe("dropped:unsubscribed");
    // Still followed all along; a session not followed cannot be muted.
    expect(setReminder(db, 1, "caching", false)).toBe(false);
  });

  it("queues a lone reminder a little ahead, to be sent exactly at the lead time", () => {
    const { db } = setup();
    expect(plan(db, START - 10 * MIN - QUEUE_AHEAD_MS - 1).enqueued).toBe(0);
    expect(status(db, 1, "async-io", START)).toBe("none");
    expect(plan(db, START - 10 * MIN - QUEUE_AHEAD_MS).enqueued).toBe(1);
    const row = findByKey(db, reminderKey(1, "async-io", START));
    expect(row).toMatchObject({
      kind: "reminder",
      status: "pending",
      userId: 1,
      chatId: 1,
      sessionId: "async-io",
      notBefore: START - 10 * MIN,
      expiresAt: START,
      payload: { type: "reminder", sessionId: "async-io", startMs: START },
    });
    db.close();
  });

  it("queues once however often the tick runs, and after the database is reopened", () => {
    const { db, file } = setup();
    expect(plan(db, START - 9 * MIN).enqueued).toBe(1);
    for (let i = 0; i < 5; i++) expect(plan(db, START - 9 * MIN + i * 30_000).enqueued).toBe(0);
    db.close();
    const again = openDatabase(file);
    expect(plan(again, START - 5 * MIN).enqueued).toBe(0);
    expect(outboxCounts(again)).toMatchObject({ total: 1, pending: 1 });
    again.close();
  });

  it("uses each user's lead, the default for those who never chose", () => {
    const { db } = setup();
    touchUser(db, { id: 2, chatId: 2 }, T0);
    setReminderMinutes(db, 2, 60, T0);
    subscribe(db, 2, "async-io", T0);
    expect(plan(db, START - 60 * MIN).enqueued).toBe(1);
    expect(status(db, 2, "async-io", START)).toBe("pending");
    expect(status(db, 1, "async-io", START)).toBe("none");
    expect(plan(db, START - 10 * MIN).enqueued).toBe(1);
    expect(status(db, 1, "async-io", START)).toBe("pending");
    db.close();
  });

  it("queues at once when the lead is longer than the time left, but never at or after the start", () => {
    const { db } = setup();
    setReminderMinutes(db, 1, 30, T0);
    unsubscribe(db, 1, "async-io");
    expect(plan(db, START - 40 * MIN).enqueued).toBe(0);
    // Subscribed 5 minutes before the start with a 30-minute lead: due at once.
    subscribe(db, 1, "async-io", START - 5 * MIN);
    expect(plan(db, START - 5 * MIN).enqueued).toBe(1);
    // caching starts at the same time; subscribing at the start is too late.
    subscribe(db, 1, "caching", START);
    expect(plan(db, START).enqueued).toBe(0);
    expect(plan(db, START + MIN).enqueued).toBe(0);
    expect(status(db, 1, "caching", START)).toBe("none");
    db.close();
  });

  it("moved later: the pending reminder is dropped and the new time is planned when it falls due", () => {
    const { db } = setup();
    plan(db, START - 10 * MIN);
    const later = START + 60 * MIN;
    loadProgramme(
      db,
      withAsyncIo((s) => {
        s.start = at(later);
        s.end = at(later + 60 * MIN);
      }),
      START - 8 * MIN,
    );
    const r = replanReminders(db, START - 8 * MIN, 10);
    expect(r.dropped).toEqual([{ userId: 1, sessionId: "async-io", reason: "session-moved" }]);
    expect(r.enqueued).toBe(0);
    expect(status(db, 1, "async-io", START)).toBe("dropped:session-moved");
    expect(plan(db, later - 10 * MIN - QUEUE_AHEAD_MS - 1).enqueued).toBe(0);
    expect(plan(db, later - 10 * MIN - QUEUE_AHEAD_MS).enqueued).toBe(1);
    expect(findByKey(db, reminderKey(1, "async-io", later))?.notBefore).toBe(later - 10 * MIN);
    expect(status(db, 1, "async-io", later)).toBe("pending");
    db.close();
  });

  it("moved earlier: planned at once when the new time is already within the lead", () => {
    const { db } = setup();
    const earlier = START - 60 * MIN;
    loadProgramme(
      db,
      withAsyncIo((s) => {
        s.start = at(earlier);
      }),
      earlier - 20 * MIN,
    );
    expect(plan(db, earlier - 20 * MIN).enqueued).toBe(0);
    expect(plan(db, earlier - 7 * MIN).enqueued).toBe(1);
    expect(status(db, 1, "async-io", earlier)).toBe("pending");
    expect(status(db, 1, "async-io", START)).toBe("none");
    db.close();
  });

  it("a session moved after its reminder went out gets a reminder for the new time", () => {
    const { db } = setup();
    plan(db, START - 10 * MIN);
    db.prepare("UPDATE outbox SET status = 'sent', sent_at = ?").run(START - 10 * MIN);
    const later = START + 30 * MIN;
    loadProgramme(
      db,
      withAsyncIo((s) => {
        s.start = at(later);
      }),
      START - 5 * MIN,
    );
    expect(replanReminders(db, START - 5 * MIN, 10).dropped).toEqual([]);
    expect(plan(db, later - 10 * MIN).enqueued).toBe(1);
    expect(status(db, 1, "async-io", START)).toBe("sent");
    expect(status(db, 1, "async-io", later)).toBe("pending");
    db.close();
  });

  it("a cancelled session gets no reminder, a pending one is dropped, and a restored one is planned again", () => {
    const { db } = setup();
    subscribe(db, 1, "testing-workshop", T0);
    loadProgramme(
      db,
      withAsyncIo((s) => {
        s.cancelled = true;
      }),
      START - 20 * MIN,
    );
    expect(plan(db, START - 5 * MIN).enqueued).toBe(0);
    expect(status(db, 1, "async-io", START)).toBe("none");

    const p = smallProgramme();
    loadProgramme(db, p, START - 4 * MIN);
    expect(plan(db, START - 4 * MIN).enqueued).toBe(1);
    loadProgramme(
      db,
      withAsyncIo((s) => {
        s.cancelled = true;
      }),
      START - 3 * MIN,
    );
    expect(replanReminders(db, START - 3 * MIN, 10).dropped.map((d) => d.reason)).toEqual([
      "session-cancelled",
    ]);
    loadProgramme(db, p, START - 2 * MIN);
    expect(plan(db, START - 2 * MIN).enqueued).toBe(1);
    expect(status(db, 1, "async-io", START)).toBe("pending");
    // A removed session is dropped the same way; the other subscription is untouched.
    const without = smallProgramme();
    without.sessions = without.sessions.filter((s) => s.id !== "async-io");
    loadProgramme(db, without, START - MIN);
    expect(replanReminders(db, START - MIN, 10).dropped.map((d) => d.reason)).toEqual(["session-removed"]);
    expect(plan(db, WORKSHOP - 10 * MIN).enqueued).toBe(1);
    db.close();
  });

  it("unsubscribed after the reminder was queued: dropped; subscribing again queues it again", () => {
    const { db } = setup();
    plan(db, START - 10 * MIN);
    unsubscribe(db, 1, "async-io");
    expect(plan(db, START - 9 * MIN).dropped).toEqual([
      { userId: 1, sessionId: "async-io", reason: "unsubscribed" },
    ]);
    expect(status(db, 1, "async-io", START)).toBe("dropped:unsubscribed");
    subscribe(db, 1, "async-io", START - 8 * MIN);
    expect(plan(db, START - 8 * MIN).enqueued).toBe(1);
    expect(status(db, 1, "async-io", START)).toBe("pending");
    expect(outboxCounts(db).total).toBe(1);
    db.close();
  });

  it("a reminder dropped while its send is in flight is recorded as sent, and never planned again", async () => {
    const { db } = setup();
    const now = START - 10 * MIN;
    plan(db, now);
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sends = 0;
    const dispatcher = new Dispatcher({
      db,
      ...outboxHooks(db),
      clock: () => now,
      logger: pino({ level: "silent" }),
      transport: {
        send: async () => {
          sends++;
          started();
          await gate;
          return { ok: true };
        },
      },
      render: (row) => ({ chatId: row.chatId, text: "⏰" }),
      rate: 1000,
      sleep: async () => undefined,
    });
    const drained = dispatcher.drain();
    await inFlight;
    // While Telegram delivers it, the user unsubscribes and the tick drops the row.
    unsubscribe(db, 1, "async-io");
    expect(plan(db, now).dropped).toEqual([{ userId: 1, sessionId: "async-io", reason: "unsubscribed" }]);
    release();
    await drained;
    expect(status(db, 1, "async-io", START)).toBe("sent");
    // Following it again must not bring back a reminder that was delivered.
    subscribe(db, 1, "async-io", now + MIN);
    expect(plan(db, now + MIN).enqueued).toBe(0);
    await dispatcher.drain();
    expect(sends).toBe(1);
    db.close();
  });

  it("a user who blocked the bot gets nothing queued; a pending reminder of theirs is dropped", () => {
    const { db } = setup();
    touchUser(db, { id: 2, chatId: 2 }, T0);
    subscribe(db, 2, "async-io", T0);
    markUserBlocked(db, 2, T0);
    expect(plan(db, START - 10 * MIN).enqueued).toBe(1);
    expect(status(db, 2, "async-io", START)).toBe("none");
    markUserBlocked(db, 1, START - 9 * MIN);
    expect(plan(db, START - 9 * MIN).dropped).toEqual([
      { userId: 1, sessionId: "async-io", reason: "user-blocked" },
    ]);
    // Writing to the bot again makes them reachable: the reminder is queued again while there is time.
    touchUser(db, { id: 1, chatId: 1 }, START - 8 * MIN);
    expect(plan(db, START - 8 * MIN).enqueued).toBe(1);
    db.close();
  });

  it("after downtime: a reminder still ahead of its session is queued, a missed one is recorded once", () => {
    const { db } = setup();
    subscribe(db, 1, "testing-workshop", T0);
    // The bot was down from START - 30 min until WORKSHOP - 5 min: async-io started meanwhile.
    const back = WORKSHOP - 5 * MIN;
    const r = plan(db, back, START - 30 * MIN);
    expect(r.enqueued).toBe(1);
    expect(status(db, 1, "testing-workshop", WORKSHOP)).toBe("pending");
    expect(r.missed).toEqual([{ sessionId: "async-io", startMs: START, users: 1 }]);
    expect(status(db, 1, "async-io", START)).toBe(`dropped:${MISSED}`);
    expect(plan(db, back + 30_000, START - 30 * MIN).missed).toEqual([]);
    db.close();
  });

  it("finds due reminders through indexes, not table scans", () => {
    const { db } = setup();
    const sql = `SELECT sub.user_id FROM sessions s JOIN subscriptions sub ON sub.session_id = s.id
      JOIN users u ON u.id = sub.user_id
      WHERE s.removed = 0 AND s.cancelled = 0 AND s.start_at > 1 AND s.start_at <= 2
        AND s.start_at - COALESCE(u.reminder_minutes, 10) * 60000 <= 1 AND u.blocked_at IS NULL`;
    const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(details.join("\n")).not.toMatch(/\bSCAN\b/);
    expect(details.join("\n")).toMatch(/sessions_live_by_start/);
    const due = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= 1 ORDER BY next_attempt_at, id LIMIT 10",
        )
        .all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(due.join("\n")).toMatch(/USING INDEX outbox_due/);
    expect(due.join("\n")).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});

/**
 * N followers of the 10:00 sessions, the planner ticking every 30 s and a dispatcher at `rate` on one fake
 * clock, from 30 minutes before until the start; returns when each user's reminder went out.
 */
async function simulateBurst(o: {
  async: number;
  caching: number;
  rate: number;
  lead: number;
  /** The lead of caching's followers, when not `lead`. */
  cachingLead?: number;
}) {
  const db = openDatabase(join(tempDir(), "burst.sqlite"));
  loadProgramme(db, smallProgramme(), T0);
  db.transaction(() => {
    for (let id = 1; id <= o.async + o.caching; id++) {
      touchUser(db, { id, chatId: id }, T0);
      subscribe(db, id, id <= o.async ? "async-io" : "caching", T0);
      if (id > o.async && o.cachingLead) setReminderMinutes(db, id, o.cachingLead, T0);
    }
  })();
  let now = START - 30 * MIN;
  let nextTick = now;
  const sentAt = new Map<number, number[]>();
  const forecasts: { late: number; maxLateMs: number }[] = [];
  const tick = () => {
    while (nextTick <= now) {
      const r = planReminders(db, { now: nextTick, defaultMinutes: o.lead, rate: o.rate });
      forecasts.push(r.forecast);
      nextTick += 30_000;
    }
  };
  const dispatcher = new Dispatcher({
    db,
    ...outboxHooks(db),
    clock: () => now,
    logger: pino({ level: "silent" }),
    transport: {
      send: async (m) => {
        sentAt.set(m.chatId, [...(sentAt.get(m.chatId) ?? []), now]);
        return { ok: true };
      },
    },
    render: (row) => ({ chatId: row.chatId, text: "⏰" }),
    rate: o.rate,
    // Time moves only when the dispatcher waits; the planner ticks as it passes each 30 s.
    sleep: async (ms) => {
      now += ms;
      tick();
    },
  });
  tick();
  while (now < START) {
    await dispatcher.drain();
    now += 1000;
    tick();
  }
  db.close();
  return { sentAt, forecasts };
}

describe("reminders planned ahead of bursts", () => {
  it("2,000 followers at 10 a second: every reminder arrives by its lead time, the first ones just early enough", async () => {
    const { sentAt, forecasts } = await simulateBurst({ async: 1500, caching: 500, rate: 10, lead: 10 });
    const due = START - 10 * MIN;
    const times = [...sentAt.values()].map((t) => t[0] ?? 0);
    expect(sentAt.size).toBe(2000);
    expect([...sentAt.values()].every((t) => t.length === 1)).toBe(true);
    expect(Math.max(...times) - due).toBeLessThanOrEqual(60_000);
    // 2,000 at the planned 9 a second need 222 s: the first goes about that early, not earlier.
    const earliest = due - Math.min(...times);
    expect(earliest).toBeGreaterThan(200_000);
    expect(earliest).toBeLessThan(240_000);
    expect(forecasts.every((f) => f.late === 0)).toBe(true);
  });

  it("an impossible burst is forecast late from the first tick; sends start no earlier than twice the lead", async () => {
    // 1,500 followers with a lead of 5 minutes at 2 a second (planned 1.8/s): 833 s of sending, and a
    // "5 minutes" reminder may not come earlier than 10 minutes before the start.
    const { sentAt, forecasts } = await simulateBurst({ async: 1500, caching: 0, rate: 2, lead: 5 });
    const first = forecasts[0];
    // On time: those sent by 5 min + 60 s before the start, 360 s at 1.8/s from the earliest allowed.
    expect(first?.late).toBeCloseTo(1500 - 360 * 1.8, -1);
    expect(first?.maxLateMs).toBeGreaterThan(8 * MIN);
    const times = [...sentAt.values()].map((t) => t[0] ?? 0);
    expect(Math.min(...times)).toBe(START - 10 * MIN);
    // Sent as fast as the dispatcher goes (2/s) until the start; what is left then is dropped, never sent late.
    expect(sentAt.size).toBeGreaterThan(600 * 1.8);
    expect(sentAt.size).toBeLessThanOrEqual(600 * 2 + 1);
    expect(Math.max(...times)).toBeLessThan(START);
  });

  it("when too many are due, the most urgent go first, at the dispatcher's full pace", async () => {
    // At 1 a second: 600 followers of caching with a lead of 8 minutes (due 9:52, not before 9:44) and 600 of
    // async-io with 5 (due 9:55, not before 9:50): 1,200 sends in at most 16 minutes cannot all be on time.
    const { sentAt, forecasts } = await simulateBurst({
      async: 600,
      caching: 600,
      rate: 1,
      lead: 5,
      cachingLead: 8,
    });
    expect(forecasts[0]?.late).toBeGreaterThan(0);
    const first = (ids: number[]) => ids.map((id) => sentAt.get(id)?.[0] ?? Number.NaN);
    const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const caching = first(ids(601, 1200));
    const asyncIo = first(ids(1, 600)).filter((t) => !Number.isNaN(t));
    // Every caching reminder before any async-io one: caching's are due first.
    expect(Math.min(...caching)).toBe(START - 16 * MIN);
    expect(Math.max(...caching)).toBeLessThan(Math.min(...asyncIo));
    // Late ones go at the dispatcher's 1/s, not at the planned 0.9/s: ~960 in the 16 minutes before the start.
    expect(sentAt.size).toBeGreaterThan(16 * 60 * 0.95);
    expect([...sentAt.values()].every((t) => t.length === 1)).toBe(true);
  });
});

describe("a dispatcher behind the plan", () => {
  /** 2,000 followers of async-io (due 9:50), planned at 9 a second: 222 s of sending. */
  function behind() {
    const db = openDatabase(join(tempDir(), "behind.sqlite"));
    loadProgramme(db, smallProgramme(), T0);
    db.transaction(() => {
      for (let id = 1; id <= 2000; id++) {
        touchUser(db, { id, chatId: id }, T0);
        subscribe(db, id, "async-io", T0);
      }
    })();
    const due = START - 10 * MIN;
    const tick = (now: number) => planReminders(db, { now, defaultMinutes: 10, rate: 10 });
    const queued = () =>
      db
        .prepare("SELECT COUNT(*) AS n, MAX(not_before) AS last FROM outbox WHERE status = 'pending'")
        .get() as {
        n: number;
        last: number;
      };
    return { db, due, tick, queued };
  }

  it("a little behind: the rest keep their slots, none is queued early to catch up", () => {
    const { db, due, tick, queued } = behind();
    expect(tick(due - 240_000).enqueued).toBeGreaterThan(0);
    // Nothing was sent for 40 s: ~200 rows wait past their slots and push the rest by ~22 s, within the
    // promise. Only the next two minutes' worth is queued, in order; the last ~200 of the burst, now a
    // little past their due time, are not sent early to make up for it.
    const now = due - 200_000;
    const r = tick(now);
    expect(r.forecast.late).toBe(0);
    const q = queued();
    expect(q.n).toBeLessThan(1500);
    expect(q.last).toBeLessThanOrEqual(now + QUEUE_AHEAD_MS);
    const users = db.prepare("SELECT user_id AS id FROM outbox ORDER BY not_before, id").all() as {
      id: number;
    }[];
    expect(users.map((u) => u.id)).toEqual(Array.from({ length: q.n }, (_, i) => i + 1));
    db.close();
  });

  it("behind by more than half the promise: those queued earlier move up too, so the run goes in its order", () => {
    const { db, due, tick } = behind();
    tick(due - 240_000);
    // Nothing sent for 90 s: ~650 rows past their slots push the rest by ~72 s. Rows queued for the next
    // 30 s and the rest of the run all go now, in the plan's order (by user), not the new ones first.
    const now = due - 150_000;
    expect(tick(now).forecast.late).toBeGreaterThan(0);
    const rows = db
      .prepare("SELECT user_id AS id, next_attempt_at AS at FROM outbox ORDER BY next_attempt_at, id")
      .all() as {
      id: number;
      at: number;
    }[];
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(rows.every((r) => r.at <= now)).toBe(true);
    db.close();
  });

  it("so far behind that some would be late: all of them are queued to go as soon as they may", () => {
    const { db, due, tick, queued } = behind();
    tick(due - 240_000);
    const now = due - 100_000;
    const r = tick(now);
    expect(r.forecast.late).toBeGreaterThan(0);
    const q = queued();
    expect(q.n).toBe(2000);
    expect(q.last).toBe(now);
    db.close();
  });
});

describe("the planner in a deployment of several conferences", () => {
  const FOLLOWERS = 600;
  /** Two conferences with the same session at the same minute: users 1…600 follow main's, 601…1,200 the other's. */
  function twoConferences(): Db {
    const db = openDatabase(join(tempDir(), "two.sqlite"));
    loadProgramme(db, smallProgramme(), T0, "main");
    loadProgramme(db, qualifyProgramme(smallProgramme(), "other:"), T0, "other");
    db.transaction(() => {
      for (let id = 1; id <= 2 * FOLLOWERS; id++) {
        touchUser(db, { id, chatId: id, firstName: `U${id}` }, T0);
        // User ids in order: a plan by user would send every one of main's before any of the other's.
        subscribe(db, id, id <= FOLLOWERS ? "async-io" : "other:async-io", T0);
      }
    })();
    return db;
  }

  it("plans the reminders of two conferences' sessions at the same minute on one budget, every one in time", () => {
    const db = twoConferences();
    const due = START - 10 * MIN;
    // Ticks every 30 s from well before, as the cron does, at 25 messages a second.
    for (let now = due - 5 * MIN; now <= due; now += 30_000)
      planReminders(db, { now, defaultMinutes: 10, rate: 25 });
    const rows = db
      .prepare(
        "SELECT session_id AS s, max(not_before) AS last, count(*) AS n FROM outbox GROUP BY session_id ORDER BY s",
      )
      .all();
    expect(rows).toEqual([
      { s: "async-io", last: expect.any(Number), n: FOLLOWERS },
      { s: "other:async-io", last: expect.any(Number), n: FOLLOWERS },
    ]);
    // 1,200 messages at 25/s take 48 s: the plan starts early enough that both conferences' last go by the due time.
    for (const r of rows as { last: number }[]) expect(r.last).toBeLessThanOrEqual(due);
    db.close();
  });

  it("shares the lateness of a burst that cannot all be on time between the two conferences, turn by turn", () => {
    const db = twoConferences();
    const due = START - 10 * MIN;
    // The first tick 20 s before they are due: 1,200 at 25/s take 48 s, so some must be late.
    const r = planReminders(db, { now: due - 20_000, defaultMinutes: 10, rate: 25 });
    expect(r.forecast.late + r.forecast.total).toBeGreaterThan(0);
    const order = (
      db.prepare("SELECT session_id AS s FROM outbox ORDER BY next_attempt_at, id").all() as { s: string }[]
    ).map((row) => row.s);
    expect(order).toHaveLength(2 * FOLLOWERS);
    // Turn by turn: each conference has one send in every two, so neither waits for all of the other's.
    for (let i = 0; i < order.length; i += 2) expect(new Set(order.slice(i, i + 2)).size).toBe(2);
    db.close();
  });
});
