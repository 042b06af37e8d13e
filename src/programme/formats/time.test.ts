import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  clockOf,
  dateOf,
  dayOf,
  fixedZoneName,
  instantMs,
  isoIn,
  localMs,
  mostCommon,
  normaliseZone,
  offsetAt,
  offsetOf,
  parseDuration,
} from "./time.js";

describe("parseDuration", () => {
  it("reads 0:30 and 00:30 alike and says how each was written", () => {
    expect(parseDuration("0:30")).toEqual({ minutes: 30, style: "h:mm" });
    expect(parseDuration("00:30")).toEqual({ minutes: 30, style: "hh:mm" });
    expect(parseDuration("12:00")).toEqual({ minutes: 720, style: "hh:mm" });
    expect(parseDuration("01:30:00")).toEqual({ minutes: 90, style: "other" });
    expect(parseDuration("PT1H15M")).toEqual({ minutes: 75, style: "other" });
    for (const bad of ["", "soon", "1h", "PT", undefined]) expect(parseDuration(bad)).toBeUndefined();
  });
});

describe("zones", () => {
  it("accepts IANA names and fixed offsets, nothing else", () => {
    expect(normaliseZone("Europe/Brussels")).toBe("Europe/Brussels");
    expect(normaliseZone("+05:30")).toBe("UTC+05:30");
    expect(normaliseZone("UTC-5")).toBe("UTC-05:00");
    expect(normaliseZone("UTC")).toBe("UTC");
    expect(normaliseZone("Mars/Olympus")).toBeUndefined();
    expect(fixedZoneName(60)).toBe("UTC+01:00");
    // luxon takes the fixed-offset names as zones
    expect(DateTime.fromMillis(0, { zone: fixedZoneName(-300) }).offset).toBe(-300);
  });

  it("reads offsets only from instants that carry one", () => {
    expect(offsetOf("2024-12-27T10:30:00+01:00")).toBe(60);
    expect(offsetOf("2024-12-27T10:30:00Z")).toBe(0);
    expect(offsetOf("2024-12-27T10:30:00")).toBeUndefined();
    expect(instantMs("2024-12-27T10:30:00")).toBeNaN();
    expect(instantMs("2024-12-27T10:30:00+01:00")).toBe(Date.UTC(2024, 11, 27, 9, 30));
    expect(localMs("2020-02-01T09:30", "Europe/Brussels")).toBe(Date.UTC(2020, 1, 1, 8, 30));
  });

  it("agrees with luxon across DST changes", () => {
    // Around Europe/Berlin's switch to summer time on 2021-03-28 at 01:00 UTC.
    for (let ms = Date.UTC(2021, 2, 27, 20); ms < Date.UTC(2021, 2, 28, 6); ms += 17 * 60_000) {
      const dt = DateTime.fromMillis(ms, { zone: "Europe/Berlin" });
      expect(offsetAt("Europe/Berlin", ms)).toBe(dt.offset);
      expect(isoIn(ms, "Europe/Berlin")).toBe(dt.toISO({ suppressMilliseconds: true }));
      expect(clockOf(ms, "Europe/Berlin")).toBe(dt.toFormat("HH:mm"));
      expect(dateOf(ms, "Europe/Berlin")).toBe(dt.toISODate());
    }
    expect(isoIn(0, "UTC")).toBe("1970-01-01T00:00:00Z");
    expect(isoIn(0, "Asia/Kolkata")).toBe("1970-01-01T05:30:00+05:30");
  });

  it("files an instant under the conference day after the day change", () => {
    const night = Date.parse("2024-12-28T01:30:00+01:00");
    expect(dayOf(night, "Europe/Berlin", "06:00")).toBe("2024-12-27");
    expect(dayOf(night, "Europe/Berlin")).toBe("2024-12-28");
    expect(dayOf(Date.parse("2024-12-28T06:00:00+01:00"), "Europe/Berlin", "06:00")).toBe("2024-12-28");
  });
});

describe("mostCommon", () => {
  it("picks the most frequent value, the first seen on a tie", () => {
    expect(mostCommon([60, 0, 60, 0, -300])).toBe(60);
    expect(mostCommon([])).toBeUndefined();
  });
});
