import { describe, expect, it } from "vitest";
import { labelsOf, newUserSends, textOf } from "../../../test/support/bot-harness.js";

describe("/help", () => {
  it("explains search, the commands and inline mode, with the main menu", async () => {
    const { reply: m } = await newUserSends("/help");
    for (const part of ["Search", "/schedule", "/now", "/next", "/my", "/language", "@testconf_bot redis"])
      expect(textOf(m)).toContain(part);
    expect(labelsOf(m)).toContain("❓ Help");
  });

  it("is in Russian for Russian users", async () => {
    const { reply } = await newUserSends("/help", { lang: "ru" });
    expect(textOf(reply)).toContain("Как мной пользоваться");
  });
});
