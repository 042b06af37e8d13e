import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import type { Programme } from "../programme/model.js";
import { openDatabase } from "../store/db.js";
import { enqueue, outboxCounts } from "../store/outbox.js";
import { loadProgramme } from "../store/programme-store.js";
import { subscribe } from "../store/subscriptions.js";
import { markUserBlocked, touchUser } from "../store/users.js";
import {
  applyProgrammeChange,
  countNoticeRecipients,
  NOTICE_VIEW,
  type NoticeParams,
  noticeEntries,
} from "./notices.js";

const T0 = Date.parse("2030-02-01T00:00:00Z");

function setup() {
  const db = openDatabase(join(tempDir(), "n.sqlite"));
  loadProgramme(db, smallProgramme(), T0);
  for (const id of [1, 2, 3, 4]) touchUser(db, { id, chatId: id * 10, firstName: `U${id}` }, T0);
  subscribe(db, 1, "async-io", T0);
  subscribe(db, 2, "async-io", T0);
  subscribe(db, 2, "caching", T0);
  subscribe(db, 3, "caching", T0);
  subscribe(db, 4, "async-io", T0);
  markUserBlocked(db, 4, T0);
  return db;
}

function edited(edit: (p: Programme) => void): Programme {
  const p = smallProgramme();
  edit(p);
  return p;
}

const moveAsyncIo = (p: Programme) => {
  const s = p.sessions[0];
  if (!s) throw new Error("fixture");
  s.start = "2030-03-01T14:00:00+05:00";
  s.end = "2030-03-01T15:00:00+05:00";
  s.room = "hall-b";
};

function notices(db: ReturnType<typeof setup>) {
  return (
    db
      .prepare(
        "SELECT user_id, chat_id, session_id, payload, status, dedupe_key FROM outbox WHERE kind = 'notice' ORDER BY id",
      )
      .all() as {
      user_id: number;
      chat_id: number;
      session_id: string;
      payload: string;
      status: string;
      dedupe_key: string;
    }[]
  ).map((r) => {
    const payload = JSON.parse(r.payload) as { view: string; params: unknown };
    const entries = noticeEntries(db, payload.params) ?? [];
    // Most cases here change one session: `params` is that one entry, `entries` all of them.
    return { ...r, entries, payload: { view: payload.view, params: entries[0] as NoticeParams } };
  });
}

