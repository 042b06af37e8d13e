import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ScheduleServer, startScheduleServer } from "../../test/support/schedule-server.js";
import { editSession, shift, syncProgramme } from "../../test/support/sync-programme.js";
import { tempDir } from "../../test/support/tmp.js";
import { noticeEntries } from "../delivery/notices.js";
import { type Db, openDatabase } from "../store/db.js";
import { readProgramme } from "../store/programme-store.js";
import { currentVersion } from "../store/programme-versions.js";
import { subscribe } from "../store/subscriptions.js";
import { touchUser } from "../store/users.js";
import type { Programme } from "./model.js";
import { ProgrammeService } from "./service.js";
import { SOURCE_VIEWS, SourceSync } from "./sync.js";

const T0 = Date.parse("2030-02-01T00:00:00Z");
const ADMIN = 1;
const text = (p: Programme) => JSON.stringify(p, null, 1);

let servers: ScheduleServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(p: Programme, options: { etags?: boolean } = {}) {
  const server = await startScheduleServer(text(p), options);
  servers.push(server);
  return server;
}

/** A bot's view of one database file: the service and the sync, as main.ts wires them. */
function open(file: string, url: string, now: { t: number }, timeoutMs = 2000) {
  const db = openDatabase(file);
  const clock = () => now.t;
  const service = new ProgrammeService({ db, clock, defaultMinutes: 10 });
  const sync = new SourceSync({
    db,
    service,
    clock,
    url,
    limits: { timeoutMs, maxBytes: 1_000_000 },
    organizerIds: [ADMIN],
  });
  return { db, service, sync };
}

interface OutboxNotice {
  user_id: number;
  dedupe_key: string;
  status: string;
  view: string;
  params: Record<string, unknown>;
}

function outbox(db: Db): OutboxNotice[] {
  return (
    db
      .prepare("SELECT user_id, dedupe_key, status, payload FROM outbox WHERE kind = 'notice' ORDER BY id")
      .all() as {
      user_id: number;
      dedupe_key: string;
      status: string;
      payload: string;
    }[]
  ).map((r) => {
    const p = JSON.parse(r.payload) as { view: string; params: Record<string, unknown> };
    return { user_id: r.user_id, dedupe_key: r.dedupe_key, status: r.status, view: p.view, params: p.params };
  });
}

/** The change notices to attendees: user → the sessions each notice lists. */
function attendeeNotices(db: Db): [number, string[]][] {
  return outbox(db)
    .filter((n) => n.view === "notice")
    .map((n) => [n.user_id, (noticeEntries(db, n.params) ?? []).map((e) => e.sessionId)]);
}

const organizerViews = (db: Db) =>
  outbox(db)
    .filter((n) => n.user_id === ADMIN)
    .map((n) => n.view);

function people(db: Db) {
  touchUser(db, { id: ADMIN, chatId: 1, firstName: "Org", languageCode: "en" }, T0);
  touchUser(db, { id: 2, chatId: 2, firstName: "Anna", languageCode: "ru" }, T0);
  touchUser(db, { id: 3, chatId: 3, firstName: "Bob", languageCode: "en" }, T0);
  touchUser(db, { id: 4, chatId: 4, firstName: "Cid", languageCode: "en" }, T0);
  subscribe(db, 2, "talk-1", T0);
  subscribe(db, 2, "talk-2", T0);
  subscribe(db, 3, "talk-1", T0);
  subscribe(db, 4, "talk-5", T0);
}

