import { describe, expect, it } from "vitest";
import { callsOf, createHarness, newUser, textOf } from "../../../test/support/bot-harness.js";

describe("fallback", () => {
  it("answers a sticker with a hint that the bot reads text", async () => {
    const { h, user } = newUser();
    await h.update({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: user.id, type: "private", first_name: user.first_name },
        from: { id: user.id, is_bot: false, first_name: user.first_name },
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      },
    });
    expect(textOf(h.last(user))).toContain("I read text only");
  });

  it("answers any unknown button as outdated, and nothing else", async () => {
    const { h, user } = newUser();
    for (const data of ["zzz", "s:../../etc", "x".repeat(64), "é".repeat(32), "l:de"]) {
      const calls = await h.pressData(user, data);
      expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
      expect(calls[0]?.payload.text).toContain("outdated");
    }
    expect(h.logs).toEqual([]);
  });

  it("ignores updates without a user or chat", async () => {
    const h = createHarness();
    const calls = await h.update({
      channel_post: {
        message_id: 1,
        date: 0,
        chat: { id: -100, type: "channel", title: "News" },
        text: "flask",
      },
    });
    expect(callsOf(calls, "sendMessage")).toEqual([]);
    expect(h.logs).toEqual([]);
  });
});
