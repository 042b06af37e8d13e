import { describe, expect, it } from "vitest";
import { zoneLabel } from "./timezone.js";

describe("zoneLabel", () => {
  const feb2013 = Date.parse("2013-02-25T11:00:00+06:00");
  it("names the zone and its offset at that date, in both languages", () => {
    expect(zoneLabel("Asia/Yekaterinburg", "en", feb2013)).toBe("Yekaterinburg Standard Time (UTC+6)");
    expect(zoneLabel("Asia/Yekaterinburg", "ru", feb2013)).toBe("Екатеринбург (UTC+6)");
    // The same zone has another offset today: the label follows the date it is asked for.
    expect(zoneLabel("Asia/Yekaterinburg", "en", Date.parse("2030-02-25T11:00:00Z"))).toContain("UTC+5");
  });
  it("works for any IANA zone", () => {
    expect(zoneLabel("Europe/Brussels", "en", Date.parse("2024-02-03T10:00:00Z"))).toBe(
      "Central European Time (UTC+1)",
    );
    expect(zoneLabel("America/New_York", "ru", Date.parse("2024-07-03T10:00:00Z"))).toBe(
      "Восточная Америка (UTC-4)",
    );
  });
});
