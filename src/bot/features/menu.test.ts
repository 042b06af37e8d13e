import { describe, expect, it } from "vitest";
import { newUserSends, textOf } from "../../../test/support/bot-harness.js";

describe("main menu", () => {
  it("answers its buttons as the commands they stand for", async () => {
    const { h, user, reply } = await newUserSends("📅 Schedule");
    expect(textOf(reply)).toContain("Pick a day");
    await h.send(user, "❓ Help");
    expect(textOf(h.last(user))).toContain("How to use me");
    await h.send(user, "▶️ Now");
    expect(textOf(h.last(user))).toContain("On now");
  });

  it("understands the labels of either language, whatever the user's language", async () => {
    const { reply } = await newUserSends("📅 Расписание", { lang: "en" });
    expect(textOf(reply)).toContain("Pick a day");
  });

  it("leaves other text to search", async () => {
    const { reply } = await newUserSends("Flask patterns");
    expect(textOf(reply)).toContain("Advanced Flask patterns");
  });
});
