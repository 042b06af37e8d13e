import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  callbackDataOf,
  callsOf,
  createHarness,
  labelsOf,
  newUserSends,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";
import { testSeries } from "../../../test/support/series.js";
import { setReminder, subscribe, subscriptionsOf, unsubscribe } from "../../store/subscriptions.js";

/** The text of the .ics the bot sent in `calls`. */
async function sentIcs(calls: { method: string; payload: Record<string, unknown> }[]): Promise<string> {
  const doc = callsOf(calls as never, "sendDocument")[0];
  const file = doc?.payload.document as { toRaw(): Promise<Uint8Array> };
  return Buffer.from(await file.toRaw()).toString("utf8");
}

describe("/my → 📅 Add to calendar", () => {
  it("sends events with an alarm at the user's lead time, and a location without notes", async () => {
    const { h, user } = await newUserSends("/settings", { now: "2030-03-01T08:00:00+05:00" });
    await h.press(user, h.last(user), "30 min");
    for (const id of ["flask-patterns", "async-io"]) subscribe(h.deps.db, user.id, id, 0);
    await h.send(user, "/my");
    const ics = await sentIcs(await h.press(user, h.last(user), "Add to calendar"));
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
    for (const e of events) {
      const alarm = e.getFirstSubcomponent("valarm");
      expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
      expect(String(alarm?.getFirstPropertyValue("trigger"))).toBe("-PT30M");
    }
    const flask = events.find((e) => e.getFirstPropertyValue("uid") === "flask-patterns@confbot");
    expect(flask?.getFirstPropertyValue("location")).toBe("Hall A, Yekaterinburg");
  });

  it("leaves the alarm out where the bot would not remind: a session's reminder off, or all of them", async () => {
    const { h, user } = await newUserSends("/settings", { now: "2030-03-01T08:00:00+05:00" });
    for (const id of ["flask-patterns", "async-io"]) subscribe(h.deps.db, user.id, id, 0);
    setReminder(h.deps.db, user.id, "async-io", false);
    const alarmed = async () => {
      await h.send(user, "/my");
      const ics = await sentIcs(await h.press(user, h.last(user), "Add to calendar"));
      return new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents("vevent")
        .filter((e) => e.getFirstSubcomponent("valarm"))
        .map((e) => e.getFirstPropertyValue("uid"));
    };
    expect(await alarmed()).toEqual(["flask-patterns@confbot"]);
    await h.press(user, h.chat(user)[0] ?? h.last(user), "Turn reminders off");
    expect(await alarmed()).toEqual([]);
  });
});

describe("/my when everything is over", () => {
  it("says one, both or all, in both languages", async () => {
    const cases: [string[], string, string][] = [
      [["flask-patterns"], "Your only session is over", "Единственный доклад из вашего списка уже прошёл"],
      [
        ["flask-patterns", "async-io"],
        "Both of your sessions are over",
        "Оба доклада из вашего списка уже прошли",
      ],
    ];
    for (const [ids, en, ru] of cases)
      for (const [lang, expected] of [
        ["en", en],
        ["ru", ru],
      ] as const) {
        const { h, user } = await newUserSends("/start", { lang, now: "2030-03-05T12:00:00+05:00" });
        for (const id of ids) subscribe(h.deps.db, user.id, id, 0);
        await h.send(user, "/my");
        expect(textOf(h.last(user))).toContain(expected);
      }
  });
});

