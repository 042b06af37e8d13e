import { describe, expect, it } from "vitest";
import { attendeeProgramme } from "../../../test/support/attendee-programme.js";
import {
  buttonsOf,
  callbackDataOf,
  callsOf,
  labelsOf,
  newUserSends,
  textOf,
} from "../../../test/support/bot-harness.js";
import { readProgrammeFile } from "../../programme/read.js";
import { SHORT_ABSTRACT_CHARS, WHOLE_ABSTRACT_CHARS } from "../views/session-card.js";

describe("session card", () => {
  it("shows title, speakers, time in the conference's timezone, room, kind and audience", async () => {
    const { reply: card } = await newUserSends("/start flask-patterns");
    const text = textOf(card);
    expect(text).toContain("Advanced Flask patterns");
    expect(text).toContain("🎤 Armin Ronacher (Pocoo)");
    expect(text).toContain("🕒 Fri 1 Mar, 10:00–11:00");
    expect(text).toContain("📍 Hall A");
    expect(text).toContain("🏷 Talk · 👥 Flask users");
    expect(text).toContain("Patterns for large Flask applications.");
    // The harness' clock is past its start: the card offers questions and the rating.
    expect(labelsOf(card)).toEqual([
      "⭐ Follow",
      "↗️ Share",
      "❓ Ask a question",
      "💬 Questions: 0",
      ..."12345".split("").map((n) => `${n}⭐`),
      "👤 Armin Ronacher",
      "◀ Fri 1 Mar",
    ]);
  });

  it("is in Russian with Russian dates", async () => {
    const { reply } = await newUserSends("/start flask-patterns", { lang: "ru" });
    const text = textOf(reply);
    expect(text).toContain("Продвинутые паттерны Flask");
    expect(text).toContain("пт, 1 марта, 10:00–11:00");
    expect(text).toContain("📍 Зал A");
    expect(text).toContain("🏷 Доклад");
  });

  it("shortens a long abstract, with a button for the whole text and back", async () => {
    const { h, user, reply: card } = await newUserSends("/start async-io");
    const short = textOf(card);
    expect(short).toContain("…");
    expect(short).toContain("<futures> & coroutines");
    const abstract = h.deps.catalog.session("async-io")?.abstract.en ?? "";
    expect(short.length).toBeLessThan(abstract.length);
    expect(labelsOf(card)).toContain("📖 Read more");
    expect(labelsOf(card).filter((l) => l.startsWith("👤"))).toEqual(["👤 Ann Lee", "👤 Bob Ray"]);

    await h.press(user, card, "Read more");
    const full = textOf(h.last(user));
    expect(full).toContain(abstract);
    expect(labelsOf(h.last(user))).toContain("📕 Show less");
    await h.press(user, h.last(user), "Show less");
    expect(textOf(h.last(user))).toBe(short);
    expect(abstract.length).toBeGreaterThan(SHORT_ABSTRACT_CHARS);
  });

  it("shows track, the session's languages and subtitle, and its page and links as URL buttons", async () => {
    const programme = attendeeProgramme();
    programme.conference.tracks = [{ id: "web", name: { en: "Web", ru: "Веб" } }];
    const s = programme.sessions.find((x) => x.id === "flask-patterns");
    if (!s) throw new Error("fixture");
    Object.assign(s, {
      track: "web",
      languages: ["en", "de"],
      subtitle: { en: "Blueprints and beyond" },
      url: "https://example.org/flask",
      links: [
        { url: "https://video.example.org/flask.mp4", title: "Recording", kind: "video" },
        { url: "https://example.org/flask.pdf", title: "Slides", kind: "slides" },
      ],
    });
    for (const [lang, track, languages, page] of [
      ["en", "🗂 Web", "🗣 English, German", "🌐 Event page"],
      ["ru", "🗂 Веб", "🗣 английский, немецкий", "🌐 Страница на сайте"],
    ] as const) {
      const { reply: card } = await newUserSends("/start flask-patterns", { lang, programme });
      const text = textOf(card);
      expect(text).toContain(track);
      expect(text).toContain(languages);
      expect(text).toContain("Blueprints and beyond");
      const urls = buttonsOf(card).flatMap((b) => ("url" in b ? [[b.text, b.url]] : []));
      expect(urls).toEqual([
        [page, "https://example.org/flask"],
        ["🎬 Recording", "https://video.example.org/flask.mp4"],
        ["📑 Slides", "https://example.org/flask.pdf"],
      ]);
    }
  });

  it("marks a cancelled session and offers no reminder for it", async () => {
    const { reply: card } = await newUserSends("/start legacy-code");
    expect(textOf(card)).toContain("Cancelled");
    expect(card.text).toContain("<s>Legacy code rescue</s>");
    expect(labelsOf(card).some((l) => l.includes("Remind"))).toBe(false);
  });

  it("shows breaks without a reminder button", async () => {
    const { reply: card } = await newUserSends("/start registration");
    expect(textOf(card)).toContain("Registration");
    expect(textOf(card)).toContain("🏷 Break");
    expect(callbackDataOf(card).some((d) => d.startsWith("sub:"))).toBe(false);
  });

  it("answers forged and outdated buttons politely and does nothing else", async () => {
    const { h, user, reply: card } = await newUserSends("/start flask-patterns");
    for (const data of [
      "s:../../etc",
      "x".repeat(64),
      "s:no-such-session",
      "sm:NOPE",
      "s:flask-patterns:zz",
      "",
      "sp:",
    ]) {
      const calls = await h.pressData(user, data, card);
      expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
      expect(calls[0]?.payload.text).toBe("This button is outdated — please open the card again.");
    }
    expect(h.last(user).text).toBe(card.text);
    expect(h.logs).toEqual([]);
  });

  it("keeps every button's data within 64 bytes, even for the longest ids", async () => {
    const { h, user, reply } = await newUserSends("python tricks");
    await h.press(user, reply, "Python tricks 1");
    const data = callbackDataOf(h.last(user));
    expect(data.length).toBeGreaterThan(2);
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    expect(callsOf(h.telegram.calls, "editMessageText").every((c) => c.error === undefined)).toBe(true);
  });
});

