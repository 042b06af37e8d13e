import { describe, expect, it } from "vitest";
import {
  callbackDataOf,
  callsOf,
  createHarness,
  type Harness,
  labelsOf,
  type TestUser,
  testUser,
  textOf,
} from "../../../../test/support/bot-harness.js";
import { dispatcherOf } from "../../../../test/support/harness-dispatcher.js";
import { organizerHarness } from "../../../../test/support/organizer.js";
import { smallProgramme } from "../../../../test/support/programme-fixture.js";
import { inYear } from "../../../../test/support/series.js";
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

describe("/broadcast in a deployment of several conferences", () => {
  const OWNER = 900;
  const ORGANIZER = 501;
  /** PyCon Russia 2016 (its organizer: ORGANIZER) and 2017 (the default), their names in both languages. */
  function pycons() {
    const edition = (year: number) => {
      const p = inYear(smallProgramme(), year, `PyCon Russia ${year}`);
      return {
        ...p,
        conference: { ...p.conference, name: { en: `PyCon Russia ${year}`, ru: `ПайКон ${year}` } },
      };
    };
    return createHarness({
      conferences: [
        { id: "p17", programme: edition(2017), default: true },
        { id: "p16", programme: edition(2016), organizers: [ORGANIZER] },
      ],
      env: { ADMIN_IDS: String(OWNER) },
      now: "2017-01-10T10:00:00+05:00",
    });
  }
  /** What each user's chat got last, with its entities as sent. */
  const received = (h: Harness, u: TestUser) => {
    const call = h.telegram.calls
      .filter((c) => c.method === "sendMessage" && c.payload.chat_id === u.id)
      .at(-1);
    return { text: call?.payload.text, entities: call?.payload.entities };
  };

  it("names the conference a broadcast comes from, in each reader's language, wherever they look", async () => {
    const h = pycons();
    const organizer = { ...testUser("en", "Olga"), id: ORGANIZER };
    // Ann looks at 2017 (the default) and follows a 2016 talk; Борис looks at 2016.
    const ann = testUser("en", "Ann");
    const boris = testUser("ru", "Борис");
    await h.send(ann, "/start");
    await h.send(boris, "/start c_p16");
    const caching = h.deps.conferences
      .get("p16")
      ?.catalog.programme.sessions.find((s) => s.title.en === "Distributed caching");
    subscribe(h.deps.db, ann.id, caching?.id ?? "", h.deps.clock());
    await h.send(organizer, "/start c_p16");

    // To the followers of a session: Ann, who looks at 2017, learns the message is 2016's.
    await h.send(organizer, "/broadcast Room change: Hall B");
    await h.press(organizer, h.last(organizer), "Followers of a session");
    await h.send(organizer, "distributed caching");
    const preview = h.chat(organizer).at(-2);
    expect(preview?.text).toBe("Room change: Hall B\n\n🎟 PyCon Russia 2016");
    await h.press(organizer, h.last(organizer), "Send (1)");
    await dispatcherOf(h).drain();
    expect(received(h, ann)).toEqual({
      text: "Room change: Hall B\n\n🎟 PyCon Russia 2016",
      entities: [{ type: "bold", offset: 24, length: 17 }],
    });

    // To the conference's attendees, formatting kept: Борис reads the line in Russian.
    await h.send(organizer, "/broadcast");
    const m = h.telegram.userMessage(organizer.id, "Doors open at 9");
    await h.update({
      message: {
        message_id: m.messageId,
        date: Math.floor(h.deps.clock() / 1000),
        chat: { id: organizer.id, type: "private", first_name: organizer.first_name },
        from: { id: organizer.id, is_bot: false, first_name: organizer.first_name, language_code: "en" },
        text: "Doors open at 9",
        entities: [{ type: "bold", offset: 0, length: 5 }],
      } as never,
    });
    await h.press(organizer, h.last(organizer), "👥 Everyone (");
    await h.press(organizer, h.last(organizer), "Send (");
    await dispatcherOf(h).drain();
    expect(received(h, boris)).toEqual({
      text: "Doors open at 9\n\n🎟 ПайКон 2016",
      entities: [
        { type: "bold", offset: 0, length: 5 },
        { type: "bold", offset: 20, length: 11 },
      ],
    });
  });

  it("signs a broadcast to everyone who ever used the bot with the sender's series", async () => {
    const h = pycons();
    const owner = { ...testUser("en", "Oscar"), id: OWNER };
    const ann = testUser("en", "Ann");
    const boris = testUser("ru", "Борис");
    await h.send(ann, "/start");
    await h.send(boris, "/start c_p16");
    await h.send(owner, "/start");
    await h.send(owner, "/broadcast Registration for 2018 is open");
    await h.press(owner, h.last(owner), "Everyone who ever used the bot");
    await h.press(owner, h.last(owner), "Send (");
    await dispatcherOf(h).drain();
    expect(received(h, ann).text).toBe(
      "Registration for 2018 is open\n\n📣 From the organizers of PyCon Russia",
    );
    expect(received(h, boris).text).toBe("Registration for 2018 is open\n\n📣 От организаторов ПайКон");
  });
});
