/**
 * What an attendee sees in lists: a cancelled session they follow can be let go from /my and from its card.
 */
import { describe, expect, it } from "vitest";
import { subscribe, subscriptionsOf } from "../../src/store/subscriptions.js";
import { labelsOf, newUserSends, testUser, textOf } from "../support/bot-harness.js";

describe("a cancelled session one follows", () => {
  it("can be removed from /my, which stays on the upcoming sessions, and unfollowed from its card", async () => {
    for (const lang of ["en", "ru"] as const) {
      const { h, user } = await newUserSends("/start", { lang, now: "2030-03-01T09:30:00+05:00" });
      // Followed before the organizers cancelled it.
      for (const id of ["legacy-code", "flask-patterns"]) subscribe(h.deps.db, user.id, id, h.deps.clock());
      await h.send(user, "/my");
      const my = h.last(user);
      const cancelledRow = labelsOf(my).findIndex((l) => l.startsWith("❌ 16:00"));
      expect(cancelledRow, labelsOf(my).join(" | ")).toBeGreaterThanOrEqual(0);
      const remove = lang === "en" ? "✖️ Remove" : "✖️ Убрать";
      expect(labelsOf(my)[cancelledRow + 1]).toBe(remove);
      // Only the cancelled one (the other is still to come) can be removed here.
      expect(labelsOf(my).filter((l) => l === remove)).toHaveLength(1);
      await h.press(user, my, remove);
      expect(subscriptionsOf(h.deps.db, user.id)).toEqual(["flask-patterns"]);
      const after = h.telegram.message(user.id, my.messageId) ?? my;
      expect(textOf(after)).toContain(lang === "en" ? "My sessions (1)" : "Мои доклады (1)");

      // From its card: "Unfollow" is offered (and only that) to whoever still follows it.
      subscribe(h.deps.db, user.id, "legacy-code", h.deps.clock());
      await h.send(user, "/start legacy-code");
      const card = h.last(user);
      const unfollow = lang === "en" ? "✖️ Unfollow" : "✖️ Не следить";
      expect(labelsOf(card)).toContain(unfollow);
      expect(labelsOf(card).some((l) => l.includes("⭐"))).toBe(false);
      await h.press(user, card, unfollow);
      expect(subscriptionsOf(h.deps.db, user.id)).toEqual(["flask-patterns"]);
      const redrawn = h.telegram.message(user.id, card.messageId) ?? card;
      expect(labelsOf(redrawn)).not.toContain(unfollow);
      expect(labelsOf(redrawn).some((l) => l.includes("⭐"))).toBe(false);
      expect(h.logs).toEqual([]);
    }
  });
});

describe("⭐ on the sessions one follows", () => {
  it("marks them in /schedule, a room's list, search results and a speaker's card — for that reader only", async () => {
    const { h, user } = await newUserSends("/start", { now: "2030-03-01T08:00:00+05:00" });
    await h.send(user, "/start flask-patterns");
    await h.press(user, h.last(user), "⭐ Follow");
    const other = testUser("en", "Bob");
    const title = "Advanced Flask patterns";

    const screens: [string, (u: typeof user) => Promise<string>][] = [
      [
        "/schedule",
        async (u) => {
          await h.send(u, "/schedule");
          await h.press(u, h.last(u), 0);
          return "schedule";
        },
      ],
      [
        "a room",
        async (u) => {
          await h.press(u, h.last(u), "By room");
          await h.press(u, h.last(u), "Hall A");
          return "room";
        },
      ],
      [
        "search",
        async (u) => {
          await h.send(u, "flask patterns");
          return "search";
        },
      ],
      [
        "speaker",
        async (u) => {
          await h.send(u, "/start sp_armin-ronacher");
          return "speaker";
        },
      ],
    ];
    for (const [name, open] of screens) {
      await open(user);
      const mine = h.last(user);
      expect(textOf(mine), name).toContain(`⭐ ${title}`);
      expect(
        labelsOf(mine).some((l) => l.startsWith("⭐") || l.includes(`⭐ ${title}`)),
        name,
      ).toBe(true);
      // The same screen for someone who follows nothing has no star (lists are shared between readers).
      await open(other);
      const theirs = h.last(other);
      expect(textOf(theirs), name).toContain(title);
      expect(textOf(theirs), name).not.toContain("⭐ ");
      expect(
        labelsOf(theirs).some((l) => l.includes("⭐")),
        name,
      ).toBe(false);
    }
    expect(h.logs).toEqual([]);
  });
});
