import { describe, expect, it } from "vitest";
import { buttonLabel, escapeHtml, fitLines, formatDay, formatTimeRange, truncate } from "./format.js";

const TZ = "Asia/Yekaterinburg";

describe("format", () => {
  it("formats time ranges in the conference's timezone and the reader's language", () => {
    expect(formatTimeRange("2013-02-25T05:00:00Z", "2013-02-25T06:00:00Z", TZ, "en")).toBe(
      "Mon 25 Feb, 11:00–12:00",
    );
    expect(formatTimeRange("2013-02-25T11:00:00+06:00", "2013-02-25T12:00:00+06:00", TZ, "ru")).toBe(
      "пн 25 февр., 11:00–12:00",
    );
    expect(formatTimeRange("2013-02-25T23:00:00+06:00", "2013-02-26T01:00:00+06:00", TZ, "en")).toBe(
      "Mon 25 Feb, 23:00–Tue 26 Feb, 01:00",
    );
    expect(formatDay("2013-02-26", TZ, "en")).toBe("Tue 26 Feb");
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
