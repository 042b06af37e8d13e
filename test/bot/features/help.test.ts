import { describe, expect, it } from "vitest";
import { createHarness, labelsOf, testUser, textOf } from "../../support/bot-harness.js";

describe("/help", () => {
  it("explains search, the commands and inline mode, with the main menu", async () => {
    const h = createHarness();
    const user = testUser();
    await h.send(user, "/help");
    const m = h.last(user);
    for (const part of ["Search", "/schedule", "/now", "/next", "/my", "/language", "@testconf_bot redis"])
      expect(textOf(m)).toContain(part);
    expect(labelsOf(m)).toContain("❓ Help");
  });

  it("is in Russian for Russian users", async () => {
    const h = createHarness();
    const user = testUser("ru");
    await h.send(user, "/help");
    expect(textOf(h.last(user))).toContain("Как мной пользоваться");
  });
});
