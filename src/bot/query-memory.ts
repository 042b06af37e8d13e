import { createHash } from "node:crypto";

/**
 * Remembers recent search queries under short keys, so that paging buttons carry a key instead of the query
 * (which may not fit in 64 bytes of callback_data). Keys are per user: one user cannot page through another's
 * query. Bounded (least recently used go first) and in memory: after a restart old paging buttons are outdated.
 */
export class QueryMemory {
  private readonly entries = new Map<string, { userId: number; query: string }>();

  constructor(private readonly capacity = 5000) {}

  /** Stores a user's query and returns its key (8 characters of [A-Za-z0-9_-]; the same query gives the same key). */
  remember(userId: number, query: string): string {
    const key = createHash("sha256").update(`${userId}\n${query}`).digest("base64url").slice(0, 8);
    this.entries.delete(key);
    this.entries.set(key, { userId, query });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return key;
  }

  /** The query a user stored under a key, if it is still remembered. */
  recall(userId: number, key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.userId !== userId) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.query;
  }

  /** How many queries are remembered. */
  get size(): number {
    return this.entries.size;
  }
}
