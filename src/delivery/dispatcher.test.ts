import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { waitUntil } from "../../test/support/wait.js";
import { openDatabase } from "../store/db.js";
import { enqueue, outboxCounts } from "../store/outbox.js";
import { touchUser } from "../store/users.js";
import { Dispatcher, type Transport } from "./dispatcher.js";
import { outboxHooks } from "./outcomes.js";
import { RateLimiter } from "./rate-limiter.js";

const USERS = 40;
const MAX_IN_FLIGHT = 5;

/** A database with `n` users and one broadcast message queued for each, due now. */
function queued(n = USERS) {
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  const now = Date.now();
  for (let id = 1; id <= n; id++) touchUser(db, { id, chatId: id }, now);
  enqueue(
    db,
    Array.from({ length: n }, (_, i) => ({
      kind: "broadcast" as const,
      dedupeKey: `broadcast:1:${i + 1}`,
      userId: i + 1,
      chatId: i + 1,
      payload: { type: "message" as const, text: "hello" },
      notBefore: now,
    })),
    now,
  );
  return db;
}

describe("the dispatcher when outcomes cannot be recorded", () => {
  it("stops sending at once, keeps what it could not write, and resumes without re-sending anything", async () => {
    const db = queued();
    const perChat = new Map<number, number>();
    let total = 0;
    let haltedAt: number | undefined;
    const transport: Transport = {
      send: async (m) => {
        perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
        // The disk goes read-only under the bot after the 12th message (SQLite refuses every write).
        if (++total === 12) db.pragma("query_only = ON");
        await new Promise((r) => setTimeout(r, 2));
        return { ok: true };
      },
    };
    const events: string[] = [];
    const dispatcher = new Dispatcher({
      db,
      ...outboxHooks(db),
      transport,
      render: (row) => ({ chatId: row.chatId, text: "hello" }),
      clock: Date.now,
      logger: pino({ level: "silent" }),
      rate: 1000,
      perChatMs: 0,
      maxInFlight: MAX_IN_FLIGHT,
      storageRetryMs: 20,
      onHalt: (err, unrecorded) => {
        haltedAt = total;
        events.push(`halt:${(err as { code?: string }).code}:${unrecorded}`);
      },
      onResume: () => events.push("resume"),
    });
    dispatcher.start();
    await waitUntil(() => dispatcher.halted, "the dispatcher to stop");
    // Let it try: nothing more goes out while the outcomes cannot be written.
    await new Promise((r) => setTimeout(r, 200));
    const whileHalted = total;
    expect(whileHalted).toBeLessThanOrEqual(12 + MAX_IN_FLIGHT - 1);
    expect(haltedAt).toBeDefined();
    expect(events).toEqual(["halt:SQLITE_READONLY:1"]);

    db.pragma("query_only = OFF");
    await waitUntil(() => outboxCounts(db).sent === USERS, "every message recorded as sent");
    await dispatcher.stop();
    expect(events).toEqual(["halt:SQLITE_READONLY:1", "resume"]);
    expect(total).toBe(USERS);
    for (let id = 1; id <= USERS; id++) expect(perChat.get(id), `chat ${id}`).toBe(1);
  });

  it("sends nothing while another process holds the dispatch lease", async () => {
    const db = queued();
    let total = 0;
    let mayDispatch = false;
    const dispatcher = new Dispatcher({
      db,
      ...outboxHooks(db),
      transport: {
        send: async () => {
          total++;
          return { ok: true };
        },
      },
      render: (row) => ({ chatId: row.chatId, text: "hello" }),
      clock: Date.now,
      logger: pino({ level: "silent" }),
      rate: 1000,
      perChatMs: 0,
      pollMs: 10,
      mayDispatch: () => mayDispatch,
    });
    dispatcher.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(total).toBe(0);
    mayDispatch = true;
    await waitUntil(() => outboxCounts(db).sent === USERS, "every message sent once the lease is ours");
    await dispatcher.stop();
    expect(total).toBe(USERS);
  });
});

