/**
 * The bot driven through two published schedules at full size — FOSDEM 2026 (30 rooms, 62 tracks, 883
 * events) and 38C3 (72 rooms, days that run until 06:00) — in both interface languages, through
 * bot.handleUpdate and the in-memory Telegram that refuses what Telegram would (4,096 characters, 64-byte
 * callback data, HTML, URL buttons).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/programme/formats/index.js";
import type { Programme, Session } from "../../src/programme/model.js";
import { pickText } from "../../src/programme/model.js";
import {
  buttonsOf,
  createHarness,
  type Harness,
  labelsOf,
  testUser,
  textOf,
} from "../support/bot-harness.js";
import { REAL_DIR } from "../support/real-schedules.js";

const load = (file: string): Programme =>
  parseSchedule(readFileSync(join(REAL_DIR, file)), { source: file }).programme;

const refused = (h: Harness) => h.telegram.calls.filter((c) => c.error).map((c) => `${c.method}: ${c.error}`);

/** The start times ("10:00") of a list's lines, in order. */
const timesOf = (text: string) => [...text.matchAll(/^(\d\d:\d\d)–\d\d:\d\d /gm)].map((m) => m[1]);

const LABELS = {
  en: { byRoom: "📍 By room", byTrack: "🗂 By track", nowTitle: "On now" },
  ru: { byRoom: "📍 По залам", byTrack: "🗂 По трекам", nowTitle: "Сейчас" },
} as const;

describe("FOSDEM 2026 in a chat", () => {
  const programme = load("fosdem-2026-prelim.pretalx-fosdem.xml");

  for (const lang of ["en", "ru"] as const) {
    it(`/schedule by room and by track, cards with links, /now across rooms (${lang})`, async () => {
      const h = createHarness({ programme, imported: true, now: "2026-01-31T11:10:00+01:00" });
      const user = testUser(lang);
      const L = LABELS[lang];

      await h.send(user, "/schedule");
      await h.press(user, h.last(user), 0);
      await h.press(user, h.last(user), L.byRoom);
      const rooms = h.last(user);
      const roomButtons = labelsOf(rooms).filter((l) => /· \d+$/.test(l));
      expect(roomButtons.length).toBeGreaterThan(10);
      expect(roomButtons[0]).toMatch(/^Janson · \d+$/);
      await h.press(user, rooms, roomButtons[0] as string);
      const janson = textOf(h.last(user));
      const times = timesOf(janson);
      expect(times.length).toBeGreaterThan(3);
      expect(times).toEqual([...times].sort());
      expect(janson).toContain("Welcome to FOSDEM 2026");

      // The opening card: its track, its language, the event page and its links as URL buttons.
      await h.press(user, h.last(user), "Welcome to FOSDEM 2026");
      const card = h.last(user);
      expect(textOf(card)).toContain(lang === "en" ? "🗣 English" : "🗣 английский");
      expect(textOf(card)).toMatch(/🗂 \S/);
      const urls = buttonsOf(card).flatMap((b) => ("url" in b ? [b.url] : []));
      expect(urls).toContain("https://fosdem.org/2026/schedule/event/SFKNTZ-welcome_to_fosdem_2026/");
      expect(urls.some((u) => u.startsWith("https://chat.fosdem.org/"))).toBe(true);
      await h.press(user, card, "◀ Janson");
      expect(textOf(h.last(user))).toBe(janson);

      await h.press(user, h.last(user), "◀");
      await h.press(user, h.last(user), L.byTrack);
      const tracks = labelsOf(h.last(user)).filter((l) => /· \d+$/.test(l));
      expect(tracks.length).toBeGreaterThan(10);
      const track = tracks.at(-1) as string;
      await h.press(user, h.last(user), track);
      const list = textOf(h.last(user));
      expect(list).toContain(track.replace(/ · \d+$/, ""));
      expect(timesOf(list)).toEqual([...timesOf(list)].sort());

      await h.send(user, "/tracks");
      expect(labelsOf(h.last(user)).some((l) => /· \d+$/.test(l))).toBe(true);

      await h.send(user, "/now");
      const now = h.last(user);
      expect(textOf(now)).toContain(L.nowTitle);
      expect(textOf(now)).toMatch(/\(1\/[2-9]\)/);
      await h.press(user, now, "▶");
      expect(textOf(h.last(user))).toMatch(/\(2\/[2-9]\)/);
      await h.send(user, "/next");

      expect(refused(h)).toEqual([]);
      expect(h.logs).toEqual([]);
    });
  }
});

