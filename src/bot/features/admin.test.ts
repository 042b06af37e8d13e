import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  callbackDataOf,
  callsOf,
  createHarness,
  type Harness,
  type TestUser,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";
import { dispatcherOf } from "../../../test/support/harness-dispatcher.js";
import {
  attendees,
  ORGANIZER_FIXTURE,
  organizerHarness as organizerWith,
} from "../../../test/support/organizer.js";
import { tempDir } from "../../../test/support/tmp.js";
import { NOTICE_VIEW } from "../../delivery/notices.js";
import { parseProgramme } from "../../programme/read.js";
import { recentAudit } from "../../store/audit.js";
import { countConversations } from "../../store/conversation-storage.js";
import { getOutboxRow, outboxCounts } from "../../store/outbox.js";
import { readProgramme } from "../../store/programme-store.js";
import { subscribe } from "../../store/subscriptions.js";
import { touchUser } from "../../store/users.js";
import { noticeView } from "../views/notice.js";
import { createOutboxRenderer } from "../views/outbox.js";
import { BroadcastProgress } from "./admin/broadcast.js";
import { reloadOnSignal } from "./admin/sighup.js";

const FIXTURE = ORGANIZER_FIXTURE;
const organizerHarness = (env: Record<string, string> = {}) => organizerWith({ env });

function outboxRows(h: Harness, kind: string) {
  return (
    h.deps.db.prepare("SELECT id FROM outbox WHERE kind = ? ORDER BY id").all(kind) as { id: number }[]
  ).flatMap((r) => getOutboxRow(h.deps.db, r.id) ?? []);
}

/** The outbox's renderer as the running bot has it, with the change notice view. */
function render(h: Harness, id: number): string | undefined {
  const row = getOutboxRow(h.deps.db, id);
  return row && createOutboxRenderer(h.deps, { [NOTICE_VIEW]: noticeView })(row, h.deps.clock())?.text;
}

describe("organizer guard", () => {
  it("refuses a non-admin's commands and forged buttons politely, and changes nothing", async () => {
    const { h, file } = organizerHarness();
    const mallory = testUser("en", "Mallory");
    const before = readFileSync(file, "utf8");
    for (const command of [
      "/broadcast hello",
      "/move flask-patterns 2 14:00",
      "/cancel scaling",
      "/restore packaging",
      "/reload",
      "/stats",
      "/audit",
    ]) {
      await h.send(mallory, command);
      expect(textOf(h.last(mallory))).toBe("🙂 Sorry, that is only for the organizers.");
    }
    for (const data of ["adm:ok:AAAAAAAA", "adm:bc:all", "adm:bc:go"]) {
      const calls = await h.pressData(mallory, data);
      expect(callsOf(calls, "answerCallbackQuery")[0]?.payload).toMatchObject({
        text: "🙂 Sorry, that is only for the organizers.",
        show_alert: true,
      });
    }
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(outboxCounts(h.deps.db).total).toBe(0);
    expect(recentAudit(h.deps.db, 10)).toEqual([]);
    expect(h.deps.catalog.session("scaling")?.cancelled).toBeUndefined();
  });

  it("refuses in Russian for a Russian user, and leaves attendee commands alone", async () => {
    const { h } = organizerHarness();
    const user = testUser("ru");
    await h.send(user, "/stats");
    expect(textOf(h.last(user))).toBe("🙂 Извините, это только для организаторов.");
    await h.send(user, "/start");
    expect(textOf(h.last(user))).toContain("👋");
  });
});

