import { describe, expect, it } from "vitest";
import { demoClock } from "./clock.js";

describe("demoClock", () => {
  it("starts at the demo instant and runs forward with the real clock", () => {
    let real = 1_000_000;
    const clock = demoClock(Date.parse("2013-02-24T09:47:00+06:00"), () => real);
    expect(new Date(clock()).toISOString()).toBe("2013-02-24T03:47:00.000Z");
    real += 90_000;
    expect(new Date(clock()).toISOString()).toBe("2013-02-24T03:48:30.000Z");
  });
});
