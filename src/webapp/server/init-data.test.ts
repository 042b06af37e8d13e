import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInitData, verifyInitData } from "./init-data.js";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
const NOW = Date.parse("2026-02-01T10:00:00Z");
const user = { id: 42, first_name: "Ann", language_code: "ru" };

/** Telegram's documented recipe, written out independently of the module under test. */
function telegramHash(fields: Record<string, string>, token: string): string {
  const check = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  return createHmac("sha256", secret).update(check).digest("hex");
}

describe("init data", () => {
  it("accepts what Telegram signs, by Telegram's documented recipe", () => {
    const fields = {
      auth_date: String(NOW / 1000 - 60),
      query_id: "AAHdF6IQAAAAAN0XohDhrOrc",
      user: JSON.stringify(user),
      start_param: "agenda",
    };
    const raw = new URLSearchParams({ ...fields, hash: telegramHash(fields, TOKEN) }).toString();
    const result = verifyInitData(raw, TOKEN, NOW);
    expect(result).toEqual({
      ok: true,
      data: { user, authDate: NOW - 60_000, startParam: "agenda" },
    });
    // And the signer produces the same thing Telegram would.
    const signed = new URLSearchParams(signInitData({ user, authDate: NOW, queryId: "q1" }, TOKEN));
    const { hash, ...rest } = Object.fromEntries(signed);
    expect(hash).toBe(telegramHash(rest, TOKEN));
  });

  it("refuses missing, forged, altered, stale and malformed data, saying which", () => {
    const good = signInitData({ user, authDate: NOW }, TOKEN);
    expect(verifyInitData(good, TOKEN, NOW).ok).toBe(true);
    const problem = (raw: string | undefined, now = NOW) => {
      const r = verifyInitData(raw, TOKEN, now, 3600);
      return r.ok ? "ok" : r.problem;
    };
    expect(problem(undefined)).toBe("missing");
    expect(problem("")).toBe("missing");
    // Signed with another bot's token.
    expect(problem(signInitData({ user, authDate: NOW }, "999:ZZZZZZZZZZZZZZZZZZZZZZZZ"))).toBe(
      "bad-signature",
    );
    // Altered after signing: another user, another date, an added field.
    const p = new URLSearchParams(good);
    p.set("user", JSON.stringify({ ...user, id: 43 }));
    expect(problem(p.toString())).toBe("bad-signature");
    const q = new URLSearchParams(good);
    q.set("auth_date", String(NOW / 1000 + 1));
    expect(problem(q.toString())).toBe("bad-signature");
    expect(problem(`${good}&start_param=x`)).toBe("bad-signature");
    // Too old, or from the future.
    expect(problem(good, NOW + 3601_000)).toBe("expired");
    expect(problem(good, NOW + 3599_000)).toBe("ok");
    expect(problem(good, NOW - 3600_000)).toBe("expired");
    // Not even shaped right.
    expect(problem("hash=abc&user=1")).toBe("malformed");
    expect(problem(`${good}&hash=${"0".repeat(64)}`)).toBe("malformed");
    expect(problem("x".repeat(10_000))).toBe("malformed");
    const noUser = new URLSearchParams({ auth_date: String(NOW / 1000) });
    noUser.set("hash", telegramHash({ auth_date: String(NOW / 1000) }, TOKEN));
    expect(problem(noUser.toString())).toBe("malformed");
  });
});