describe("/move, /cancel, /restore", () => {
  it("previews a move with who will be told, and on confirmation edits the file and notifies exactly the subscribers", async () => {
    const { h, admin, file } = organizerHarness();
    const [ann, boris, carl] = await attendees(h);
    await h.send(admin, "/move flask 2 14:00 Hall B");
    const preview = h.last(admin);
    const text = textOf(preview);
    expect(text).toContain("📝 Move “Advanced Flask patterns”");
    expect(text).toContain(
      "• Advanced Flask patterns: Mon 25 Feb, 11:00, Hall A → Tue 26 Feb, 14:00, Hall B",
    );
    expect(text).toContain("👥 2 people following this session will get a notice.");
    const data = callbackDataOf(preview);
    expect(data.every((d) => /^adm:(ok|no):[\w-]{8}$/.test(d))).toBe(true);
    // Nothing happened yet.
    expect(readFileSync(file, "utf8")).toContain("start: 2013-02-25T11:00:00+06:00 # keep me");
    expect(outboxCounts(h.deps.db).total).toBe(0);

    await h.press(admin, preview, 0);
    expect(textOf(h.last(admin))).toContain("✅ Applied. 2 notices are on their way.");
    expect(readFileSync(file, "utf8")).toContain("start: 2013-02-26T14:00:00+06:00 # keep me");
    expect(readFileSync(file, "utf8")).toContain("# ── Day 2 ──");
    expect(h.deps.catalog.session("flask-patterns")).toMatchObject({
      start: "2013-02-26T14:00:00+06:00",
      room: "hall-b",
    });
    expect(readProgramme(h.deps.db)?.sessions.find((s) => s.id === "flask-patterns")?.room).toBe("hall-b");

    const notices = outboxRows(h, "notice");
    expect(notices.map((n) => n.userId)).toEqual([ann?.id, boris?.id]);
    expect(notices.some((n) => n.userId === carl?.id)).toBe(false);
    const [en, ru] = notices.map((n) => render(h, n.id));
    expect(en).toBe(
      "🔄 <b>Changed:</b> Advanced Flask patterns — was Mon 25 Feb, 11:00, Hall A; now Tue 26 Feb, 14:00, Hall B",
    );
    expect(ru).toBe(
      "🔄 <b>Изменения в программе:</b> Продвинутые паттерны Flask — было: пн, 25 февраля, 11:00, Зал A; теперь: вт, 26 февраля, 14:00, Зал B",
    );
    const audit = recentAudit(h.deps.db, 5);
    expect(audit[0]).toMatchObject({ adminId: admin.id, action: "move" });
    expect(audit[0]?.details).toMatchObject({
      summary: "flask-patterns → 2013-02-26 14:00 hall-b",
      notices: 2,
    });

    // Pressing Apply again (a double tap, an old copy of the message) does nothing more.
    await h.pressData(admin, data[0] ?? "", preview);
    expect(textOf(h.last(admin))).toContain("This confirmation has expired");
    expect(outboxRows(h, "notice")).toHaveLength(2);
  });

  it("says nobody is told when a move only touches the past, and tells nobody", async () => {
    const { h, admin } = organizerHarness();
    await attendees(h);
    h.setNow("2013-02-27T12:00:00+06:00");
    await h.send(admin, "/move flask 2 14:00 Hall B");
    const preview = h.last(admin);
    expect(textOf(preview)).toContain("👥 Nobody is told: nobody follows it, or it is over.");
    await h.press(admin, preview, 0);
    expect(textOf(h.last(admin))).toContain("✅ Applied. Nobody needed to be told.");
    expect(outboxRows(h, "notice")).toEqual([]);
  });

  it("cancels and restores a session by search, telling its subscribers each time", async () => {
    const { h, admin } = organizerHarness();
    const [, , carl] = await attendees(h);
    await h.send(admin, "/cancel scaling for success");
    expect(textOf(h.last(admin))).toContain("❌ Cancel “Scaling for Success”");
    expect(textOf(h.last(admin))).toContain(
      "• ❌ Scaling for Success — cancelled (Tue 26 Feb, 11:00, Hall A)",
    );
    expect(textOf(h.last(admin))).toContain("👥 1 person following this session will get a notice.");
    await h.press(admin, h.last(admin), 0);
    expect(h.deps.catalog.session("scaling")?.cancelled).toBe(true);
    const [cancelled] = outboxRows(h, "notice");
    expect(cancelled?.userId).toBe(carl?.id);
    expect(render(h, cancelled?.id ?? 0)).toBe(
      "❌ <b>Cancelled:</b> Scaling for Success — Tue 26 Feb, 11:00, Hall A",
    );

    await h.send(admin, "/restore scaling");
    await h.press(admin, h.last(admin), 0);
    expect(h.deps.catalog.session("scaling")?.cancelled).toBeUndefined();
    // The cancellation was still waiting: it is superseded, and since all is as before, nobody is told anything.
    expect(outboxRows(h, "notice").map((n) => n.status)).toEqual(["dropped"]);
  });

  it("discards on ↩️ and explains bad arguments", async () => {
    const { h, admin, file } = organizerHarness();
    const before = readFileSync(file, "utf8");
    await h.send(admin, "/move flask-patterns 2 14:00");
    await h.press(admin, h.last(admin), "Change nothing");
    expect(textOf(h.last(admin))).toContain("↩️ Nothing was changed.");
    expect(readFileSync(file, "utf8")).toBe(before);

    await h.send(admin, "/move flask-patterns");
    expect(textOf(h.last(admin))).toContain("Usage: /move <session> <day> <HH:MM> [room]");
    await h.send(admin, "/move flask-patterns 5 14:00");
    expect(textOf(h.last(admin))).toContain(
      "“5” is not a conference day. Use 1–2, a date (2013-02-25, 2013-02-26)",
    );
    await h.send(admin, "/move flask-patterns 2 14:00 Hall Z");
    expect(textOf(h.last(admin))).toContain("There is no room “Hall Z”. Rooms: Hall A, Hall B.");
    await h.send(admin, "/move nonexistent thing 2 14:00");
    expect(textOf(h.last(admin))).toContain("No session matches “nonexistent thing”");
    await h.send(admin, "/cancel packaging");
    expect(textOf(h.last(admin))).toContain(
      "“Re-inventing Python packaging and testing” is already cancelled.",
    );
    // A clash is the schema's error, told from the moved session's side, sessions by title and time.
    await h.send(admin, "/move flask-patterns 2 11:30");
    expect(textOf(h.last(admin))).toBe(
      "⛔ “Advanced Flask patterns” was not moved:\n• Hall A is taken then by “Scaling for Success” (Tue 26 Feb, 11:00–12:00)",
    );
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("tells the organizer when a confirmed change cannot be applied, and takes the buttons away", async () => {
    const { h, admin } = organizerHarness();
    await h.send(admin, "/cancel scaling");
    const preview = h.last(admin);
    // The database stops taking writes between the preview and ✅ (a full disk, a read-only volume).
    h.deps.db.pragma("query_only = ON");
    await h.press(admin, preview, 0);
    const after = h.last(admin);
    expect(textOf(after)).toContain(
      "⚠️ The change could not be applied: the database takes no writes (it is read-only)",
    );
    expect(callbackDataOf(after)).toEqual([]);
    expect(h.logs.some((l) => l.msg === "could not apply a programme change")).toBe(true);
    h.deps.db.pragma("query_only = OFF");
    expect(h.deps.catalog.session("scaling")?.cancelled).toBeUndefined();
  });

  it("refuses a confirmation when the file changed since the preview", async () => {
    const { h, admin, file } = organizerHarness();
    await h.send(admin, "/cancel scaling");
    const preview = h.last(admin);
    writeFileSync(file, `${readFileSync(file, "utf8")}\n# an organizer's note\n`);
    await h.press(admin, preview, 0);
    expect(textOf(h.last(admin))).toContain("The programme file changed since this preview");
    expect(h.deps.catalog.session("scaling")?.cancelled).toBeUndefined();
  });
});

describe("/reload", () => {
  it("refuses a broken file with its errors and changes nothing", async () => {
    const { h, admin, file } = organizerHarness();
    await attendees(h);
    const good = readFileSync(file, "utf8");
    writeFileSync(
      file,
      good.replace("room: hall-b", "room: hall-z").replace("start: 2013-02-26T10:00", "start: soon"),
    );
    await h.send(admin, "/reload");
    const text = textOf(h.last(admin));
    expect(text).toContain("has 2 problems; nothing was changed:");
    expect(text).toContain(
      "• “What happens inside asynchronous code?” (Mon 25 Feb, 14:00–14:40) · room: there is no room “hall-z”; rooms: Hall A, Hall B",
    );
    expect(text).toContain(
      '• “Re-inventing Python packaging and testing” · start: expected a date and time with its UTC offset, e.g. 2013-02-25T11:00:00+06:00, got "soon:00+06:00"',
    );
    expect(text).not.toContain("sessions[");
    expect(h.deps.catalog.session("asyncio-inside")?.room).toBe("hall-b");
    expect(outboxCounts(h.deps.db).total).toBe(0);
    expect(recentAudit(h.deps.db, 1)[0]).toMatchObject({ action: "reload-refused", adminId: admin.id });
  });

  it("applies an edited file after confirmation, notifying the right people, keeping subscriptions", async () => {
    const { h, admin, file } = organizerHarness();
    const [ann, , carl] = await attendees(h);
    await h.send(admin, "/reload");
    expect(textOf(h.last(admin))).toBe("✅ The programme file holds no changes: nothing to do.");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("start: 2013-02-26T11:00:00+06:00", "start: 2013-02-26T12:00:00+06:00")
        .replace("end: 2013-02-26T12:00:00+06:00", "end: 2013-02-26T13:00:00+06:00")
        .replace("Sharding and caching.", "Sharding, caching and queues."),
    );
    await h.send(admin, "/reload");
    const text = textOf(h.last(admin));
    expect(text).toContain("🔄 Reload the programme file");
    expect(text).toContain("• Scaling for Success: Tue 26 Feb, 11:00, Hall A → Tue 26 Feb, 12:00, Hall A");
    expect(text).toContain("👥 1 person");
    await h.press(admin, h.last(admin), 0);
    expect(outboxRows(h, "notice").map((n) => n.userId)).toEqual([carl?.id]);
    const subs = h.deps.db.prepare("SELECT COUNT(*) AS n FROM subscriptions").get() as { n: number };
    expect(subs.n).toBe(3);
    expect(ann).toBeDefined();
  });

  it("on SIGHUP applies at once and tells the organizers; a broken file is refused and reported", async () => {
    const { h, admin, file } = organizerHarness();
    const [, , carl] = await attendees(h);
    await h.send(admin, "/start");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, "conference: [broken");
    expect(await reloadOnSignal(h.bot.api, h.deps)).toBe("refused");
    expect(textOf(h.last(admin))).toContain("SIGHUP: the programme file was refused");
    expect(h.deps.catalog.session("scaling")?.cancelled).toBeUndefined();

    writeFileSync(file, good.replace("    speakers: [david]", "    speakers: [david]\n    cancelled: true"));
    expect(await reloadOnSignal(h.bot.api, h.deps)).toBe("applied");
    expect(textOf(h.last(admin))).toContain("The programme was reloaded (SIGHUP):");
    expect(textOf(h.last(admin))).toContain("Scaling for Success — cancelled");
    expect(outboxRows(h, "notice").map((n) => n.userId)).toEqual([carl?.id]);
    expect(recentAudit(h.deps.db, 2).map((e) => [e.adminId, e.action])).toEqual([
      [0, "reload"],
      [0, "reload-refused"],
    ]);
    expect(await reloadOnSignal(h.bot.api, h.deps)).toBe("unchanged");
  });
});