describe("/my → ✓ Show past", () => {
  it("gives every past session a button that opens it and one that removes it, in both languages", async () => {
    for (const [lang, showPast, remove, back, removed] of [
      ["en", "Show past", "✖️ Remove", "◀ My sessions", "✖️ “Inside asynchronous code” is no longer in /my."],
      [
        "ru",
        "Показать прошедшие",
        "✖️ Убрать",
        "◀ Мои доклады",
        "✖️ «Внутри асинхронного кода» больше нет в вашем списке.",
      ],
    ] as const) {
      const { h, user } = await newUserSends("/start", { lang, now: "2030-03-01T17:00:00+05:00" });
      for (const id of ["flask-patterns", "async-io", "testing-workshop"])
        subscribe(h.deps.db, user.id, id, 0);
      await h.send(user, "/my");
      await h.press(user, h.last(user), showPast);
      const my = h.last(user);
      const key = (id: string) => h.deps.catalog.sessionKey(id);
      // Two past sessions, each with its card and ✖️; the coming one with its card.
      expect(callbackDataOf(my)).toEqual(
        expect.arrayContaining([
          `s:${key("flask-patterns")}:mp`,
          `mx:${key("flask-patterns")}`,
          `s:${key("async-io")}:mp`,
          `mx:${key("async-io")}`,
          `s:${key("testing-workshop")}:mp`,
        ]),
      );
      expect(callbackDataOf(my)).not.toContain(`mx:${key("testing-workshop")}`);
      expect(labelsOf(my).filter((l) => l === remove)).toHaveLength(2);

      // Its card opens in place, and "Back" returns to the list with the past shown.
      await h.pressData(user, `s:${key("async-io")}:mp`, my);
      expect(h.last(user).messageId).toBe(my.messageId);
      await h.press(user, h.last(user), back);
      expect(h.last(user).text).toBe(my.text);

      const calls = await h.pressData(user, `mx:${key("async-io")}`, h.last(user));
      expect(callsOf(calls, "answerCallbackQuery")[0]?.payload.text).toBe(removed);
      expect(subscriptionsOf(h.deps.db, user.id).sort()).toEqual(["flask-patterns", "testing-workshop"]);
      const after = h.last(user);
      expect(after.messageId).toBe(my.messageId);
      expect(textOf(after)).not.toContain(
        lang === "en" ? "Inside asynchronous code" : "Внутри асинхронного кода",
      );
      expect(callbackDataOf(after)).toContain(`mx:${key("flask-patterns")}`);
      // Pressed again, the same ✖️ is outdated and changes nothing.
      const again = await h.pressData(user, `mx:${key("async-io")}`, after);
      expect(callsOf(again, "answerCallbackQuery")[0]?.payload.text).toMatch(/outdated|устарела/);
      expect(h.logs).toEqual([]);
    }
  });
});