describe("change notices", () => {
  it("tells nobody about a session that is over before and after the change, and counts it so", () => {
    const db = setup();
    const afterBoth = Date.parse("2030-03-02T00:00:00+05:00");
    const r = applyProgrammeChange(db, edited(moveAsyncIo), { now: afterBoth, defaultMinutes: 10 });
    expect(r.changes.map((c) => c.sessionId)).toEqual(["async-io"]);
    expect(r.notices).toBe(0);
    expect(countNoticeRecipients(db, r.changes, afterBoth)).toBe(0);
    expect(countNoticeRecipients(db, r.changes, T0)).toBe(2);
    expect(notices(db)).toEqual([]);
  });

  it("tells exactly the reachable subscribers of a moved session, once each, in the load's transaction", () => {
    const db = setup();
    const r = applyProgrammeChange(db, edited(moveAsyncIo), { now: T0 + 1, defaultMinutes: 10 });
    expect(countNoticeRecipients(db, r.changes, T0 + 1)).toBe(2);
    expect(r.changes.map((c) => c.sessionId)).toEqual(["async-io"]);
    expect(r.notices).toBe(2);
    const rows = notices(db);
    expect(rows.map((n) => [n.user_id, n.chat_id, n.session_id, n.status])).toEqual([
      [1, 10, "async-io", "pending"],
      [2, 20, "async-io", "pending"],
    ]);
    const params = rows[0]?.payload.params;
    expect(rows[0]?.payload.view).toBe(NOTICE_VIEW);
    expect(params?.before).toMatchObject({
      start: "2030-03-01T10:00:00+05:00",
      room: "hall-a",
      cancelled: false,
    });
    expect(params?.after).toMatchObject({
      start: "2030-03-01T14:00:00+05:00",
      room: "hall-b",
      cancelled: false,
    });
    expect(rows[0]?.dedupe_key).toMatch(/^notice:1:/);
    expect(rows[0]?.payload).toMatchObject({ view: NOTICE_VIEW });
    // Loading the same programme again changes nothing and tells nobody.
    expect(applyProgrammeChange(db, edited(moveAsyncIo), { now: T0 + 2, defaultMinutes: 10 }).notices).toBe(
      0,
    );
    db.close();
  });

  it("tells subscribers of a cancelled or removed session; abstract-only edits tell nobody", () => {
    const db = setup();
    const r = applyProgrammeChange(
      db,
      edited((p) => {
        const caching = p.sessions[1];
        const io = p.sessions[0];
        if (!caching || !io) throw new Error("fixture");
        caching.cancelled = true;
        io.abstract = { en: "New abstract.", ru: "Новая аннотация." };
      }),
      { now: T0 + 1, defaultMinutes: 10 },
    );
    expect(r.changes.map((c) => c.sessionId)).toEqual(["caching"]);
    expect(notices(db).map((n) => [n.user_id, n.payload.params.after?.cancelled])).toEqual([
      [2, true],
      [3, true],
    ]);
    const removed = applyProgrammeChange(
      db,
      edited((p) => {
        p.sessions.splice(0, 1);
        const caching = p.sessions[0];
        if (caching) caching.cancelled = true;
      }),
      { now: T0 + 2, defaultMinutes: 10 },
    );
    expect(removed.changes.map((c) => [c.sessionId, c.after])).toEqual([["async-io", null]]);
    db.close();
  });

  it("supersedes a notice not yet sent, and sends nothing when the session is back as it was", () => {
    const db = setup();
    applyProgrammeChange(db, edited(moveAsyncIo), { now: T0 + 1, defaultMinutes: 10 });
    applyProgrammeChange(
      db,
      edited((p) => {
        moveAsyncIo(p);
        const s = p.sessions[0];
        if (s) s.room = "hall-a";
      }),
      { now: T0 + 2, defaultMinutes: 10 },
    );
    let rows = notices(db).filter((n) => n.status === "pending");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.payload.params.before).toMatchObject({
      start: "2030-03-01T10:00:00+05:00",
      room: "hall-a",
    });
    expect(rows[0]?.payload.params.after).toMatchObject({
      start: "2030-03-01T14:00:00+05:00",
      room: "hall-a",
    });
    applyProgrammeChange(db, smallProgramme(), { now: T0 + 3, defaultMinutes: 10 });
    rows = notices(db).filter((n) => n.status === "pending");
    expect(rows).toEqual([]);
    expect(outboxCounts(db).dropped).toBe(4);
    db.close();
  });

  it("moves the reminder: the old one is dropped and the new time is planned", () => {
    const db = setup();
    const start = Date.parse("2030-03-01T10:00:00+05:00");
    // 5 minutes before the old start the reminder is pending.
    const before = applyProgrammeChange(db, smallProgramme(), {
      now: start - 5 * 60_000,
      defaultMinutes: 10,
    });
    expect(before.plan.enqueued).toBe(4);
    const r = applyProgrammeChange(db, edited(moveAsyncIo), { now: start - 4 * 60_000, defaultMinutes: 10 });
    expect(r.plan.dropped.filter((d) => d.sessionId === "async-io").map((d) => [d.userId, d.reason])).toEqual(
      [
        [1, "session-moved"],
        [2, "session-moved"],
      ],
    );
    const newStart = Date.parse("2030-03-01T14:00:00+05:00");
    const later = applyProgrammeChange(db, edited(moveAsyncIo), {
      now: newStart - 5 * 60_000,
      defaultMinutes: 10,
    });
    expect(later.plan.enqueued).toBe(2);
    const keys = (
      db
        .prepare(
          "SELECT dedupe_key FROM outbox WHERE kind = 'reminder' AND status = 'pending' AND session_id = 'async-io'",
        )
        .all() as {
        dedupe_key: string;
      }[]
    ).map((k) => k.dedupe_key);
    expect(keys.sort()).toEqual([`reminder:1:async-io:${newStart}`, `reminder:2:async-io:${newStart}`]);
    db.close();
  });

  it("does not touch other outbox rows", () => {
    const db = setup();
    enqueue(
      db,
      [
        {
          kind: "broadcast",
          dedupeKey: "broadcast:1:1",
          userId: 1,
          chatId: 10,
          payload: { type: "message", text: "hi" },
          notBefore: T0,
        },
      ],
      T0,
    );
    applyProgrammeChange(db, edited(moveAsyncIo), { now: T0 + 1, defaultMinutes: 10 });
    expect(outboxCounts(db)).toMatchObject({ pending: 3, dropped: 0 });
    db.close();
  });

  it("tells a user who follows several changed sessions once, listing them, and merges a notice still waiting", () => {
    const db = setup();
    const both = (p: Programme) => {
      moveAsyncIo(p);
      const caching = p.sessions[1];
      if (caching) caching.cancelled = true;
    };
    applyProgrammeChange(db, edited(both), { now: T0 + 1, defaultMinutes: 10 });
    expect(notices(db).map((n) => [n.user_id, n.session_id, n.entries.map((e) => e.sessionId)])).toEqual([
      [1, "async-io", ["async-io"]],
      [2, null, ["caching", "async-io"]],
      [3, "caching", ["caching"]],
    ]);
    // async-io moves again before anything was sent: user 2's one notice still names both, "was" as first told.
    applyProgrammeChange(
      db,
      edited((p) => {
        both(p);
        const s = p.sessions[0];
        if (s) s.room = "hall-a";
      }),
      { now: T0 + 2, defaultMinutes: 10 },
    );
    const pending = notices(db)
      .filter((n) => n.status === "pending")
      .sort((a, b) => a.user_id - b.user_id);
    expect(pending.map((n) => [n.user_id, n.entries.map((e) => e.sessionId)])).toEqual([
      [1, ["async-io"]],
      [2, ["caching", "async-io"]],
      [3, ["caching"]],
    ]);
    const anna = pending.find((n) => n.user_id === 2)?.entries ?? [];
    // In time order: caching (10:00, cancelled), then async-io (now at 14:00).
    expect(anna[0]?.after).toMatchObject({ cancelled: true });
    expect(anna[1]?.before).toMatchObject({ start: "2030-03-01T10:00:00+05:00", room: "hall-a" });
    expect(anna[1]?.after).toMatchObject({ start: "2030-03-01T14:00:00+05:00", room: "hall-a" });
    db.close();
  });
});
