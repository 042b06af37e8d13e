import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { Context } from "grammy";
import {
  deleteConversation,
  parseConversation,
  readConversation,
  writeConversation,
} from "../store/conversation-storage.js";
import type { BotDeps } from "./context.js";

/**
 * The key a chat's dialogue is stored under: its id. For updates without a chat (inline queries) it is the
 * string "undefined", as the plugin's own default makes it: only ever read, and that row never exists, since
 * they enter no conversation.
 */
export const conversationKey = (ctx: Context): string => String(ctx.chatId);

/** Dialogue state read before the plugin asked for it, by update (see {@link prefetchConversation}). */
const prefetched = new WeakMap<Context, { key: string; data: string | null }>();

/**
 * Hands the plugin the state stored under `key` as just read with the user (src/store/update-start.ts), so
 * the update's one read of it costs no statement of its own. Only for the update's outer context, before
 * the plugin runs: nothing writes a chat's dialogue between (updates of a chat are handled one at a time).
 */
export function prefetchConversation(ctx: Context, key: string, data: string | null): void {
  prefetched.set(ctx, { key, data });
}

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
  const read = (ctx: C): unknown => {
    const key = conversationKey(ctx);
    const known = prefetched.get(ctx);
    if (!known) return readConversation(db, key);
    // Taken once: a second read within the update (none today) would see what the plugin wrote since.
    prefetched.delete(ctx);
    return known.key === key ? parseConversation(known.data) : readConversation(db, key);
  };
  return {
    type: "context",
    version,
    adapter: {
      read: (ctx) => read(ctx) as VersionedState<ConversationData> | undefined,
      write: (ctx, state) => writeConversation(db, conversationKey(ctx), state, clock()),
      delete: (ctx) => deleteConversation(db, conversationKey(ctx)),
    },
  };
}
