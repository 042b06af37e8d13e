import { describe, expect, it } from "vitest";
import {
  createHarness,
  labelsOf,
  newUser,
  newUserSends,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";
import { festivalProgramme } from "../../../test/support/festival-programme.js";

describe("/schedule", () => {
  it("offers the days, then a day's sessions by time and room", async () => {
    const { h, user, reply: picker } = await newUserSends("/schedule");
    expect(textOf(picker)).toContain("Pick a day");
    expect(labelsOf(picker)).toEqual(["Fri 1 Mar", "Sat 2 Mar"]);
    await h.press(user, picker, "Fri 1 Mar");
    const day = h.last(user);
    expect(day.messageId).toBe(picker.messageId);
    const text = textOf(day);
    expect(text).toContain("Fri 1 Mar");
    expect(text).toContain("09:00–10:00\n☕ Registration");
    // Sessions starting together are listed by room; different ends are shown per line.
    expect(text).toContain(
      "10:00\n• Hall A · Advanced Flask patterns — Armin Ronacher (–11:00)\n• Hall B · Inside asynchronous code — Ann Lee, Bob Ray (–10:40)",
    );
    expect(text).toContain("• Hall A · Legacy code rescue — Bob Ray (cancelled)");
    expect(text.indexOf("Registration")).toBeLessThan(text.indexOf("Python tricks 8"));
    const labels = labelsOf(day);
    expect(labels).toContain("10:00 Advanced Flask patterns");
    expect(labels).not.toContain("09:00 Registration");
    expect(labels).toContain("· Fri 1 Mar ·");
  });

  it("opens a session from the day, and Back returns to that day", async () => {
    const { h, user, reply } = await newUserSends("/schedule");
    await h.press(user, reply, "Sat 2 Mar");
    const day = h.last(user);
    await h.press(user, day, "Testing workshop");
    expect(textOf(h.last(user))).toContain("Workshop");
    await h.press(user, h.last(user), "◀ Sat 2 Mar");
    expect(h.last(user).text).toBe(day.text);
  });

  it("treats a day that does not exist as outdated", async () => {
    const { h, user } = newUser();
    const calls = await h.pressData(user, "d:7");
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(calls[0]?.payload.text).toContain("outdated");
  });
});

describe("/schedule at FOSDEM size", () => {
  const refused = (h: ReturnType<typeof createHarness>) =>
    h.telegram.calls.filter((c) => c.error).map((c) => `${c.method}: ${c.error}`);

  for (const [lang, byRoom, byTrack, roomsTitle] of [
    ["en", "📍 By room", "🗂 By track", "Rooms"],
    ["ru", "📍 По залам", "🗂 По трекам", "Залы"],
  ] as const) {
    it(`a day by room: the rooms paged, a room's sessions in time order, paged, and back (${lang})`, async () => {
      const h = createHarness({ programme: festivalProgramme(), now: "2031-01-01T12:00:00+01:00" });
      const user = testUser(lang);
      await h.send(user, "/schedule");
      await h.press(user, h.last(user), 1);
      await h.press(user, h.last(user), byRoom);
      const rooms = h.last(user);
      expect(textOf(rooms)).toContain(roomsTitle);
      expect(textOf(rooms)).toContain("(1/2)");
      const roomButtons = labelsOf(rooms).filter((l) => /· 18$/.test(l));
      expect(roomButtons).toHaveLength(24);
      expect(roomButtons[0]).toBe("Room A0 · 18");
      await h.press(user, rooms, "▶");
      expect(labelsOf(h.last(user)).filter((l) => /· 18$/.test(l))).toHaveLength(6);

      await h.press(user, h.last(user), "Room C28 · 18");
      const room = h.last(user);
      const text = textOf(room);
      expect(text).toContain("Room C28");
      const times = [...text.matchAll(/(\d\d:\d\d)–\d\d:\d\d/g)].map((m) => m[1]);
      expect(times).toEqual([...times].sort());
      expect(times[0]).toBe("09:00");
      expect(text).not.toContain("Room A0");
      expect(labelsOf(room).filter((l) => /^\d\d:\d\d /.test(l))).toHaveLength(12);
      await h.press(user, room, "▶");
      const page2 = h.last(user);
      expect(textOf(page2)).toContain("15:00–15:25");
      await h.press(user, page2, "15:00");
      expect(textOf(h.last(user))).toContain("Room C28");
      await h.press(user, h.last(user), "◀ Room C28");
      expect(h.last(user).text).toBe(page2.text);
      expect(refused(h)).toEqual([]);
    });

    it(`a day by track, and /tracks: a track's sessions over both days with their rooms (${lang})`, async () => {
      const h = createHarness({ programme: festivalProgramme(), now: "2031-01-01T12:00:00+01:00" });
      const user = testUser(lang);
      await h.send(user, "/schedule");
      await h.press(user, h.last(user), 0);
      await h.press(user, h.last(user), byTrack);
      expect(labelsOf(h.last(user))).toContain("Track 3 devroom · 36");
      await h.press(user, h.last(user), "Track 3 devroom · 36");
      const track = textOf(h.last(user));
      expect(track).toContain("Room D3 · ");
      expect(track).toContain("Room X23 · ");

      await h.send(user, "/tracks");
      const all = h.last(user);
      expect(textOf(all)).toContain(lang === "en" ? "20 tracks" : "20 треков");
      await h.press(user, all, "Track 7 devroom · 72");
      const first = textOf(h.last(user));
      expect(first).toContain(lang === "en" ? "72 sessions" : "72 доклада");
      expect(first).toContain(lang === "en" ? "Sat 1 Feb" : "сб, 1 февраля");
      expect(labelsOf(h.last(user))).toContain("1/6");
      for (let i = 0; i < 5; i++) await h.press(user, h.last(user), "▶");
      expect(textOf(h.last(user))).toContain(lang === "en" ? "Sun 2 Feb" : "вс, 2 февраля");
      expect(textOf(h.last(user))).toContain("17:30–17:55");
      await h.press(user, h.last(user), "◀");
      expect(refused(h)).toEqual([]);
    });
  }

  it("a forged room, track or page of one is outdated", async () => {
    const h = createHarness({ programme: festivalProgramme() });
    const user = testUser();
    for (const data of ["r:99:0", "r:0:9", "t:99:a", "t:0:5", "dr:9", "dt:9"]) {
      const calls = await h.pressData(user, data);
      expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
      expect(calls[0]?.payload.text).toContain("outdated");
    }
  });
});
