import { describe, expect, it } from "vitest";
import { type Action, decodeAction, encodeAction } from "./callback-data.js";

const LONGEST_ID = `a${"b".repeat(47)}`;

describe("callback data codec", () => {
  it("round-trips every attendee action within 64 bytes", () => {
    const actions: Action[] = [
      { type: "session", id: "flask-patterns", full: false, origin: undefined },
      { type: "session", id: LONGEST_ID, full: true, origin: { to: "results", page: 9, key: "AbC-_123" } },
      { type: "session", id: LONGEST_ID, full: false, origin: { to: "day" } },
      { type: "session", id: LONGEST_ID, full: false, origin: { to: "message" } },
      { type: "session", id: "x", full: false, origin: { to: "speaker", index: 2 } },
      { type: "speaker", id: LONGEST_ID, origin: { to: "results", page: 0, key: "AbC-_123" } },
      { type: "speaker", id: "ann", origin: { to: "session", index: 12 } },
      { type: "results", page: 3, key: "AbC-_123" },
      { type: "days" },
      { type: "day", day: 1, page: 0 },
      { type: "day", day: 0, page: 2 },
      { type: "subscribe", id: LONGEST_ID },
      { type: "unsubscribe", id: LONGEST_ID },
      { type: "language", lang: "ru" },
      { type: "noop" },
    ];
    for (const a of actions) {
      const data = encodeAction(a);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(a);
    }
  });

  it("uses the short prefixes", () => {
    expect(encodeAction({ type: "session", id: "flask", full: false })).toBe("s:flask");
    expect(encodeAction({ type: "speaker", id: "armin" })).toBe("sp:armin");
    expect(encodeAction({ type: "subscribe", id: "flask" })).toBe("sub:flask");
    expect(encodeAction({ type: "unsubscribe", id: "flask" })).toBe("unsub:flask");
    expect(encodeAction({ type: "results", page: 1, key: "abcdefgh" })).toBe("sr:1:abcdefgh");
  });

  it("rejects anything it did not make", () => {
    for (const data of [
      undefined,
      "",
      "s:",
      "s:../../etc",
      "s:Flask",
      `s:${"a".repeat(49)}`,
      "x".repeat(64),
      "x".repeat(65),
      "s:flask:",
      "s:flask:q1",
      "s:flask:r1",
      "s:flask:r01.abcdefgh",
      "sr:-1:abcdefgh",
      "sr:1:abc",
      "sr:1:abc/defg",
      "d:a",
      "d:1:",
      "l:de",
      "l:",
      "sub:",
      "sub:flask:extra",
      "s:flask\n",
      "ＳＰ:x",
    ])
      expect(decodeAction(data)).toBeUndefined();
  });
});
