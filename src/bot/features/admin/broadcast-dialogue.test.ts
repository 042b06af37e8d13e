import { describe, expect, it } from "vitest";
import {
  callbackDataOf,
  callsOf,
  type Harness,
  labelsOf,
  type TestUser,
  testUser,
  textOf,
} from "../../../../test/support/bot-harness.js";
import { organizerHarness } from "../../../../test/support/organizer.js";
import { outboxCounts } from "../../../store/outbox.js";
import { subscribe } from "../../../store/subscriptions.js";
import { decodeAction } from "../../callback-data.js";
import { MATCHES_PAGE } from "./broadcast-dialogue.js";

/** The fixture with `n` more sessions about Django on day 2 in Hall B, half an hour each from 09:00. */
function withDjango(n: number) {
  return (text: string) => {
    const sessions = Array.from({ length: n }, (_, i) => {
      const at = (m: number) =>
        `${String(9 + Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      return [
        `  - id: django-${i + 1}`,
        "    kind: talk",
        "    title:",
        `      en: Django topic ${i + 1}`,
        `      ru: Django, часть ${i + 1}`,
        `    start: 2013-02-26T${at(i * 30)}:00+06:00`,
        `    end: 2013-02-26T${at(i * 30 + 30)}:00+06:00`,
        "    room: hall-b",
        "",
      ].join("\n");
    });
    return text.replace("\nspeakers:", `\n${sessions.join("")}\nspeakers:`);
  };
}

/** Attendees following django-1 (two of them) and django-2 (one). */
async function djangoFollowers(h: Harness): Promise<TestUser[]> {
  const users = [testUser("en", "Ann"), testUser("ru", "Борис"), testUser("en", "Carl")];
  for (const u of users) await h.send(u, "/start");
  const now = h.deps.clock();
  subscribe(h.deps.db, users[0]?.id ?? 0, "django-1", now);
  subscribe(h.deps.db, users[1]?.id ?? 0, "django-1", now);
  subscribe(h.deps.db, users[2]?.id ?? 0, "django-2", now);
  return users;
}

describe("/broadcast to the followers of a session", () => {
  it("lists every matching session, paged, with its followers; an empty one leads back keeping the message", async () => {
    const { h, admin } = organizerHarness({ edit: withDjango(8) });
    await djangoFollowers(h);
    await h.send(admin, "/start");
    await h.send(admin, "/broadcast Doors open at 9");
    await h.press(admin, h.last(admin), "Followers of a session");
    await h.send(admin, "django");
    const list = h.last(admin);
    const lines = textOf(list).split("\n");
    expect(lines[0]).toBe("8 sessions match “django” — whose followers get the message?");
    expect(lines.slice(1, 3)).toEqual([
      "• Django topic 1 — Tue 26 Feb, 09:00–09:30, Hall B · 👥 2 following",
      "• Django topic 2 — Tue 26 Feb, 09:30–10:00, Hall B · 👥 1 following",
    ]);
    expect(lines.filter((l) => l.startsWith("• "))).toHaveLength(MATCHES_PAGE);
    expect(lines.at(-1)).toBe("(1/2)");
    expect(labelsOf(list).slice(0, 2)).toEqual([
      "👥 2 · Tue 09:00 · Django topic 1",
      "👥 1 · Tue 09:30 · Django topic 2",
    ]);
    expect(labelsOf(list).slice(MATCHES_PAGE)).toEqual([
      "Next ▶",
      "◀ Choose another audience",
      "✖️ Don't send",
    ]);
    // Every button of the dialogue goes through the one codec.
    expect(callbackDataOf(list).every((d) => decodeAction(d)?.type === "broadcast")).toBe(true);

    // The next page replaces the list in place: the two sessions left.
    await h.press(admin, list, "Next");
    const page2 = h.telegram.message(admin.id, list.messageId);
    if (!page2) throw new Error("the list is gone");
    expect(
      textOf(page2)
        .split("\n")
        .filter((l) => l.startsWith("• ")),
    ).toEqual([
      "• Django topic 7 — Tue 26 Feb, 12:00–12:30, Hall B · 👥 0 following",
      "• Django topic 8 — Tue 26 Feb, 12:30–13:00, Hall B · 👥 0 following",
    ]);
    expect(labelsOf(page2)).toContain("◀ Previous");

    // Nobody follows topic 8: back to the audiences, the message kept.
    await h.press(admin, page2, "Django topic 8");
    const back = h.last(admin);
    expect(textOf(back)).toBe(
      "🤷 Nobody follows “Django topic 8”, so nobody would get the message. It is kept: choose another audience.\n\n👥 Who gets it?",
    );
    await h.press(admin, back, "Followers of a session");
    await h.send(admin, "django");
    const calls = await h.press(admin, h.last(admin), "Django topic 1");
    expect(callsOf(calls, "sendMessage")[0]?.payload).toMatchObject({ text: "Doors open at 9" });
    const preview = h.last(admin);
    expect(textOf(preview)).toContain("2 recipients: the followers of “Django topic 1”.");
    await h.press(admin, preview, "Send (2)");
    expect(textOf(h.last(admin))).toBe("📣 Sending to 2 recipients…");
    expect(outboxCounts(h.deps.db).total).toBe(2);
  });

  it("speaks Russian to a Russian organizer, with Russian plurals, and finds Django typed in Cyrillic", async () => {
    const { h, admin } = organizerHarness({ edit: withDjango(5), lang: "ru" });
    await djangoFollowers(h);
    await h.send(admin, "/broadcast Двери открываются в 9");
    await h.press(admin, h.last(admin), "Тем, кто следит за докладом");
    await h.send(admin, "джанго");
    const lines = textOf(h.last(admin)).split("\n");
    expect(lines[0]).toBe("Под «джанго» подходят 5 докладов — за каким из них следят получатели?");
    expect(lines[1]).toBe("• Django, часть 1 — вт, 26 февраля, 09:00–09:30, Зал B · 👥 следят: 2");
    await h.press(admin, h.last(admin), "часть 5");
    expect(textOf(h.last(admin))).toBe(
      "🤷 За докладом «Django, часть 5» никто не следит — отправлять некому. Сообщение сохранено — выберите других получателей.\n\n👥 Кому отправить?",
    );
    // The languages as Russian names such audiences.
    expect(labelsOf(h.last(admin))).toEqual(
      expect.arrayContaining(["🇬🇧 Англоязычным (2)", "🇷🇺 Русскоязычным (2)"]),
    );
    await h.press(admin, h.last(admin), "Всем");
    expect(textOf(h.last(admin))).toContain("👥 4 получателя: все.");
    expect(h.chat(admin).at(-2)?.text).toBe("Двери открываются в 9");
  });

  it("in Russian, lunch is not called a talk", async () => {
    const { h, admin } = organizerHarness({ lang: "ru" });
    await h.send(admin, "/broadcast Обед переносится");
    await h.press(admin, h.last(admin), "Тем, кто следит за докладом");
    await h.send(admin, "обед");
    expect(textOf(h.last(admin))).toContain(
      "🤷 За пунктом программы «Обед» никто не следит — отправлять некому.",
    );
  });

  it("goes back to the audiences when the one session typed has no followers, and on ◀", async () => {
    const { h, admin } = organizerHarness();
    await h.send(admin, "/broadcast Hello");
    await h.press(admin, h.last(admin), "Followers of a session");
    await h.send(admin, "lunch");
    expect(textOf(h.last(admin))).toContain("🤷 Nobody follows “Lunch”, so nobody would get the message.");
    await h.press(admin, h.last(admin), "Followers of a session");
    await h.press(admin, h.last(admin), "Choose another audience");
    const audiences = h.last(admin);
    expect(textOf(audiences)).toBe("👥 Who gets it?");
    await h.press(admin, audiences, "Everyone (1)");
    expect(textOf(h.last(admin))).toContain("1 recipient: everyone.");
    // The audience message keeps the choice made, its buttons gone.
    const settled = h.telegram.message(admin.id, audiences.messageId);
    expect(settled && textOf(settled)).toBe("👥 Who gets it?\n\n✓ 👥 Everyone (1)");
    expect(settled && labelsOf(settled)).toEqual([]);
    expect(h.logs).toEqual([]);
  });
});
