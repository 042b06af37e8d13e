import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect.js";

describe("detectFormat", () => {
  it("recognises each format from its content", () => {
    expect(detectFormat('<?xml version="1.0"?><schedule/>')).toBe("frab-xml");
    expect(detectFormat("<!-- pretalx -->\n<schedule/>")).toBe("frab-xml");
    expect(detectFormat("\uFEFFBEGIN:VCALENDAR\r\nEND:VCALENDAR")).toBe("ical");
    expect(detectFormat('{"schedule": {"conference": {}}}')).toBe("c3voc-json");
    expect(detectFormat('{"conference": {}, "sessions": []}')).toBe("canonical");
    expect(detectFormat("conference:\n  name: x\n")).toBe("canonical");
    expect(detectFormat("{ broken")).toBe("canonical");
    expect(detectFormat('{"$schema": "https://c3voc.de/schedule/schema.json", "schedule": {"conf')).toBe(
      "c3voc-json",
    );
  });
});
