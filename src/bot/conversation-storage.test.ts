import { join } from "node:path";
import { Api, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "../store/db.js";
import { conversationKey, prefetchConversation, sqliteConversationStorage } from "./conversation-storage.js";

const me = { id: 1, is_bot: true, first_name: "bot", username: "bot" } as UserFromGetMe;
const api = new Api("1:test");
const update = (chatId?: number): Update =>
  chatId === undefined
    ? {
        update_id: 1,
        inline_query: { id: "q", from: { id: 7, is_bot: false, first_name: "A" }, query: "", offset: "" },
      }
    : {
        update_id: 1,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: chatId, type: "private", first_name: "A" },
          from: { id: chatId, is_bot: false, first_name: "A" },
          text: "hi",
        },
      };

describe("the conversations plugin's storage", () => {
  it("stores a chat's versioned state under its id and takes a prefetched read once", async () => {
    const db = openDatabase(join(tempDir(), "a.sqlite"));
    const storage = sqliteConversationStorage({ db, clock: () => 1 }, 3);
    if (storage.type !== "context") throw new Error("a context storage is expected");
    const { adapter } = storage;
    const ctx = new Context(update(7), api, me);
    expect(conversationKey(ctx)).toBe("7");
    expect(conversationKey(new Context(update(), api, me))).toBe("undefined");

    const state = { version: [0, 3] as [0, 3], state: { ask: [] } };
    await adapter.write(ctx, state);
    expect(await adapter.read(ctx)).toEqual(state);

    // What attach read with the user is what the plugin gets, once; the next read asks the database.
    prefetchConversation(ctx, "7", null);
    expect(await adapter.read(ctx)).toBeUndefined();
    expect(await adapter.read(ctx)).toEqual(state);
    // A prefetch under another key is not this chat's.
    prefetchConversation(ctx, "8", JSON.stringify({ other: true }));
    expect(await adapter.read(ctx)).toEqual(state);

    await adapter.delete(ctx);
    expect(await adapter.read(ctx)).toBeUndefined();
    db.close();
  });
});
