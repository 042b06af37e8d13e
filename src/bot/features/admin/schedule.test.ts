import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { callbackDataOf, callsOf, labelsOf, testUser, textOf } from "../../../../test/support/bot-harness.js";
import { organizerHarness } from "../../../../test/support/organizer.js";
import { NOTICE_VIEW } from "../../../delivery/notices.js";
import { SESSION_KINDS } from "../../../programme/model.js";
import { getOutboxRow } from "../../../store/outbox.js";
import { subscribe } from "../../../store/subscriptions.js";
import { decodeAction } from "../../callback-data.js";
import { noticeView } from "../../views/notice.js";
import { createOutboxRenderer } from "../../views/outbox.js";

/** The fixture with a second session about Flask, so that "flask" means two sessions. */
const twoFlasks = (text: string) => text.replace('"Scaling for Success"', '"Scaling Flask for Success"');

describe("finding the session an organizer means", () => {
  it("offers every matching session as a button, and the pressed one is the one changed", async () => {
    const { h, admin, file } = organizerHarness({ edit: twoFlasks });
    const before = readFileSync(file, "utf8");
    await h.send(admin, "/cancel flask");
    const choice = h.last(admin);
    expect(textOf(choice)).toBe(
      [
        "Several sessions match “flask” — which one do you mean?",
        "• Advanced Flask patterns — Mon 25 Feb, 11:00–12:00, Hall A",
        "• Scaling Flask for Success — Tue 26 Feb, 11:00–12:00, Hall A",
      ].join("\n"),
    );
    expect(labelsOf(choice)).toEqual([
      "Mon 11:00 · Advanced Flask patterns",
      "Tue 11:00 · Scaling Flask for Success",
    ]);
    // Every organizer button goes through the one codec.
    expect(callbackDataOf(choice).map((d) => decodeAction(d)?.type)).toEqual(["adminPick", "adminPick"]);
    expect(readFileSync(file, "utf8")).toBe(before);
    const [advanced, scaling] = callbackDataOf(choice);

    await h.pressData(admin, scaling ?? "", choice);
    const preview = h.last(admin);
    expect(textOf(preview)).toContain("❌ Cancel “Scaling Flask for Success”");
    expect(callbackDataOf(h.telegram.message(admin.id, choice.messageId) ?? choice)).toEqual([]);
    await h.press(admin, preview, 0);
    expect(h.deps.catalog.session("scaling")?.cancelled).toBe(true);
    expect(h.deps.catalog.session("flask-patterns")?.cancelled).toBeUndefined();

    // The choice was used: pressing it again changes nothing.
    const again = await h.pressData(admin, advanced ?? "", choice);
    expect(callsOf(again, "answerCallbackQuery")[0]?.payload).toMatchObject({
      text: "This confirmation has expired — run the command again.",
    });
    expect(h.deps.catalog.session("flask-patterns")?.cancelled).toBeUndefined();
  });

  it("/restore goes straight to the one cancelled session among several matches, /cancel to the one running", async () => {
    const { h, admin } = organizerHarness({ edit: twoFlasks });
    await h.send(admin, "/cancel flask");
    await h.press(admin, h.last(admin), "Scaling");
    await h.press(admin, h.last(admin), 0);
    await h.send(admin, "/restore flask");
    expect(textOf(h.last(admin))).toContain("✅ Restore “Scaling Flask for Success”");
    await h.send(admin, "/cancel flask");
    expect(textOf(h.last(admin))).toContain("❌ Cancel “Advanced Flask patterns”");
  });

  it("moves the session picked among several, to the day and time typed", async () => {
    const { h, admin } = organizerHarness({ edit: twoFlasks, lang: "ru" });
    await h.send(admin, "/move flask 2 14:00 зал b");
    const choice = h.last(admin);
    expect(textOf(choice)).toContain("Под «flask» подходит несколько докладов — какой из них?");
    expect(textOf(choice)).toContain("• Продвинутые паттерны Flask — пн, 25 февраля, 11:00–12:00, Зал A");
    await h.press(admin, choice, "Продвинутые");
    expect(textOf(h.last(admin))).toContain(
      "• Продвинутые паттерны Flask: пн, 25 февраля, 11:00, Зал A → вт, 26 февраля, 14:00, Зал B",
    );
  });

  it("finds a break by its title, which attendee search ranks low", async () => {
    const { h, admin } = organizerHarness();
    await h.send(admin, "/cancel lunch");
    expect(textOf(h.last(admin))).toContain("❌ Cancel “Lunch”");
    await h.send(admin, "/cancel Обед");
    expect(textOf(h.last(admin))).toContain("❌ Cancel “Lunch”");
  });

  it("refuses a forged choice: a session that was not offered", async () => {
    const { h, admin } = organizerHarness({ edit: twoFlasks });
    await h.send(admin, "/cancel flask");
    const choice = h.last(admin);
    const [data] = callbackDataOf(choice);
    const forged = (data ?? "").replace(/:\d+$/, `:${h.deps.catalog.sessionKey("lunch")}`);
    const calls = await h.pressData(admin, forged, choice);
    expect(callsOf(calls, "answerCallbackQuery")[0]?.payload).toMatchObject({
      text: "This confirmation has expired — run the command again.",
    });
    expect(callsOf(calls, "sendMessage")).toEqual([]);
  });
});

