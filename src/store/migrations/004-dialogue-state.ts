import type { Migration } from "../migrate.js";

/**
 * Dialogue state that must outlive a restart: the conversations plugin's state per chat (an organizer's
 * /broadcast dialogue) and the search queries that paging buttons refer to by a short key. Both are bounded
 * at write time (src/store/conversation-storage.ts, src/store/search-pages.ts), hence the indexes on age.
 */
export const dialogueState: Migration = {
  version: 4,
  name: "dialogue-state",
  up: (db) =>
    db.exec(`
      CREATE TABLE conversations (
        -- The plugin's storage key (the chat id).
        key TEXT PRIMARY KEY,
        -- JSON: the plugin's versioned state {"version":[...],"state":{...}}, replay logs included.
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX conversations_by_updated ON conversations (updated_at);
      -- id grows with every write (a repeated search is written anew), so "newest" is "largest id".
      CREATE TABLE search_pages (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL,
        -- 8 characters carried in callback_data; unique per user, so nobody pages through another's query.
        key TEXT NOT NULL,
        query TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX search_pages_by_user_key ON search_pages (user_id, key);
      -- A user's entries newest first (the per-user cap) and everyone's by age (the age limit).
      CREATE INDEX search_pages_by_user ON search_pages (user_id, id);
      CREATE INDEX search_pages_by_created ON search_pages (created_at);
    `),
};