describe("the dispatcher's in-flight bound", () => {
  /** `n` broadcast rows due now, to distinct chats, and a transport that answers only when told to. */
  function held(n: number) {
    const db = queued(n);
    const waiting: (() => void)[] = [];
    let paid = 0;
    const transport: Transport = {
      send: (m) => {
        if (m.paid) paid++;
        return new Promise((resolve) => waiting.push(() => resolve({ ok: true })));
      },
    };
    const release = () => {
      for (const w of waiting.splice(0)) w();
    };
    return { db, transport, waiting, release, paid: () => paid };
  }

  it("is 10 at 25/s and 100 for paid broadcasts at 1,000/s, so they are not held to 100/s", async () => {
    for (const [paidRate, bound, rows] of [
      [undefined, 10, 15],
      [1000, 100, 150],
    ] as const) {
      const { db, transport, waiting, release, paid } = held(rows);
      const dispatcher = new Dispatcher({
        db,
        ...outboxHooks(db),
        transport,
        render: (row) => ({ chatId: row.chatId, text: "hello" }),
        clock: Date.now,
        logger: pino({ level: "silent" }),
        limiter: new RateLimiter(25, Date.now(), paidRate ? { paidRate } : {}),
        paidKinds: ["broadcast"],
      });
      dispatcher.start();
      await waitUntil(() => waiting.length === bound, `${bound} sends in flight`);
      await new Promise((r) => setTimeout(r, 50));
      expect(waiting.length).toBe(bound);
      expect(paid()).toBe(paidRate ? bound : 0);
      while (outboxCounts(db).sent < rows) {
        release();
        await new Promise((r) => setTimeout(r, 5));
      }
      await dispatcher.stop();
      db.close();
    }
  });
});

describe("rating prompts in the dispatcher", () => {
  it("go after reminders: a burst of prompts never delays a reminder falling due, and all of them go", async () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    let now = 1_000_000;
    const PROMPTS = 300;
    const REMINDERS = 60;
    for (let id = 1; id <= PROMPTS + REMINDERS; id++) touchUser(db, { id, chatId: id }, now);
    // A keynote's prompts, all due now; then the next slot's reminders, one every 100 ms (half the rate), in two
    // runs with a 10 s pause between them.
    enqueue(
      db,
      Array.from({ length: PROMPTS }, (_, i) => ({
        kind: "prompt" as const,
        dedupeKey: `rate:${i + 1}:keynote`,
        userId: i + 1,
        chatId: i + 1,
        payload: { type: "message" as const, text: "How was it?" },
        notBefore: now,
      })),
      now,
    );
    const firstReminder = now + 2000;
    const dueOf = (i: number) => firstReminder + i * 100 + (i >= REMINDERS / 2 ? 10_000 : 0);
    enqueue(
      db,
      Array.from({ length: REMINDERS }, (_, i) => ({
        kind: "reminder" as const,
        dedupeKey: `reminder:${PROMPTS + i + 1}:talk:0`,
        userId: PROMPTS + i + 1,
        chatId: PROMPTS + i + 1,
        payload: { type: "message" as const, text: "In 10 minutes" },
        notBefore: dueOf(i),
        expiresAt: firstReminder + 3_600_000,
      })),
      now,
    );
    const due = new Map<number, number>(
      Array.from({ length: REMINDERS }, (_, i) => [PROMPTS + i + 1, dueOf(i)]),
    );
    const sent: { chat: number; at: number; text: string }[] = [];
    const dispatcher = new Dispatcher({
      db,
      ...outboxHooks(db),
      // No programme here: the rows are judged by their kind alone.
      check: () => undefined,
      transport: {
        send: async (m) => {
          sent.push({ chat: m.chatId, at: now, text: m.text });
          return { ok: true };
        },
      },
      render: (row) => ({ chatId: row.chatId, text: row.kind }),
      clock: () => now,
      logger: pino({ level: "silent" }),
      limiter: new RateLimiter(20, now, { perChatMs: 0 }),
      sleep: async (ms) => {
        now += ms;
      },
    });
    await dispatcher.drain();
    const reminders = sent.filter((s) => s.text === "reminder");
    const prompts = sent.filter((s) => s.text === "prompt");
    expect(reminders).toHaveLength(REMINDERS);
    expect(prompts).toHaveLength(PROMPTS);
    expect(new Set(sent.map((s) => s.chat)).size).toBe(PROMPTS + REMINDERS);
    // Each reminder went within one send slot (50 ms at 20/s) of falling due; prompts only in the pause.
    const lateness = reminders.map((r) => r.at - (due.get(r.chat) ?? 0));
    expect(Math.max(...lateness)).toBeLessThanOrEqual(60);
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
    const pause = { from: dueOf(REMINDERS / 2 - 1), to: dueOf(REMINDERS / 2) };
    const during = (p: { at: number }) => p.at >= dueOf(0) && p.at <= dueOf(REMINDERS - 1);
    expect(prompts.filter(during).every((p) => p.at > pause.from && p.at < pause.to)).toBe(true);
    expect(prompts.filter(during).length).toBeGreaterThan(100);
    expect(outboxCounts(db)).toMatchObject({ sent: PROMPTS + REMINDERS, pending: 0 });
  });
});