/** A message with entities, as Telegram delivers formatted text. */
function sendFormatted(
  h: Harness,
  user: TestUser,
  text: string,
  entities: { type: string; offset: number; length: number }[],
) {
  const m = h.telegram.userMessage(user.id, text);
  return h.update({
    message: {
      message_id: m.messageId,
      date: Math.floor(h.deps.clock() / 1000),
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: user.language_code },
      text,
      entities,
    } as never,
  });
}

/** The outbox's dispatcher, rendering change notices, at Telegram's pace. */
const dispatcher = (h: Harness) => dispatcherOf(h, { views: { [NOTICE_VIEW]: noticeView }, rate: 30 });

describe("/broadcast", () => {
  it("asks for the message, the audience, previews with the count, sends once to each, and reports progress", async () => {
    const { h, admin } = organizerHarness();
    const users = await attendees(h);
    await h.send(admin, "/start");
    await h.send(admin, "/broadcast");
    expect(textOf(h.last(admin))).toContain("Send me the message to broadcast");
    await sendFormatted(h, admin, "Doors open at 9", [{ type: "bold", offset: 0, length: 10 }]);
    const audience = h.last(admin);
    expect(textOf(audience)).toBe("👥 Who gets it?");
    expect(callbackDataOf(audience)).toEqual([
      "adm:bc:all",
      "adm:bc:ses",
      "adm:bc:l:en",
      "adm:bc:l:ru",
      "adm:bc:no",
    ]);
    const calls = await h.press(admin, audience, "Everyone (4)");
    const [copy] = callsOf(calls, "sendMessage");
    expect(copy?.payload).toMatchObject({
      text: "Doors open at 9",
      entities: [{ type: "bold", offset: 0, length: 10 }],
    });
    const confirm = h.last(admin);
    expect(textOf(confirm)).toContain("4 recipients: everyone.");
    expect(textOf(confirm)).toContain("⏱ At 25/s it takes about 1 s.");
    expect(textOf(confirm)).not.toContain("Paid broadcast");
    await h.press(admin, confirm, "Send (4)");
    const progress = h.last(admin);
    expect(textOf(progress)).toBe("📣 Sending to 4 recipients…");

    const rows = outboxRows(h, "broadcast");
    expect(rows.map((r) => r.userId).sort()).toEqual([admin.id, ...users.map((u) => u.id)].sort());
    expect(rows.every((r) => r.dedupeKey === `broadcast:${r.broadcastId}:${r.userId}`)).toBe(true);
    expect(recentAudit(h.deps.db, 1)[0]).toMatchObject({ action: "broadcast", adminId: admin.id });

    const updater = new BroadcastProgress(h.bot.api, h.deps);
    await updater.tick();
    expect(textOf(h.telegram.message(admin.id, progress.messageId) ?? progress)).toBe(
      "📣 Broadcast #1: sent 0 / 4 ░░░░░░░░",
    );
    await dispatcher(h).drain();
    for (const u of users) {
      const got = h.chat(u).filter((m) => m.text === "Doors open at 9");
      expect(got).toHaveLength(1);
    }
    await updater.tick();
    expect(textOf(h.telegram.message(admin.id, progress.messageId) ?? progress)).toBe(
      "📣 Broadcast #1: sent 4 / 4 ▓▓▓▓▓▓▓▓",
    );
    await dispatcher(h).drain();
    expect(textOf(h.last(admin))).toBe("✅ Broadcast #1 finished: delivered to 4 of 4");
    // Nothing is sent twice, however often the machinery runs.
    await updater.tick();
    await dispatcher(h).drain();
    expect(outboxCounts(h.deps.db)).toMatchObject({ total: 5, sent: 5 });
  });

  it("/broadcast <text> skips the first step; a session's subscribers are found by search; ✖️ sends nothing", async () => {
    const { h, admin } = organizerHarness();
    const [ann, boris] = await attendees(h);
    await h.send(admin, "/start");
    await sendFormatted(h, admin, "/broadcast Room change: see the card", [
      { type: "bot_command", offset: 0, length: 10 },
      { type: "italic", offset: 11, length: 11 },
    ]);
    expect(textOf(h.last(admin))).toBe("👥 Who gets it?");
    await h.press(admin, h.last(admin), "Followers of a session");
    expect(textOf(h.last(admin))).toContain("Which session's followers?");
    await h.send(admin, "flask patterns");
    const confirm = h.last(admin);
    expect(textOf(confirm)).toContain("2 recipients: the followers of “Advanced Flask patterns”.");
    const copy = h.chat(admin).at(-2);
    expect(copy?.text).toBe("Room change: see the card");

    await h.press(admin, confirm, "Don't send");
    expect(textOf(h.last(admin))).toBe("✖️ Broadcast cancelled — nothing was sent.");
    expect(outboxCounts(h.deps.db).total).toBe(0);

    await sendFormatted(h, admin, "/broadcast Room change: see the card", [
      { type: "bot_command", offset: 0, length: 10 },
      { type: "italic", offset: 11, length: 11 },
    ]);
    await h.press(admin, h.last(admin), "Followers of a session");
    await h.send(admin, "flask-patterns");
    await h.press(admin, h.last(admin), "Send (2)");
    const rows = outboxRows(h, "broadcast");
    expect(rows.map((r) => r.userId)).toEqual([ann?.id, boris?.id]);
    expect(rows[0]?.payload).toEqual({
      type: "message",
      text: "Room change: see the card",
      entities: [{ type: "italic", offset: 0, length: 11 }],
    });
  });

  it("names the session of the audience exactly as titled, escaped once", async () => {
    const file = join(tempDir(), "programme.yaml");
    writeFileSync(
      file,
      readFileSync(FIXTURE, "utf8").replace('"Scaling for Success"', '"Scaling & <Success>"'),
    );
    const admin = testUser("en", "Olga");
    const h = createHarness({
      programme: parseProgramme(readFileSync(file, "utf8"), file),
      now: "2013-02-24T12:00:00+06:00",
      env: { ADMIN_IDS: `${admin.id}`, PROGRAMME_PATH: file },
    });
    await attendees(h);
    await h.send(admin, "/broadcast Hello");
    await h.press(admin, h.last(admin), "Followers of a session");
    await h.send(admin, "scaling");
    expect(textOf(h.last(admin))).toContain("1 recipient: the followers of “Scaling & <Success>”.");
  });

  it("another command ends the dialogue and runs; the dialogue's buttons then say they are outdated", async () => {
    const { h, admin } = organizerHarness();
    await h.send(admin, "/start");
    await h.send(admin, "/broadcast Hello");
    const audience = h.last(admin);
    await h.send(admin, "/stats");
    const texts = h.chat(admin).slice(-2).map(textOf);
    expect(texts[0]).toBe("✖️ Broadcast dialogue closed — nothing was sent.");
    expect(texts[1]).toContain("📊 Statistics");
    const calls = await h.press(admin, audience, "Everyone");
    expect(callsOf(calls, "answerCallbackQuery")[0]?.payload).toMatchObject({
      text: "This confirmation has expired — run the command again.",
    });
    expect(outboxCounts(h.deps.db).total).toBe(0);
  });
});

