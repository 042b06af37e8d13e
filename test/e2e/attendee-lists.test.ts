/**
 * What an attendee sees in lists: a cancelled session they follow can be let go from /my and from its card.
 */
import { describe, expect, it } from "vitest";
import { subscribe, subscriptionsOf } from "../../src/store/subscriptions.js";
import { labelsOf, newUserSends, textOf } from "../support/bot-harness.js";

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
