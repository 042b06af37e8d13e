import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../../test/support/programme-fixture.js";
import { tempDir } from "../../../test/support/tmp.js";
import { loadConfig } from "../../config.js";
import { NOTICE_VIEW, snapshot } from "../../delivery/notices.js";
import type { Lang } from "../../programme/model.js";
import { ProgrammeService } from "../../programme/service.js";
import { openDatabase } from "../../store/db.js";
import type { OutboxRow } from "../../store/outbox.js";
import { loadProgramme } from "../../store/programme-store.js";
import { subscribe } from "../../store/subscriptions.js";
import { getUser, setUserLanguage, touchUser } from "../../store/users.js";
import type { BotDeps } from "../context.js";
import { createBotDeps } from "../deps.js";
import { createI18n, fixedT } from "../i18n.js";
import { buildIcs, foldLine } from "./calendar.js";
import { myView, overlaps } from "./my.js";
import { noticeView } from "./notice.js";
import { createOutboxRenderer } from "./outbox.js";
import { reminderView } from "./reminder.js";
import { settingsView } from "./settings.js";
import type { ViewCtx } from "./view.js";

const START = Date.parse("2030-03-01T10:00:00+05:00");
const MIN = 60_000;

function deps(now = START - 10 * MIN): BotDeps {
  const db = openDatabase(join(tempDir(), "v.sqlite"));
  const programme = smallProgramme();
  loadProgramme(db, programme, 0);
  return createBotDeps(
    {
      config: loadConfig({}),
      db,
      i18n: createI18n(),
      clock: () => now,
      logger: pino({ level: "silent" }),
    },
    new ProgrammeService({ db, clock: () => now, defaultMinutes: 10 }),
  );
}

function ctxFor(d: BotDeps, userId: number, lang: Lang): ViewCtx {
  return { deps: d, user: getUser(d.db, userId), lang, t: fixedT(d.i18n, lang) };
}

const session = (d: BotDeps, id: string) => {
  const s = d.catalog.session(id);
  if (!s) throw new Error(id);
  return s;
};