describe("/move arguments", () => {
  it("says a time that is none is a bad time, and lists rooms by name", async () => {
    const { h, admin } = organizerHarness();
    await h.send(admin, "/move flask mon 25:00");
    expect(textOf(h.last(admin))).toBe("🕒 “25:00” is not a time of day: use HH:MM, e.g. 14:00.");
    await h.send(admin, "/move flask 2 14:00 Hall Z");
    expect(textOf(h.last(admin))).toBe("📍 There is no room “Hall Z”. Rooms: Hall A, Hall B.");
  });

  it("lists rooms by their Russian names for a Russian organizer", async () => {
    const { h, admin } = organizerHarness({ lang: "ru" });
    await h.send(admin, "/move flask 2 14:00 зал я");
    expect(textOf(h.last(admin))).toBe("📍 Зала «зал я» нет. Есть такие: Зал A, Зал B.");
  });

  it("refuses a move that would end after the conference's last day, in both languages", async () => {
    for (const [lang, expected] of [
      [
        "en",
        "📅 Not moved: “Scaling for Success” would then run Tue 26 Feb, 23:30–Wed 27 Feb, 00:30, past the conference's last day (Tue 26 Feb). Pick an earlier time or another day.",
      ],
      [
        "ru",
        "📅 Не перенесено: «Масштабирование ради успеха» тогда шёл бы вт, 26 февраля, 23:30–ср, 27 февраля, 00:30 — позже последнего дня конференции (вт, 26 февраля). Выберите время пораньше или другой день.",
      ],
    ] as const) {
      const { h, admin, file } = organizerHarness({ lang });
      const before = readFileSync(file, "utf8");
      await h.send(admin, "/move scaling 2 23:30");
      expect(textOf(h.last(admin))).toBe(expected);
      expect(callbackDataOf(h.last(admin))).toEqual([]);
      expect(readFileSync(file, "utf8")).toBe(before);
    }
  });
});

describe("a programme's problems, in the organizer's language", () => {
  it("names the session a moved one would clash with by title and time, in Russian", async () => {
    const { h, admin } = organizerHarness({ lang: "ru" });
    await h.send(admin, "/move flask 2 11:30");
    expect(textOf(h.last(admin))).toBe(
      "⛔ Доклад «Продвинутые паттерны Flask» не перенесён:\n• Зал A в это время занят: там «Масштабирование ради успеха» (вт, 26 февраля, 11:00–12:00)",
    );
  });

  it("words schema and YAML errors in Russian, without paths, indexes or a dangling colon", async () => {
    const { h, admin, file } = organizerHarness({ lang: "ru" });
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("kind: talk", "kind: lecture"));
    await h.send(admin, "/reload");
    expect(textOf(h.last(admin))).toBe(
      [
        "⛔ В programme.yaml 1 ошибка; ничего не изменено:",
        `• «Продвинутые паттерны Flask» (пн, 25 февраля, 11:00–12:00) · вид: ожидается одно из значений: ${SESSION_KINDS.join(", ")}; указано: "lecture"`,
      ].join("\n"),
    );
    writeFileSync(file, good.replace("room: hall-b", "room: hall-z"));
    await h.send(admin, "/reload");
    expect(textOf(h.last(admin))).toBe(
      [
        "⛔ В programme.yaml 1 ошибка; ничего не изменено:",
        "• «Что происходит внутри асинхронного кода?» (пн, 25 февраля, 14:00–14:40) · зал: зала «hall-z» нет; есть такие: Зал A, Зал B",
      ].join("\n"),
    );
    writeFileSync(file, good.replace("  days:\n", "  days: [\n"));
    await h.send(admin, "/reload");
    const yaml = textOf(h.last(admin));
    expect(yaml).toMatch(/^⛔ В programme\.yaml \d+ ошиб/);
    expect(yaml).toMatch(/• строка \d+, столбец \d+: [а-яё]/);
    for (const line of yaml.split("\n").slice(1)) {
      expect(line).not.toMatch(/[A-Za-z]{3,}/);
      expect(line).not.toMatch(/:\s*$/);
    }
  });
});

