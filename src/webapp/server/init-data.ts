/**
 * Telegram Mini App init data: the signed query string Telegram hands the app (`Telegram.WebApp.initData`),
 * which the app sends with every API request as `Authorization: tma <initData>`.
 *
 * Telegram's scheme (core.telegram.org/bots/webapps, "Validating data received via the Mini App"):
 * the data-check-string is every received field but `hash`, sorted by key, as `key=value` lines joined by
 * "\n"; the secret key is HMAC-SHA256 of the bot token keyed with the constant "WebAppData"; `hash` is the
 * hex HMAC-SHA256 of the data-check-string under that secret key. `auth_date` (Unix seconds) bounds its age.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The Telegram user that init data names (the fields the bot uses). */
export interface InitDataUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Verified init data. */
export interface InitData {
  user: InitDataUser;
  /** When Telegram signed it, epoch milliseconds. */
  authDate: number;
  /** The `startapp` parameter of the link that opened the app, if any. */
  startParam?: string;
}

/** Why init data was refused. */
export type InitDataProblem = "missing" | "malformed" | "bad-signature" | "expired";

/** The outcome of {@link verifyInitData}. */
export type InitDataResult = { ok: true; data: InitData } | { ok: false; problem: InitDataProblem };

/** Init data older than this is refused by default (Telegram does not refresh it while the app stays open). */
export const DEFAULT_MAX_AGE_SECONDS = 24 * 60 * 60;
/** Clocks differ: an auth_date this far in the future still counts as now. */
const FUTURE_SLACK_SECONDS = 5 * 60;

const secretKeys = new Map<string, Buffer>();

/** HMAC-SHA256(key = "WebAppData", message = bot token), computed once per token. */
function secretKey(botToken: string): Buffer {
  let key = secretKeys.get(botToken);
  if (!key) {
    key = createHmac("sha256", "WebAppData").update(botToken).digest();
    secretKeys.set(botToken, key);
  }
  return key;
}

/** The data-check-string of the fields: all but `hash`, sorted by key, `key=value` joined by "\n". */
function dataCheckString(fields: readonly [string, string][]): string {
  return fields
    .filter(([k]) => k !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

/** The hex signature Telegram would give these fields for this bot token. */
function signatureOf(fields: readonly [string, string][], botToken: string): string {
  return createHmac("sha256", secretKey(botToken)).update(dataCheckString(fields)).digest("hex");
}

function parseUser(json: string | undefined): InitDataUser | undefined {
  if (!json) return undefined;
  try {
    const u = JSON.parse(json) as Partial<InitDataUser> | null;
    if (!u || typeof u !== "object" || !Number.isSafeInteger(u.id) || (u.id as number) <= 0) return undefined;
    return {
      id: u.id as number,
      first_name: typeof u.first_name === "string" ? u.first_name : "",
      ...(typeof u.last_name === "string" ? { last_name: u.last_name } : {}),
      ...(typeof u.username === "string" ? { username: u.username } : {}),
      ...(typeof u.language_code === "string" ? { language_code: u.language_code } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Checks init data against the bot token and its age at `now` (epoch ms): the signature must match, fields
 * may not repeat, `auth_date` must be a time no older than `maxAgeSeconds`, and a user must be named.
 */
export function verifyInitData(
  raw: string | undefined,
  botToken: string,
  now: number,
  maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS,
): InitDataResult {
  if (!raw) return { ok: false, problem: "missing" };
  if (raw.length > 8192) return { ok: false, problem: "malformed" };
  const fields = [...new URLSearchParams(raw)];
  const keys = new Set(fields.map(([k]) => k));
  if (keys.size !== fields.length) return { ok: false, problem: "malformed" };
  const get = (key: string) => fields.find(([k]) => k === key)?.[1];
  const hash = get("hash");
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, problem: "malformed" };
  const expected = Buffer.from(signatureOf(fields, botToken), "hex");
  if (!timingSafeEqual(expected, Buffer.from(hash, "hex"))) return { ok: false, problem: "bad-signature" };
  const authDate = Number(get("auth_date"));
  if (!Number.isSafeInteger(authDate) || authDate <= 0) return { ok: false, problem: "malformed" };
  const age = now / 1000 - authDate;
  if (age > maxAgeSeconds || age < -FUTURE_SLACK_SECONDS) return { ok: false, problem: "expired" };
  const user = parseUser(get("user"));
  if (!user) return { ok: false, problem: "malformed" };
  const startParam = get("start_param");
  return { ok: true, data: { user, authDate: authDate * 1000, ...(startParam ? { startParam } : {}) } };
}

/** What {@link signInitData} signs. */
export interface InitDataFields {
  user: InitDataUser;
  /** Epoch milliseconds. */
  authDate: number;
  startParam?: string;
  queryId?: string;
}

/**
 * Init data signed for a bot token exactly as Telegram signs it. The console signs its local user's link to
 * the app with it; tests sign (and forge) with it.
 */
export function signInitData(fields: InitDataFields, botToken: string): string {
  const pairs: [string, string][] = [
    ["auth_date", String(Math.floor(fields.authDate / 1000))],
    ["user", JSON.stringify(fields.user)],
  ];
  if (fields.queryId) pairs.push(["query_id", fields.queryId]);
  if (fields.startParam) pairs.push(["start_param", fields.startParam]);
  const params = new URLSearchParams(pairs);
  params.set("hash", signatureOf(pairs, botToken));
  return params.toString();
}
