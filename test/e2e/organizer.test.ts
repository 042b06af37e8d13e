/**
 * End to end, organizers: the bot runs as its own process (`node --import tsx src/main.ts`, so signals reach
 * it directly), long polling a local Bot API server; the test plays an organizer and attendees through that
 * server and edits the programme file as organizers do. Times are real: the programme is built around now.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import type { Programme, Session } from "../../src/programme/model.js";
import type { ApiUser, ServerMessage } from "../support/bot-api-server.js";
import { useE2eBot } from "../support/e2e-bot.js";

const WAIT = 20_000;
const TZ = "Asia/Yekaterinburg";

const admin: ApiUser = { id: 7001, first_name: "Olga", language_code: "en" };
const ann: ApiUser = { id: 7101, first_name: "Ann", language_code: "en" };
const boris: ApiUser = { id: 7102, first_name: "Борис", language_code: "ru" };
const carl: ApiUser = { id: 7103, first_name: "Carl", language_code: "en" };
const dora: ApiUser = { id: 7104, first_name: "Дора", language_code: "ru" };
const erik: ApiUser = { id: 7105, first_name: "Erik", language_code: "en" };
const mallory: ApiUser = { id: 7666, first_name: "Mallory", language_code: "en" };
const attendees = [ann, boris, carl, dora, erik];

// The programme, around the real clock: three talks later today (or early tomorrow).
const base = DateTime.now().setZone(TZ).startOf("minute");
const iso = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
function talk(id: string, title: string, ru: string, start: DateTime, room: string): Session {
  return {
    id,
    kind: "talk",
    title: { en: title, ru },
    abstract: { en: `${title}.`, ru: `${ru}.` },
    start: iso(start),
    end: iso(start.plus({ minutes: 40 })),
    room,
    speakers: [],
  };
}
const programme: Programme = {
  conference: {
    name: { en: "E2E Conf", ru: "E2E Конф" },
    timezone: TZ,
    languages: ["en", "ru"],
    tracks: [],
    days: [base.toISODate() ?? "", base.plus({ days: 1 }).toISODate() ?? ""],
    rooms: [
      { id: "hall-a", name: { en: "Hall A", ru: "Зал A" } },
      { id: "hall-b", name: { en: "Hall B", ru: "Зал B" } },
    ],
  },
  sessions: [
    talk("talk-move", "Moving target", "Движущаяся цель", base.plus({ hours: 3 }), "hall-a"),
    talk("talk-reload", "Reload me", "Перезагрузи меня", base.plus({ hours: 5 }), "hall-b"),
    talk("talk-quiet", "Quiet corner", "Тихий уголок", base.plus({ hours: 7 }), "hall-a"),
  ],
  speakers: [],
};

const e2e = useE2eBot({
  programme: { name: "programme.yaml", text: `# Organizers edit this file.\n${stringify(programme)}` },
  env: { ADMIN_IDS: String(admin.id) },
  spawn: { singleProcess: true },
  waitMs: WAIT,
});

/**
 * The user writes; resolves with the bot's next new or changed message in their chat — the first one
 * containing `part` when given (the broadcast preview, for one, is two messages). Pressing a button likewise.
 */
const { say, press, follow } = e2e;

/** Messages in a user's chat whose text contains `part`. */
function received(user: ApiUser, part: string): ServerMessage[] {
  return e2e.server.messages(user.id).filter((m) => m.text.includes(part));
}

/** Waits for a message containing `part` in a user's chat. */
function arrives(user: ApiUser, part: string): Promise<ServerMessage> {
  return e2e.server.waitFor((m) => m.chatId === user.id && m.text.includes(part), WAIT);
}

beforeAll(async () => {
  for (const u of [admin, ...attendees]) await say(u, "/start");
  await follow(ann, "talk-move");
  await follow(boris, "talk-move");
  for (const u of [ann, carl, dora]) await follow(u, "talk-reload");
}, 120_000);

