import { describe, expect, it } from "vitest";
import { createHarness, testUser, textOf } from "../../support/bot-harness.js";

describe("main menu", () => {
  it("answers its buttons as the commands they stand for", async () => {
    const h = createHarness();
    const user = testUser();
    await h.send(user, "📅 Schedule");
    expect(textOf(h.last(user))).toContain("Pick a day");
    await h.send(user, "❓ Help");
    expect(textOf(h.last(user))).toContain("How to use me");
    await h.send(user, "▶️ Now");
    expect(textOf(h.last(user))).toContain("On now");
  });

  it("understands the labels of either language, whatever the user's language", async () => {
    const h = createHarness();
    const user = testUser("en");
    await h.send(user, "📅 Расписание");
    expect(textOf(h.last(user))).toContain("Pick a day");
  });

  it("leaves other text to search", async () => {
    const h = createHarness();
    const user = testUser();
    await h.send(user, "Flask patterns");
    expect(textOf(h.last(user))).toContain("Advanced Flask patterns");
  });
});
