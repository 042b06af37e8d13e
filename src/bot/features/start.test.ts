import { describe, expect, it } from "vitest";
import {
  callsOf,
  labelsOf,
  newUser,
  newUserSends,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";

describe("/start", () => {
  it("welcomes in English with what the bot does and the main menu", async () => {
    const { h, reply: m } = await newUserSends("/start", { lang: "en", name: "Alice" });
    expect(textOf(m)).toContain("Hi, Alice!");
    expect(textOf(m)).toContain("TestConf & Co");
    expect(textOf(m)).toContain("/schedule");
    expect(textOf(m)).toContain("@testconf_bot flask");
    expect(labelsOf(m)).toEqual([
      "📅 Schedule",
      "▶️ Now",
      "⏭ Next",
      "⭐ My sessions",
      "📍 Venue",
      "🌐 Language",
      "❓ Help",
    ]);
    expect(h.logs).toEqual([]);
  });

  it("speaks Russian to ru users and English to everyone else", async () => {
    const { h, user: ru } = newUser({ lang: "ru", name: "Борис" });
    const de = testUser("de", "Dieter");
    await h.send(ru, "/start");
    await h.send(de, "/start");
    expect(textOf(h.last(ru))).toContain("Привет, Борис!");
    expect(textOf(h.last(ru))).toContain("ТестКонф & Ко");
    expect(labelsOf(h.last(ru))).toContain("📅 Расписание");
    expect(textOf(h.last(de))).toContain("Hi, Dieter!");
  });

  it("opens a session's card from a deep link", async () => {
    const { h, user, calls } = await newUserSends("/start flask-patterns");
    expect(callsOf(calls, "sendMessage")).toHaveLength(1);
    const text = textOf(h.last(user));
    expect(text).toContain("Advanced Flask patterns");
    expect(text).toContain("Fri 1 Mar, 10:00–11:00");
  });

  it("opens a speaker's card from an sp_ deep link", async () => {
    const { reply } = await newUserSends("/start sp_armin-ronacher");
    const text = textOf(reply);
    expect(text).toContain("Armin Ronacher");
    expect(text).toContain("Author of Flask and Jinja2.");
  });

  it("says an unknown or malformed payload leads nowhere, then welcomes", async () => {
    const { h, user } = newUser();
    for (const payload of ["no-such-talk", "sp_nobody", "../../etc/passwd", "x".repeat(64), "<b>&"]) {
      await h.send(user, `/start ${payload}`);
      const text = textOf(h.last(user));
      expect(text).toContain("That link leads nowhere any more");
      expect(text).toContain("Hi, Alice!");
    }
    expect(h.logs).toEqual([]);
  });
});
