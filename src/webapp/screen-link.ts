/**
 * Signed links to a room's screen page (`/screen/<session key>/<signature>`): the signature is an HMAC of the
 * session's id under a key derived from the bot's token, so only the bot can make one and a link opens only its
 * own session. Organizers and linked speakers get them from the bot; nobody can guess another session's.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The screen links' key, derived from the bot token (the one the server verifies init data with). */
export function screenKey(botToken: string): Buffer {
  return createHmac("sha256", "ConfbotScreen").update(botToken).digest();
}

/** The signature of a session's screen link: 128 bits of HMAC-SHA256 in base64url (22 characters). */
export function screenSignature(key: Buffer, sessionId: string): string {
  return createHmac("sha256", key)
    .update(`screen:${sessionId}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

/** Whether `signature` is the screen link signature of the session (compared in constant time). */
export function verifyScreenSignature(key: Buffer, sessionId: string, signature: string): boolean {
  const expected = Buffer.from(screenSignature(key, sessionId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The screen page's URL for a session (by its short key) under the server's public base URL. */
export function screenUrl(publicUrl: string, key: Buffer, sessionKey: number, sessionId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/screen/${sessionKey}/${screenSignature(key, sessionId)}`;
}
