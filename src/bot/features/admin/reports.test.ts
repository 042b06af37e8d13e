import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { textOf } from "../../../../test/support/bot-harness.js";
import { attendees, organizerHarness } from "../../../../test/support/organizer.js";

describe("/audit", () => {
  it("words every action in the organizer's language, naming sessions by title", async () => {
    for (const [lang, expected] of [
      [
        "en",
        [
          "⛔ reload refused — 1 problem",
          "🔄 reload — 1 changed, 0 added, 0 removed",
          "📣 broadcast — #1 to the followers of “Advanced Flask patterns” (2)",
          "📝 move — “Advanced Flask patterns” → Tue 26 Feb, 14:00, Hall B",
          "❌ cancel — “Scaling for Success”",
        ],
      ],
      [
        "ru",
        [
          "⛔ файл программы отклонён — 1 ошибка",
          "🔄 перечитан файл программы — изменено: 1, добавлено: 0, удалено: 0",
          "📣 рассылка — #1: тем, кто следит за докладом «Продвинутые паттерны Flask» (2)",
          "📝 перенос — «Продвинутые паттерны Flask» → вт, 26 февраля, 14:00, Зал B",
          "❌ отмена — «Масштабирование ради успеха»",
        ],
      ],
    ] as const) {
      const { h, admin, file } = organizerHarness({ lang });
      await attendees(h);
      await h.send(admin, "/cancel scaling");
      await h.press(admin, h.last(admin), 0);
      await h.send(admin, "/move flask-patterns 2 14:00 hall-b");
      await h.press(admin, h.last(admin), 0);
      await h.send(admin, "/broadcast Hello");
      await h.press(admin, h.last(admin), "⭐");
      await h.send(admin, "flask-patterns");
      await h.press(admin, h.last(admin), "📣");
      const good = readFileSync(file, "utf8");
      writeFileSync(file, good.replace("Sharding and caching.", "Sharding, caching and queues."));
      await h.send(admin, "/reload");
      await h.press(admin, h.last(admin), 0);
      writeFileSync(file, good.replace("room: hall-b", "room: hall-z"));
      await h.send(admin, "/reload");
      await h.send(admin, "/audit");
      const lines = textOf(h.last(admin)).split("\n").slice(2);
      expect(lines.map((l) => l.split(" · ").slice(2).join(" · "))).toEqual(expected);
    }
  });
});
