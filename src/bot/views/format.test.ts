import { describe, expect, it } from "vitest";
import {
  buttonLabel,
  escapeHtml,
  fitLines,
  formatDay,
  formatTimeRange,
  formatWhen,
  nightOf,
  truncate,
  yearIn,
} from "./format.js";

const TZ = "Asia/Yekaterinburg";

describe("format", () => {
  it("formats time ranges in the conference's timezone and the reader's language", () => {
    expect(formatTimeRange("2013-02-25T05:00:00Z", "2013-02-25T06:00:00Z", TZ, "en")).toBe(
      "Mon 25 Feb, 11:00–12:00",
    );
    expect(formatTimeRange("2013-02-25T11:00:00+06:00", "2013-02-25T12:00:00+06:00", TZ, "ru")).toBe(
      "пн, 25 февраля, 11:00–12:00",
    );
    expect(formatTimeRange("2013-02-25T23:00:00+06:00", "2013-02-26T01:00:00+06:00", TZ, "en")).toBe(
      "Mon 25 Feb, 23:00–Tue 26 Feb, 01:00",
    );
    expect(formatDay("2013-02-26", TZ, "en")).toBe("Tue 26 Feb");
  });

  it("adds the year when the date is not in the year of the clock", () => {
    const in2013 = Date.parse("2013-01-10T12:00:00Z");
    const in2026 = Date.parse("2026-12-01T12:00:00Z");
    expect(formatDay("2013-02-26", TZ, "en", in2013)).toBe("Tue 26 Feb");
    expect(formatDay("2013-02-26", TZ, "en", in2026)).toBe("Tue 26 Feb 2013");
    expect(formatDay("2013-02-26", TZ, "ru", in2026)).toBe("вт, 26 февраля 2013");
    expect(formatTimeRange("2013-02-25T11:30:00+06:00", "2013-02-25T12:30:00+06:00", TZ, "ru", in2026)).toBe(
      "пн, 25 февраля 2013, 11:30–12:30",
    );
    expect(formatTimeRange("2013-02-25T11:30:00+06:00", "2013-02-25T12:30:00+06:00", TZ, "en", in2013)).toBe(
      "Mon 25 Feb, 11:30–12:30",
    );
  });

  it("tells the year of the clock right on either side of New Year in the conference's timezone", () => {
    // 2013-12-31 23:30 in Yekaterinburg (UTC+6 then) is still 2013 there, half an hour later it is 2014.
    const before = Date.parse("2013-12-31T23:30:00+06:00");
    const after = Date.parse("2014-01-01T00:00:00+06:00");
    expect(yearIn(before, TZ)).toBe(2013);
    expect(yearIn(after, TZ)).toBe(2014);
    expect(yearIn(before, TZ)).toBe(2013);
    expect(yearIn(before, "UTC")).toBe(2013);
    expect(yearIn(Date.parse("2013-12-31T20:00:00Z"), TZ)).toBe(2014);
    expect(formatDay("2014-01-01", TZ, "en", before)).toBe("Wed 1 Jan 2014");
    expect(formatDay("2014-01-01", TZ, "en", after)).toBe("Wed 1 Jan");
  });

  it("escapes the four characters HTML mode cares about", () => {
    expect(escapeHtml(`<b> & "x" 'y'`)).toBe("&lt;b&gt; &amp; &quot;x&quot; 'y'");
  });

  it("shortens at a word boundary with an ellipsis, counting code points", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("The quick brown fox jumps", 16)).toBe("The quick brown…");
    expect(Array.from(truncate("🎉".repeat(20), 5))).toHaveLength(5);
    expect(buttonLabel(`a\nb ${"long ".repeat(30)}`).length).toBeLessThanOrEqual(48);
  });

  it("makes a button label one line, and the same label for the same text every time it is asked", () => {
    const long = `1. ⭐ Advanced\n  Flask   patterns: ${"blueprints ".repeat(8)}`;
    const first = buttonLabel(long);
    expect(first).toBe(truncate(long.replace(/\s+/g, " ").trim(), 48));
    expect(first).not.toMatch(/\n|\s{2}/);
    expect(buttonLabel(long)).toBe(first);
    expect(buttonLabel("  Back ")).toBe("Back");
    expect(buttonLabel("Back")).toBe("Back");
    // Many distinct texts (the memo is emptied when it grows large): each still gets its own label.
    for (let i = 0; i < 25_000; i++) expect(buttonLabel(`Talk ${i}`)).toBe(`Talk ${i}`);
    expect(buttonLabel(long)).toBe(first);
  });

  it("fits lines under a limit without cutting a line", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `<b>line ${i}</b>`);
    const text = fitLines(lines, 200);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith("\n…")).toBe(true);
    expect(
      text
        .split("\n")
        .slice(0, -1)
        .every((l) => /^<b>line \d+<\/b>$/.test(l)),
    ).toBe(true);
  });
});

describe("a session's date past midnight", () => {
  const tz = "Europe/Berlin";
  it("is the day it takes place on one line, and 'the night of' under its conference day", () => {
    expect(formatWhen("2024-12-28T01:10:00+01:00", tz, "en", Date.parse("2024-12-01"))).toBe(
      "Sat 28 Dec, 01:10",
    );
    expect(formatWhen("2024-12-28T01:10:00+01:00", tz, "ru", Date.parse("2024-12-01"))).toBe(
      "сб, 28 декабря, 01:10",
    );
    expect(nightOf("2024-12-27", "2024-12-28T01:10:00+01:00", tz, "en")).toBe("🌙 Night of Fri → Sat");
    expect(nightOf("2024-12-27", "2024-12-28T01:10:00+01:00", tz, "ru")).toBe("🌙 Ночь с пятницы на субботу");
    expect(nightOf("2024-12-27", "2024-12-27T23:10:00+01:00", tz, "en")).toBeUndefined();
  });
});