describe("38C3 in a chat", () => {
  const programme = load("38c3.hub.frab.xml");
  const languages = programme.conference.languages;
  /** A session that runs at 01:30 on the night after the first day. */
  const night = programme.sessions.find(
    (s) =>
      Date.parse(s.start) <= Date.parse("2024-12-28T01:30:00+01:00") &&
      Date.parse("2024-12-28T01:30:00+01:00") < Date.parse(s.end) &&
      s.room,
  ) as Session;

  for (const lang of ["en", "ru"] as const) {
    it(`/now at 01:30 shows the night's sessions, which belong to the day before (${lang})`, async () => {
      expect(night).toBeDefined();
      const h = createHarness({ programme, imported: true, now: "2024-12-28T01:30:00+01:00" });
      const user = testUser(lang);
      const title = pickText(night.title, lang, languages) ?? "";
      await h.send(user, "/now");
      const now = textOf(h.last(user));
      expect(now).toContain(LABELS[lang].nowTitle);
      expect(now).toContain(title.slice(0, 30));

      // In /schedule it is on the first day (27 December), after that day's evening.
      await h.send(user, "/schedule");
      await h.press(user, h.last(user), 0);
      await h.press(user, h.last(user), LABELS[lang].byRoom);
      const room = programme.conference.rooms.find((r) => r.id === night.room);
      const name = pickText(room?.name, lang, languages) ?? "";
      const button = labelsOf(h.last(user)).find((l) => l.startsWith(`${name} · `));
      if (!button) {
        // The room is on a later page of the picker.
        await h.press(user, h.last(user), "▶");
      }
      await h.press(user, h.last(user), button ?? `${name} · `);
      let list = textOf(h.last(user));
      while (!list.includes(title.slice(0, 30)) && labelsOf(h.last(user)).some((l) => l.endsWith("▶"))) {
        await h.press(user, h.last(user), "▶");
        list = textOf(h.last(user));
      }
      expect(list).toContain(title.slice(0, 30));
      const times = timesOf(list);
      expect(times.at(-1)).toMatch(/^0[0-5]:/);

      expect(refused(h)).toEqual([]);
      expect(h.logs).toEqual([]);
    });
  }

  it("cards show the sessions' languages, tracks and links; every card fits", async () => {
    const h = createHarness({ programme, imported: true, now: "2024-12-27T12:00:00+01:00" });
    const user = testUser("ru");
    const withLinks = programme.sessions.filter((s) => s.links?.length).slice(0, 15);
    const twoLanguages = programme.sessions.find((s) => s.languages?.length === 2) as Session;
    for (const s of [...withLinks, twoLanguages]) {
      await h.send(user, `/start s_${h.deps.catalog.sessionKey(s.id)}`);
      const card = h.last(user);
      expect(textOf(card)).toContain(pickText(s.title, "ru", languages)?.slice(0, 30));
      if (s.links?.length) expect(buttonsOf(card).some((b) => "url" in b)).toBe(true);
      while (labelsOf(h.last(user)).some((l) => l.startsWith("📖"))) await h.press(user, h.last(user), "📖");
    }
    await h.send(user, `/start s_${h.deps.catalog.sessionKey(twoLanguages.id)}`);
    expect(textOf(h.last(user))).toMatch(/🗣 (немецкий, английский|английский, немецкий)/);
    expect(refused(h)).toEqual([]);
  });
});
