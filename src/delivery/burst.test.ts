import { describe, expect, it } from "vitest";
import { forecastOf, interleaveTies, planSends } from "./burst.js";

const S = 1000;
const MIN = 60 * S;
const due = (at: number, n: number) => Array.from({ length: n }, (_, i) => ({ dueAt: at, n: i }));

describe("planning sends ahead of bursts", () => {
  it("ends a burst at its due time and starts it as early as the rate needs, no earlier", () => {
    const D = 100 * MIN;
    const plan = planSends(due(D, 10_000), { now: 0, rate: 30 });
    const times = plan.map((p) => p.sendAt);
    expect(Math.max(...times)).toBe(D);
    // 10,000 at 30/s take 333 s: the first goes 5.6 minutes early.
    expect(D - Math.min(...times)).toBe(Math.round((9_999 * 1000) / 30));
    expect(plan.every((p) => p.lateMs === 0)).toBe(true);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(33);
  });

  it("sends a lone reminder exactly when it is due", () => {
    expect(planSends([{ dueAt: 5 * MIN }], { now: 0, rate: 30 })).toEqual([
      { item: { dueAt: 5 * MIN }, sendAt: 5 * MIN, lateMs: 0, hurry: false },
    ]);
  });

  it("lets a few due now all go now: their paced slots are past their due time", () => {
    const plan = planSends(due(MIN, 5), { now: MIN, rate: 10 });
    expect(plan.map((p) => p.sendAt)).toEqual([MIN, MIN, MIN, MIN, MIN]);
    expect(plan.map((p) => p.lateMs)).toEqual([0, 100, 200, 300, 400]);
  });

  it("chains bursts that overlap: the earlier one moves ahead to make room for the later one", () => {
    const a = due(60 * MIN, 3000).map((x) => ({ ...x, s: "a" }));
    const b = due(61 * MIN, 3000).map((x) => ({ ...x, s: "b" }));
    const plan = planSends([...b, ...a], { now: 0, rate: 30 });
    const lastA = Math.max(...plan.filter((p) => p.item.s === "a").map((p) => p.sendAt));
    const firstB = Math.min(...plan.filter((p) => p.item.s === "b").map((p) => p.sendAt));
    expect(lastA).toBeLessThan(firstB);
    expect(plan.every((p) => p.sendAt <= p.item.dueAt)).toBe(true);
    // 6,000 at 30/s need 200 s: A's first goes 200 s before B's due time, 140 s before its own.
    expect(61 * MIN - Math.min(...plan.map((p) => p.sendAt))).toBeCloseTo(200_000, -2);
  });

  it("when the time is too short, sends from now at the full rate, most urgent first, and says how late", () => {
    const now = 0;
    // 20,000 people with a lead of 5 minutes, at 30/s: 667 s of sending for 300 s.
    const big = due(5 * MIN, 20_000).map((x) => ({ ...x, s: "keynote" }));
    const soon = due(2 * MIN, 100).map((x) => ({ ...x, s: "soon" }));
    const plan = planSends([...big, ...soon], { now, rate: 30, hurryAfterMs: 30 * S });
    expect(plan[0]?.sendAt).toBe(now);
    expect(plan.slice(0, 100).every((p) => p.item.s === "soon")).toBe(true);
    // One run, late: all of it may go at once, in that order, as fast as the dispatcher can.
    expect(plan.every((p) => p.hurry && p.sendAt === now)).toBe(true);
    const f = forecastOf(plan, 60 * S);
    expect(f.total).toBe(20_100);
    // The last goes out 20,100 / 30 = 670 s from now, 370 s after its due time.
    expect(f.maxLateMs).toBeCloseTo(370_000, -3);
    expect(f.worstDueAt).toBe(5 * MIN);
    // Those sent within 60 s of 5:00 are on time: (360 s × 30) − 100 ahead of them.
    expect(f.late).toBeCloseTo(20_100 - 360 * 30, -1);
  });

  it("a hurried run never goes before an item's earliest time, and keeps its order", () => {
    // 600 due at 3 min that may not go before 2 min, then 3,000 due at 4 min that may go from the start.
    const first = due(3 * MIN, 600).map((x) => ({ ...x, s: "a", earliestAt: 2 * MIN }));
    const second = due(4 * MIN, 3000).map((x) => ({ ...x, s: "b" }));
    const plan = planSends([...second, ...first], { now: 0, rate: 10, hurryAfterMs: 30 * S });
    expect(plan.every((p) => p.hurry)).toBe(true);
    expect(plan.slice(0, 600).every((p) => p.item.s === "a" && p.sendAt === 2 * MIN)).toBe(true);
    // B's slots would begin before A's earliest time; behind A in the run, B may go no earlier than A.
    expect(plan.slice(600).every((p) => p.item.s === "b" && p.sendAt === 2 * MIN)).toBe(true);
  });

  it("a run that waits a little for the sends before it keeps its pace and its slots", () => {
    // 1,000 due at 99 s at 10/s would begin 0.9 s ago: they all move 0.9 s later, not worth a hurry, and 500 due at 150 s keep their own slots (nothing goes early to make up for it).
    const a = due(99 * S, 1000).map((x) => ({ ...x, s: "a" }));
    const b = due(150 * S, 500).map((x) => ({ ...x, s: "b" }));
    const plan = planSends([...a, ...b], { now: 0, rate: 10, hurryAfterMs: 30 * S });
    expect(plan.some((p) => p.hurry)).toBe(false);
    expect(plan[0]?.sendAt).toBe(0);
    expect(Math.max(...plan.map((p) => p.lateMs))).toBe(900);
    const firstB = Math.min(...plan.filter((p) => p.item.s === "b").map((p) => p.sendAt));
    expect(firstB).toBe(100_100);
    expect(plan.filter((p) => p.item.s === "b").every((p) => p.lateMs === 0)).toBe(true);
  });

  it("reports nothing late when everything fits", () => {
    expect(forecastOf(planSends(due(10 * MIN, 100), { now: 0, rate: 30 }), 60 * S)).toEqual({
      total: 100,
      late: 0,
      maxLateMs: 0,
    });
  });
});

