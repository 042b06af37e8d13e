import type { IncomingMessage } from "node:http";
import { type InitData, type InitDataResult, verifyInitData } from "./init-data.js";

/** Reads `Authorization: tma <initData>` and verifies it; "missing" when there is no such header. */
export function authenticate(
  req: IncomingMessage,
  botToken: string,
  now: number,
  maxAgeSeconds: number,
): InitDataResult {
  const header = req.headers.authorization;
  const m = header ? /^tma +(\S+)$/i.exec(header.trim()) : null;
  if (!m) return { ok: false, problem: header ? "malformed" : "missing" };
  return verifyInitData(m[1], botToken, now, maxAgeSeconds);
}

export type { InitData };