describe("organizers, end to end", () => {
  it("refuses a non-admin's commands and forged buttons, and changes nothing", async () => {
    const before = readFileSync(e2e.programme, "utf8");
    for (const command of ["/move talk-move 1 10:00", "/broadcast hi", "/reload", "/stats"]) {
      expect((await say(mallory, command)).text).toBe("🙂 Sorry, that is only for the organizers.");
    }
    const id = e2e.server.pressData(mallory, "adm:ok:AAAAAAAA");
    expect(await e2e.server.waitForAnswer(id, WAIT)).toMatchObject({
      text: "🙂 Sorry, that is only for the organizers.",
      show_alert: true,
    });
    expect(readFileSync(e2e.programme, "utf8")).toBe(before);
    expect(received(mallory, "only for the organizers")).toHaveLength(4);
  });

  it("broadcasts to the three subscribers of a session, each getting it exactly once, with progress", async () => {
    const mark = e2e.server.sendUpdate({
      message: {
        message_id: 900001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: admin.id, type: "private", first_name: admin.first_name },
        from: { is_bot: false, ...admin },
        text: "/broadcast Reload me moves to Hall C",
        entities: [
          { type: "bot_command", offset: 0, length: 10 },
          { type: "bold", offset: 11, length: 9 },
        ],
      },
    });
    const audience = await e2e.server.waitFor((m) => m.chatId === admin.id && m.seq > mark, WAIT);
    expect(audience.text).toBe("👥 Who gets it?");
    await press(admin, audience, "Followers of a session", "Which session's followers?");
    const confirm = await say(admin, "reload me", "recipients");
    expect(confirm.text).toContain("3 recipients: the followers of “Reload me”.");
    const { after: progress } = await press(admin, confirm, "Send (3)", "Sending");
    expect(progress.text).toBe("📣 Sending to 3 recipients…");

    for (const u of [ann, carl, dora]) await arrives(u, "Reload me moves to Hall C");
    const done = await e2e.server.waitFor(
      (m) => m.chatId === admin.id && m.messageId === progress.messageId && m.text.includes("3 / 3"),
      WAIT,
    );
    expect(done.text).toBe("📣 Broadcast #1: sent 3 / 3 ▓▓▓▓▓▓▓▓");
    await arrives(admin, "Broadcast #1 finished");
    for (const u of [ann, carl, dora]) expect(received(u, "Reload me moves to Hall C")).toHaveLength(1);
    for (const u of [boris, erik, mallory]) expect(received(u, "Reload me moves to Hall C")).toHaveLength(0);
    const sent = e2e.server.requests.filter(
      (r) => r.method === "sendMessage" && r.payload.text === "Reload me moves to Hall C",
    );
    expect(sent.find((r) => r.payload.chat_id === ann.id)?.payload.entities).toEqual([
      { type: "bold", offset: 0, length: 9 },
    ]);
  });

  it("moves a session: exactly its subscribers get the notice, then the reminder at the new time", async () => {
    const target = base.plus({ minutes: 7 });
    const day = target.toISODate() ?? "";
    const time = target.toFormat("HH:mm");
    const preview = await say(admin, `/move moving target ${day} ${time} hall-b`);
    expect(preview.text).toContain("📝 Move “Moving target”");
    expect(preview.text).toContain(`→ ${target.setLocale("en").toFormat("EEE d MMM")}, ${time}, Hall B`);
    expect(preview.text).toContain("👥 2 people following this session will get a notice.");
    expect(received(ann, "⏰")).toHaveLength(0);

    const { after } = await press(admin, preview, "Move it", "Applied");
    expect(after.text).toContain("✅ Applied. 2 notices are on their way.");
    expect(readFileSync(e2e.programme, "utf8")).toContain(`start: ${iso(target)}`);
    expect(readFileSync(e2e.programme, "utf8")).toContain("# Organizers edit this file.");

    const annNotice = await arrives(ann, "Changed: Moving target");
    expect(annNotice.text).toContain(`now ${target.setLocale("en").toFormat("EEE d MMM")}, ${time}, Hall B`);
    const borisNotice = await arrives(boris, "Изменения в программе: Движущаяся цель");
    expect(borisNotice.text).toContain("Зал B");
    const annReminder = await arrives(ann, "⏰");
    const borisReminder = await arrives(boris, "⏰");
    expect(annReminder.text).toContain("Moving target");
    expect(annReminder.text).toContain("Hall B");
    expect(annReminder.text).toContain(time);
    expect(borisReminder.text).toContain("Движущаяся цель");
    expect(annReminder.messageId).toBeGreaterThan(annNotice.messageId);
    expect(borisReminder.messageId).toBeGreaterThan(borisNotice.messageId);
    for (const u of [carl, dora, erik]) {
      expect(received(u, "Moving target")).toHaveLength(0);
      expect(received(u, "Движущаяся цель")).toHaveLength(0);
    }
    expect(received(ann, "Changed: Moving target")).toHaveLength(1);
  });

  it("reloads an edited file after confirmation and tells the right people", async () => {
    const doc = parseDocument(readFileSync(e2e.programme, "utf8"));
    doc.setIn(["sessions", 1, "cancelled"], true);
    writeFileSync(e2e.programme, doc.toString());
    const preview = await say(admin, "/reload");
    expect(preview.text).toContain("🔄 Reload the programme file");
    expect(preview.text).toContain("• ❌ Reload me — cancelled");
    expect(preview.text).toContain("👥 3 people");
    await press(admin, preview, "Apply the new programme", "Applied");
    for (const u of [ann, carl]) await arrives(u, "Cancelled: Reload me");
    await arrives(dora, "Не состоится: Перезагрузи меня");
    for (const u of [boris, erik])
      expect(received(u, "Reload me").concat(received(u, "Перезагрузи"))).toHaveLength(0);
    const card = await say(erik, "/start talk-reload");
    expect(card.text).toContain("Cancelled");
  });

  it("refuses a broken file on reload, showing its errors, and changes nothing", async () => {
    const good = readFileSync(e2e.programme, "utf8");
    writeFileSync(
      e2e.programme,
      good.replace("room: hall-a", "room: Hall Z").replace("kind: talk", "kind: party"),
    );
    const answer = await say(admin, "/reload");
    expect(answer.text).toContain("has 2 problems; nothing was changed:");
    expect(answer.text).toContain('got "party"');
    expect(answer.text).toContain('got "Hall Z"');
    const card = await say(erik, "/start talk-move");
    expect(card.text).toContain("Hall B");
    const mark = e2e.server.mark();
    writeFileSync(e2e.programme, good);
    expect((await say(admin, "/reload")).text).toBe("✅ The programme file holds no changes: nothing to do.");
    expect(
      e2e.server.messages().filter((m) => m.seq > mark && m.chatId !== admin.id && m.chatId !== erik.id),
    ).toEqual([]);
  });

  it("reloads on SIGHUP, telling the organizers and the subscribers", async () => {
    const doc = parseDocument(readFileSync(e2e.programme, "utf8"));
    doc.deleteIn(["sessions", 1, "cancelled"]);
    writeFileSync(e2e.programme, doc.toString());
    e2e.bot.child.kill("SIGHUP");
    const report = await arrives(admin, "The programme was reloaded (SIGHUP)");
    expect(report.text).toContain("Reload me — back in the programme");
    for (const u of [ann, carl]) await arrives(u, "Back in the programme: Reload me");
    await arrives(dora, "Снова в программе: Перезагрузи меня");
    const audit = await say(admin, "/audit");
    expect(audit.text).toMatch(/SIGHUP \(0\) · 🔄 reload/);
    expect(audit.text).toMatch(/Olga \(7001\) · 🔄 reload/);
    expect(audit.text).toMatch(
      /Olga \(7001\) · 📝 move — “Moving target” → \w{3} \d+ \w{3}, \d\d:\d\d, Hall B/,
    );
    expect(audit.text).toMatch(/Olga \(7001\) · 📣 broadcast — #1 to the followers of “Reload me” \(3\)/);
  });

  it("shows /stats", async () => {
    const stats = await say(admin, "/stats");
    // Mallory wrote to the bot too, so the bot knows seven users.
    expect(stats.text).toContain("👤 Users: 7 — active 7, blocked the bot 0");
    expect(stats.text).toContain("⭐ Follows: 5, by 4 people");
    expect(stats.text).toContain("1. Reload me — 3");
    expect(stats.text).toContain("2. Moving target — 2");
    // Nothing went wrong on the way: no error was logged, no call was refused by the e2e.server.
    expect(e2e.bot.output()).not.toMatch(/"level":(50|60)/);
    expect(e2e.server.requests.filter((r) => r.status >= 400 && r.method !== "getUpdates")).toEqual([]);
  });

  it("resumes a broadcast after a restart without sending anything twice", async () => {
    const crowd: ApiUser[] = Array.from({ length: 14 }, (_, i) => ({
      id: 7200 + i,
      first_name: `Guest ${i}`,
      language_code: "en",
    }));
    for (const u of crowd) await say(u, "/start");
    // Telegram-like limits slow the broadcast down, so the restart falls in the middle of it.
    e2e.server.setRateLimit({ perSecond: 3, perChatPerSecond: 1 });
    const confirmAudience = await say(admin, "/broadcast Lunch is served");
    const { after: confirm } = await press(admin, confirmAudience, "Everyone", "recipients");
    expect(confirm.text).toContain("21 recipients: everyone.");
    const { after: progress } = await press(admin, confirm, "Send (21)", "Sending");
    const everyone = [admin, mallory, ...attendees, ...crowd];
    await e2e.server.waitFor((m) => m.text === "Lunch is served", WAIT);
    expect(await e2e.bot.stop("SIGTERM")).toBe(0);
    const sentBefore = everyone.filter(
      (u) =>
        received(u, "Lunch is served").filter((m) => u !== admin || m.messageId > progress.messageId).length >
        0,
    ).length;
    expect(sentBefore).toBeLessThan(everyone.length);

    await e2e.restart();
    for (const u of everyone) await arrives(u, "Lunch is served");
    await e2e.server.waitFor(
      (m) => m.chatId === admin.id && m.text === "Lunch is served" && m.messageId > progress.messageId,
      WAIT,
    );
    await e2e.server.waitFor(
      (m) => m.chatId === admin.id && m.messageId === progress.messageId && m.text.includes("21 / 21"),
      WAIT,
    );
    await arrives(admin, "Broadcast #2 finished: delivered to 21 of 21");
    e2e.server.setRateLimit(undefined);
    for (const u of everyone.filter((x) => x !== admin))
      expect(received(u, "Lunch is served")).toHaveLength(1);
    // The organizer has the preview of it too.
    expect(received(admin, "Lunch is served")).toHaveLength(2);
    expect(received(admin, "Broadcast #2 finished")).toHaveLength(1);
  });
});
