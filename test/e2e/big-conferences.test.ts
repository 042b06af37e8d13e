/**
 * Big conferences through the bot process and the local Bot API server (38C3: 72 rooms, all-day items; FOSDEM
 * 2026: 30 rooms, a devroom for every talk): /now and /schedule open on the main halls in the programme's room
 * order with the long sessions after the regular ones and the track on each line, narrow to a room or a track,
 * jump to the present moment, keep every page inside Telegram's limits; a search that names a room lists all of
 * its sessions in time order with their true count. What is expected is read from the source files with the
 * test's own parser (test/support/real-schedules.ts), not from the bot's loaders.
 */
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ApiUser, ServerMessage } from "../support/bot-api-server.js";
import { useE2eBot } from "../support/e2e-bot.js";
import { frabFacts, REAL_DIR, type SourceFacts } from "../support/real-schedules.js";

const MINUTE = 60_000;
/** On both programmes a session over two hours is long (their talks' median length is at most an hour). */
const LONG_MINUTES = 120;

/**
 * The first minute from `from` on at which no session starts or ends for the next `quiet` minutes, so that
 * what is on stays the same while the test reads it (the bot's clock runs on from DEMO_NOW).
 */
function quietMinute(facts: SourceFacts, from: string, quiet = 8): number {
  const bounds = facts.events.flatMap((e) => [e.start, e.end]);
  for (let t = Date.parse(from); ; t += MINUTE)
    if (!bounds.some((b) => b > t - MINUTE && b <= t + quiet * MINUTE)) return t;
}

/** A line of /now or of a room's list: "16:00–17:00 • Saal 1 · Security · Title — speakers". */
interface Line {
  start: string;
  minutes: number;
  room: string;
  rest: string;
  text: string;
}
const LINE = /^(?:⭐ )?(\d\d:\d\d)–(\d\d:\d\d) (?:•|☕|🍽|▫️) (.*)$/u;
const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
function linesOf(m: ServerMessage): Line[] {
  return m.text.split("\n").flatMap((text) => {
    const match = LINE.exec(text);
    if (!match) return [];
    const [, start = "", end = "", rest = ""] = match;
    const minutes = (clockMinutes(end) - clockMinutes(start) + 24 * 60) % (24 * 60);
    const room = rest.split(" · ")[0] ?? "";
    return [{ start, minutes, room, rest: rest.slice(room.length + 3), text }];
  });
}

/** Every callback button's data, in every message of a chat: none over Telegram's 64 bytes. */
function expectButtonsFit(e2e: ReturnType<typeof useE2eBot>, user: ApiUser) {
  for (const m of e2e.server.messages(user.id)) {
    expect(m.html.length, m.text.slice(0, 80)).toBeLessThanOrEqual(4096);
    const rows = (m.replyMarkup?.inline_keyboard ?? []) as { callback_data?: string }[][];
    for (const b of rows.flat())
      if (b.callback_data) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  }
}

/** Presses "Next ▶" until the last page; resolves with every page. */
async function allPages(
  e2e: ReturnType<typeof useE2eBot>,
  user: ApiUser,
  first: ServerMessage,
  next: string,
): Promise<ServerMessage[]> {
  const pages = [first];
  let page = first;
  while (page.buttons.includes(next)) {
    page = (await e2e.press(user, page, next)).after;
    pages.push(page);
  }
  return pages;
}

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("HH:mm");

