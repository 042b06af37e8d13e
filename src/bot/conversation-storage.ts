import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { Context } from "grammy";
import { deleteConversation, readConversation, writeConversation } from "../store/conversation-storage.js";
import type { BotDeps } from "./context.js";

/**
 * The conversations plugin's storage in SQLite (src/store/conversation-storage.ts), one row per chat, so an
 * organizer's dialogue carries on after a restart. The plugin replays a conversation from its log on every
 * update, so a log written by other conversation code would replay wrongly: `version` must change whenever a
 * conversation's steps change, and the plugin then drops older state (its buttons say "expired").
 */
export function sqliteConversationStorage<C extends Context>(
  deps: Pick<BotDeps, "db" | "clock">,
  version: string | number,
): ConversationStorage<C, ConversationData> {
  const { db, clock } = deps;
  return {
    type: "key",
    version,
    // The plugin's default too. For updates without a chat (inline queries) the plugin makes the key the
    // string "undefined": it only ever reads that row, which never exists, since they enter no conversation.
    getStorageKey: (ctx) => ctx.chatId?.toString(),
    adapter: {
      read: (key) => readConversation(db, key) as VersionedState<ConversationData> | undefined,
      write: (key, state) => writeConversation(db, key, state, clock()),
      delete: (key) => deleteConversation(db, key),
    },
  };
}
