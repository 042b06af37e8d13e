import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { callsOf, newUserSends, textOf } from "../../../test/support/bot-harness.js";
import { subscribe } from "../../store/subscriptions.js";

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
