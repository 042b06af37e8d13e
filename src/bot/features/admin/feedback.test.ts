import { describe, expect, it } from "vitest";
import { labelsOf, testUser, textOf } from "../../../../test/support/bot-harness.js";
import { dispatcherOf } from "../../../../test/support/harness-dispatcher.js";
import { attendees, organizerHarness } from "../../../../test/support/organizer.js";
import { alertCrowdedSessions, CAPACITY_VIEW, roomCapacities } from "../../../delivery/capacity.js";
import { rateSession, setComment } from "../../../store/ratings.js";
import { subscribe } from "../../../store/subscriptions.js";
import { touchUser } from "../../../store/users.js";
import { capacityAlertView } from "../../views/feedback.js";

describe("/feedback", () => {
  it("reports sessions by number of ratings and mean, with the distribution and escaped comments, in both languages", async () => {
    for (const [lang, head, line] of [
      ["en", "Ratings: 3 · sessions rated: 2", "⭐ 4.5 · 2 ratings"],
      ["ru", "Оценок: 3 · докладов с оценками: 2", "⭐ 4,5 · 2 оценки"],
    ] as const) {
      const { h, admin } = organizerHarness({ lang });
      const [ann, boris, carl] = await attendees(h);
      const { db } = h.deps;
      rateSession(db, { userId: ann?.id ?? 0, sessionId: "flask-patterns", stars: 5, now: 1 });
      rateSession(db, { userId: boris?.id ?? 0, sessionId: "flask-patterns", stars: 4, now: 2 });
      setComment(db, boris?.id ?? 0, "flask-patterns", "Slides <script>alert(1)</script> & demo", 3);
      rateSession(db, { userId: carl?.id ?? 0, sessionId: "scaling", stars: 2, now: 4 });
      await h.send(admin, "/feedback");
      const report = textOf(h.last(admin));
      expect(report).toContain(head);
      expect(report).toContain(line);
      expect(report).toContain("5★ 1 · 4★ 1 · 3★ 0 · 2★ 0 · 1★ 0");
      // Escaped in the HTML, so Telegram shows it as written.
      expect(report).toContain("Slides <script>alert(1)</script> & demo");
      expect(h.last(admin).text).toContain("&lt;script&gt;");
      expect(report.indexOf("flask")).toBeLessThan(report.lastIndexOf("2★ 0 · 1★ 0"));
      // Anonymous: no names, no ids.
      for (const u of [ann, boris, carl]) {
        expect(report).not.toContain(String(u?.id));
        expect(report).not.toContain(u?.first_name ?? "?");
      }
    }
  });

  it("pages a long report and refuses attendees", async () => {
    const { h, admin } = organizerHarness();
    const { db } = h.deps;
    const ids = h.deps.catalog.programme.sessions.map((s) => s.id);
    for (let u = 1; u <= 12; u++) {
      touchUser(db, { id: 50_000 + u, chatId: 50_000 + u }, 0);
      for (const id of ids) {
        rateSession(db, { userId: 50_000 + u, sessionId: id, stars: 1 + (u % 5), now: u });
        setComment(db, 50_000 + u, id, `${"long comment ".repeat(20)}#${u}`, u);
      }
    }
    await h.send(admin, "/feedback");
    const first = h.last(admin);
    const firstText = textOf(first);
    expect(labelsOf(first)).toEqual([expect.stringMatching(/^1 \/ \d+$/), "»"]);
    expect(first.text.length).toBeLessThan(4096);
    await h.press(admin, first, "»");
    const second = h.last(admin);
    expect(second.messageId).toBe(first.messageId);
    expect(labelsOf(second).slice(0, 2)).toEqual(["«", expect.stringMatching(/^2 \/ \d+$/)]);
    expect(textOf(second)).not.toEqual(firstText);

    const attendee = testUser();
    await h.send(attendee, "/feedback");
    expect(textOf(h.last(attendee))).toContain("only for the organizers");
    await h.pressData(attendee, "adm:fb:1", h.last(attendee));
    expect(textOf(h.last(attendee))).not.toContain("Feedback");
  });
});

describe("room capacity", () => {
  it("takes /room over the file's capacity, keeps it over a reload, warns organizers once and lists it in /stats", async () => {
    const { h, admin } = organizerHarness({
      edit: (t) => t.replace("    - id: hall-b\n", "    - id: hall-b\n      capacity: 300\n"),
    });
    const { db, catalog } = h.deps;
    await attendees(h); // two follow flask-patterns in hall-a
    expect(roomCapacities(db, catalog.programme.conference.rooms)).toEqual(new Map([["hall-b", 300]]));
    await h.send(admin, "/room");
    expect(textOf(h.last(admin))).toContain("Hall A (hall-a): unknown");
    expect(textOf(h.last(admin))).toContain("Hall B (hall-b): 300 (from the programme)");
    await h.send(admin, "/room Hall Z 10");
    expect(textOf(h.last(admin))).toContain("There is no room “Hall Z”");
    await h.send(admin, "/room hall a 3");
    expect(textOf(h.last(admin))).toContain("Hall A now seats 3");

    const percent = 80;
    const check = () =>
      alertCrowdedSessions(db, {
        now: h.deps.clock(),
        capacities: roomCapacities(db, h.deps.catalog.programme.conference.rooms),
        percent,
        organizerIds: [admin.id],
      });
    expect(check()).toBe(0); // 2 of 3 seats: 67 %
    const third = testUser();
    await h.send(third, "/start");
    subscribe(db, third.id, "flask-patterns", h.deps.clock());
    await h.send(admin, "/reload");
    expect(roomCapacities(db, h.deps.catalog.programme.conference.rooms).get("hall-a")).toBe(3);
    expect(check()).toBe(1);
    expect(check()).toBe(0);
    await dispatcherOf(h, { views: { [CAPACITY_VIEW]: capacityAlertView } }).drain();
    const alert = textOf(h.last(admin));
    expect(alert).toContain("The room may overflow");
    expect(alert).toContain("“Advanced Flask patterns”");
    expect(alert).toContain("3 people follow it, and the room seats 3 (100 %)");
    expect(h.telegram.messages(third.id).some((m) => m.text.includes("overflow"))).toBe(false);

    await h.send(admin, "/stats");
    expect(textOf(h.last(admin))).toContain("Advanced Flask patterns — Hall A: 3 / 3 (100 %)");
    // A bigger room is news again only if it fills up too.
    await h.send(admin, "/room hall-a 500");
    expect(check()).toBe(0);
  });
});