describe("/broadcast across restarts", () => {
  it("carries on where it was after the bot restarts mid-dialogue, and queues the broadcast once", async () => {
    const { h, admin } = organizerHarness();
    const users = await attendees(h);
    await h.send(admin, "/start");
    await h.send(admin, "/broadcast");
    await sendFormatted(h, admin, "Doors open at 9", [{ type: "bold", offset: 0, length: 10 }]);
    const audience = h.last(admin);
    expect(textOf(audience)).toBe("👥 Who gets it?");
    expect(countConversations(h.deps.db)).toBe(1);

    // A new process on the same database: the audience buttons sent by the old one still work.
    const h2 = h.restart();
    const calls = await h2.press(admin, audience, "Everyone (4)");
    // The dialogue is replayed from the stored log: nothing the first process sent is sent again.
    const sent = callsOf(calls, "sendMessage");
    expect(sent).toHaveLength(2);
    expect(sent[0]?.payload).toMatchObject({
      text: "Doors open at 9",
      entities: [{ type: "bold", offset: 0, length: 10 }],
    });
    const confirm = h2.last(admin);
    expect(textOf(confirm)).toContain("4 recipients: everyone.");

    // And once more before ✅.
    const h3 = h2.restart();
    await h3.press(admin, confirm, "Send (4)");
    expect(textOf(h3.last(admin))).toBe("📣 Sending to 4 recipients…");
    const rows = outboxRows(h3, "broadcast");
    expect(rows.map((r) => r.userId).sort()).toEqual([admin.id, ...users.map((u) => u.id)].sort());
    expect(new Set(rows.map((r) => r.broadcastId)).size).toBe(1);
    expect(recentAudit(h3.deps.db, 10).filter((e) => e.action === "broadcast")).toHaveLength(1);
    expect(countConversations(h3.deps.db)).toBe(0);

    // ✅ pressed again (its keyboard is gone, but a slow client may still send it) queues nothing more.
    const again = await h3.pressData(admin, "adm:bc:go", confirm);
    expect(callsOf(again, "answerCallbackQuery")[0]?.payload).toMatchObject({
      text: "This confirmation has expired — run the command again.",
    });
    expect(outboxCounts(h3.deps.db).total).toBe(4);
    expect(h.chat(admin).filter((m) => m.text === "Doors open at 9")).toHaveLength(1);
    for (const x of [h, h2, h3]) expect(x.logs).toEqual([]);
  });

  it("drops a dialogue stored by another version of the dialogue code: its buttons say expired", async () => {
    const { h, admin } = organizerHarness();
    await attendees(h);
    await h.send(admin, "/start");
    await h.send(admin, "/broadcast Hello");
    const audience = h.last(admin);
    expect(countConversations(h.deps.db)).toBe(1);
    h.deps.db.prepare("UPDATE conversations SET data = json_replace(data, '$.version[1]', 'older')").run();

    const h2 = h.restart();
    const calls = await h2.press(admin, audience, "Everyone");
    expect(callsOf(calls, "answerCallbackQuery")[0]?.payload).toMatchObject({
      text: "This confirmation has expired — run the command again.",
    });
    expect(callsOf(calls, "sendMessage")).toHaveLength(0);
    // A new dialogue starts afresh and replaces the stale state.
    await h2.send(admin, "/broadcast Hello again");
    await h2.press(admin, h2.last(admin), "Everyone");
    await h2.press(admin, h2.last(admin), "Send");
    expect(outboxCounts(h2.deps.db).total).toBe(4);
    expect(countConversations(h2.deps.db)).toBe(0);
    expect(h2.logs).toEqual([]);
  });
});

