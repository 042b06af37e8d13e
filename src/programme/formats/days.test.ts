import { describe, expect, it } from "vitest";
import { chooseDayChange, conferenceDays } from "./days.js";

const at = (iso: string) => Date.parse(iso);

describe("chooseDayChange", () => {
  it("takes the day change from the end of the source's days (38C3: 06:00, FOSDEM: 08:59 → 09:00)", () => {
    const days = [
      { date: "2024-12-27", start: "2024-12-27T09:30:00+00:00", end: "2024-12-28T06:00:00+01:00", rooms: [] },
      { date: "2024-12-28", start: "2024-12-28T09:00:00+01:00", end: "2024-12-29T06:00:00+01:00", rooms: [] },
    ];
    const events = [{ start: at("2024-12-28T01:30:00+01:00"), dayDate: "2024-12-27" }];
    expect(chooseDayChange(days, undefined, events, "Europe/Berlin")).toBe("06:00");
    const fosdem = [
      { date: "2026-01-31", start: "2026-01-31T09:00:00+01:00", end: "2026-02-01T08:59:00+01:00", rooms: [] },
    ];
    expect(chooseDayChange(fosdem, "09:00:00", [], "Europe/Brussels")).toBe("09:00");
  });

  it("falls back to the source's day_change, then midnight, and prefers what files events where the source does", () => {
    expect(chooseDayChange([], "09:00:00", [], "Europe/Brussels")).toBe("09:00");
    expect(chooseDayChange([], undefined, [], "Europe/Brussels")).toBe("00:00");
    // Zero-length day windows (jev22) say nothing; an event at 02:00 filed under the day before needs 04:00.
    const flat = [
      { date: "2022-12-26", start: "2022-12-26T09:00:00+01:00", end: "2022-12-26T09:00:00+01:00", rooms: [] },
    ];
    const night = [{ start: at("2022-12-27T02:00:00+01:00"), dayDate: "2022-12-26" }];
    expect(chooseDayChange(flat, "04:00", night, "Europe/Berlin")).toBe("04:00");
  });
});

describe("conferenceDays", () => {
  it("lists the days sessions fall on, else the declared ones", () => {
    const starts = [at("2024-12-28T01:30:00+01:00"), at("2024-12-28T11:00:00+01:00")];
    expect(conferenceDays(starts, [], "Europe/Berlin", "06:00")).toEqual(["2024-12-27", "2024-12-28"]);
    expect(conferenceDays([], ["2024-12-27"], "Europe/Berlin", "00:00")).toEqual(["2024-12-27"]);
  });
});