describe("38C3", () => {
  const zone = "Europe/Berlin";
  const facts = frabFacts("38c3.hub.frab.xml");
  const rooms = [...facts.rooms];
  const at = quietMinute(facts, "2024-12-27T16:20:00+01:00");
  const onNow = facts.events.filter((e) => e.start <= at && at < e.end);
  const e2e = useE2eBot({
    programme: join(REAL_DIR, "38c3.hub.frab.xml"),
    env: { DEMO_NOW: DateTime.fromMillis(at, { zone }).toISO() ?? "" },
  });
  const emma: ApiUser = { id: 8101, first_name: "Emma", language_code: "en" };
  const ivan: ApiUser = { id: 8102, first_name: "Иван", language_code: "ru" };

  it("/now opens on the main halls in the programme's order, long sessions last, the track on each line", async () => {
    expect(rooms.slice(0, 3)).toEqual(["Saal 1", "Saal GLITCH", "Saal ZIGZAG"]);
    for (const [user, next, long] of [
      [emma, "Next ▶", "⏳ Long sessions"],
      [ivan, "Далее ▶", "⏳ Длительные мероприятия"],
    ] as const) {
      const first = await e2e.say(user, "/now");
      const lines = linesOf(first);
      // Page one: the three main halls first, then the other rooms in the source's order, no long session.
      expect(lines.slice(0, 3).map((l) => l.room)).toEqual(["Saal 1", "Saal GLITCH", "Saal ZIGZAG"]);
      const positions = lines.map((l) => rooms.indexOf(l.room));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(lines.filter((l) => l.minutes > LONG_MINUTES)).toEqual([]);
      // The track (only main-stage talks have one at 38C3) between the room and the title.
      const main = onNow.find((e) => e.room === "Saal 1");
      expect(main?.track).toBeTruthy();
      expect(lines[0]?.rest.startsWith(`${main?.track} · ${main?.title.slice(0, 40)}`)).toBe(true);

      const pages = await allPages(e2e, user, first, next);
      const all = pages.flatMap(linesOf);
      expect(all).toHaveLength(onNow.length);
      // Every page with long sessions says so above them.
      for (const page of pages) {
        const longAt = page.text.indexOf(
          linesOf(page).find((l) => l.minutes > LONG_MINUTES)?.text ?? "\u0000",
        );
        if (longAt >= 0) expect(page.text.indexOf(long)).toBeGreaterThanOrEqual(0);
        if (longAt >= 0) expect(page.text.indexOf(long)).toBeLessThan(longAt);
      }
      const cut = all.findIndex((l) => l.minutes > LONG_MINUTES);
      expect(cut).toBeGreaterThan(0);
      expect(all.slice(cut).every((l) => l.minutes > LONG_MINUTES)).toBe(true);
      expect(all.slice(0, cut).every((l) => l.minutes <= LONG_MINUTES)).toBe(true);
      expect(all.length - cut).toBe(onNow.filter((e) => e.end - e.start > LONG_MINUTES * MINUTE).length);
      expectButtonsFit(e2e, user);
    }
  });

  it("/now narrows to one room or one track from buttons, and widens again; forged filters are outdated", async () => {
    const whole = await e2e.say(emma, "/now");
    const { after: picker } = await e2e.press(emma, whole, "📍 Pick a room…");
    // The rooms of what is on, in the programme's order.
    const busy = rooms.filter((r) => onNow.some((e) => e.room === r));
    expect(picker.buttons.slice(0, Math.min(24, busy.length))).toEqual(busy.slice(0, 24));
    const { after: glitch } = await e2e.press(emma, picker, "Saal GLITCH");
    expect(glitch.text).toContain("📍 Only Saal GLITCH");
    expect(linesOf(glitch).map((l) => l.room)).toEqual(
      onNow.filter((e) => e.room === "Saal GLITCH").map(() => "Saal GLITCH"),
    );
    const { after: wide } = await e2e.press(emma, glitch, "✖️ Every room and track");
    expect(wide.text).toBe(whole.text);

    const { after: tracks } = await e2e.press(emma, wide, "🗂 Pick a track…");
    const track = onNow.find((e) => e.track)?.track ?? "";
    const { after: one } = await e2e.press(emma, tracks, track);
    expect(one.text).toContain(`🗂 Only ${track}`);
    const shown = linesOf(one);
    expect(shown.length).toBe(onNow.filter((e) => e.track === track).length);
    expect(shown.every((l) => l.rest.startsWith(`${track} · `))).toBe(true);

    // The same in Russian.
    const ru = await e2e.say(ivan, "/now");
    const { after: ruPicker } = await e2e.press(ivan, ru, "📍 Выбрать зал…");
    expect(ruPicker.text).toMatch(/\d+ зал(а|ов)?\. Выберите/);
    const { after: saal } = await e2e.press(ivan, ruPicker, "Saal 1");
    expect(saal.text).toContain("📍 Только Saal 1");
    expect(linesOf(saal).map((l) => l.room)).toEqual(["Saal 1"]);
    expect((await e2e.press(ivan, saal, "✖️ Все залы и треки")).after.text).toBe(ru.text);

    for (const data of ["nw:r999", "nx:t998", "nw:1:r0x", "nf:qq", "nw:r", "dn:999", "r:999:a"]) {
      const answer = await e2e.server.waitForAnswer(e2e.server.pressData(emma, data, one));
      expect(answer.text, data).toMatch(/outdated|open the card again/);
    }
    expect((await e2e.say(emma, "/now")).text).toContain("On now");
    expectButtonsFit(e2e, emma);
    expect(e2e.bot.stderr()).toBe("");
  });

  it("/schedule → today by time: long sessions after the regular ones, and a jump to now", async () => {
    const days = await e2e.say(emma, "/schedule");
    const { after: first } = await e2e.press(emma, days, "Fri 27 Dec");
    expect(first.text).not.toContain("⏳ Long sessions");
    const { after: now } = await e2e.press(emma, first, "⏱ Now");
    const marker = `── ⏱ ${local(at, zone)}, now ──`;
    expect(now.text).toContain(marker);
    // The slot above the line has begun, the one below it has not.
    const [above = "", below = ""] = now.text.split(marker);
    const times = (s: string) =>
      [...s.matchAll(/^(\d\d:\d\d)(?:–\d\d:\d\d)?$/gmu)].map((m) => m[1] as string);
    const before = times(above).pop();
    const after = times(below)[0];
    if (before) expect(before <= local(at, zone)).toBe(true);
    expect(after && after > local(at, zone)).toBe(true);

    const pages = await allPages(e2e, emma, first, "Next ▶");
    const last = pages[pages.length - 1] as ServerMessage;
    expect(last.text).toContain("⏳ Long sessions");
    for (const page of pages) {
      expect(page.html.length).toBeLessThanOrEqual(4096);
      // No page is cut short by the message limit.
      expect(page.text.trimEnd().endsWith("\n…")).toBe(false);
    }
  });

  it("a search for a room lists every one of its sessions in time order, with their count", async () => {
    const saal = facts.events.filter((e) => e.room === "Saal 1").sort((a, b) => a.start - b.start);
    expect(saal.length).toBeGreaterThan(6);
    for (const [user, heading, next] of [
      [emma, `📍 Saal 1 · ${saal.length} sessions`, "Next ▶"],
      [ivan, `📍 Saal 1 · ${saal.length} пунктов программы`, "Далее ▶"],
    ] as const) {
      const first = await e2e.say(user, "saal 1");
      expect(first.text.split("\n")[0]).toContain(heading);
      // During the congress, the line saying "now" stands before the room's next session.
      const upcoming = saal.find((e) => e.start > at);
      const marker = user === emma ? `── ⏱ ${local(at, zone)}, now ──` : `── ⏱ ${local(at, zone)}, сейчас ──`;
      const rows = first.text.split("\n");
      const markerAt = rows.indexOf(marker);
      expect(markerAt, first.text).toBeGreaterThan(0);
      expect(rows[markerAt + 1]?.startsWith(local(upcoming?.start ?? 0, zone))).toBe(true);
      const lines = (await allPages(e2e, user, first, next)).flatMap(linesOf);
      expect(lines.map((l) => l.start)).toEqual(saal.map((e) => local(e.start, zone)));
      expect(lines.every((l) => l.room !== "Saal 1")).toBe(true); // the room is the heading, not on each line
    }
  });
});

