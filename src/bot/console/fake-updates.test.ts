import { describe, expect, it } from "vitest";
import { localBotInfo } from "../bot-info.js";
import { UpdateFactory } from "./fake-updates.js";
import { LocalTelegram } from "./local-telegram.js";

describe("UpdateFactory", () => {
  const telegram = new LocalTelegram(
    localBotInfo({ id: 1, first_name: "b", username: "b_bot" }),
    () => 5_000,
  );
  const updates = new UpdateFactory(telegram);
  const user = { id: 7, first_name: "Ann", language_code: "ru" };

  it("builds texts as Telegram does: a command gets its entity, the message is recorded in the chat", () => {
    const u = updates.text(user, "/move flask 2 17:30");
    expect(u.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 5 }]);
    expect(u.message?.chat).toEqual({ id: 7, type: "private", first_name: "Ann" });
    expect(u.message?.date).toBe(5);
    expect(telegram.message(7, u.message?.message_id ?? 0)?.text).toBe("/move flask 2 17:30");
    expect(updates.text(user, "flask").message?.entities).toBeUndefined();
  });

  it("numbers every update and query in sequence, presses carry the message", () => {
    const sent = telegram.call("sendMessage", { chat_id: 7, text: "hi" }).message;
    const press = updates.press(user, "s:x", sent);
    const inline = updates.inline(user, "flask");
    expect(inline.update_id).toBe(press.update_id + 1);
    expect(press.callback_query?.message?.message_id).toBe(sent?.messageId);
    expect(press.callback_query?.from.language_code).toBe("ru");
    expect(inline.inline_query?.query).toBe("flask");
  });
});
