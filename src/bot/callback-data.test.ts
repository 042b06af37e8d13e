import { Api, Composer, Context } from "grammy";
import { describe, expect, it } from "vitest";
import { type Action, actionOf, decodeAction, encodeAction, onAction } from "./callback-data.js";

const LONGEST_KEY = 9_999_999_999;

describe("callback data codec", () => {
  it("round-trips every attendee action within 64 bytes", () => {
    const actions: Action[] = [
      { type: "session", key: 1, page: 0, origin: undefined },
      {
        type: "session",
        key: LONGEST_KEY,
        page: 999,
        origin: { to: "results", page: 999, key: "AbC-_123xyz9" },
      },
      { type: "session", key: LONGEST_KEY, page: 1, origin: { to: "day" } },
      { type: "session", key: LONGEST_KEY, page: 0, origin: { to: "message" } },
      { type: "session", key: 7, page: 0, origin: { to: "speaker", index: 2 } },
      { type: "speaker", key: LONGEST_KEY, origin: { to: "results", page: 0, key: "AbC-_123" } },
      { type: "speaker", key: 3, origin: { to: "session", index: 12 } },
      { type: "results", page: 3, key: "AbC-_123" },
      { type: "days" },
      { type: "day", day: 1, page: 0 },
      { type: "day", day: 0, page: 2 },
      { type: "subscribe", key: LONGEST_KEY },
      { type: "unsubscribe", key: LONGEST_KEY },
      { type: "remind", key: LONGEST_KEY, on: false },
      { type: "remind", key: 3, on: true },
      { type: "myRemove", key: LONGEST_KEY, past: true },
      { type: "myRemove", key: 7, past: false },
      { type: "reminders", on: false },
      { type: "reminders", on: true },
      { type: "forget", confirmed: false },
      { type: "forget", confirmed: true },
      { type: "session", key: LONGEST_KEY, page: 999, origin: { to: "my", past: true } },
      { type: "session", key: 4, page: 0, origin: { to: "my", past: false } },
      { type: "language", lang: "ru" },
      { type: "applyHeld", token: "Ab-_12345678" },
      { type: "calendarFeed" },
      { type: "calendarReset" },
      { type: "dayRooms", day: 1, page: 0 },
      { type: "dayTracks", day: 0, page: 12 },
      { type: "room", room: 71, day: 1, page: 3 },
      { type: "track", track: 64, day: 0, page: 0 },
      { type: "track", track: 64, page: 999 },
      { type: "tracks", page: 0 },
      { type: "tracks", page: 7 },
      { type: "now", next: false, page: 0 },
      { type: "now", next: true, page: 4 },
      { type: "now", next: false, page: 0, filter: { by: "room", index: 0 } },
      { type: "now", next: true, page: 999, filter: { by: "track", index: 999 } },
      { type: "nowFilter", next: false, by: "room", page: 0 },
      { type: "nowFilter", next: true, by: "track", page: 999 },
      { type: "room", room: 999, page: 999 },
      { type: "room", room: 0, page: 0 },
      { type: "dayNow", day: 0 },
      { type: "dayNow", day: 999 },
      {
        type: "session",
        key: LONGEST_KEY,
        page: 999,
        origin: { to: "now", next: true, page: 999, filter: { by: "track", index: 999 } },
      },
      { type: "session", key: 5, page: 0, origin: { to: "room", room: 3, page: 2 } },
      {
        type: "session",
        key: LONGEST_KEY,
        page: 999,
        origin: { to: "room", room: 999, day: 999, page: 999 },
      },
      { type: "session", key: LONGEST_KEY, page: 999, origin: { to: "track", track: 999, page: 999 } },
      { type: "session", key: 5, page: 0, origin: { to: "track", track: 3, day: 1, page: 0 } },
      { type: "session", key: 5, page: 0, origin: { to: "now", next: true, page: 2 } },
      { type: "session", key: 5, page: 0, origin: { to: "now", next: false, page: 0 } },
      { type: "noop" },
      { type: "adminConfirm", apply: true, token: "Ab-_1234" },
      { type: "adminConfirm", apply: false, token: "Ab-_1234" },
      { type: "adminPick", token: "Ab-_1234", key: LONGEST_KEY },
      { type: "broadcast", choice: { step: "cancel" } },
      { type: "broadcast", choice: { step: "send" } },
      { type: "broadcast", choice: { step: "all" } },
      { type: "broadcast", choice: { step: "session" } },
      { type: "broadcast", choice: { step: "back" } },
      { type: "broadcast", choice: { step: "lang", lang: "ru" } },
      { type: "broadcast", choice: { step: "pick", key: LONGEST_KEY } },
      { type: "broadcast", choice: { step: "page", page: 999 } },
    ];
    for (const a of actions) {
      const data = encodeAction(a);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(a);
    }
  });

  it("uses the short prefixes", () => {
    expect(encodeAction({ type: "session", key: 12, page: 0 })).toBe("s:12");
    expect(encodeAction({ type: "session", key: 12, page: 2 })).toBe("sm:12.2");
    expect(encodeAction({ type: "speaker", key: 3 })).toBe("sp:3");
    expect(encodeAction({ type: "subscribe", key: 12 })).toBe("sub:12");
    expect(encodeAction({ type: "unsubscribe", key: 12 })).toBe("unsub:12");
    expect(encodeAction({ type: "results", page: 1, key: "abcdefgh" })).toBe("sr:1:abcdefgh");
    // Organizer buttons start with `adm:`, which the organizer guard checks before anything else.
    expect(encodeAction({ type: "adminConfirm", apply: true, token: "abcdefgh" })).toBe("adm:ok:abcdefgh");
    expect(encodeAction({ type: "broadcast", choice: { step: "all" } })).toBe("adm:bc:all");
    expect(encodeAction({ type: "broadcast", choice: { step: "lang", lang: "en" } })).toBe("adm:bc:l:en");
  });

  it("rejects anything it did not make", () => {
    for (const data of [
      undefined,
      "",
      "s:",
      "s:../../etc",
      "s:Flask",
      "s:flask",
      "s:0",
      "s:012",
      "sm:12",
      "sm:12.0",
      "s:12.1",
      `s:${"1".repeat(11)}`,
      "x".repeat(64),
      "x".repeat(65),
      "s:12:",
      "s:12:q1",
      "s:12:r1",
      "s:12:r01.abcdefgh",
      "sr:-1:abcdefgh",
      "sr:1:abc",
      "sr:1:abc/defg",
      "d:a",
      "r:1",
      "r:1:b",
      "r:1:a:",
      "dn:",
      "dn:a",
      "dn:01",
      "nw:r",
      "nw:q1",
      "nw:1:r01",
      "nw:r1:2",
      "nf:n",
      "nf:nq",
      "nf:yr",
      "nf:nr:",
      "s:12:N1.",
      "s:12:N1.q2",
      "s:12:R1.b.0",
      "t:1:b",
      "ts:",
      "ts:01",
      "nw:x",
      "dr:1:",
      "s:12:R1.2",
      "s:12:T1.b.0",
      "s:12:N",
      "s:12:n1",
      "d:1:",
      "l:de",
      "l:",
      "adm:held:short",
      "adm:held:Ab-_12345678x",
      "adm:ok:short",
      "adm:maybe:abcdefgh",
      "adm:pk:abcdefgh:0",
      "adm:pk:abcdefgh:flask",
      "adm:bc:",
      "adm:bc:yes",
      "adm:bc:l:de",
      "adm:bc:s:0",
      "adm:bc:p:01",
      "sub:",
      "sub:12:extra",
      "rs:2",
      "rs:",
      "rn:0",
      "mx:",
      "s:12:mq",
      "s:12\n",
      "ＳＰ:x",
    ])
      expect(decodeAction(data)).toBeUndefined();
  });
});

