import { describe, expect, it } from "vitest";
import { createHarness, labelsOf as labels, testUser, textOf } from "../../../../test/support/bot-harness.js";
import { testSeries } from "../../../../test/support/series.js";
import { encodeAction } from "../../callback-data.js";

const OWNER = 900;
const SPRING_ORGANIZER = 501;

function series() {
  return createHarness({
    conferences: testSeries({ spring: [SPRING_ORGANIZER] }),
    env: { ADMIN_IDS: String(OWNER) },
    now: "2030-03-01T09:30:00+05:00",
  });
}

describe("organizers of a conference in a deployment of several", () => {
  it("act on their own conference only; the owners (ADMIN_IDS) on every one", async () => {
    const h = series();
    const organizer = { ...testUser("en", "Olga"), id: SPRING_ORGANIZER };
    const owner = { ...testUser("en", "Oscar"), id: OWNER };
    // Looking at the default conference (not theirs), the spring organizer is refused.
    await h.send(organizer, "/stats");
    expect(textOf(h.last(organizer))).toContain("only for the organizers");
    await h.send(organizer, "/cancel flask");
    expect(textOf(h.last(organizer))).toContain("only for the organizers");
    // A forged organizer button is refused too.
    await h.pressData(organizer, encodeAction({ type: "broadcast", choice: { step: "everyone" } }));
    expect(h.telegram.calls.at(-1)?.payload).toMatchObject({ show_alert: true });
    // Within their own conference, they are organizers.
    await h.send(organizer, "/start c_spring");
    await h.send(organizer, "/stats");
    expect(textOf(h.last(organizer))).not.toContain("only for the organizers");
    // The owner is an organizer of both.
    await h.send(owner, "/stats");
    expect(textOf(h.last(owner))).not.toContain("only for the organizers");
    await h.send(owner, "/start c_spring");
    await h.send(owner, "/stats");
    expect(textOf(h.last(owner))).not.toContain("only for the organizers");
  });

  it("offer the owners a broadcast to everyone, and a conference's organizers only its attendees", async () => {
    const h = series();
    const organizer = { ...testUser("en", "Olga"), id: SPRING_ORGANIZER };
    const owner = { ...testUser("en", "Oscar"), id: OWNER };
    const attendee = testUser("en", "Ann");
    await h.send(attendee, "/start");
    await h.send(organizer, "/start c_spring");
    await h.send(organizer, "/broadcast");
    await h.send(organizer, "Hello spring");
    // Only the organizer looks at spring: the default conference's attendee is not its audience.
    expect(labels(h.last(organizer))).toContain("👥 Everyone (1)");
    expect(labels(h.last(organizer)).some((l: string) => l.startsWith("🌍"))).toBe(false);
    await h.send(owner, "/broadcast");
    await h.send(owner, "Hello series");
    expect(labels(h.last(owner))).toContain("🌍 Everyone who ever used the bot (3)");
  });
});