describe("following a published schedule", () => {
  it("applies new versions through the service, conditional requests in between, one notice per person", async () => {
    const v1 = syncProgramme(10);
    const server = await serve(v1);
    const now = { t: T0 };
    const { db, sync, service } = open(join(tempDir(), "s.sqlite"), server.url, now);
    expect(await sync.syncNow("start")).toMatchObject({ kind: "applied", version: 1 });
    expect(readProgramme(db)?.sessions).toHaveLength(10);
    people(db);

    now.t += 1000;
    expect(await sync.syncNow("poll")).toEqual({ kind: "not-modified" });
    expect(server.requests.at(-1)).toMatchObject({ status: 304 });
    expect(server.requests.at(-1)?.ifNoneMatch).toMatch(/^"v1-/);

    // v2 moves talk-1 and cancels talk-2: Anna follows both, Bob only the first, Cid neither.
    const v2 = editSession(
      editSession(v1, "talk-1", (s) => shift(s, 300)),
      "talk-2",
      (s) => {
        s.cancelled = true;
      },
    );
    server.publish(text(v2));
    const swapped: number[] = [];
    service.onChange((_, version) => swapped.push(version));
    const r = await sync.syncNow("poll");
    expect(r).toMatchObject({ kind: "applied", version: 2 });
    expect(swapped).toEqual([2]);
    // In time order: talk-2 (cancelled, 09:00) before talk-1 (now at 14:00).
    expect(attendeeNotices(db)).toEqual([
      [2, ["talk-2", "talk-1"]],
      [3, ["talk-1"]],
    ]);
    // Subscriptions survive, reminders follow the new time.
    expect(db.prepare("SELECT COUNT(*) AS n FROM subscriptions").get()).toEqual({ n: 4 });
    expect(readProgramme(db)?.sessions.find((s) => s.id === "talk-1")?.start).toBe(
      "2030-03-01T14:00:00+05:00",
    );

    // The same version again (304, and a 200 of the same text after the server lost its ETags) tells nobody.
    expect(await sync.syncNow("poll")).toEqual({ kind: "not-modified" });
    expect(attendeeNotices(db)).toHaveLength(2);
    expect(currentVersion(db)).toBe(2);
    db.close();
  });

  it("keeps the programme through 500s, a timeout, garbage and cut-off bodies; organizers hear once each way", async () => {
    const v1 = syncProgramme(10);
    const server = await serve(v1);
    const now = { t: T0 };
    const { db, sync } = open(join(tempDir(), "f.sqlite"), server.url, now, 300);
    await sync.syncNow("start");
    people(db);
    const stored = JSON.stringify(readProgramme(db));

    server.mode("error");
    expect(await sync.syncNow("poll")).toMatchObject({
      kind: "failed",
      fresh: true,
      error: expect.stringContaining("HTTP 500"),
    });
    expect(await sync.syncNow("poll")).toMatchObject({ kind: "failed", fresh: false });
    server.mode("hang");
    expect(await sync.syncNow("poll")).toMatchObject({
      kind: "failed",
      error: expect.stringContaining("within 0.3 s"),
    });
    server.mode("cut");
    server.publish(text(editSession(v1, "talk-1", (s) => shift(s, 300))));
    expect(await sync.syncNow("poll")).toMatchObject({ kind: "failed", fresh: false });
    server.mode("serve");
    server.publish("<html><body>502 Bad Gateway</body></html>");
    expect(await sync.syncNow("poll")).toMatchObject({ kind: "failed", fresh: false });
    // A file truncated by the exporter, served whole: no programme either.
    const full = text(v1);
    server.publish(full.slice(0, Math.floor(full.length * 0.6)));
    expect(await sync.syncNow("poll")).toMatchObject({ kind: "failed", fresh: false });
    expect(JSON.stringify(readProgramme(db))).toBe(stored);
    expect(sync.state()).toMatchObject({ brokenSince: T0, lastError: expect.any(String) });
    expect(organizerViews(db)).toEqual([SOURCE_VIEWS.broken]);

    // The source works again (the very version we have): organizers hear it recovered, attendees nothing.
    server.publish(full);
    expect(await sync.syncNow("poll")).toEqual({ kind: "unchanged" });
    expect(await sync.syncNow("poll")).toEqual({ kind: "not-modified" });
    expect(organizerViews(db)).toEqual([SOURCE_VIEWS.broken, SOURCE_VIEWS.recovered]);
    expect(sync.state().brokenSince).toBeNull();
    expect(attendeeNotices(db)).toEqual([]);
    expect(currentVersion(db)).toBe(1);
    db.close();
  });

  it("holds a version that drops 80% of the sessions until an organizer applies it", async () => {
    const v1 = syncProgramme(10);
    const server = await serve(v1);
    const now = { t: T0 };
    const { db, sync } = open(join(tempDir(), "h.sqlite"), server.url, now);
    await sync.syncNow("start");
    people(db);
    const half: Programme = { ...v1, sessions: v1.sessions.slice(8) };
    server.publish(text(half));
    const held = await sync.syncNow("poll");
    expect(held).toMatchObject({ kind: "held", fresh: true });
    expect(readProgramme(db)?.sessions).toHaveLength(10);
    expect(attendeeNotices(db)).toEqual([]);
    const heldMessages = outbox(db).filter((n) => n.view === SOURCE_VIEWS.held);
    expect(heldMessages.map((n) => n.params)).toEqual([
      expect.objectContaining({ dropped: 8, total: 10, removed: 8, recipients: 3 }),
    ]);
    // Later polls keep holding it without telling anyone again.
    expect(await sync.syncNow("poll")).toMatchObject({ kind: "held", fresh: false });
    expect(outbox(db).filter((n) => n.view === SOURCE_VIEWS.held)).toHaveLength(1);

    if (held.kind !== "held") throw new Error("held");
    expect(await sync.applyHeld("AAAAAAAAAAAA", ADMIN)).toEqual({ ok: false, reason: "gone" });
    const applied = await sync.applyHeld(held.token, ADMIN);
    expect(applied).toMatchObject({ ok: true, version: 2 });
    expect(readProgramme(db)?.sessions.map((s) => s.id)).toEqual(["talk-9", "talk-10"]);
    expect(attendeeNotices(db)).toEqual([
      [2, ["talk-1", "talk-2"]],
      [3, ["talk-1"]],
      [4, ["talk-5"]],
    ]);
    // Applied once: the button again, and the next polls, do nothing more.
    expect(await sync.applyHeld(held.token, ADMIN)).toEqual({ ok: false, reason: "gone" });
    expect(await sync.syncNow("poll")).toEqual({ kind: "not-modified" });
    expect(attendeeNotices(db)).toHaveLength(3);
    expect(db.prepare("SELECT action FROM audit_log").all()).toEqual([{ action: "apply-held" }]);
    db.close();
  });

  it("loses and repeats nothing across restarts between versions", async () => {
    const v1 = syncProgramme(10);
    const server = await serve(v1, { etags: false });
    const file = join(tempDir(), "r.sqlite");
    const now = { t: T0 };
    let bot = open(file, server.url, now);
    await bot.sync.syncNow("start");
    people(bot.db);
    bot.db.close();

    // Published while the bot was down: the restart applies it, once.
    server.publish(text(editSession(v1, "talk-5", (s) => shift(s, 300))));
    bot = open(file, server.url, now);
    expect(await bot.sync.syncNow("start")).toMatchObject({ kind: "applied", version: 2 });
    bot.db.close();
    bot = open(file, server.url, now);
    expect(await bot.sync.syncNow("start")).toEqual({ kind: "not-modified" });
    expect(server.requests.at(-1)?.ifModifiedSince).toBeTruthy();
    expect(attendeeNotices(bot.db)).toEqual([[4, ["talk-5"]]]);

    // A broken source stays broken across a restart without telling the organizers again; a held version
    // stays held.
    server.mode("error");
    await bot.sync.syncNow("poll");
    bot.db.close();
    bot = open(file, server.url, now);
    expect(await bot.sync.syncNow("start")).toMatchObject({ kind: "failed", fresh: false });
    server.mode("serve");
    server.publish(text({ ...v1, sessions: v1.sessions.slice(0, 1) }));
    expect(await bot.sync.syncNow("poll")).toMatchObject({ kind: "held", fresh: true });
    bot.db.close();
    bot = open(file, server.url, now);
    expect(await bot.sync.syncNow("start")).toMatchObject({ kind: "held", fresh: false });
    expect(organizerViews(bot.db)).toEqual([SOURCE_VIEWS.broken, SOURCE_VIEWS.recovered, SOURCE_VIEWS.held]);
    expect(attendeeNotices(bot.db)).toEqual([[4, ["talk-5"]]]);
    bot.db.close();
  });

  it("refuses a body over the size limit", async () => {
    const server = await serve(syncProgramme(10));
    const db = openDatabase(join(tempDir(), "l.sqlite"));
    const service = new ProgrammeService({ db, clock: () => T0, defaultMinutes: 10 });
    const sync = new SourceSync({
      db,
      service,
      clock: () => T0,
      url: server.url,
      limits: { timeoutMs: 2000, maxBytes: 1000 },
      organizerIds: [],
    });
    expect(await sync.syncNow("start")).toMatchObject({
      kind: "failed",
      error: expect.stringContaining("larger than the limit of 1000 bytes"),
    });
    expect(readProgramme(db)).toBeUndefined();
    db.close();
  });
});