describe("/reload of a file that is gone or no programme", () => {
  it("says so in the organizer's language", async () => {
    const { h, admin, file } = organizerHarness({ lang: "ru" });
    rmSync(file);
    await h.send(admin, "/reload");
    expect(textOf(h.last(admin))).toBe(
      "⛔ В programme.yaml 1 ошибка; ничего не изменено:\n• файл не удаётся прочитать (ENOENT)",
    );
    writeFileSync(file, "just some & <text>\n");
    await h.send(admin, "/reload");
    expect(textOf(h.last(admin))).toBe(
      '⛔ В programme.yaml 1 ошибка; ничего не изменено:\n• ожидается: блок полей; указано: "just some & <text>"',
    );
  });
});

describe("/reload of a file a parser cannot read at all", () => {
  it("answers with the failure in the organizer's language instead of staying silent", async () => {
    const { h, admin, file } = organizerHarness({ lang: "ru" });
    // A YAML alias bomb: the parser throws a ReferenceError of its own, which used to escape the handler.
    const lines = ["a0: &a0 [lol, lol]"];
    for (let i = 1; i <= 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    writeFileSync(file, `${lines.join("\n")}\nconference: *a30\n`);
    await h.send(admin, "/reload");
    expect(textOf(h.last(admin))).toBe(
      "⛔ В programme.yaml 1 ошибка; ничего не изменено:\n" +
        "• его не удаётся прочитать (ReferenceError: Excessive alias count indicates a resource exhaustion attack)",
    );
  });
});

describe("/reload of a renamed session", () => {
  it("shows the old and the new title, in whichever language the title changed", async () => {
    for (const [lang, expected] of [
      [
        "ru",
        "• «Что происходит внутри асинхронного кода?» → «Что внутри асинхронного кода» (пн, 25 февраля, 14:00, Зал B)",
      ],
      [
        "en",
        // Quotes by the reader's language, whatever the title's.
        "• “Что происходит внутри асинхронного кода?” → “Что внутри асинхронного кода” (Mon 25 Feb, 14:00, Hall B)",
      ],
    ] as const) {
      const { h, admin, file } = organizerHarness({ lang });
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(
          "ru: Что происходит внутри асинхронного кода?",
          "ru: Что внутри асинхронного кода",
        ),
      );
      const boris = testUser("ru", "Борис");
      await h.send(boris, "/start");
      subscribe(h.deps.db, boris.id, "asyncio-inside", h.deps.clock());
      await h.send(admin, "/reload");
      expect(textOf(h.last(admin)).split("\n")).toContain(expected);
      await h.press(admin, h.last(admin), 0);
      // The follower hears of the rename as such, not of a move to where the session already was.
      const render = createOutboxRenderer(h.deps, { [NOTICE_VIEW]: noticeView });
      const rows = h.deps.db.prepare("SELECT id FROM outbox WHERE kind = 'notice'").all() as { id: number }[];
      const texts = rows.map((r) => {
        const row = getOutboxRow(h.deps.db, r.id);
        return row && render(row, h.deps.clock())?.text;
      });
      expect(texts).toEqual([
        "✏️ <b>Новое название:</b> «Что происходит внутри асинхронного кода?» теперь называется «Что внутри асинхронного кода» — пн, 25 февраля, 14:00, Зал B",
      ]);
    }
  });
});

