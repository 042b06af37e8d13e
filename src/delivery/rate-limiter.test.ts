import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("rate limiter", () => {
  it("spaces sends evenly at the global rate and never lets a second hold more than rate + 1", () => {
    const limiter = new RateLimiter(25, 0);
    const sends: number[] = [];
    let now = 0;
    let chat = 0;
    while (sends.length < 100) {
      const wait = limiter.globalWait(now);
      if (wait > 0) {
        now += wait;
        continue;
      }
      limiter.acquire(++chat, now);
      limiter.release(chat);
      sends.push(now);
    }
    for (let i = 1; i < sends.length; i++)
      expect((sends[i] ?? 0) - (sends[i - 1] ?? 0)).toBeGreaterThanOrEqual(40);
    for (const t of sends) expect(sends.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(25);
  });

  it("keeps one message per second per chat, none while one is in flight, and pauses on a 429", () => {
    const limiter = new RateLimiter(1000, 0);
    expect(limiter.chatWait(5, 0)).toBe(0);
    limiter.acquire(5, 0);
    expect(limiter.chatWait(5, 10)).toBe(Number.POSITIVE_INFINITY);
    limiter.release(5);
    expect(limiter.chatWait(5, 10)).toBe(990);
    expect(limiter.chatWait(5, 1000)).toBe(0);
    expect(limiter.chatWait(6, 10)).toBe(0);
    limiter.pause(5000);
    expect(limiter.globalWait(1000)).toBe(4000);
    expect(limiter.globalWait(5000)).toBe(0);
  });

  it("slows down after a 429 and creeps back to the configured rate as sends succeed", () => {
    const limiter = new RateLimiter(30, 0);
    limiter.flood(1000);
    expect(limiter.globalWait(0)).toBe(1000);
    expect(limiter.current).toBe(24);
    limiter.flood(1000);
    expect(limiter.current).toBeCloseTo(19.2);
    for (let i = 0; i < 1000; i++) limiter.succeeded();
    expect(limiter.current).toBe(30);
  });
});

describe("shared budget", () => {
  it("lets a waiting reply go ahead of the outbox within its share, and never starves the outbox", () => {
    // 10/s overall; replies may take a fifth of it ahead of the outbox, 5 in a row.
    const limiter = new RateLimiter(10, 0, { replyShare: 0.2, replyBurst: 5 });
    let now = 0;
    const sent: ("reply" | "outbox")[] = [];
    // A user keeps asking while the outbox has plenty to send, for 10 seconds.
    let chat = 100;
    while (now < 10_000) {
      const reply = limiter.tryReply(++chat, now);
      if (reply === 0) {
        limiter.release(chat);
        sent.push("reply");
        continue;
      }
      if (limiter.globalWait(now) === 0) {
        limiter.acquire(1, now);
        limiter.release(1);
        sent.push("outbox");
        continue;
      }
      now += 1;
    }
    const replies = sent.filter((s) => s === "reply").length;
    const outbox = sent.length - replies;
    // Never more than the rate altogether; replies do not take it all.
    expect(sent.length).toBeLessThanOrEqual(10 * 10 + 1);
    expect(outbox).toBeGreaterThan(0);
    expect(replies).toBeGreaterThan(0);
  });

  it("holds the outbox back while a reply within its allowance waits for a token, and only then", () => {
    const limiter = new RateLimiter(10, 0);
    limiter.acquire(1, 0);
    limiter.release(1);
    // A reply asks at 50 ms; the next token comes at 100 ms, and it is the reply's.
    expect(limiter.tryReply(7, 50)).toBe(50);
    expect(limiter.globalWait(100)).toBeGreaterThan(0);
    expect(limiter.tryReply(7, 100)).toBe(0);
    limiter.release(7);
    // The reply took the token: the outbox waits for the next one (100 ms at 10/s), then goes.
    expect(limiter.globalWait(100)).toBe(100);
    expect(limiter.globalWait(200)).toBe(0);
    // The chat the reply went to keeps its spacing for the outbox as well.
    expect(limiter.chatWait(7, 200)).toBe(900);
    // A reply to a chat with a message in flight waits for it, and holds nobody back meanwhile.
    limiter.acquire(8, 200);
    expect(limiter.tryReply(8, 250)).toBe(20);
    expect(limiter.globalWait(300)).toBe(0);
  });

  it("keeps the paid lane apart from the free rate, and a 429 pauses both", () => {
    const limiter = new RateLimiter(1, 0, { paidRate: 1000 });
    limiter.acquire(1, 0, "free");
    expect(limiter.globalWait(1, "free")).toBeGreaterThan(900);
    for (let chat = 2; chat < 12; chat++) {
      expect(limiter.globalWait(chat, "paid")).toBe(0);
      limiter.acquire(chat, chat, "paid");
    }
    limiter.flood(5000, "paid");
    expect(limiter.globalWait(100, "paid")).toBe(4900);
    expect(limiter.globalWait(100, "free")).toBe(4900);
  });
});
