import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../test/support/cli.js";
import { editSession, shift, syncProgramme } from "../../test/support/sync-programme.js";
import { tempDir } from "../../test/support/tmp.js";
import { type Db, openDatabase } from "../store/db.js";
import { readProgramme } from "../store/programme-store.js";
import { currentVersion, latestVersion } from "../store/programme-versions.js";
import { subscribe } from "../store/subscriptions.js";
import { touchUser } from "../store/users.js";
import { ProgrammeService } from "./service.js";

const T0 = Date.parse("2030-02-01T00:00:00Z");

function setup(file = join(tempDir(), "p.sqlite")) {
  const db = openDatabase(file);
  const service = new ProgrammeService({ db, clock: () => T0, defaultMinutes: 10 });
  service.commit(service.prepare(syncProgramme(10)), { origin: "startup" });
  touchUser(db, { id: 1, chatId: 1, languageCode: "en" }, T0);
  touchUser(db, { id: 2, chatId: 2, languageCode: "ru" }, T0);
  subscribe(db, 1, "talk-1", T0);
  subscribe(db, 2, "talk-1", T0);
  subscribe(db, 2, "talk-3", T0);
  return { db, service, file };
}

const notices = (db: Db) =>
  (
    db.prepare("SELECT user_id FROM outbox WHERE kind = 'notice' ORDER BY user_id").all() as {
      user_id: number;
    }[]
  ).map((r) => r.user_id);

describe("the programme service", () => {
  it("previews without writing, then commits programme, notices, reminders and a version together", () => {
    const { db, service } = setup();
    const installed: number[] = [];
    service.onChange((p, v) => installed.push(v, p.sessions.length));
    const moved = editSession(syncProgramme(10), "talk-1", (s) => shift(s, 300));
    const change = service.prepare(moved);
    expect(change).toMatchObject({ baseVersion: 1, recipients: 2, differs: true, dropped: 0, total: 10 });
    expect(change.changes.map((c) => c.sessionId)).toEqual(["talk-1"]);
    expect(notices(db)).toEqual([]);
    expect(currentVersion(db)).toBe(1);

    const outcome = service.commit(change, { origin: "reload", audit: { adminId: 9, action: "reload" } });
    expect(outcome).toMatchObject({ ok: true, version: 2 });
    expect(installed).toEqual([2, 10]);
    expect(notices(db)).toEqual([1, 2]);
    expect(latestVersion(db)).toMatchObject({
      version: 2,
      origin: "reload",
      summary: { changed: 1, notices: 2 },
    });
    expect(db.prepare("SELECT action FROM audit_log").all()).toEqual([{ action: "reload" }]);
    // The same programme again is no new version and tells nobody.
    expect(service.commit(service.prepare(moved), { origin: "reload" })).toMatchObject({
      ok: true,
      version: 2,
    });
    expect(notices(db)).toEqual([1, 2]);
    db.close();
  });

  it("counts removed and cancelled sessions, and a speaker's new biography as a difference", () => {
    const { db, service } = setup();
    const p = syncProgramme(10);
    p.sessions.splice(0, 2);
    const cancelled = editSession(p, "talk-3", (s) => {
      s.cancelled = true;
    });
    expect(service.prepare(cancelled)).toMatchObject({ dropped: 3, total: 10 });
    const bio = syncProgramme(10);
    const speaker = bio.speakers[0];
    if (speaker) speaker.bio = { en: "Writes code.", ru: "Пишет код." };
    expect(service.prepare(bio)).toMatchObject({ differs: true, changes: [] });
    expect(service.prepare(syncProgramme(10)).differs).toBe(false);
    db.close();
  });

  it("refuses a change prepared against an older version, and rolls everything back when a step fails", () => {
    const { db, service } = setup();
    const first = service.prepare(editSession(syncProgramme(10), "talk-1", (s) => shift(s, 300)));
    const second = service.prepare(editSession(syncProgramme(10), "talk-3", (s) => shift(s, 300)));
    expect(service.commit(first, { origin: "move" }).ok).toBe(true);
    expect(service.commit(second, { origin: "move" })).toEqual({ ok: false, reason: "stale" });

    const before = JSON.stringify(readProgramme(db));
    const third = service.prepare(editSession(syncProgramme(10), "talk-3", (s) => shift(s, 300)));
    expect(() =>
      service.commit(third, {
        origin: "move",
        within: () => {
          throw new Error("disk full");
        },
      }),
    ).toThrow("disk full");
    expect(JSON.stringify(readProgramme(db))).toBe(before);
    expect(currentVersion(db)).toBe(2);
    expect(notices(db)).toEqual([1, 2]);
    db.close();
  });

  it("sees a version another process committed (the CLI's `programme load`) and swaps", () => {
    const { db, service, file } = setup();
    const swapped: string[] = [];
    service.onChange((p) => swapped.push(p.sessions[0]?.start ?? ""));
    expect(service.refresh()).toBe(false);

    const edited = join(tempDir(), "edited.json");
    writeFileSync(edited, JSON.stringify(editSession(syncProgramme(10), "talk-1", (s) => shift(s, 300))));
    const cli = runCli(["programme", "load", edited], { env: { DATABASE_PATH: file } });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain("version 2; 2 change notices queued for the bot to send");

    expect(service.refresh()).toBe(true);
    expect(service.version).toBe(2);
    expect(swapped).toEqual(["2030-03-01T14:00:00+05:00"]);
    expect(notices(db)).toEqual([1, 2]);
    expect(service.refresh()).toBe(false);
    db.close();
  });
});
