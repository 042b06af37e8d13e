import type { InlineQueryResultArticle } from "grammy/types";
import { describe, expect, it } from "vitest";
import { callsOf, createHarness, newUser, testUser } from "../../../test/support/bot-harness.js";
import { parseTelegramHtml } from "../console/html.js";

function answered(calls: Awaited<ReturnType<ReturnType<typeof createHarness>["inline"]>>) {
  const answers = callsOf(calls, "answerInlineQuery");
  expect(answers).toHaveLength(1);
  expect(answers[0]?.error).toBeUndefined();
  return answers[0]?.payload.results as InlineQueryResultArticle[];
}

describe("inline mode", () => {
  it("offers matching sessions whose message is the card with a deep link into the bot", async () => {
    const h = createHarness();
    const results = answered(await h.inline(testUser(), "flask"));
    const flask = results.find((r) => r.id === "flask-patterns");
    expect(flask?.title).toBe("Advanced Flask patterns");
    expect(flask?.description).toBe("Armin Ronacher · Fri 1 Mar, 10:00–11:00 · Hall A");
    const content = flask?.input_message_content as { message_text: string; parse_mode: string };
    expect(content.parse_mode).toBe("HTML");
    const text = parseTelegramHtml(content.message_text);
    expect(text.ok && text.text).toContain("🕒 Fri 1 Mar, 10:00–11:00");
    expect(flask?.reply_markup?.inline_keyboard).toEqual([
      [{ text: "📱 Open in the bot", url: "https://t.me/testconf_bot?start=flask-patterns" }],
    ]);
  });

  it("brings a speaker's sessions for their name", async () => {
    const h = createHarness();
    const ids = answered(await h.inline(testUser(), "armin")).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["flask-patterns", "future-keynote"]));
  });

  it("offers a room's sessions still to come, in time order, for a query that names the room", async () => {
    const h = createHarness({ now: "2030-03-01T10:30:00+05:00" });
    const programme = h.deps.catalog.programme;
    const hall = programme.conference.rooms[0];
    const expected = programme.sessions
      .filter((s) => s.room === hall?.id && Date.parse(s.end) > Date.parse("2030-03-01T10:30:00+05:00"))
      .filter((s) => !["break", "meal", "other"].includes(s.kind))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((s) => s.id);
    expect(expected.length).toBeGreaterThan(1);
    for (const query of [hall?.name.en ?? "", (hall?.name.en ?? "").toUpperCase()])
      expect(answered(await h.inline(testUser(), query)).map((r) => r.id)).toEqual(expected);
  });

  it("offers what is coming up for an empty query, in the user's language", async () => {
    const h = createHarness({ now: "2030-03-02T10:30:00+05:00" });
    const results = answered(await h.inline(testUser("ru"), ""));
    expect(results.map((r) => r.id)).toEqual(["future-keynote", "testing-workshop"]);
    expect(results[0]?.title).toBe("Будущее веб-фреймворков");
  });

  it("answers garbage with no results and keeps working", async () => {
    const { h, user } = newUser();
    for (const q of ["x".repeat(300), "<b>&", "🎉", "'; DROP TABLE users; --"])
      expect(answered(await h.inline(user, q))).toEqual([]);
    expect(answered(await h.inline(user, "testing")).map((r) => r.id)).toContain("testing-workshop");
    expect(h.logs).toEqual([]);
  });
});