describe("/my in a deployment of several conferences", () => {
  /** TestConf & Co (looked at), SpringConf and the past TestConf 2020, a session followed at each. */
  async function followingEverywhere(lang: "en" | "ru") {
    const h = createHarness({ conferences: testSeries(), now: "2030-03-01T09:30:00+05:00" });
    const user = testUser(lang, "Bob");
    await h.send(user, "/start");
    for (const id of ["flask-patterns", "spring:caching", "old:async-io"])
      subscribe(h.deps.db, user.id, id, 0);
    const key = (conference: string, id: string) =>
      h.deps.conferences.get(conference)?.catalog.sessionKey(id) ?? 0;
    return { h, user, key };
  }

  it("lists the follows of every conference under its name and dates, the past edition behind “Show past”", async () => {
    for (const [lang, testconf, flask, caching, async, hidden, showPast] of [
      [
        "en",
        "TestConf & Co · 1–2 Mar 2030",
        "Advanced Flask patterns",
        "Distributed caching",
        "Asynchronous IO",
        "1 past session is hidden",
        "Show past",
      ],
      [
        "ru",
        "ТестКонф & Ко · 1–2 марта 2030",
        "Продвинутые паттерны Flask",
        "Распределённое кэширование",
        "Асинхронный ввод-вывод",
        "1 прошедший доклад скрыт",
        "Показать прошедшие",
      ],
    ] as const) {
      const { h, user, key } = await followingEverywhere(lang);
      await h.send(user, "/my");
      const my = textOf(h.last(user));
      // Running and upcoming conferences, each with its dates and its sessions; the 2020 edition's only one is past.
      expect(my).toMatch(new RegExp(`🎟 ${testconf}\\n\\n[^\\n]*\\n10:00[^\\n]*${flask}`));
      expect(my).toMatch(
        new RegExp(
          `🎟 SpringConf · 1 ${lang === "en" ? "Mar" : "марта"} 2030\\n\\n[^\\n]*\\n10:00[^\\n]*${caching}`,
        ),
      );
      expect(my).not.toMatch(/TestConf 2020|ТестКонф 2020/);
      expect(my).toContain(hidden);
      // Each line's button opens the session at its own conference.
      expect(callbackDataOf(h.last(user))).toEqual(
        expect.arrayContaining([
          `s:${key("testconf", "flask-patterns")}:m`,
          `s:${key("spring", "spring:caching")}:m`,
        ]),
      );
      await h.press(user, h.last(user), showPast);
      const all = textOf(h.last(user));
      // The past edition comes last, its session marked over, with "✖️" to let it go.
      expect(all).toMatch(
        new RegExp(
          `SpringConf[\\s\\S]*🎟 TestConf 2020 · 1 ${lang === "en" ? "Mar" : "марта"} 2020[\\s\\S]*✓ 10:00[^\\n]*${async}`,
        ),
      );
      expect(callbackDataOf(h.last(user))).toContain(`mx:${key("old", "old:async-io")}`);
      expect(h.logs).toEqual([]);
    }
  });

  it("unfollows a session of another conference from /my: “✖️” for a past one, its card for one to come", async () => {
    const { h, user, key } = await followingEverywhere("en");
    await h.send(user, "/my");
    await h.press(user, h.last(user), "Show past");
    await h.pressData(user, `mx:${key("old", "old:async-io")}`, h.last(user));
    expect(subscriptionsOf(h.deps.db, user.id).sort()).toEqual(["flask-patterns", "spring:caching"]);
    expect(textOf(h.last(user))).not.toContain("TestConf 2020");
    // SpringConf's session opens at SpringConf (the user still looks at TestConf & Co) and is unfollowed there.
    await h.pressData(user, `s:${key("spring", "spring:caching")}:mp`, h.last(user));
    expect(textOf(h.last(user))).toContain("Distributed caching");
    await h.press(user, h.last(user), "Unfollow");
    await h.press(user, h.last(user), "My sessions");
    expect(subscriptionsOf(h.deps.db, user.id)).toEqual(["flask-patterns"]);
    // Only the conference looked at is left: no headings.
    const my = textOf(h.last(user));
    expect(my).toContain("Advanced Flask patterns");
    expect(my).not.toContain("🎟");
    expect(h.logs).toEqual([]);
  });

  it("names the conference when the only follows are at one the user does not look at", async () => {
    const { h, user } = await followingEverywhere("en");
    await h.send(user, "/start c_spring");
    await h.send(user, "/my");
    // Looking at SpringConf: every conference is named, SpringConf's follows included.
    expect(textOf(h.last(user))).toContain("🎟 TestConf & Co");
    unsubscribe(h.deps.db, user.id, "flask-patterns");
    await h.send(user, "/my");
    expect(textOf(h.last(user))).not.toContain("🎟");
    await h.send(user, "/start c_testconf");
    await h.send(user, "/my");
    expect(textOf(h.last(user))).toContain("🎟 SpringConf");
  });

  it("sends every conference's follows as one calendar file, each event in its conference's zone", async () => {
    const { h, user } = await followingEverywhere("en");
    await h.send(user, "/my");
    const ics = await sentIcs(await h.press(user, h.last(user), "Add to calendar"));
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents("vevent");
    expect(events.map((e) => e.getFirstPropertyValue("uid")).sort()).toEqual([
      "flask-patterns@confbot",
      "old:async-io@confbot",
      "spring:caching@confbot",
    ]);
    for (const e of events)
      expect(e.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Yekaterinburg");
    const old = events.find((e) => e.getFirstPropertyValue("uid") === "old:async-io@confbot");
    expect(String(old?.getFirstPropertyValue("dtstart"))).toBe("2020-03-01T10:00:00");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("TestConf & Co · SpringConf · TestConf 2020");
  });
});
