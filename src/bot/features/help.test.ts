import { describe, expect, it } from "vitest";
import { labelsOf, newOrganizer, newUserSends, testUser, textOf } from "../../../test/support/bot-harness.js";
import { ADMIN_COMMANDS } from "./admin/guard.js";

describe("/help", () => {
  it("explains search, the commands and inline mode, with the main menu", async () => {
    const { reply: m } = await newUserSends("/help");
    for (const part of ["Search", "/schedule", "/now", "/next", "/my", "/language", "@testconf_bot flask"])
      expect(textOf(m)).toContain(part);
    expect(labelsOf(m)).toContain("❓ Help");
  });

  it("says which timezone the times are in, with its offset on the conference's days", async () => {
    const { reply } = await newUserSends("/help");
    expect(textOf(reply)).toContain("All times are Yekaterinburg Standard Time (UTC+5).");
    const { reply: ru } = await newUserSends("/help", { lang: "ru" });
    expect(textOf(ru)).toContain("Время везде местное: Екатеринбург (UTC+5).");
  });

  it("is in Russian for Russian users", async () => {
    const { reply } = await newUserSends("/help", { lang: "ru" });
    expect(textOf(reply)).toContain("Как мной пользоваться");
  });

  it("lists the organizer commands to organizers only, in their language", async () => {
    const { h, user: organizer } = newOrganizer({ lang: "ru" });
    await h.send(organizer, "/help");
    const text = textOf(h.last(organizer));
    expect(text).toContain("Для организаторов");
    for (const c of ["/broadcast", "/move", "/cancel", "/restore", "/reload", "/stats", "/audit", "/source"])
      expect(text).toContain(c);
    // Every command of the organizers' menu has its line.
    for (const c of ADMIN_COMMANDS) expect(text).toMatch(new RegExp(`^/${c}\\b.* — \\S`, "m"));
    const attendee = testUser("en");
    await h.send(attendee, "/help");
    expect(textOf(h.last(attendee))).not.toContain("/broadcast");
  });

  it("says in one line what the bot stores, why, and where to delete it", async () => {
    for (const [lang, line] of [
      ["en", /^🔒 I keep only what serves you: .* \/settings → “🗑 Forget me” deletes it all\.$/m],
      ["ru", /^🔒 Храню только нужное для работы: .* \/settings → «🗑 Забыть меня» удалит всё\.$/m],
    ] as const) {
      const { reply } = await newUserSends("/help", { lang });
      expect(textOf(reply)).toMatch(line);
    }
  });
});
