import { describe, expect, it } from "vitest";
import { labelsOf, newUser, newUserSends, textOf } from "../../../test/support/bot-harness.js";

describe("speaker card", () => {
  it("shows name, affiliation, link, bio and sessions as buttons", async () => {
    const { h, user, reply } = await newUserSends("armin");
    await h.press(user, reply, "👤 Armin Ronacher");
    const card = h.last(user);
    const text = textOf(card);
    expect(text).toContain("Armin Ronacher");
    expect(text).toContain("Pocoo");
    expect(text).toContain("http://lucumr.pocoo.org/");
    expect(text).toContain("Author of Flask and Jinja2.");
    expect(text).toContain("Fri 1 Mar, 10:00–11:00 — Advanced Flask patterns");
    expect(text).toContain("Sat 2 Mar, 10:00–11:00 — The future of web frameworks");
    expect(labelsOf(card)).toEqual([
      "Advanced Flask patterns",
      "The future of web frameworks",
      "◀ Back to results",
    ]);
  });

  it("leads to a session whose Back returns to the speaker", async () => {
    const { h, user, reply } = await newUserSends("/start sp_armin-ronacher");
    await h.press(user, reply, "The future of web frameworks");
    const session = h.last(user);
    expect(textOf(session)).toContain("Keynote");
    expect(labelsOf(session)).toContain("◀ Armin Ronacher");
    await h.press(user, session, "◀ Armin Ronacher");
    expect(textOf(h.last(user))).toContain("Author of Flask and Jinja2.");
    expect(labelsOf(h.last(user))).toContain("◀ The future of web frameworks");
  });

  it("escapes names and bios", async () => {
    const { h, user, reply } = await newUserSends("/start sp_bob-ray");
    expect(textOf(reply)).toContain("Likes <tags> & ampersands.");
    await h.send(user, "/start sp_pat-obrien");
    expect(textOf(h.last(user))).toContain("Pat O'Brien <dev> & Co");
    expect(h.logs).toEqual([]);
  });

  it("treats an unknown speaker as an outdated button", async () => {
    const { h, user } = newUser();
    const calls = await h.pressData(user, "sp:nobody-at-all");
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
  });
});