describe("sharing a burst's slots among groups", () => {
  const item = (dueAt: number, group: string, n: number) => ({ dueAt, group, n });

  it("lets the groups of items due at the same instant take turns, each group in its own order", () => {
    const items = [
      item(MIN, "a", 1),
      item(MIN, "a", 2),
      item(MIN, "a", 3),
      item(MIN, "b", 1),
      item(MIN, "b", 2),
      item(2 * MIN, "a", 4),
      item(30 * S, "b", 0),
    ];
    expect(interleaveTies(items, (i) => i.group).map((i) => `${i.group}${i.n}`)).toEqual([
      "b0",
      "a1",
      "b1",
      "a2",
      "b2",
      "a3",
      "a4",
    ]);
  });

  it("splits a burst that cannot be on time evenly between two groups", () => {
    const items = [
      ...Array.from({ length: 300 }, (_, n) => item(MIN, "a", n)),
      ...Array.from({ length: 300 }, (_, n) => item(MIN, "b", n)),
    ];
    const plan = planSends(
      interleaveTies(items, (i) => i.group),
      { now: MIN - 10 * S, rate: 10 },
    );
    const latest = (g: string) => Math.max(...plan.filter((p) => p.item.group === g).map((p) => p.lateMs));
    const onTime = (g: string) => plan.filter((p) => p.item.group === g && p.lateMs === 0).length;
    // 600 at 10/s take 60 s, 10 s of it before they are due: each group has half of the 100 on-time slots.
    expect(Math.abs(latest("a") - latest("b"))).toBeLessThanOrEqual(100);
    expect(onTime("a")).toBeGreaterThanOrEqual(49);
    expect(onTime("b")).toBeGreaterThanOrEqual(49);
  });
});