describe("/reload of a time with the wrong UTC offset", () => {
  it("warns in the preview, in the organizer's language, naming the session", async () => {
    for (const [lang, expected] of [
      [
        "en",
        "• “Advanced Flask patterns” (Mon 25 Feb, 12:00–13:00): the start is written as 11:00 at UTC+05:00, but Asia/Yekaterinburg is at UTC+06:00 that day, so it becomes 12:00. Check the offset.",
      ],
      [
        "ru",
        "• «Продвинутые паттерны Flask» (пн, 25 февраля, 12:00–13:00): начало указано как 11:00 по UTC+05:00, а в Asia/Yekaterinburg в этот день UTC+06:00, так что получается 12:00. Проверьте смещение.",
      ],
    ] as const) {
      const { h, admin, file } = organizerHarness({ lang });
      writeFileSync(
        file,
        readFileSync(file, "utf8")
          .replace("start: 2013-02-25T11:00:00+06:00", "start: 2013-02-25T11:00:00+05:00")
          .replace("end: 2013-02-25T12:00:00+06:00", "end: 2013-02-25T12:00:00+05:00"),
      );
      await h.send(admin, "/reload");
      const lines = textOf(h.last(admin)).split("\n");
      expect(lines).toContain(lang === "en" ? "⚠️ Check before applying:" : "⚠️ Проверьте перед применением:");
      expect(lines).toContain(expected);
    }
  });
});

describe("a confirmed change that cannot be written", () => {
  it("says why in the organizer's language", async () => {
    const { h, admin } = organizerHarness({ lang: "ru" });
    await h.send(admin, "/cancel scaling");
    const preview = h.last(admin);
    // Buttons named by what they do: under /cancel, "cancel" means cancelling the session.
    expect(labelsOf(preview)).toEqual(["❌ Да, отменить", "↩️ Ничего не менять"]);
    // One session is «этот доклад», not «эти доклады».
    expect(textOf(preview)).toContain(
      "👥 Сообщать некому: за этим докладом никто не следит, или всё уже позади.",
    );
    h.deps.db.pragma("query_only = ON");
    await h.press(admin, preview, "Да, отменить");
    h.deps.db.pragma("query_only = OFF");
    expect(textOf(h.last(admin))).toContain(
      "⚠️ Изменение не удалось применить: база данных не принимает запись (открыта только для чтения)",
    );
    expect(h.deps.catalog.session("scaling")?.cancelled).toBeUndefined();
  });
});

describe("which session an organizer's words mean", () => {
  /** "Redis, the hacker's database", and "Scaling for Success" that only mentions Redis in its abstract. */
  const withRedis = (text: string) =>
    text
      .replace("      en: Sharding and caching.", "      en: Sharding, caching with Redis and memcached.")
      .replace(
        "\nspeakers:",
        [
          "  - id: redis-talk",
          "    kind: talk",
          "    title:",
          '      en: "Redis, the hacker\'s database"',
          '      ru: "Redis — база данных хакера"',
          "    start: 2013-02-26T15:00:00+06:00",
          "    end: 2013-02-26T16:00:00+06:00",
          "    room: hall-b",
          "",
          "speakers:",
        ].join("\n"),
      );

  it("a title holding the words wins over a session that only mentions them; previews name their buttons", async () => {
    const { h, admin } = organizerHarness({ edit: withRedis });
    // Search alone finds both (so the organizer would have been asked to pick).
    const found = h.deps.catalog.index.search("redis", { limit: 10 }).map((r) => r.id);
    expect(found).toEqual(expect.arrayContaining(["redis-talk", "scaling"]));
    for (const [command, header, buttons] of [
      [
        "/cancel redis",
        "❌ Cancel “Redis, the hacker's database”",
        ["❌ Yes, cancel it", "↩️ Change nothing"],
      ],
      ["/move redis 2 17:00", "📝 Move “Redis, the hacker's database”", ["✅ Move it", "↩️ Change nothing"]],
    ] as const) {
      await h.send(admin, command);
      const preview = h.last(admin);
      expect(textOf(preview)).toContain(header);
      expect(labelsOf(preview)).toEqual(buttons);
      await h.press(admin, preview, "Change nothing");
      expect(textOf(h.last(admin))).toContain("↩️ Nothing was changed.");
    }
  });
});
