import { describe, expect, it } from "vitest";
import { attendeeProgramme } from "../../../test/support/attendee-programme.js";
import { buttonsOf, callsOf, labelsOf, newUserSends, textOf } from "../../../test/support/bot-harness.js";
import type { Programme } from "../../programme/model.js";
import { readProgrammeFile } from "../../programme/read.js";

/** The test programme with everything a conference block can say about its venue. */
function withVenue(): Programme {
  const p = attendeeProgramme();
  Object.assign(p.conference, {
    venue: { en: "Ural Expo Centre", ru: "Экспоцентр «Урал»" },
    city: { en: "Yekaterinburg", ru: "Екатеринбург" },
    address: { en: "1 Lenin Avenue", ru: "проспект Ленина, 1" },
    location: { latitude: 56.8389, longitude: 60.6057 },
    info: {
      en: "Wi-Fi: TestConf, password python2030.\nThe entrance is from the park.",
      ru: "Wi-Fi: TestConf, пароль python2030.\nВход со стороны парка.",
    },
    url: "https://testconf.example/",
  });
  return p;
}

describe("/venue", () => {
  it("sends the map pin, then the address, the halls by name, Wi-Fi and the timezone, in both languages", async () => {
    for (const [lang, expected, pinTitle, rooms] of [
      [
        "en",
        [
          "📍 Ural Expo Centre, Yekaterinburg",
          "🗓 TestConf & Co: Fri 1 Mar – Sat 2 Mar",
          "🏠 1 Lenin Avenue",
          "🚪 2 halls: Hall A, Hall B",
          "🕒 Times are Yekaterinburg Standard Time (UTC+5).",
          "Wi-Fi: TestConf, password python2030.\nThe entrance is from the park.",
        ],
        "Ural Expo Centre",
        "📍 The halls and their sessions",
      ],
      [
        "ru",
        [
          "📍 Экспоцентр «Урал», Екатеринбург",
          "🗓 ТестКонф & Ко: пт, 1 марта – сб, 2 марта",
          "🏠 проспект Ленина, 1",
          "🚪 2 зала: Зал A, Зал B",
          "🕒 Время везде местное: Екатеринбург (UTC+5).",
          "Wi-Fi: TestConf, пароль python2030.\nВход со стороны парка.",
        ],
        "Экспоцентр «Урал»",
        "📍 Залы и их программа",
      ],
    ] as const) {
      const { h, user, calls } = await newUserSends("/venue", {
        programme: withVenue(),
        lang,
        now: "2030-03-02T09:00:00+05:00",
      });
      expect(calls.filter((c) => c.method.startsWith("send")).map((c) => c.method)).toEqual([
        "sendVenue",
        "sendMessage",
      ]);
      expect(callsOf(calls, "sendVenue")[0]?.payload).toMatchObject({
        latitude: 56.8389,
        longitude: 60.6057,
        title: pinTitle,
        address: lang === "en" ? "1 Lenin Avenue" : "проспект Ленина, 1",
      });
      const text = textOf(h.last(user));
      for (const part of expected) expect(text).toContain(part);
      expect(labelsOf(h.last(user))).toContain(rooms);
      expect(buttonsOf(h.last(user))).toContainEqual({
        text: lang === "en" ? "🌐 Conference website" : "🌐 Сайт конференции",
        url: "https://testconf.example/",
      });
      // The rooms button opens the halls of the day it is (the second day here).
      await h.press(user, h.last(user), rooms);
      expect(textOf(h.last(user))).toContain(lang === "en" ? "Sat 2 Mar" : "сб, 2 марта");
      expect(h.logs).toEqual([]);
    }
  });

  it("is a button of the main menu, and typed words ask for it", async () => {
    const { h, user, reply } = await newUserSends("/start", { programme: withVenue(), lang: "ru" });
    expect(labelsOf(reply)).toContain("📍 Место");
    for (const typed of ["📍 Место", "где проходит", "как добраться", "📍 Venue", "wifi"]) {
      const calls = await h.send(user, typed);
      expect(callsOf(calls, "sendVenue"), typed).toHaveLength(1);
    }
  });

  it("without a location sends no pin, and says what it knows: PyCon's venue, halls and note", async () => {
    const { calls, reply } = await newUserSends("/venue", {
      programme: readProgrammeFile("data/pycon-ru-2013.yaml"),
      lang: "ru",
    });
    expect(callsOf(calls, "sendVenue")).toHaveLength(0);
    const text = textOf(reply);
    expect(text).toContain("📍 База отдыха «Иволга», под Екатеринбургом");
    expect(text).toContain(
      "🚪 3 зала: Большой конференц-зал, Малый конференц-зал, Конференц-зал в 3-м корпусе",
    );
    expect(text).toContain("время окончания мы вывели");
    expect(text).not.toContain("large-hall");
  });

  it("says that the venue is not known yet when the programme names none", async () => {
    const { reply } = await newUserSends("/venue");
    expect(textOf(reply)).toContain("The organizers have not said yet where exactly it takes place.");
    expect(textOf(reply)).toContain("📍 TestConf & Co");
  });
});