describe("reminder message", () => {
  it("says when, what, who, where, in the reader's language, with Russian plurals", () => {
    const d = deps();
    touchUser(d.db, { id: 1, chatId: 1 }, 0);
    const en = reminderView(ctxFor(d, 1, "en"), session(d, "async-io"), 10);
    expect(en.text).toBe("⏰ In 10 minutes: <b>Asynchronous IO</b> — Ann Lee, Hall A, 10:00–11:00");
    expect(en.keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([
      `s:${d.catalog.sessionKey("async-io")}:n`,
      `ro:${d.catalog.sessionKey("async-io")}`,
      // Questions open 15 minutes before the start: the reminder offers them.
      `qk:${d.catalog.sessionKey("async-io")}`,
    ]);
    expect(reminderView(ctxFor(d, 1, "en"), session(d, "async-io"), 1).text).toMatch(/^⏰ In 1 minute:/);
    const ru = (n: number) => reminderView(ctxFor(d, 1, "ru"), session(d, "testing-workshop"), n).text;
    expect(ru(1)).toBe(
      "⏰ Через 1 минуту: <b>Мастер-класс по тестированию</b> — Энн Ли, Боб Рэй, Зал A, 18:00–20:00",
    );
    expect(ru(3)).toMatch(/^⏰ Через 3 минуты:/);
    expect(ru(5)).toMatch(/^⏰ Через 5 минут:/);
    expect(ru(21)).toMatch(/^⏰ Через 21 минуту:/);
    d.db.close();
  });

  it("is rendered at send time from the current session, in the user's current language, with the minutes left", () => {
    const d = deps();
    touchUser(d.db, { id: 1, chatId: 11, languageCode: "en" }, 0);
    const render = createOutboxRenderer(d);
    const row = {
      id: 1,
      kind: "reminder",
      userId: 1,
      chatId: 11,
      payload: { type: "reminder", sessionId: "caching", startMs: START },
    } as OutboxRow;
    // Queued for a 30-minute lead but sent 4.5 minutes before the start (e.g. after downtime).
    expect(render(row, START - 4.5 * MIN)).toMatchObject({
      chatId: 11,
      parseMode: "HTML",
      text: "⏰ In 5 minutes: <b>Distributed caching</b> — Bob Ray, Hall B, 10:00–10:40",
      buttons: [
        [
          { text: "📄 Open card", callbackData: `s:${d.catalog.sessionKey("caching")}:n` },
          { text: "🔕 Stop reminders", callbackData: `ro:${d.catalog.sessionKey("caching")}` },
        ],
        [{ text: "❓ Ask a question", callbackData: `qk:${d.catalog.sessionKey("caching")}` }],
      ],
    });
    setUserLanguage(d.db, 1, "ru", 0);
    expect(render(row, START - 2 * MIN)?.text).toMatch(
      /^⏰ Через 2 минуты: <b>Распределённое кэширование<\/b>/,
    );
    expect(
      render({ ...row, payload: { type: "reminder", sessionId: "gone", startMs: START } }, START),
    ).toBeUndefined();
    expect(
      render({ ...row, payload: { type: "message", text: "<b>hi</b>", parseMode: "HTML" } }, START),
    ).toEqual({ chatId: 11, text: "<b>hi</b>", parseMode: "HTML" });
    d.db.close();
  });
});

describe("change notice", () => {
  it("fits one message however long the titles are", () => {
    const d = deps();
    touchUser(d.db, { id: 1, chatId: 11, languageCode: "en" }, 0);
    const s = session(d, "caching");
    const long = (c: string) => ({ en: `${c} & <x> `.repeat(700), ru: `${c} & <x> `.repeat(700) });
    const before = { ...snapshot(s), title: long("Old") };
    const after = { ...snapshot(s), title: long("New"), start: "2030-03-01T11:00:00+05:00" };
    const row = {
      id: 1,
      kind: "notice",
      userId: 1,
      chatId: 11,
      payload: { type: "view", view: NOTICE_VIEW, params: { sessionId: "caching", before, after } },
    } as unknown as OutboxRow;
    const render = createOutboxRenderer(d, { [NOTICE_VIEW]: noticeView });
    const text = render(row, START - 60 * MIN)?.text ?? "";
    expect(text).toMatch(/^🔄 <b>Changed:<\/b> New &amp; &lt;x&gt; New/);
    expect(text).toContain("Formerly “Old &amp; &lt;x&gt; Old");
    expect(text.length).toBeLessThanOrEqual(4096);
    d.db.close();
  });
});

describe("/my", () => {
  it("lists sessions in time order, marks overlaps, and hides past ones behind a button", () => {
    const d = deps(START + 50 * MIN);
    touchUser(d.db, { id: 1, chatId: 1 }, 0);
    for (const id of ["testing-workshop", "caching", "async-io"]) subscribe(d.db, 1, id, 0);
    const all = [session(d, "async-io"), session(d, "caching"), session(d, "testing-workshop")];
    const marks = [...overlaps(all).entries()].map(([id, o]) => [id, o.map((s) => s.id)]);
    expect(marks.sort()).toEqual([
      ["async-io", ["caching"]],
      ["caching", ["async-io"]],
    ]);
    const ctx = ctxFor(d, 1, "en");
    // 10:50: caching (10:00–10:40) is over; async-io (till 11:00) is not.
    const now = d.clock();
    const v = myView(ctx, now, false);
    expect(v.text).toContain("⭐ <b>My sessions</b> (3)");
    expect(v.text).toContain("at the same time as “Distributed caching”");
    expect(v.text.indexOf("Asynchronous IO")).toBeLessThan(v.text.indexOf("Testing workshop"));
    expect(v.text).not.toContain("<b>Distributed caching</b>");
    expect(v.text).toContain("1 past session is hidden.");
    const controls = v.keyboard.at(-1)?.map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(controls).toEqual(["ics", "my:p"]);
    const withPast = myView(ctx, now, true);
    expect(withPast.text).toContain("Distributed caching");
    expect(withPast.keyboard.at(-1)?.map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([
      "ics",
      "my",
    ]);
    expect(myView(ctxFor(d, 2, "en"), now, false).text).toMatch(/don't follow any session/);
    d.db.close();
  });
});

describe("calendar file", () => {
  it("has the conference timezone, current times, stable UIDs, escaped and folded lines", () => {
    const d = deps();
    const sessions = [session(d, "async-io"), session(d, "testing-workshop")];
    const ics = buildIcs(
      d.catalog,
      sessions,
      "en",
      Date.parse("2030-02-01T12:00:00Z"),
      (s) => `https://t.me/x?start=${s.id}`,
    );
    expect(ics.endsWith("\r\n")).toBe(true);
    const lines = ics.split("\r\n");
    expect(lines).toContain("TZID:Asia/Yekaterinburg");
    expect(lines).toContain("TZOFFSETTO:+0500");
    expect(lines).toContain("DTSTART;TZID=Asia/Yekaterinburg:20300301T100000");
    expect(lines).toContain("DTEND;TZID=Asia/Yekaterinburg:20300301T110000");
    expect(lines).toContain("UID:async-io@confbot");
    expect(lines).toContain("DTSTAMP:20300201T120000Z");
    expect(lines).toContain("SUMMARY:Testing workshop — Ann Lee\\, Bob Ray");
    expect(lines).toContain("LOCATION:Hall A");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const long = foldLine(`DESCRIPTION:${"Асинхронный ввод-вывод ".repeat(10)}`);
    expect(long.split("\r\n ").join("")).toBe(`DESCRIPTION:${"Асинхронный ввод-вывод ".repeat(10)}`);
    for (const part of long.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    d.db.close();
  });
});

describe("/settings", () => {
  it("offers 5, 10, 15, 30 and 60 minutes and the languages, marking the current choices", () => {
    const d = deps();
    touchUser(d.db, { id: 1, chatId: 1 }, 0);
    const v = settingsView(ctxFor(d, 1, "ru"));
    expect(v.text).toContain("Напоминаю за 10 минут до начала доклада.");
    expect(v.keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["5 мин", "✓ 10 мин", "15 мин", "30 мин", "60 мин"],
      ["🔕 Выключить напоминания"],
      ["⭐ Не просить оценить доклады"],
      ["English", "✓ Русский"],
      ["🗑 Забыть меня"],
    ]);
    expect(v.keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([
      "rm:5",
      "rm:10",
      "rm:15",
      "rm:30",
      "rm:60",
      "rs:0",
      "rp:0",
      "sl:en",
      "sl:ru",
      "fg",
    ]);
    d.db.close();
  });
});
