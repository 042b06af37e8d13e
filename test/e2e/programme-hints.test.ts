/**
 * Hints and examples come from the loaded programme: on FOSDEM, /help, /start and "nothing found" suggest
 * FOSDEM's own topics (each of which finds something), and /help promises of /venue only what it will show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/programme/formats/index.js";
import { createHarness, testUser, textOf } from "../support/bot-harness.js";
import { REAL_DIR } from "../support/real-schedules.js";

const fosdem = parseSchedule(readFileSync(join(REAL_DIR, "fosdem-2026-prelim.pretalx-fosdem.xml")), {
  source: "fosdem",
}).programme;

/** The italic words of a hint. */
const topicsOf = (text: string) => [...text.matchAll(/<i>([^<]+)<\/i>/g)].map((m) => m[1] as string);

describe("hints from the loaded programme", () => {
  for (const lang of ["en", "ru"] as const) {
    it(`FOSDEM's own topics in /help, /start and "nothing found", and /venue promised as it is (${lang})`, async () => {
      expect(fosdem.conference.address).toBeUndefined();
      expect(fosdem.conference.location).toBeUndefined();
      const h = createHarness({ programme: fosdem, imported: true, now: "2026-01-31T11:05:00+01:00" });
      const user = testUser(lang);

      await h.send(user, "/help");
      const help = h.last(user).text;
      for (const pycon of ["flask", "async", "тестирование", "асинхронность", "redis", "Wi-Fi"])
        expect(help).not.toContain(pycon);
      const topics = topicsOf(help);
      expect(topics).toHaveLength(3);
      expect(help).toContain(
        lang === "en" ? "📍 /venue — where it takes place: the halls" : "📍 /venue — где всё проходит: залы",
      );
      expect(help).not.toMatch(/map pin|точка на карте|the address|адрес/);
      const inline = /@testconf_bot (\S+)<\/code>/.exec(help)?.[1];
      expect(topics).toContain(inline);

      await h.send(user, "/start");
      expect(h.chat(user).some((m) => m.text.includes(`@testconf_bot ${inline}`))).toBe(true);

      await h.send(user, "qzxvkj");
      const nothing = h.last(user).text;
      expect(topicsOf(nothing)).toEqual(topics);
      // Each suggested topic finds sessions of this programme.
      for (const topic of topics) {
        await h.send(user, topic);
        expect(textOf(h.last(user)), topic).toMatch(lang === "en" ? /found|match/i : /Нашл/);
      }
      expect(h.logs).toEqual([]);
    });
  }

  it("keeps PyCon's address and map pin in the promise when the programme has them", async () => {
    const h = createHarness({ now: "2030-03-01T09:00:00+05:00" });
    const user = testUser("en");
    await h.send(user, "/help");
    const venueLine = h
      .last(user)
      .text.split("\n")
      .find((l) => l.startsWith("📍 /venue"));
    const c = h.deps.catalog.programme.conference;
    expect(venueLine?.includes("the address")).toBe(Boolean(c.address));
    expect(venueLine?.includes("a map pin")).toBe(Boolean(c.location));
    expect(venueLine).toContain("the halls");
  });
});