describe("FOSDEM 2026", () => {
  const zone = "Europe/Brussels";
  const file = "fosdem-2026-prelim.pretalx-fosdem.xml";
  const facts = frabFacts(file);
  const rooms = [...facts.rooms];
  const at = Date.parse("2026-01-31T11:05:00+01:00");
  const e2e = useE2eBot({ programme: join(REAL_DIR, file), env: { DEMO_NOW: "2026-01-31T11:05:00+01:00" } });
  const emma: ApiUser = { id: 8201, first_name: "Emma", language_code: "en" };
  const ivan: ApiUser = { id: 8202, first_name: "Иван", language_code: "ru" };
  /** The source's session in a room at a start time ("HH:mm" on the 31st). */
  const sessionAt = (room: string, start: string) =>
    facts.events.find(
      (e) =>
        e.room === room &&
        local(e.start, zone) === start &&
        e.start < at + 86_400_000 &&
        e.end > at - 86_400_000,
    );

  it("/now shows each line's devroom, Janson first, and narrows to a devroom", async () => {
    for (const user of [emma, ivan]) {
      const now = await e2e.say(user, "/now");
      const lines = linesOf(now);
      expect(lines[0]?.room).toBe("Janson");
      const positions = lines.map((l) => rooms.indexOf(l.room));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const l of lines) {
        const track = sessionAt(l.room, l.start)?.track;
        expect(track, l.text).toBeTruthy();
        expect(l.rest.startsWith(`${(track as string).slice(0, 39)}`), l.text).toBe(true);
      }
    }
    const now = await e2e.say(emma, "/now");
    const { after: picker } = await e2e.press(emma, now, "🗂 Pick a track…");
    const label = picker.buttons[2] as string;
    const { after: one } = await e2e.press(emma, picker, label);
    const track = label.replace(/ · \d+$/, "");
    expect(one.text).toContain(`🗂 Only ${track}`);
    expect(linesOf(one).length).toBeGreaterThan(0);
    expect(linesOf(one).every((l) => sessionAt(l.room, l.start)?.track === track)).toBe(true);
    expectButtonsFit(e2e, emma);
  });

  it("/schedule → Saturday by time: every session on some page, no page over the limit or cut short", async () => {
    const saturday = facts.events.filter(
      (e) => DateTime.fromMillis(e.start, { zone }).toISODate() === "2026-01-31",
    );
    const days = await e2e.say(emma, "/schedule");
    const { after: first } = await e2e.press(emma, days, "Sat 31 Jan");
    expect(first.text).toContain("Janson");
    const pages = await allPages(e2e, emma, first, "Next ▶");
    let sessions = 0;
    for (const page of pages) {
      expect(page.html.length).toBeLessThanOrEqual(4096);
      expect(page.text.trimEnd().endsWith("\n…")).toBe(false);
      sessions += page.text.split("\n").filter((l) => /^(?:⭐ )?(?:•|☕|🍽|▫️) /u.test(l)).length;
    }
    expect(sessions).toBe(saturday.length);
    expect(pages.some((p) => p.buttons.includes("⏱ Now"))).toBe(true);
  });

  it("a search for a room by its number or its name lists all its sessions, in English and Russian", async () => {
    for (const [user, query, room, words] of [
      [emma, "K.1.105", "K.1.105 (La Fontaine)", "sessions"],
      [ivan, "Janson", "Janson", "пункта программы"],
    ] as const) {
      const own = facts.events.filter((e) => e.room === room).sort((a, b) => a.start - b.start);
      const first = await e2e.say(user, query);
      expect(first.text.split("\n")[0]).toContain(`📍 ${room} · ${own.length} ${words}`);
      const lines = (await allPages(e2e, user, first, user === emma ? "Next ▶" : "Далее ▶")).flatMap(linesOf);
      expect(lines.map((l) => l.start)).toEqual(own.map((e) => local(e.start, zone)));
    }
  });
});