describe("actionOf", () => {
  it("decodes a query's data once, and answers undefined for data the codec did not make", () => {
    const query = { data: "s:12" };
    const first = actionOf(query);
    expect(first).toEqual({ type: "session", key: 12, page: 0, origin: undefined });
    expect(actionOf(query)).toBe(first);
    expect(actionOf({ data: "adm:bc:zzz" })).toBeUndefined();
    expect(actionOf(undefined)).toBeUndefined();
  });
});

describe("onAction", () => {
  /** A context for a press of a button with `data`, its answers to Telegram recorded. */
  function press(data: string) {
    const api = new Api("1:test");
    const answers: string[] = [];
    api.config.use(async (_prev, method) => {
      answers.push(method);
      return { ok: true, result: true } as never;
    });
    const from = { id: 7, is_bot: false, first_name: "A" };
    const ctx = new Context(
      { update_id: 1, callback_query: { id: "q", from, chat_instance: "c", data } },
      api,
      { ...from, id: 1, is_bot: true, username: "b" } as never,
    );
    return { ctx, answers };
  }

  it("routes each action type of a composer to its handler, answers the query, and passes on the rest", async () => {
    const composer = new Composer<Context>();
    const seen: string[] = [];
    onAction(composer, "session", (_ctx, a) => {
      seen.push(`session ${a.key}`);
      return undefined;
    });
    composer.command("start", () => undefined);
    onAction(composer, "days", () => {
      seen.push("days");
      return undefined;
    });
    const run = async (data: string) => {
      const { ctx, answers } = press(data);
      let passed = false;
      await composer.middleware()(ctx, async () => {
        passed = true;
      });
      return { passed, answers };
    };
    expect(await run("s:12")).toEqual({ passed: false, answers: ["answerCallbackQuery"] });
    expect(await run("ds")).toEqual({ passed: false, answers: ["answerCallbackQuery"] });
    // Another composer's action, and data the codec did not make, go on unanswered.
    expect(await run("sp:3")).toEqual({ passed: true, answers: [] });
    expect(await run("zzz")).toEqual({ passed: true, answers: [] });
    expect(seen).toEqual(["session 12", "days"]);
    expect(() => onAction(composer, "days", () => undefined)).toThrow(/handled twice/);
  });
});