describe("session cards on the shipped PyCon Russia 2013 programme", () => {
  const programme = readProgrammeFile("data/pycon-ru-2013.yaml");
  const before = "2013-02-24T12:00:00+06:00";

  it("shows an abstract of less than a page or two whole, so there is no 'Read more' that reveals a sentence", async () => {
    for (const lang of ["en", "ru"] as const) {
      const { h, reply: card } = await newUserSends("/start tornado-not-only-websites", {
        programme,
        lang,
        now: before,
      });
      const abstract = h.deps.catalog.session("tornado-not-only-websites")?.abstract[lang] ?? "";
      expect(abstract.length).toBeGreaterThan(SHORT_ABSTRACT_CHARS);
      expect(abstract.length).toBeLessThanOrEqual(WHOLE_ABSTRACT_CHARS);
      expect(textOf(card)).toContain(abstract);
      expect(labelsOf(card).some((l) => l.startsWith("📖"))).toBe(false);
    }
  });

  it("opens the round table, the lightning talks and the lunch as cards of their own kinds; the talks among them can be followed", async () => {
    for (const [lang, query, title, kind, follow] of [
      ["en", "round table", "Round table: Do you need to switch from Python 2 to Python 3?", "🏷 Panel", true],
      ["ru", "круглый стол", "Круглый стол: Нужно ли переходить с Python 2 на Python 3", "🏷 Дискуссия", true],
      ["en", "lunch", "Lunch Break", "🏷 Meal", false],
      ["ru", "обед", "Обед", "🏷 Обед", false],
    ] as const) {
      const { h, user, reply: list } = await newUserSends(query, { programme, lang, now: before });
      // Long titles are cut on the button.
      expect(labelsOf(list)[0], query).toMatch(new RegExp(`^1\\. ${title.slice(0, 20)}`));
      await h.press(user, list, 0);
      const card = textOf(h.last(user));
      expect(card.split("\n")[0]).toBe(title);
      expect(card).toContain(kind);
      expect(
        labelsOf(h.last(user)).some((l) => l.startsWith("⭐")),
        query,
      ).toBe(follow);
    }
  });

  it("marks the lunch and the coffee breaks apart in the day's schedule, with the halls of the talks", async () => {
    const { h, user, reply } = await newUserSends("/schedule", { programme, now: before });
    await h.press(user, reply, "Sun 24 Feb");
    const day = h.last(user);
    expect(textOf(day)).toContain("10:00–11:00\n• Large conference hall · Advanced Flask patterns");
    expect(textOf(day)).toContain("15:30–16:00\n☕ Coffee break");
    expect(textOf(day)).toContain("13:20–14:00\n🍽 Lunch Break");
  });
});
