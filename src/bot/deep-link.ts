/**
 * Deep links into the bot: t.me/<bot>?start=<payload>. Payloads are at most 64 characters of [A-Za-z0-9_-].
 * A session's payload is its id when the id is such (hand-written slugs, guids), else `s_<key>` with the
 * store's short key; a speaker's is `sp_<id>`, else `spk_<key>`; `q_<key>` opens "Ask a question" for a
 * session (the room screen's QR code); `inv_<token>` is a speaker's or moderator's one-time invitation; a
 * conference's is `c_<id>` (it becomes the user's current conference). Ids never contain "_", so none of
 * these can be confused.
 */

const ID = /^[A-Za-z0-9-]{1,61}$/;
const KEY = /^[1-9][0-9]{0,9}$/;

/** What a /start payload points at: by id, or by the store's short key. */
export type StartTarget =
  | { kind: "conference"; id: string }
  | { kind: "session" | "speaker"; id: string }
  | { kind: "session" | "speaker"; key: number }
  | { kind: "ask"; key: number }
  | { kind: "invite"; token: string };

/** The payload that opens "Ask a question" for a session. */
export function askPayload(key: number): string {
  return `q_${key}`;
}

/** The payload that opens a session's card. */
export function sessionPayload(id: string, key: number): string {
  return ID.test(id) ? id : `s_${key}`;
}

/** The payload that opens a speaker's card. */
export function speakerPayload(id: string, key: number): string {
  return ID.test(id) ? `sp_${id}` : `spk_${key}`;
}

/** The payload that makes a conference the user's current one. */
export function conferencePayload(id: string): string {
  return `c_${id}`;
}

/** A t.me link that opens the bot with a payload. */
export function startLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${payload}`;
}

/** Reads a /start payload; undefined when it is empty or not one of ours. */
export function parseStartPayload(payload: string | undefined): StartTarget | undefined {
  const p = payload?.trim() ?? "";
  const byKey = (kind: "session" | "speaker", k: string): StartTarget | undefined =>
    KEY.test(k) ? { kind, key: Number(k) } : undefined;
  if (p.startsWith("c_")) {
    const id = p.slice(2);
    return /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(id) ? { kind: "conference", id } : undefined;
  }
  if (p.startsWith("s_")) return byKey("session", p.slice(2));
  if (p.startsWith("q_")) return KEY.test(p.slice(2)) ? { kind: "ask", key: Number(p.slice(2)) } : undefined;
  if (p.startsWith("inv_"))
    return /^[0-9a-f]{32}$/.test(p.slice(4)) ? { kind: "invite", token: p.slice(4) } : undefined;
  if (p.startsWith("spk_")) return byKey("speaker", p.slice(4));
  if (p.startsWith("sp_")) {
    const id = p.slice(3);
    return ID.test(id) ? { kind: "speaker", id } : undefined;
  }
  return ID.test(p) ? { kind: "session", id: p } : undefined;
}