describe("/stats and /audit", () => {
  it("shows users, subscriptions, the most followed sessions and messages sent today; the audit lists actions", async () => {
    const { h, admin } = organizerHarness();
    await attendees(h);
    await h.send(admin, "/start");
    await h.send(admin, "/stats");
    const text = textOf(h.last(admin));
    expect(text).toContain("👤 Users: 4 — active 4, blocked the bot 0");
    expect(text).toContain("⭐ Follows: 3, by 3 people");
    expect(text).toContain("1. Advanced Flask patterns — 2");
    expect(text).toContain("2. Scaling for Success — 1");
    expect(text).toContain("📨 Messages sent today: 0 · waiting to be sent: 0");

    await h.send(admin, "/cancel scaling");
    await h.press(admin, h.last(admin), 0);
    await h.send(admin, "/audit");
    const audit = textOf(h.last(admin));
    expect(audit).toContain("🗂 Organizer actions, newest first");
    expect(audit).toMatch(/24 Feb 12:00 · Olga \(\d+\) · ❌ cancel — “Scaling for Success”/);
    // Reading statistics is no organizer action: /audit lists what changed something.
    expect(audit).not.toContain("📊");
  });
});

describe("/broadcast with paid broadcasts", () => {
  it("shows the paid rate and what it costs in Stars before sending", async () => {
    const { h, admin } = organizerHarness({ PAID_BROADCAST: "1", PAID_SEND_RATE: "500" });
    await attendees(h);
    await h.send(admin, "/start");
    await h.send(admin, "/broadcast Doors open at 9");
    await h.press(admin, h.last(admin), "Everyone (4)");
    const confirm = textOf(h.last(admin));
    expect(confirm).toContain("⏱ At 500/s it takes about 1 s.");
    expect(confirm).toContain("💫 Paid broadcast: up to 500/s, 0.1 ⭐ per message — about 0.4 ⭐ in all.");
  });
});

describe("/stats on reminders ahead", () => {
  it("says how many reminders are due soon, and how many will be late when too many are due at once", async () => {
    // One message a second and a lead of 5 minutes: 600 followers cannot all be told in time.
    const { h, admin } = organizerHarness({ SEND_RATE: "1", DEFAULT_REMINDER_MINUTES: "5" });
    h.setNow("2013-02-25T10:50:00+06:00");
    const { db, clock } = h.deps;
    db.transaction(() => {
      for (let id = 1; id <= 600; id++) {
        touchUser(db, { id: 50_000 + id, chatId: 50_000 + id }, clock());
        subscribe(db, 50_000 + id, "flask-patterns", clock());
      }
    })();
    await h.send(admin, "/start");
    await h.send(admin, "/stats");
    const text = textOf(h.last(admin));
    expect(text).toContain("⏰ Reminders due in the next 2 hours: 600");
    // From 10:50 (no earlier than twice the lead) at 0.9 a second: the last goes 6 minutes after 10:55.
    expect(text).toMatch(
      /⚠️ 2\d\d of them will be late, by up to 7 min: more are due at once than can go out at 1\/s\. The most urgent go first\./,
    );
  });
});
