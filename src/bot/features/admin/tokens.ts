import { randomBytes } from "node:crypto";

/** How long an organizer has to press a button of a preview or a choice. */
export const CONFIRM_TTL_MS = 60 * 60 * 1000;

/** What a token stands for: whose it is and when it was made. */
export interface Held {
  adminId: number;
  createdAt: number;
}

/**
 * What an organizer's buttons refer to (a previewed change, the sessions to choose from), held in memory
 * under short random tokens: callback data carries 8 characters, not the change. A token is the organizer's
 * own, lasts {@link CONFIRM_TTL_MS} and is taken once, so a double tap or an old copy does nothing.
 */
export class TokenStore<T extends Held> {
  private readonly items = new Map<string, T>();

  /** Holds an item and returns its token (8 url-safe characters); drops expired ones. */
  put(item: T): string {
    for (const [token, old] of this.items)
      if (item.createdAt - old.createdAt > CONFIRM_TTL_MS) this.items.delete(token);
    const token = randomBytes(6).toString("base64url");
    this.items.set(token, item);
    return token;
  }

  /** Takes an item out for its organizer; undefined when unknown, expired or someone else's. */
  take(token: string, adminId: number, now: number): T | undefined {
    const item = this.items.get(token);
    if (!item || item.adminId !== adminId) return undefined;
    this.items.delete(token);
    return now - item.createdAt > CONFIRM_TTL_MS ? undefined : item;
  }
}
