/**
 * Sessions past midnight (38C3's days run until 06:00, so a 01:10 session is filed under the day before):
 * every one-line date says the day it really takes place, as its card does, and lists under a conference day
 * say "night of Fri → Sat" above them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/programme/formats/index.js";
import type { Session } from "../../src/programme/model.js";
import { createHarness, labelsOf, testUser, textOf } from "../support/bot-harness.js";
import { REAL_DIR } from "../support/real-schedules.js";

const programme = parseSchedule(readFileSync(join(REAL_DIR, "38c3.hub.frab.xml")), {
  source: "38c3.hub.frab.xml",
}).programme;
const fnord = programme.sessions.find(
  (s) => s.title.de?.startsWith("Fnord") || s.title.en?.startsWith("Fnord"),
);

/** The calendar day of an instant in Hamburg, written independently of the bot's formatting. */
const realDay = (s: Session, lang: "en" | "ru") =>
  DateTime.fromISO(s.start, { zone: "Europe/Berlin" })
    .setLocale(lang)
    .toFormat(lang === "ru" ? "EEE, d MMMM" : "EEE d MMM");

describe("38C3: a session after midnight", () => {
  it("is past midnight and filed under the day before (what makes the case)", () => {
    expect(fnord).toBeDefined();
    const s = fnord as Session;
    expect(DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).hour).toBeLessThan(6);
    const h = createHarness({ programme, imported: true, now: "2024-12-27T16:20:00+01:00" });
    expect(h.deps.catalog.dayOf(s)).toBe("2024-12-27");
  });

  for (const lang of ["en", "ru"] as const) {
    it(`carries its real date on the result line, the card and /my; the day's list says it is the night (${lang})`, async () => {
      const s = fnord as Session;
      const h = createHarness({ programme, imported: true, now: "2024-12-27T16:20:00+01:00" });
      const user = testUser(lang);
      const day = realDay(s, lang);
      const time = DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).toFormat("HH:mm");
      expect(day).toMatch(lang === "en" ? /^Sat 28 Dec$/ : /^сб, 28 декабря$/);

      await h.send(user, "fnord");
      const results = textOf(h.last(user));
      const line = results.split("\n").find((l) => l.includes(`${day}, ${time}`));
      expect(line, results).toBeDefined();
      expect(results).not.toContain(lang === "en" ? `Fri 27 Dec, ${time}` : `пт, 27 декабря, ${time}`);

      await h.press(user, h.last(user), "Fnord");
      const card = textOf(h.last(user));
      expect(card).toContain(`${day}, ${time}–`);
      await h.press(user, h.last(user), lang === "en" ? "Follow" : "Следить");
      await h.send(user, "/my");
      const my = textOf(h.last(user));
      expect(my).toContain(day);
      expect(my).not.toContain(lang === "en" ? "Fri 27 Dec" : "пт, 27 декабря");

      // /schedule → the first day → by time: the night's slots come under "night of Fri → Sat".
      await h.send(user, "/schedule");
      await h.press(user, h.last(user), 0);
      let page = textOf(h.last(user));
      while (!page.includes(`<b>${time}`) && !page.match(new RegExp(`\\n${time}–`))) {
        if (!labelsOf(h.last(user)).some((l) => l.includes("▶"))) break;
        await h.press(user, h.last(user), "▶");
        page = textOf(h.last(user));
        if (page.includes("Fnord")) break;
      }
      const night = lang === "en" ? "🌙 Night of Fri → Sat" : "🌙 Ночь с пятницы на субботу";
      expect(page).toContain("Fnord");
      expect(page).toContain(night);
      expect(page.indexOf(night)).toBeLessThan(page.indexOf("Fnord"));
      expect(h.logs).toEqual([]);
    });
  }
});
