/**
 * Deep links into the bot: t.me/<bot>?start=<payload>. A session's payload is its id; a speaker's is
 * `sp_<id>` (ids never contain "_", so the two cannot be confused). Payloads fit Telegram's 64 characters
 * of [A-Za-z0-9_-].
 */

const ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** What a /start payload points at. */
export type StartTarget = { kind: "session" | "speaker"; id: string };

/** The payload that opens a session's card. */
export function sessionPayload(id: string): string {
  return id;
}

/** A t.me link that opens the bot with a payload. */
export function startLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${payload}`;
}

/** Reads a /start payload; undefined when it is empty or not one of ours. */
export function parseStartPayload(payload: string | undefined): StartTarget | undefined {
  const p = payload?.trim() ?? "";
  if (p.startsWith("sp_")) {
    const id = p.slice(3);
    return ID.test(id) ? { kind: "speaker", id } : undefined;
  }
  return ID.test(p) ? { kind: "session", id: p } : undefined;
}
